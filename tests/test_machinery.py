"""Notebook 06 (how the UN works): membership growth, the Charter's voting rules, issues, positions."""

import numpy as np
import pandas as pd
import pytest

import worldorder as wo
from worldorder import rules, scaling, topics
from worldorder.charts import machinery

# 1 · From 51 to 193 members ------------------------------------------------------------------------------

def test_membership_counts_follow_the_admission_dates():
    members = wo.members()
    table = wo.un_membership()
    totals = table.groupby("year")["members"].sum()
    founders = int((members["admission_date"].dt.year == 1945).sum())
    assert totals.loc[1945] == founders
    # the 51 original members less the two whose seats no longer exist (Czechoslovakia, Yugoslavia)
    gone = wo.countries().set_index("iso3").loc[["CSK", "YUG"], "status"]
    assert (gone == "former seat").all() and founders + len(gone) == 51
    assert totals.loc[2011] == 193 == len(members) and totals.loc[2010] == 192
    for year in (1955, 1960, 1993):
        assert totals.loc[year] == int((members["admission_date"].dt.year <= year).sum())
    assert table.groupby("year")["admitted"].sum().sum() == 193


def test_membership_chart_has_a_title_and_a_description():
    spec = machinery.membership_growth_chart(wo.un_membership()).to_dict()
    assert spec["title"]["text"] and "193" in spec["description"]


# 2 · How the UN decides --------------------------------------------------------------------------------

def test_two_thirds_of_those_voting_is_not_two_thirds_of_the_members():
    row = rules.ga_important_question("ES-11/7")
    assert (row["yes"], row["no"], row["present_and_voting"]) == (93, 18, 111)
    assert row["met"] and row["needed"] == 74 and row["margin"] == 20
    found = rules.two_thirds_of_voting_only(2025)
    es = found.set_index("short").loc["ES-11/7"]
    assert es["members"] == 193 and 3 * es["yes"] < 2 * es["members"]


def test_every_recorded_ga_resolution_meets_the_simple_majority():
    """Every GA vote in the data is on an adopted resolution: the majority rule must hold on each roll call."""
    ga = wo.resolutions(body="GA")
    recorded = ga[ga[["yes", "no", "abstain"]].sum(axis=1) > 0]
    assert (recorded["yes"] > recorded["no"]).all()
    assert bool(rules.ga_simple_majority("ES-11/1")["met"])


def test_margins_switch_the_outcome_and_no_fewer_do():
    for yes, no in [(93, 18), (10, 4), (4, 4), (5, 6), (141, 5), (1, 0)]:
        k = rules.switches_majority(yes, no)
        assert (yes - k > no + k) != (yes > no) if yes > no else (yes + k > no - k)
        if k > 1:
            j = k - 1
            assert ((yes - j > no + j) if yes > no else not (yes + j > no - j))
        t = rules.switches_two_thirds(yes, no)
        if t is not None:
            met = rules._two_thirds(yes, no)
            moved = (yes - t, no + t) if met else (yes + t, no - t)
            assert rules._two_thirds(*moved) != met
            back = (yes - t + 1, no + t - 1) if met else (yes + t - 1, no - t + 1)
            assert rules._two_thirds(*back) == met


def test_article_27_abstention_is_not_a_veto():
    row = rules.sc_article27("S/RES/2774 (2025)")
    assert row["permanent_votes"].count("A") == 2 and row["met"] and row["needed"] == 9 and row["margin"] == 1


def test_article_27_seven_votes_on_the_eleven_member_council():
    row = rules.sc_article27("S/RES/84 (1950)")  # Korea: adopted 7-0-3 with the USSR absent
    assert (row["seats"], row["needed"], row["yes"], row["met"]) == (11, 7, 7, True)
    assert rules.sc_article27("S/RES/2774 (2025)")["seats"] == 15


def test_a_procedural_vote_shows_as_not_met():
    """S/RES/119 (1956) called the first emergency special session over French and British no votes: a
    procedural decision (Article 27(2)), which the data cannot tell from a substantive one."""
    row = rules.sc_article27("S/RES/119 (1956)")
    assert not row["met"] and row["permanent_no"] == 2 and row["yes"] >= row["needed"]


def test_rules_refuse_the_wrong_body_and_unknown_votes():
    with pytest.raises(ValueError, match="Security Council vote"):
        rules.ga_simple_majority("S/RES/2774 (2025)")
    with pytest.raises(ValueError, match="Article 27"):
        rules.sc_article27("ES-11/7")
    with pytest.raises(ValueError):
        rules.decide("A/RES/99/999")


def test_focus_votes_margins():
    table = wo.margins(wo.resolutions(focus=True)["resolution"].astype(str))
    assert len(table) == 12 and table["met"].all() and table["margin"].notna().all()


