"""The analysis helpers and chart builders of notebooks 00-02: the timeline and the span of the record
(worldorder/order.py), bloc membership over time, agreement with the USA and voting coincidence
(worldorder/pairs.py), computed from the votes at run time, and the charts that draw them."""

import json
from fractions import Fraction

import altair as alt
import pandas as pd
import pytest

import worldorder as wo

# Quoted from U.S. Department of State, "Voting Practices in the United Nations 2023".
PUBLISHED_2023 = {"Canada": 80, "United Kingdom": 80, "France": 74, "Germany": 72, "Japan": 64,
                  "India": 37, "Brazil": 37, "China": 28, "Russia": 27}


# ---------------------------------------------------------------- voting coincidence


def test_the_2023_coincidence_table_reproduces_the_nine_published_percentages():
    table = wo.coincidence_table(list(PUBLISHED_2023), 2023)
    assert list(table["2021"]) == list(PUBLISHED_2023.values())


def test_the_pre2017_rule_gives_other_headline_numbers_for_the_same_votes():
    table = wo.coincidence_table(list(PUBLISHED_2023), 2023)
    assert not (table["pre2017"] == list(PUBLISHED_2023.values())).any()
    assert table.loc["CAN", "pre2017"] == 87  # 61 identical / (61 + 9 opposite), rounded
    assert (table.loc[["CAN", "GBR", "FRA"], "pre2017"] > table.loc[["CAN", "GBR", "FRA"], "2021"]).all()
    assert (table.loc[["CHN", "RUS"], "pre2017"] < table.loc[["CHN", "RUS"], "2021"]).all()


def test_coincidence_fractions_are_exact_and_report_percent_refuses_percentages_and_nan():
    can = wo.us_comparisons().query("year == 2023 and iso3 == 'CAN'").iloc[0]
    assert wo.coincidence_fraction(can, "pre2017") == Fraction(61, 70)
    assert wo.report_percent(Fraction(109, 200)) == 54  # 54.5 exactly: half to even
    with pytest.raises(ValueError, match="percentage already"):
        wo.report_percent(87)
    with pytest.raises(ValueError, match="NaN"):
        wo.report_percent(float("nan"))


def test_coincidence_table_keeps_the_order_given_and_rejects_unknown_countries():
    table = wo.coincidence_table(["Russia", "Canada"], 2023)
    assert list(table.index) == ["RUS", "CAN"]
    with pytest.raises(ValueError, match="Did you mean Canada"):
        wo.coincidence_table(["Canda"], 2023)


def test_us_comparisons_2023_rest_on_88_recorded_votes():
    assert wo.rollcalls_per_year().set_index("year").loc[2023, "recorded_votes"] == 88
    us = wo.us_comparisons().query("year == 2023 and iso3 == 'CAN'").iloc[0]
    assert us.n_votes == 88


# ---------------------------------------------------------------- agreement with the USA


@pytest.mark.parametrize("year", [1970, 1990, 1995, 2023])
def test_usa_russia_identical_share_matches_the_raw_derived_table(raw, year):
    derived = pd.read_csv(raw / "unga_history" / "derived" / "usa_identical_vote_share_by_year.csv")
    expected = derived.query("source == 'undl_scrape' and pair == 'USA-RUS' and year == @year")
    ours = wo.yearly_agreement().query("iso3_a == 'RUS' and iso3_b == 'USA' and year == @year")
    assert round(ours["share"].iloc[0], 3) == round(expected["identical_share"].iloc[0], 3)
    assert ours["n_both"].iloc[0] == expected["n_votes_both_voted"].iloc[0]


def test_recorded_ga_votes_per_year_match_the_raw_derived_table(raw):
    derived = pd.read_csv(raw / "unga_history" / "derived" / "rollcalls_per_year.csv").set_index("year")
    ours = wo.rollcalls_per_year().set_index("year")["recorded_votes"]
    full = [y for y in derived.index if y <= wo.last_full_year()]
    assert (ours.reindex(full).fillna(0) == derived.loc[full, "undl_ga_recorded_votes"]).all()


