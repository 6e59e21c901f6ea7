"""The curated tables: official totals, raw roll calls, membership dates, rebuild, history."""

import subprocess
import sys

import pandas as pd
import pytest

import worldorder as wo
from worldorder import build
from conftest import REPO

# Official totals (yes, no, abstain) as published by the UN for the votes the project is about.
OFFICIAL = {
    "A/RES/68/262": (100, 11, 58),
    "A/RES/ES-11/1": (141, 5, 35),
    "A/RES/ES-11/7": (93, 18, 65),
    "A/RES/ES-11/8": (93, 8, 73),
    "S/RES/2774 (2025)": (10, 0, 5),
}


def counted(symbol):
    return wo.votes().query("resolution == @symbol")["vote"].value_counts().reindex(list("YNAX"), fill_value=0)


@pytest.mark.parametrize("symbol, totals", OFFICIAL.items())
def test_published_totals_are_in_the_data(symbol, totals):
    row = wo.resolutions().set_index("resolution").loc[symbol]
    assert (row.yes, row.no, row.abstain) == totals
    assert tuple(counted(symbol)[list("YNA")]) == totals


def test_every_focus_vote_counts_to_its_official_totals():
    res = wo.resolutions()
    assert len(res) == 12
    for row in res.itertuples():
        assert tuple(counted(row.resolution)) == (row.yes, row.no, row.abstain, row.non_voting), row.resolution


def test_every_2025_ga_vote_lists_all_193_members_once():
    votes = wo.votes()
    ga_2025 = votes[(votes.body == "GA") & (votes.date.dt.year == 2025)]
    assert set(ga_2025.groupby("resolution").size()) == {193}
    assert not votes.duplicated(["resolution", "iso3"]).any()


def test_known_votes_of_24_february_2025():
    v = wo.votes().set_index(["resolution", "iso3"])["vote"]
    assert v["A/RES/ES-11/7", "USA"] == "N" and v["A/RES/ES-11/7", "RUS"] == "N"
    assert v["A/RES/ES-11/8", "USA"] == "A" and v["A/RES/ES-11/8", "UKR"] == "A"
    assert v["S/RES/2774 (2025)", "USA"] == "Y" and v["S/RES/2774 (2025)", "GBR"] == "A"


def test_disputed_cells_keep_the_un_record_and_are_flagged():
    disputes = wo.vote_disputes().set_index(["resolution", "iso3"])
    assert disputes.loc[("A/RES/ES-11/8", "ARM"), "recorded"] == "Y"
    assert disputes.loc[("A/RES/ES-11/8", "ARM"), "other_says"] == "A"
    votes = wo.votes().set_index(["resolution", "iso3"])
    assert votes.loc[("A/RES/ES-11/8", "ARM"), "vote"] == "Y"
    assert set(votes.index[votes.disputed]) == set(disputes.index)


def test_every_resolution_names_its_source_and_record():
    res = wo.resolutions()
    assert res["source"].str.contains("rollcalls/").all()
    assert res["record"].str.startswith("https://digitallibrary.un.org/record/").all()


def test_rollcalls_match_the_raw_files_cell_for_cell(raw):
    files = wo.resolutions()["source"].str.extract(r"rollcalls/(\S+\.csv)")[0]
    assert sorted(files) == sorted(p.name for p in (raw / "rollcalls").glob("*.csv"))
    votes = wo.votes()
    for symbol, name in zip(wo.resolutions()["resolution"], files):
        rollcall = pd.read_csv(raw / "rollcalls" / name, dtype=str, keep_default_na=False)
        expected = rollcall.set_index("iso3")["vote"].sort_index()
        shipped = votes[votes.resolution == symbol].set_index("iso3")["vote"].sort_index()
        pd.testing.assert_series_equal(shipped, expected, check_names=False, obj=name)


# ---------------------------------------------------------------- membership on dates


@pytest.mark.parametrize("country, bloc, on, expected", [
    ("Finland", "NATO", "2025-02-24", True),
    ("Finland", "NATO", "2022-03-02", False),
    ("Sweden", "NATO", "2024-03-06", False),
    ("Sweden", "NATO", "2024-03-07", True),
    ("United Kingdom", "EU", "2020-01-31", True),
    ("United Kingdom", "EU", "2020-02-01", False),
    ("Egypt", "BRICS", "2023-12-31", False),
    ("Egypt", "BRICS", "2024-01-01", True),
    ("Indonesia", "BRICS", "2025-02-24", True),
    ("Russia", "G8", "2013-06-01", True),
    ("Russia", "G8", "2014-06-01", False),
    ("Poland", "Warsaw Pact", "1980-01-01", True),
])
def test_bloc_membership_on_a_date(country, bloc, on, expected):
    assert wo.is_member(country, bloc, on) is expected


def test_brics_before_and_after_its_2024_enlargement():
    assert wo.bloc_members("BRICS", on="2023-12-31") == ["BRA", "CHN", "IND", "RUS", "ZAF"]
    grown = wo.bloc_members("BRICS", on="2024-01-01")
    assert set(grown) - {"BRA", "CHN", "IND", "RUS", "ZAF"} == {"EGY", "ETH", "IRN", "ARE"}
    assert "SAU" not in grown  # its membership is disputed in the sources: never counted


