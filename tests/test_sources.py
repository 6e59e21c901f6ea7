"""Sources a historian would sign: no Wikipedia mirror anywhere, every event and quotation with its source."""

import re

import pandas as pd

import worldorder as wo
from conftest import REPO

SOURCES = REPO / "tools" / "sources"


def deny_list() -> list[str]:
    text = (SOURCES / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```\n(.*?)```", text, flags=re.S).group(1)
    return [line.strip() for line in block.splitlines() if line.strip()]


def test_the_deny_list_names_the_usual_mirrors():
    assert {"wikimili.com", "wikiwand.com", "wikivisually.com", "everything.explained.today", "wikipedia.org"} <= set(
        deny_list())


def test_no_event_cites_a_mirror_and_every_event_has_a_source():
    denied = deny_list()
    events = wo.timeline()
    assert events["source"].str.match(r"https?://").all()
    for row in events.itertuples():
        assert not any(domain in row.source for domain in denied), (row.event, row.source)
        assert row.publisher or row.source_status in ("kept", "not found"), row.event


def test_no_quotation_rests_on_a_mirror():
    denied = deny_list()
    for row in wo.data.documents().itertuples():
        assert not any(domain in row.url for domain in denied), row.doc_id


def test_a_month_only_date_never_comes_before_its_cause():
    events = wo.timeline().set_index("event")
    suspension = events.loc["G7 suspends Russia's participation in the G8"]
    annexation = events.loc["Russia signs treaty annexing Crimea"]
    assert suspension["date"] == "2014-03" and suspension["start"] == pd.Timestamp("2014-03-24")
    assert suspension["start"] > annexation["start"]
    assert "The Hague Declaration" in suspension["date_rule"]


def test_the_charter_rules_are_quoted_with_their_source():
    docs = wo.data.documents().set_index("doc_id")
    for doc_id in ("charter-art18-2", "charter-art27-3", "charter-art25", "ufp-377a-resolves"):
        assert docs.loc[doc_id, "quote"] and docs.loc[doc_id, "url"].startswith("https://"), doc_id
    assert "two-thirds majority of the members present and voting" in docs.loc["charter-art18-2", "quote"]


def test_the_council_vote_is_cited_to_the_un_record_and_its_own_release():
    events = wo.timeline().set_index("event")
    assert events.loc["Security Council adopts resolution 2774 on Ukraine (10-0-5)", "source"] == \
        "https://digitallibrary.un.org/record/4077111"
    docs = wo.data.documents().set_index("doc_id")
    assert docs.loc["sc-press-2774", "status"] == "copy only" and "10 in favour" in docs.loc["sc-press-2774", "quote"]
    for doc_id in ("sres2774-vote", "sc-amendments-eu", "ga12677"):  # GA/12677 seen on press.un.org
        assert docs.loc[doc_id, "url"] == "https://press.un.org/en/2025/ga12677.doc.htm", doc_id
        assert docs.loc[doc_id, "status"] == "verified", doc_id
    assert "without any amendments" in docs.loc["ga12677", "quote"]
    assert "9 and 11 votes in favour" in docs.loc["sc-amendments-eu", "quote"]
    assert "UNRESOLVED" in docs.loc["sres2774-pp1", "note"]


def test_words_seen_only_in_news_claim_no_official_address():
    docs = wo.data.documents()
    news = docs[docs["status"].str.startswith("as quoted in news")]
    assert len(news) >= 6
    assert (news["url"] == "").all()
