"""The claims ledger of notebook 04: verdicts computed from the roll call, validation of data/claims.csv, coverage."""

import shutil

import pandas as pd
import pytest

import worldorder as wo
from worldorder import ledger as claims_ledger
from worldorder import seeds
from worldorder.data import path_of

SC = "S/RES/2774 (2025)"


# ---------------------------------------------------------------- computed verdicts


def test_a_right_total():
    verdict = wo.check_claim("vote_total", "ES-11/7", "Y", number=93)
    assert verdict.rating == "right" and "93 yes votes" in str(verdict)


def test_a_wrong_total_gives_the_record():
    verdict = wo.check_claim("vote_total", "ES-11/7", "N", number=17)
    assert verdict.rating == "wrong"
    assert str(verdict).startswith("wrong: the roll call counts 18 no votes") and "not 17" in str(verdict)


def test_an_incomplete_list_names_the_missing_abstainer():
    verdict = wo.check_claim("vote_list", SC, "A", ["UK", "France", "Denmark", "Greece"], scope="exact")
    assert verdict.rating == "incomplete"
    assert "Slovenia (SVN)" in verdict.reason and "5 abstentions" in verdict.reason


def test_the_complete_list_is_right():
    abstainers = wo.votes(resolutions=SC).query("vote == 'A'")["iso3"].tolist()
    assert sorted(abstainers) == ["DNK", "FRA", "GBR", "GRC", "SVN"]
    assert wo.check_claim("vote_list", SC, "A", abstainers, scope="exact").rating == "right"


def test_examples_are_right_when_each_named_state_voted_so():
    verdict = wo.check_claim("vote_list", "ES-11/7", "N", "PRK;BLR;SDN", scope="some")
    assert verdict.rating == "right" and "among 18 no votes" in verdict.reason


def test_a_wrong_country_vote_and_a_partly_right_one():
    wrong = wo.check_claim("country_vote", "ES-11/7", "N", ["China"])
    assert wrong.rating == "wrong" and "China (CHN) abstaining" in wrong.reason
    partly = wo.check_claim("country_vote", "ES-11/8", "N", ["Russia", "USA"])
    assert partly.rating == "partly right"
    assert "Russia (RUS)" in partly.reason and "United States (USA) abstaining" in partly.reason


def test_a_group_size_that_does_not_match_is_wrong():
    verdict = wo.check_claim("vote_list", SC, "A", ["GBR", "FRA"], scope="some", number=4)
    assert verdict.rating == "wrong" and "5 abstentions" in verdict.reason and "not 4" in verdict.reason
    assert wo.check_claim("vote_list", SC, "A", ["GBR", "FRA"], number=5).rating == "right"


def test_none_against_on_the_council():
    assert wo.check_claim("vote_list", SC, "N", scope="none").rating == "right"
    assert wo.check_claim("vote_list", "ES-11/8", "N", scope="none").rating == "wrong"


def test_same_vote_counts_the_votes_the_us_cast_like_russia():
    day = "A/RES/ES-11/7;A/RES/ES-11/8;S/RES/2774 (2025)"
    two = wo.check_claim("same_vote", day, countries="USA;RUS", scope="exact", number=2)
    assert two.rating == "right" and "not on A/RES/ES-11/8 (USA Abstain, RUS No)" in two.reason
    assert wo.check_claim("same_vote", day, countries="USA;RUS", scope="exact", number=3).rating == "wrong"


def test_outcome_of_the_council_vote():
    assert wo.check_claim("outcome", SC).rating == "right"


def test_bad_input_is_named_with_suggestions():
    with pytest.raises(ValueError, match="Did you mean"):
        wo.check_claim("country_vote", "ES-11/7", "N", ["Frnace"])
    with pytest.raises(ValueError, match="Unknown vote 'maybe'"):
        wo.check_claim("country_vote", "ES-11/7", "maybe", ["FRA"])
    with pytest.raises(ValueError, match="Unknown claim kind"):
        wo.check_claim("history", "ES-11/7")


# ---------------------------------------------------------------- the ledger


@pytest.fixture(scope="module")
def ledger():
    return wo.claims()


def test_the_ledger_covers_every_seed_with_enough_claims(ledger):
    assert len(ledger) >= 25
    assert set(ledger["seed"]) == {"explainer", "analysis", "report", "opinion", "summary"}
    assert ledger["verdict"].str.len().gt(10).all()
    assert set(ledger["rating"]) <= set(claims_ledger.RATINGS)


def test_the_report_leaves_out_slovenia(ledger):
    row = ledger[(ledger["seed"] == "report") & (ledger["resolution"] == SC) & (ledger["vote"] == "A")].iloc[0]
    assert row["rating"] == "incomplete" and "Slovenia" in row["verdict"]