def test_emergency_sessions_are_counted_from_the_roll_calls():
    table = wo.emergency_sessions()
    assert table["session"].iloc[0] == "ES-1" and table["session"].iloc[-1] == "ES-11"
    es11 = wo.resolutions(body="GA")
    es11 = es11[es11["session"] == "ES-11"]
    row = table.set_index("session").loc["ES-11"]
    assert row["resolutions"] == len(es11) and row["yes"] == es11["yes"].sum()
    assert table["first_vote"].iloc[0].year == 1956


def test_the_rules_are_quoted_from_the_documents_table():
    quoted = rules.documents_for()
    assert set(quoted["doc_id"]) >= {"charter-art18-2", "charter-art27-3", "charter-art25", "ufp-377a-resolves"}
    assert quoted["quote"].str.len().gt(20).all() and quoted["url"].str.startswith("http").all()
    assert "nine members" in rules.quote("charter-art27-3")


# 3 · What the votes were about ---------------------------------------------------------------------------

def test_issue_join_matches_voeten_codes():
    table = topics.issue_votes(1985)
    assert table.query("resolution == 'A/RES/40/25'")["issue"].tolist() == ["co", "hr"]
    assert set(table["issue"]) <= set(wo.ISSUES) | {topics.UNCODED}
    coded = topics.coded_per_year().set_index("year")
    assert coded.loc[2020:2025, "coded"].eq(0).all() and coded.loc[1985, "share_coded"] > 0.5


def test_issue_agreement_counts_add_up_to_the_drill_down():
    table = wo.issue_agreement("GBR", years=2003)
    splits = wo.split_votes(2003, "USA", "GBR")
    rank = wo.us_rank(2003).set_index("iso3").loc["GBR"]
    assert len(splits) == rank["n_both"] - rank["n_identical"]
    assert set(splits["USA"]) <= {"Yes", "No", "Abstain"} and (splits["USA"] != splits["GBR"]).all()
    assert table["share"].between(0, 1).all()
    assert table.groupby("issue")["n_both"].sum().max() <= rank["n_both"]


def test_split_votes_refuses_one_country_twice():
    with pytest.raises(ValueError, match="two different countries"):
        wo.split_votes(2003, "USA", "United States")


# 4 · Positions on one line -----------------------------------------------------------------------------

@pytest.mark.parametrize("year", [1950, 1975, 1985, 2003, 2025])
def test_positions_sign_scale_and_variance(year):
    table = wo.positions(year)
    pos = table.set_index("iso3")["position"]
    assert pos["USA"] > 0
    assert pos.abs().max() <= 2 and pos.std() > 0.05
    assert 0 < table.attrs["explained"] < 1
    assert table["votes_cast"].ge(0.5 * table["n_votes"]).all()


def test_positions_are_stable_and_match_an_svd():
    first, second = wo.positions(1985), wo.positions(1985)
    pd.testing.assert_frame_equal(first, second)
    matrix = scaling.year_matrix(1985)
    matrix = matrix[matrix.notna().sum(axis=1) >= 0.5 * matrix.shape[1]]
    centred = (matrix - matrix.mean()).fillna(0).to_numpy()
    u, s, _ = np.linalg.svd(centred, full_matrices=False)
    score = pd.Series(u[:, 0] * s[0] / np.sqrt(centred.shape[1]), index=matrix.index)
    score *= np.sign(score["USA"])
    assert np.allclose(score.sort_index(), first.set_index("iso3")["position"].sort_index(), atol=1e-8)
    assert first.attrs["explained"] == pytest.approx(s[0] ** 2 / (s ** 2).sum())


def test_positions_correlate_with_agreement_with_the_usa():
    table = scaling.compare(2010)
    assert table[["position", "share"]].corr().iloc[0, 1] > 0.8


def test_positions_over_time_skips_1964_and_aligns_the_sign():
    table = wo.positions_over_time(["USA", "GBR"], range(1960, 1970))
    assert 1964 not in set(table["year"]) and (table.query("iso3 == 'USA'")["position"] > 0).all()


@pytest.mark.parametrize("year, message", [(1964, "Article 19"), (1900, "runs from 1946"), ("soon", "Unknown year")])
def test_positions_refuse_years_without_votes(year, message):
    with pytest.raises(ValueError, match=message):
        wo.positions(year)


def test_charts_have_titles_and_descriptions():
    charts = [
        machinery.margins_chart(wo.margins(["ES-11/7", "S/RES/2774 (2025)"])),
        machinery.issue_agreement_chart(wo.issue_agreement("GBR", years=range(2015, 2022)), topics.coded_per_year()),
        machinery.positions_chart(wo.positions_over_time(["USA", "RUS"], range(2000, 2003))),
    ]
    for chart in charts:
        spec = chart.to_dict()
        assert spec["title"] and spec["description"]
