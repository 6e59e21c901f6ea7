"""The analysis helpers and chart builders of notebooks 00-02 (worldorder/history.py)."""

import json

import altair as alt
import pandas as pd
import pytest

import worldorder as wo
from worldorder import history

# Quoted from U.S. Department of State, "Voting Practices in the United Nations 2023".
PUBLISHED_2023 = {"Canada": 80, "United Kingdom": 80, "France": 74, "Germany": 72, "Japan": 64,
                  "India": 37, "Brazil": 37, "China": 28, "Russia": 27}


# ---------------------------------------------------------------- voting coincidence


def test_the_2023_coincidence_table_reproduces_the_nine_published_percentages():
    table = history.coincidence_table(list(PUBLISHED_2023), 2023)
    assert list(table["2021"]) == list(PUBLISHED_2023.values())


def test_the_pre2017_rule_gives_other_headline_numbers_for_the_same_votes():
    table = history.coincidence_table(list(PUBLISHED_2023), 2023)
    assert not (table["pre2017"] == list(PUBLISHED_2023.values())).any()
    assert table.loc["CAN", "pre2017"] == 87  # 61 identical / (61 + 9 opposite), rounded
    assert (table.loc[["CAN", "GBR", "FRA"], "pre2017"] > table.loc[["CAN", "GBR", "FRA"], "2021"]).all()
    assert (table.loc[["CHN", "RUS"], "pre2017"] < table.loc[["CHN", "RUS"], "2021"]).all()


def test_coincidence_table_keeps_the_order_given_and_rejects_unknown_countries():
    table = history.coincidence_table(["Russia", "Canada"], 2023)
    assert list(table.index) == ["RUS", "CAN"]
    with pytest.raises(ValueError, match="Did you mean Canada"):
        history.coincidence_table(["Canda"], 2023)


# ---------------------------------------------------------------- agreement with the USA


def test_usa_russia_identical_share_in_1995_is_29_of_80():
    row = history.us_agreement(["Russia"], years=[1995]).iloc[0]
    assert (row["n_identical"], row["n_both"]) == (29, 80)
    assert row["share"] == pytest.approx(0.3625)


def test_us_agreement_finds_partners_on_either_side_of_the_pair():
    # VNM sorts after USA (USA is iso3_a), CAN before it (USA is iso3_b).
    table = history.us_agreement(["Viet Nam", "Canada"], years=[2023])
    raw = wo.history_agreement().query("year == 2023")
    expected_vnm = raw.query("iso3_a == 'USA' and iso3_b == 'VNM'")["share"].iloc[0]
    assert table.set_index("iso3").loc["VNM", "share"] == pytest.approx(expected_vnm)
    assert set(table["iso3"]) == {"VNM", "CAN"}


def test_us_agreement_spans_the_history_without_1964():
    years = set(history.us_agreement(["UK"])["year"])
    assert min(years) == 1946 and max(years) == 2025 and 1964 not in years


def test_us_rank_2023_puts_israel_first_and_ranks_every_member_once():
    ranked = history.us_rank(2023)
    assert ranked["iso3"].iloc[0] == "ISR"
    assert ranked["rank"].tolist() == list(range(1, len(ranked) + 1))
    assert ranked["iso3"].is_unique and "USA" not in set(ranked["iso3"])
    assert ranked["share"].is_monotonic_decreasing


def test_us_rank_names_the_missing_year():
    with pytest.raises(ValueError, match="1964"):
        history.us_rank(1964)


def test_us_agreement_rejects_a_misspelt_country():
    with pytest.raises(ValueError, match="Russia"):
        history.us_agreement(["Rusia"])


# ---------------------------------------------------------------- coverage and timeline


def test_history_coverage_comes_from_the_manifest():
    coverage = history.history_coverage()
    assert coverage["first"] == pd.Timestamp("1946-01-24")
    assert coverage["last"] == pd.Timestamp("2025-10-29")
    assert history.last_full_year() == 2024
    assert history.missing_years() == [1964]


def test_cold_war_end_is_the_year_russia_took_the_soviet_seat():
    assert history.cold_war_end() == 1991
    with pytest.raises(ValueError, match="No timeline event"):
        history.event_date("no such event anywhere")


# ---------------------------------------------------------------- bloc membership


@pytest.mark.parametrize("year, members", [(1949, 12), (1952, 14), (1982, 16), (2020, 30), (2024, 32)])
def test_nato_member_count_at_year_end(year, members):
    counts = history.membership_counts(["NATO"], years=[year]).set_index("year")
    assert counts.loc[year, "members"] == members


def test_membership_counts_leave_out_years_without_members():
    counts = history.membership_counts(["Warsaw Pact", "eu"], years=range(1950, 2000))
    warsaw = counts[counts["bloc"] == "Warsaw Pact"]
    assert warsaw["year"].min() == 1955 and warsaw["year"].max() == 1990
    assert counts[counts["bloc"] == "EU"]["year"].min() == 1958  # "eu" resolved to the project's name
    with pytest.raises(ValueError, match="Unknown bloc"):
        history.membership_counts(["Nato2"])


# ---------------------------------------------------------------- sources


def test_seed_sources_lists_the_five_articles_and_their_files_exist():
    sources = history.seed_sources()
    assert list(sources["id"]) == ["explainer", "analysis", "report", "opinion", "summary"]
    assert all((history.SEEDS_DIR / name).is_file() for name in sources["file"])
    assert "United States" in history.seed_text("report")
    with pytest.raises(ValueError, match="explainer"):
        history.seed_text("editorial")


# ---------------------------------------------------------------- charts


def _charts():
    counts = history.membership_counts(["NATO", "EU"])
    agreement = history.us_agreement(["Russia", "UK"])
    table = history.coincidence_table(list(PUBLISHED_2023), 2023)
    return {
        "timeline": history.timeline_chart(),
        "membership": history.membership_chart(counts),
        "agreement": history.us_agreement_chart(agreement),
        "rank": history.us_rank_chart(years=(1985, 2023)),
        "coincidence": history.coincidence_chart(table),
        "focus": history.focus_votes_chart(),
    }


@pytest.mark.parametrize("name", list(_charts()))
def test_every_chart_has_a_title_a_description_and_inline_data(name):
    chart = _charts()[name]
    assert isinstance(chart, alt.TopLevelMixin)
    spec = chart.to_dict()
    assert spec.get("title"), f"{name} has no title"
    assert spec.get("description", "").strip(), f"{name} has no description"
    assert '"url"' not in json.dumps(spec), f"{name} would fetch its data"


def test_chart_descriptions_state_findings_computed_from_the_data():
    charts = _charts()
    assert charts["timeline"].to_dict()["description"].startswith(f"{len(wo.timeline())} sourced events")
    assert "NATO 12 in 1949" in charts["membership"].to_dict()["description"]
    assert "7 percentage points" in charts["coincidence"].to_dict()["description"]
    n_ga = (wo.resolutions()["body"] == "GA").sum()
    assert charts["focus"].to_dict()["description"].startswith(f"{n_ga} General Assembly votes")


@pytest.mark.parametrize("bloc", ["NATO", "EU", "Warsaw Pact", "BRICS", "WEOG"])
def test_membership_counts_agree_with_bloc_members(bloc):
    counts = history.membership_counts([bloc], years=range(1950, 2026, 5)).set_index("year")["members"]
    for year, members in counts.items():
        assert members == len(wo.bloc_members(bloc, on=f"{year}-12-31"))