def test_usa_russia_identical_share_in_1995_is_29_of_80():
    row = wo.us_agreement(["Russia"], years=[1995]).iloc[0]
    assert (row["n_identical"], row["n_both"]) == (29, 80)
    assert row["share"] == pytest.approx(0.3625)
    pair = wo.yearly_agreement().query("iso3_a == 'RUS' and iso3_b == 'USA' and year == 1995").iloc[0]
    assert (pair.n_identical, pair.n_both) == (29, 80)
    assert wo.agreement_share("USA", "Russia", 1995) == pytest.approx(0.3625)


def test_us_agreement_finds_partners_on_either_side_of_the_pair():
    # VNM sorts after USA (USA is iso3_a), CAN before it (USA is iso3_b).
    table = wo.us_agreement(["Viet Nam", "Canada"], years=[2023])
    raw = wo.yearly_agreement().query("year == 2023")
    expected_vnm = raw.query("iso3_a == 'USA' and iso3_b == 'VNM'")["share"].iloc[0]
    expected_can = raw.query("iso3_a == 'CAN' and iso3_b == 'USA'")["share"].iloc[0]
    assert table.set_index("iso3").loc["VNM", "share"] == pytest.approx(expected_vnm)
    assert table.set_index("iso3").loc["CAN", "share"] == pytest.approx(expected_can)
    assert set(table["iso3"]) == {"VNM", "CAN"}


def test_us_agreement_spans_the_history_without_1964():
    years = set(wo.us_agreement(["UK"])["year"])
    assert min(years) == 1946 and max(years) == 2025 and 1964 not in years


def test_us_rank_2023_puts_israel_first_and_ranks_every_member_once():
    ranked = wo.us_rank(2023)
    assert ranked["iso3"].iloc[0] == "ISR"
    assert ranked["rank"].tolist() == list(range(1, len(ranked) + 1))
    assert ranked["iso3"].is_unique and "USA" not in set(ranked["iso3"])
    assert ranked["share"].is_monotonic_decreasing


def test_us_rank_names_the_missing_year():
    with pytest.raises(ValueError, match="1964"):
        wo.us_rank(1964)


def test_us_agreement_rejects_a_misspelt_country():
    with pytest.raises(ValueError, match="Russia"):
        wo.us_agreement(["Rusia"])


# ---------------------------------------------------------------- the span of the record and the timeline


def test_the_record_span_is_computed_from_the_recorded_votes():
    span = wo.order.record_span()
    ga = wo.resolutions(body="GA")
    # The first GA record, A/RES/1(I) of 24 January 1946, was adopted without a recorded vote.
    assert span["first"] == ga["date"].min() == pd.Timestamp("1946-01-26")
    assert span["last"] == ga["date"].max() == pd.Timestamp("2025-12-18")
    assert span["scrape_last"] == pd.Timestamp("2025-10-29")  # the UN Digital Library scrape
    after = ga[ga["date"] > span["scrape_last"]]
    assert list(after["short"]) == ["ES-11/9", "80/223"] and after["focus"].all()
    assert wo.last_full_year() == 2024
    assert wo.missing_years() == [1964]


def test_cold_war_end_is_the_year_russia_took_the_soviet_seat():
    assert wo.cold_war_end() == 1991
    assert wo.event_date("Charter signed") == pd.Timestamp("1945-06-26")
    with pytest.raises(ValueError, match="No timeline event"):
        wo.event_date("no such event anywhere")


# ---------------------------------------------------------------- bloc membership


@pytest.mark.parametrize("year, members", [(1949, 12), (1952, 14), (1982, 16), (2020, 30), (2024, 32)])
def test_nato_member_count_at_year_end(year, members):
    counts = wo.membership_counts(["NATO"], years=[year]).set_index("year")
    assert counts.loc[year, "members"] == members