def test_totals_in_the_summary_are_right(ledger):
    totals = ledger[(ledger["seed"] == "summary") & (ledger["kind"] == "vote_total")]
    assert len(totals) == 3 and (totals["rating"] == "right").all()


def test_who_blocked_the_council_amendments_is_wrong_in_the_report(ledger):
    row = ledger[ledger["quote"].str.contains("blocked by the US")].iloc[0]
    assert row["rating"] == "wrong" and "GA/12677" in row["verdict"]


def test_history_claims_cite_timeline_rows(ledger):
    nato = ledger[ledger["quote"].str.contains("formed the North Atlantic Treaty")].iloc[0]
    assert "[timeline: 1949-04-04 North Atlantic Treaty signed" in nato["verdict"]


def test_unsettled_claims_say_so(ledger):
    cosponsor = ledger[ledger["quote"].str.contains("cosponsored")].iloc[0]
    assert cosponsor["verdict"].startswith("cannot be checked with the project's data")


def test_claim_grid_and_disagreements(ledger):
    grid = seeds.claim_grid(ledger)
    assert list(grid.columns) == ["explainer", "analysis", "report", "opinion", "summary"]
    assert grid.loc["S/RES/2774: who abstained", "report"] == "incomplete"
    assert grid.loc["S/RES/2774: who abstained", "opinion"] == ""
    split = seeds.disagreements(ledger)
    assert "S/RES/2774: the failed amendments" in set(split["fact"])
    spec = wo.coverage_chart(ledger).to_dict()
    assert spec["description"] and "report" in spec["description"]


# ---------------------------------------------------------------- validation of the file


def _edited(tmp_path, column, line, value):
    table = pd.read_csv(path_of("claims.csv"), dtype=str, keep_default_na=False)
    table.loc[line - 2, column] = value
    path = tmp_path / "claims.csv"
    table.to_csv(path, index=False)
    return path


@pytest.mark.parametrize("column, value, message", [
    ("countries", "USA;Frnace", "Unknown country 'Frnace'"),
    ("resolution", "ES-11/77", "Unknown resolution 'ES-11/77'"),
    ("seed", "blog", "unknown seed 'blog'"),
    ("quote", "the US voted for Russia", "not found word for word"),
    ("kind", "rumour", "unknown kind 'rumour'"),
])
def test_a_bad_cell_names_the_file_and_the_line(tmp_path, column, value, message):
    path = _edited(tmp_path, column, 2, value)
    with pytest.raises(claims_ledger.ClaimsFileError, match=message) as err:
        wo.claims(path)
    assert f"{path}, line 2 (claim explainer-01)" in str(err.value)
    assert isinstance(err.value, ValueError) and isinstance(err.value, wo.DataFileError)


def test_a_missing_column_is_named(tmp_path):
    path = tmp_path / "claims.csv"
    shutil.copy(path_of("claims.csv"), path)
    pd.read_csv(path, dtype=str).drop(columns="scope").to_csv(path, index=False)
    with pytest.raises(claims_ledger.ClaimsFileError, match=r"columns \['scope'\] are missing"):
        wo.claims(path)


def test_vote_kinds_and_rating_counts(ledger):
    assert claims_ledger.VOTE_KINDS == ("vote_total", "country_vote", "vote_list", "same_vote", "outcome")
    counts = seeds.rating_counts(ledger)
    assert list(counts.index) == ["explainer", "analysis", "report", "opinion", "summary"]
    assert counts.to_numpy().sum() == len(ledger)
    assert counts.loc["report", "incomplete"] >= 1


def test_a_total_is_checked_against_the_official_total():
    official = int(wo.resolutions(resolutions="ES-11/8").iloc[0]["official_no"])
    verdict = wo.check_claim("vote_total", "ES-11/8", "N", number=official)
    assert verdict.rating == "right" and f"the official total is {official}" in verdict.reason


def test_joining_a_list_counts_the_us_in_the_group(ledger):
    """'joining forces with Russia, North Korea, and Belarus': the US is not one of the states left out."""
    row = ledger.set_index("claim_id").loc["opinion-10"]
    assert row["rating"] == "incomplete" and row["scope"] == "exact"
    assert "United States" not in row["verdict"] and "Sudan" in row["verdict"]
    checkable = ledger.set_index("claim_id").loc["opinion-12"]
    assert checkable["rating"] == "right" and checkable["quote"] in seeds_text("opinion")


def seeds_text(seed):
    return claims_ledger.seed_texts()[seed]