def test_the_g8_is_the_g7_plus_russia_while_it_lasted():
    g7 = wo.bloc_members("G7", on="2010-06-01")
    assert wo.bloc_members("G8", on="2010-06-01") == sorted(g7 + ["RUS"])
    assert wo.bloc_members("G8", on="2015-06-01") == []


def test_regional_groups_are_blocs():
    assert len(wo.bloc_members("WEOG", on="2025-02-24")) == 29
    assert "USA" in wo.bloc_members("Western European and Others")
    assert sum(len(wo.bloc_members(g)) for g in ["African Group", "Asia-Pacific Group", "Eastern European Group",
                                                  "GRULAC", "WEOG"]) == 193


def test_every_bloc_spell_names_a_source():
    spells = wo.blocs()
    assert spells["source"].notna().all()
    assert set(spells["bloc"]) >= {"EU", "NATO", "G7", "G20", "BRICS", "AU", "ASEAN", "Arab League", "OAS", "CSTO",
                                   "SCO", "Commonwealth", "OIC", "Warsaw Pact"}


# ---------------------------------------------------------------- history


@pytest.mark.parametrize("year", [1970, 1990, 1995, 2023])
def test_usa_russia_identical_share_matches_the_raw_derived_table(raw, year):
    derived = pd.read_csv(raw / "unga_history" / "derived" / "usa_identical_vote_share_by_year.csv")
    expected = derived.query("source == 'undl_scrape' and pair == 'USA-RUS' and year == @year")
    ours = wo.history_agreement().query("iso3_a == 'RUS' and iso3_b == 'USA' and year == @year")
    assert round(ours["share"].iloc[0], 3) == round(expected["identical_share"].iloc[0], 3)
    assert ours["n_both"].iloc[0] == expected["n_votes_both_voted"].iloc[0]


def test_usa_russia_identical_share_without_the_raw_files():
    # 1995: 29 identical votes of 80 both cast, per the UN Digital Library records.
    row = wo.history_agreement().query("iso3_a == 'RUS' and iso3_b == 'USA' and year == 1995").iloc[0]
    assert (row.n_identical, row.n_both) == (29, 80)


def test_history_counts_2023_rest_on_88_recorded_votes():
    assert wo.history_rollcalls().set_index("year").loc[2023, "ga_recorded_votes"] == 88
    us = wo.history_us_votes().query("year == 2023 and iso3 == 'CAN'").iloc[0]
    assert us.n_votes == 88


def test_data_folder_stays_small():
    assert sum(p.stat().st_size for p in (REPO / "data").rglob("*") if p.is_file()) < 15e6


def test_manifest_lists_every_built_table_with_a_source():
    manifest = pd.read_csv(REPO / "data" / "manifest.csv")
    assert set(manifest["file"]) == set(build.TABLE_SOURCES)
    assert manifest["source"].str.len().gt(20).all()


# ---------------------------------------------------------------- rebuild


def test_rebuild_reproduces_the_committed_tables(raw, tmp_path):
    build.write_tables(build.build_all(raw), tmp_path)
    for name in [*build.TABLE_SOURCES, "manifest.csv"]:
        committed, rebuilt = REPO / "data" / name, tmp_path / name
        if name.endswith(".parquet"):
            pd.testing.assert_frame_equal(pd.read_parquet(rebuilt), pd.read_parquet(committed))
        else:
            assert rebuilt.read_bytes() == committed.read_bytes(), f"{name} differs from a fresh build: run make data"


# ---------------------------------------------------------------- loading


def test_tables_load_from_any_working_directory(tmp_path):
    code = "import worldorder as wo; print(len(wo.votes()), len(wo.members()))"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(len(wo.votes())), "193"]


def test_tables_are_cached_but_returned_as_copies():
    first = wo.votes()
    first.loc[0, "vote"] = "?"
    assert wo.votes().loc[0, "vote"] != "?"


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    for path in (REPO / "data").iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    monkeypatch.setenv("WORLDORDER_DATA", str(tmp_path))
    wo.data.clear_cache()
    yield tmp_path
    monkeypatch.undo()
    wo.data.clear_cache()


def test_a_missing_file_names_itself_and_the_rebuild_command(data_copy):
    (data_copy / "votes.csv").unlink()
    with pytest.raises(wo.DataFileError, match=r"votes\.csv is missing.*make data"):
        wo.votes()


def test_a_corrupted_vote_is_caught_by_the_official_totals(data_copy):
    text = (data_copy / "votes.csv").read_text().replace("A/RES/ES-11/7,GA,2025-02-24,USA,N",
                                                          "A/RES/ES-11/7,GA,2025-02-24,USA,Y")
    (data_copy / "votes.csv").write_text(text)
    with pytest.raises(wo.DataFileError, match=r"votes\.csv is corrupted: A/RES/ES-11/7 counts.*make data"):
        wo.votes()


def test_a_truncated_members_file_is_reported(data_copy):
    lines = (data_copy / "members.csv").read_text().splitlines()
    (data_copy / "members.csv").write_text("\n".join(lines[:100]) + "\n")
    with pytest.raises(wo.DataFileError, match=r"members\.csv is corrupted: expected 193 UN members, found 99"):
        wo.members()


def test_an_unreadable_parquet_file_is_reported(data_copy):
    (data_copy / "history_agreement.parquet").write_bytes(b"not parquet")
    with pytest.raises(wo.DataFileError, match=r"history_agreement\.parquet could not be read"):
        wo.history_agreement()