def test_membership_counts_leave_out_years_without_members():
    counts = wo.membership_counts(["Warsaw Pact", "eu"], years=range(1950, 2000))
    warsaw = counts[counts["bloc"] == "Warsaw Pact"]
    assert warsaw["year"].min() == 1955 and warsaw["year"].max() == 1990
    assert counts[counts["bloc"] == "EU"]["year"].min() == 1958  # "eu" resolved to the project's name
    with pytest.raises(ValueError, match="Unknown bloc"):
        wo.membership_counts(["Nato2"])


@pytest.mark.parametrize("bloc", ["NATO", "EU", "Warsaw Pact", "BRICS", "WEOG"])
def test_membership_counts_agree_with_bloc_members(bloc):
    counts = wo.membership_counts([bloc], years=range(1950, 2026, 5)).set_index("year")
    for year, row in counts.iterrows():  # members for sure, and those not known to the day, counted apart
        assert row["members"] == len(wo.bloc_members(bloc, on=f"{year}-12-31", uncertain="exclude"))
        assert row["members"] + row["not_known"] == len(wo.bloc_members(bloc, on=f"{year}-12-31", uncertain="include"))


# ---------------------------------------------------------------- sources


def test_seed_sources_lists_the_five_articles_and_their_files_exist():
    sources = wo.seed_sources()
    assert list(sources["id"]) == ["explainer", "analysis", "report", "opinion", "summary"]
    assert all((wo.data.seeds_dir() / name).is_file() for name in sources["file"])
    assert "United States" in wo.seed_text("report")
    with pytest.raises(ValueError, match="explainer"):
        wo.seed_text("editorial")


# ---------------------------------------------------------------- charts


def _charts():
    counts = wo.membership_counts(["NATO", "EU"])
    agreement = wo.us_agreement(["Russia", "UK"])
    table = wo.coincidence_table(list(PUBLISHED_2023), 2023)
    ranks = pd.concat([wo.us_rank(year).assign(year=year) for year in (1985, 2023)])
    return {
        "timeline": wo.timeline_chart(wo.timeline()),
        "membership": wo.membership_chart(counts),
        "agreement": wo.us_agreement_chart(agreement),
        "rank": wo.us_rank_chart(ranks),
        "coincidence": wo.coincidence_chart(table),
        "focus": wo.focus_votes_chart(wo.resolutions(focus=True)),
    }


@pytest.fixture(scope="module")
def charts():
    return _charts()


@pytest.mark.parametrize("name", ["timeline", "membership", "agreement", "rank", "coincidence", "focus"])
def test_every_chart_has_a_title_a_description_and_inline_data(charts, name):
    chart = charts[name]
    assert isinstance(chart, alt.TopLevelMixin)
    spec = chart.to_dict()
    assert spec.get("title"), f"{name} has no title"
    assert spec.get("description", "").strip(), f"{name} has no description"
    assert '"url"' not in json.dumps(spec), f"{name} would fetch its data"


def test_chart_descriptions_state_findings_computed_from_the_data(charts):
    assert charts["timeline"].to_dict()["description"].startswith(f"{len(wo.timeline())} sourced events")
    assert "NATO 12 in 1949" in charts["membership"].to_dict()["description"]
    assert "7 percentage points" in charts["coincidence"].to_dict()["description"]
    n_ga = len(wo.resolutions(focus=True, body="GA"))
    assert charts["focus"].to_dict()["description"].startswith(f"{n_ga} General Assembly votes")
    medians = {y: wo.us_rank(y)["share"].median() for y in (1985, 2023)}
    assert f"{medians[1985]:.0%} of the time in 1985" in charts["rank"].to_dict()["description"]
    assert f"{medians[2023]:.0%} of the time in 2023" in charts["rank"].to_dict()["description"]
