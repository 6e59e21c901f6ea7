"""The coding rules of the claims ledger (worldorder.claimrules): derived scope, claim types, documents, coverage."""

import pandas as pd
import pytest

import worldorder as wo
from worldorder import claimrules as rules
from worldorder import ledger as claims_ledger
from worldorder.data import path_of


@pytest.fixture(scope="module")
def ledger():
    return claims_ledger.read_ledger()


@pytest.fixture(scope="module")
def rated():
    return wo.claims()


def _row(table, claim_id):
    return table.set_index("claim_id").loc[claim_id]


# ---------------------------------------------------------------- rule 3: scope from the quoted words


@pytest.mark.parametrize("first, second, scope", [
    ("explainer-05", "report-09", "exact"),      # two bare lists of Council abstainers
    ("analysis-06", "report-06", "some"),        # 'such as' / 'including' with the ES-11/7 no votes
    ("analysis-08", "opinion-02", "some"),       # 'such as' / 'like'
    ("opinion-10", "report-09", "exact"),        # bare lists on two different votes
])
def test_like_seed_sentences_get_like_scopes_and_verdicts(rated, first, second, scope):
    a, b = _row(rated, first), _row(rated, second)
    assert a["scope"] == b["scope"] == scope
    assert rules.derive_scope(a["quote"]) == rules.derive_scope(b["quote"]) == scope
    if scope == "exact":  # neither names every member of its group
        assert a["rating"] == b["rating"] == "incomplete"
    else:
        assert a["rating"] == b["rating"] == "right"


def test_a_count_hedge_makes_a_lower_bound(rated):
    assert _row(rated, "analysis-02")["scope"] == "some"      # 'multiple times'
    assert _row(rated, "report-01")["scope"] == "exact"       # 'on two'
    assert "lower bound" in rules.scope_reason("sided with Russia multiple times", "same_vote")


def test_every_list_row_takes_the_derived_scope(rated):
    lists = rated[rated["kind"].isin(claims_ledger.DERIVED_SCOPE)]
    assert len(lists) >= 10
    for _, row in lists.iterrows():
        assert row["scope"] == rules.derive_scope(row["quote"], row["kind"]), row["claim_id"]


def test_a_typed_scope_that_contradicts_the_rule_is_refused(tmp_path):
    table = pd.read_csv(path_of("claims.csv"), dtype=str, keep_default_na=False)
    table.loc[table["claim_id"] == "report-09", "scope"] = "exact"
    path = tmp_path / "claims.csv"
    table.to_csv(path, index=False)
    with pytest.raises(claims_ledger.ClaimsFileError, match="derived from the quote"):
        wo.claims(path)


# ---------------------------------------------------------------- rules 1, 2, 6, 7


def test_every_row_has_a_claim_type(ledger):
    assert set(ledger["claim_type"]) <= set(rules.CLAIM_TYPES)
    assert (ledger.loc[ledger["kind"].isin(claims_ledger.VOTE_KINDS), "claim_type"] == rules.VOTE_FACT).all()


def test_the_imf_and_the_wto_are_two_rows(rated):
    imf, wto = _row(rated, "explainer-09"), _row(rated, "explainer-09b")
    assert "IMF" in imf["quote"] and "WTO" not in imf["quote"] and imf["rating"] == "right"
    assert "WTO" in wto["quote"] and wto["rating"] == "wrong" and "1995-01-01" in wto["verdict"]


def test_rated_document_claims_cite_documents(rated):
    docs = set(wo.data.documents()["doc_id"])
    rows = rated[rated["claim_type"].isin(rules.DOCUMENT_TYPES) & (rated["rating"] != "cannot be checked")]
    assert len(rows) >= 10
    for _, row in rows.iterrows():
        cited = row["documents"].split(";")
        assert set(cited) <= docs and "[documents: " in row["verdict"], row["claim_id"]


