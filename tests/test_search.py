"""Search finds what people call things: episodes' common names, years in the text, words a title lacks."""

import pandas as pd
import pyarrow as pa
import pytest
from pyarrow import ipc

import worldorder as wo
from benchmarks import search as bench
from conftest import REPO
from tools import search_index
from worldorder import data, explorer, search


def test_the_episode_benchmark_finds_at_least_nine_in_ten():
    share, missed = bench.found_share(lambda q: wo.find_votes(q)["resolution"].tolist())
    assert len(bench.EPISODES) == 20
    assert share >= 0.9, f"missed: {missed}"


def test_the_benchmark_expects_only_recorded_votes_and_measures_something_the_title_search_misses():
    recorded = set(wo.resolutions()["resolution"])
    for query, (expected, why) in bench.EPISODES.items():
        assert set(expected) <= recorded, query
        assert why, query
    before, missed = bench.found_share(bench.title_search)
    assert before < 0.9 and "Suez" in missed, "the benchmark would not tell the old search from the new"


def test_suez_finds_the_emergency_session_first_the_votes_notebook_05_teaches():
    found = wo.find_votes("Suez")
    es1 = set(wo.resolutions().query("session == 'ES-1'")["resolution"])
    assert set(found["resolution"].head(len(es1))) == es1
    assert set(found["episode"].head(len(es1))) == {"Suez crisis (1956)"}
    assert {"S/RES/118 (1956)", "S/RES/119 (1956)", "S/RES/95 (1951)"} <= set(found["resolution"])
    assert found.loc[found["resolution"] == "S/RES/95 (1951)", "episode"].item() == "", "a title match, no episode"
    dates = wo.find_votes("749th and 750th meetings", years=1956)["date"]  # notebook 05's search: date order
    assert dates.is_monotonic_increasing and len(dates) == len(es1)


def test_a_year_in_the_text_keeps_that_years_votes_and_a_lone_word_still_searches_titles():
    found = wo.find_votes("Hungary 1956")
    assert set(found["date"].dt.year) == {1956}
    assert found["resolution"].iloc[0] == "A/RES/1004(ES-II)"
    assert search.query("377(V)")[1] == [] and wo.find_votes("377(V)")["resolution"].iloc[0] == "A/RES/377(V)[A-C]"
    assert len(wo.find_votes("nuclear test", years=range(1980, 1990))) > 0


def test_votes_a_notebook_teaches_rank_first_within_an_episode():
    terms = data.search_terms().query("kind == 'episode'")
    for episode, rows in terms.groupby("episode"):
        rows = rows.sort_values("rank")
        taught = (rows["taught_in"] != "").to_list()
        assert taught == sorted(taught, reverse=True), f"{episode}: a taught vote ranks below one not taught"
    assert wo.find_votes("Korea 1950")["resolution"].iloc[0] == "S/RES/84 (1950)"  # notebook 06's Article 27(3)


def test_emergency_sessions_inherit_the_title_of_the_council_resolution_that_called_them():
    called = data.search_terms().query("kind == 'called by'")
    es1 = called[called["resolution"] == "A/RES/997(ES-I)"]
    assert es1["source"].item().startswith("S/RES/119 (1956)") and "Suez question" in es1["terms"].item()
    assert "A/RES/1474(ES-IV)" in set(wo.find_votes("congo question")["resolution"])


def test_the_explorer_lists_an_episodes_votes_first_and_names_the_episode():
    options = explorer.vote_options("Suez")
    assert options[0][1] == "A/RES/997(ES-I)" and "Suez crisis (1956)" in options[0][0]
    assert "Security Council resolution" not in " ".join(label for label, _ in options), "the number is in the symbol"


@pytest.fixture
def episodes_file(tmp_path, monkeypatch):
    monkeypatch.setattr(search_index, "SOURCES", tmp_path)
    return tmp_path / "episodes.csv"


def _rules(path, match, evidence):
    pd.DataFrame([{"episode": "Test", "aliases": "test", "match": match, "taught_in": "", "evidence": evidence}]
                 ).to_csv(path, index=False)


@pytest.mark.parametrize("match, evidence, error", [
    ("text=no vote has these words", 'record: "Uniting for peace"', "matches no recorded vote"),
    ("symbol=A/RES/99999", 'record: "Uniting for peace"', "is not a recorded vote"),
    ("colour=blue", 'record: "Uniting for peace"', "cannot read the rule clause"),
    ("text=uniting for peace", 'record: "Uniting for war"', "is not found in record"),
])
def test_the_build_refuses_a_rule_it_cannot_check(episodes_file, match, evidence, error):
    _rules(episodes_file, match, evidence)
    with pa.OSFile(str(REPO / "data" / "resolutions.arrow")) as source:  # the table as the build wrote it
        resolutions = ipc.open_file(source).read_pandas()
    voeten = pd.DataFrame({"terms": ["APARTHEID"]})
    with pytest.raises(ValueError, match=error):
        search_index.episode_terms(resolutions, voeten, REPO.parent / "shared" / "data")