@pytest.mark.parametrize("claim_id, rating, doc", [
    ("summary-07", "partly right", "charter-art25"),
    ("report-12", "right", "charter-art10"),
    ("summary-10", "wrong", "sres2774-op1"),
    ("report-04", "partly right", "esres11-7-draft"),
    ("summary-09", "right", "esres11-7-draft"),
    ("report-13", "right", "sc-draft-s-2025-112"),
])
def test_institutional_and_wording_claims_are_rated_against_documents(rated, claim_id, rating, doc):
    row = _row(rated, claim_id)
    assert row["rating"] == rating and doc in row["verdict"]


def test_cannot_be_checked_names_the_deciding_record(rated):
    rows = rated[(rated["rating"] == "cannot be checked") & (rated["kind"] != "history")]
    assert len(rows) >= 10
    assert rows["verdict"].str.contains(rules.DECIDING, regex=False).all()
    assert "S/PV.9866" in _row(rated, "report-07")["verdict"]
    assert "A/ES-11/L.1" in _row(rated, "summary-14")["verdict"]


# ---------------------------------------------------------------- rule 5: history against the whole record


def test_history_queries_run_over_the_record(rated):
    rows = rated[rated["kind"] == "record"]
    assert set(rows["query"]) == set(rules.QUERIES)
    first = _row(rated, "opinion-06")
    assert first["rating"] == "partly right" and "1946-2024" in first["verdict"]
    assert _row(rated, "analysis-17")["rating"] == "right"
    assert _row(rated, "opinion-04")["rating"] == "partly right" and "lockstep" in _row(rated, "opinion-04")["verdict"]


def test_the_us_voted_no_with_russia_against_the_uk_and_france_before():
    votes = wo.votes(body="GA", countries=["USA", "RUS", "GBR", "FRA"])
    wide = votes.pivot_table(index="resolution", columns="iso3", values="vote", aggfunc="first")
    wide = wide[wide.index.isin(wo.resolutions(body="GA", years=range(1946, 2025))["resolution"])]
    before = wide[(wide["USA"] == "N") & (wide["RUS"] == "N") & (wide["GBR"] == "Y") & (wide["FRA"] == "Y")]
    assert len(before) > 0
    assert f"{len(before)} of them" in rules.run_query("first_time_with_russia")[1]


# ---------------------------------------------------------------- rule 8: every seed sentence


def test_no_seed_sentence_is_skipped():
    missing = claims_ledger.uncovered()
    assert missing.empty, missing.to_string()


def test_sentences_do_not_split_on_initials():
    assert rules.sentences("The U.S. voted no. The U.K. abstained.") == ["The U.S. voted no.", "The U.K. abstained."]


def test_each_seed_has_sentences_listed_as_not_checkable(ledger):
    listed = claims_ledger.not_checkable()
    assert set(listed["seed"]) == set(claims_ledger.seed_texts())
    assert listed["note"].str.len().gt(20).all()
    assert set(listed["claim_type"]) <= {rules.INTERPRETATION, rules.PREDICTION}


def test_held_back_rows_are_left_out_on_request(rated):
    shown = wo.claims(held_back=False)
    held = rated[rated["exercise"].notna()]
    assert set(held["exercise"]) == {"04.6", "04.7", "04.8"}
    assert not set(held["claim_id"]) & set(shown["claim_id"])


# ---------------------------------------------------------------- issue 10: specific reasons and documents


def test_a_count_implied_by_a_plural_is_a_lower_bound(rated):
    assert rules.derive_scope("choosing to side with Russia in UN votes", "same_vote") == "some"
    assert rules.derive_scope("voted with Russia on two crucial United Nations resolutions", "same_vote") == "exact"
    assert "implied by a plural" in rules.scope_reason("side with Russia in UN votes", "same_vote")
    summary, report = _row(rated, "summary-16"), _row(rated, "report-01")
    assert summary["scope"] == "some" and report["scope"] == "exact"
    assert summary["rating"] == report["rating"] == "right"


GENERIC_NOTES = ("Outside the votes, documents and timeline the project ships.",
                 "An interpretation (meaning, motive, mood or judgement): no record decides it.")


def test_no_row_keeps_the_generic_class_wording(ledger):
    assert not ledger["note"].isin(GENERIC_NOTES).any()
    assert not (ledger["claim"] == "A statement of fact about events outside the UN record.").any()


def test_each_not_checkable_note_names_words_of_its_sentence(ledger):
    import re

    rows = ledger[ledger["kind"] == rules.NOT_CHECKABLE]
    assert len(rows) >= 40
    for _, row in rows.iterrows():
        quoted = [q.replace("...", "").strip(" .?") for q in re.findall(r"'([^']{4,}?)'", row["note"])]
        quote = " ".join(row["quote"].lower().replace("’", "'").split())
        assert any(q and q.lower().split(" ...")[0] in quote for q in quoted), row["claim_id"]


@pytest.mark.parametrize("claim_id, rating, doc", [
    ("explainer-23", "right", "nato-art5"),
    ("analysis-20", "right", "uk-woodward-eov-2774"),
    ("report-11", "right", "usun-shea-ga-ending"),
    ("analysis-10", "partly right", "usun-shea-ga-withdraw"),
    ("explainer-x03", "right", "trump-truth-2025-02-19"),
    ("explainer-x04", "right", "austin-udcg-2025-01-09"),
    ("explainer-x05", "right", "trump-fox-2025-02-10"),
    ("explainer-x14", "partly right", "frus-iran-1951-1954"),
    ("explainer-x16", "right", "eu-dec-2014-512"),
    ("explainer-x17", "right", "odni-ica-2017"),
    ("opinion-x08", "partly right", "curtis-2025-02-24"),
])
def test_rows_decided_by_a_document_found_cite_it(rated, claim_id, rating, doc):
    row = _row(rated, claim_id)
    assert row["rating"] == rating
    assert doc in row["documents"].split(";") and doc in row["verdict"]


@pytest.mark.parametrize("claim_id, record", [
    ("explainer-07", "State Department"),
    ("report-16", "Veto List"),
    ("explainer-x20", "NATO"),
    ("analysis-15", "if one was published"),
    ("opinion-05", "if published"),
])
def test_records_not_found_are_worded_as_where_to_look(rated, claim_id, record):
    row = _row(rated, claim_id)
    assert row["rating"] == "cannot be checked"
    assert rules.DECIDING in row["verdict"] and record in row["verdict"]


def test_each_query_keeps_the_question_the_verdict_and_the_words_apart():
    """Issue 19: a query finds facts, a verdict rates them, the prose says them; each can be run and tested alone."""
    from worldorder.ledger import RATINGS

    for name, query in rules.QUERIES.items():
        facts = query.find()
        assert isinstance(facts, dict) and facts, name
        assert query.judge(facts) in RATINGS and query() == (query.judge(facts), query.say(facts)), name
    eroded = rules.QUERIES["support_eroded"]
    assert eroded.judge({"first": 141, "later": 93}) == "right" and eroded.judge({"first": 90, "later": 93}) == "wrong"
    assert eroded.say({"first": 1, "later": 2}) == "ES-11/1 (2022) had 1 yes votes, ES-11/7 (2025) 2"
    lockstep = rules.QUERIES["lockstep_2023"]
    assert lockstep.judge({"allies": {"GBR": 0.97}, "others": {"RUS": 0.2}}) == "right"
    assert lockstep.judge({"allies": {"GBR": 0.6}, "others": {"RUS": 0.2}}) == "partly right"


def test_clearing_the_data_cache_forgets_the_record_the_queries_read():
    """The queries' tables of the record are derived from data/: data.clear_cache, the one reset, forgets them
    too, so a query after a rebuild never reads the old record."""
    before = rules.run_query("us_yes_on_ukraine_before")  # reads the wide table of GA votes
    rules._dates()
    assert rules._wide.cache_info().currsize == 1 and rules._dates.cache_info().currsize == 1
    wo.data.clear_cache()
    assert rules._wide.cache_info().currsize == 0 and rules._dates.cache_info().currsize == 0
    assert rules.run_query("us_yes_on_ukraine_before") == before
