"""The shipped data: official totals, the whole record, seats, membership dates, rebuild, damaged files."""

import hashlib
import subprocess
import sys

import pandas as pd
import pytest

import worldorder as wo
from conftest import REPO

# Official totals (yes, no, abstain) as published by the UN for the votes the project is about.
OFFICIAL = {
    "A/RES/68/262": (100, 11, 58),
    "A/RES/ES-11/1": (141, 5, 35),
    "A/RES/ES-11/7": (93, 18, 65),
    "A/RES/ES-11/8": (93, 8, 73),
    "S/RES/2774 (2025)": (10, 0, 5),
    "A/RES/181(II)[A]": (33, 13, 10),
    "A/RES/2758(XXVI)": (76, 35, 17),
}


def counted(symbol):
    return wo.votes(resolutions=[symbol])["vote"].value_counts().reindex(list("YNAX"), fill_value=0)


@pytest.mark.parametrize("symbol, totals", OFFICIAL.items())
def test_published_totals_are_in_the_data(symbol, totals):
    row = wo.resolutions(resolutions=[symbol]).iloc[0]
    assert (row.official_yes, row.official_no, row.official_abstain) == totals
    assert tuple(counted(symbol)[list("YNA")]) == totals


def test_counted_totals_equal_official_totals_wherever_both_exist():
    res = wo.resolutions()
    known = res[res["official_yes"].notna()]
    assert len(known) >= 15
    for row in known.itertuples():
        got = (row.yes, row.no, row.abstain, row.non_voting)
        assert got == (row.official_yes, row.official_no, row.official_abstain, row.official_non_voting), row.resolution


def test_the_whole_record_is_there():
    res = wo.resolutions()
    assert res["body"].value_counts().to_dict() == {"GA": 5541, "SC": 2797}
    assert res["focus"].sum() == 12 and res["resolution"].is_unique
    assert res["date"].min() == pd.Timestamp("1946-01-25") and res["date"].max() == pd.Timestamp("2025-12-18")
    assert len(wo.votes()) == 958_844
    assert wo.missing_years() == [1964]


def test_every_2025_ga_focus_vote_lists_all_193_members_once():
    votes = wo.votes(years=2025, body="GA", focus=True)
    assert set(votes.groupby("resolution").size()) == {193}
    assert not wo.votes(years=range(2020, 2026)).duplicated(["resolution", "iso3"]).any()


def test_known_votes_of_24_february_2025():
    v = wo.votes(focus=True).set_index(["resolution", "iso3"])["vote"]
    assert v["A/RES/ES-11/7", "USA"] == "N" and v["A/RES/ES-11/7", "RUS"] == "N"
    assert v["A/RES/ES-11/8", "USA"] == "A" and v["A/RES/ES-11/8", "UKR"] == "A"
    assert v["S/RES/2774 (2025)", "USA"] == "Y" and v["S/RES/2774 (2025)", "GBR"] == "A"


def test_known_votes_of_the_cold_war():
    v = wo.votes(years=[1950, 1956]).set_index(["resolution", "iso3"])["vote"]
    assert v["A/RES/377(V)[A-C]", "USA"] == "Y" and v["A/RES/377(V)[A-C]", "RUS"] == "N"  # the USSR's seat
    assert ("A/RES/377(V)[A-C]", "DEU") not in v.index  # West Germany was admitted in 1973


def test_disputed_cells_keep_the_un_record_and_are_flagged():
    disputes = wo.vote_disputes().set_index(["resolution", "iso3"])
    assert disputes.loc[("A/RES/ES-11/8", "ARM"), "recorded"] == "Y"
    assert disputes.loc[("A/RES/ES-11/8", "ARM"), "other_says"] == "A"
    votes = wo.votes(focus=True).set_index(["resolution", "iso3"])
    assert votes.loc[("A/RES/ES-11/8", "ARM"), "vote"] == "Y"
    assert set(votes.index[votes.disputed]) == set(disputes.index)


def test_every_resolution_names_its_source_and_record():
    res = wo.resolutions()
    assert res.loc[res["focus"], "source"].str.contains("rollcalls/").all()
    assert res.loc[~res["focus"], "source"].str.contains("UN Digital Library").all()
    assert res["record"].str.startswith("https://digitallibrary.un.org/record/").all()


def test_focus_rollcalls_match_the_raw_files_cell_for_cell(raw):
    res = wo.resolutions(focus=True)
    files = res["source"].str.extract(r"rollcalls/(\S+\.csv)")[0]
    assert sorted(files) == sorted(p.name for p in (raw / "rollcalls").glob("*.csv"))
    votes = wo.votes(focus=True)
    for symbol, name in zip(res["resolution"], files):
        rollcall = pd.read_csv(raw / "rollcalls" / name, dtype=str, keep_default_na=False)
        expected = rollcall.set_index("iso3")["vote"].sort_index()
        shipped = votes[votes.resolution == symbol].set_index("iso3")["vote"].sort_index()
        pd.testing.assert_series_equal(shipped, expected, check_names=False, obj=name)


def test_issue_codes_come_from_voeten_for_1946_to_2019_only():
    res = wo.resolutions(body="GA")
    assert not res.loc[res["year"] >= 2020, "issue_coded"].any()
    coded = res[res["issue_coded"]]
    assert coded["year"].between(1946, 2019).all() and len(coded) > 4000
    codes = {code for cell in coded["issues"] for code in cell.split(";") if code}
    assert codes == set(wo.ISSUES)
    nuclear = wo.resolutions(issue="nuclear weapons", years=range(1980, 1990))
    assert len(nuclear) > 100 and nuclear["issues"].str.contains("nu").all()


def test_issue_join_agrees_with_voeten_votes(raw):
    """Every joined roll call: the USA's and the USSR/Russia's votes agree with Voeten's for the same rcid."""
    calls = wo.data.resolution_table()
    joined = calls[calls["voeten_rcid"].notna() & (calls["year"] >= 1980)].sample(200, random_state=1)
    voeten = pd.read_parquet(raw / "unga_history" / "voeten_unvotes_1946_2019" / "un_votes.parquet")
    voeten = voeten[voeten["rcid"].isin(joined["voeten_rcid"].astype(int)) & voeten["country_code"].isin(["US"])]
    theirs = voeten.set_index("rcid")["vote"].map({"yes": "Y", "no": "N", "abstain": "A"})
    ours = wo.votes(resolutions=list(joined["resolution"]), countries=["USA"]).set_index("resolution")["vote"]
    ours.index = ours.index.map(dict(zip(joined["resolution"].astype(str), joined["voeten_rcid"].astype(int))))
    both = theirs.index.intersection(ours.index)
    assert len(both) > 150 and (theirs[both] == ours[both]).mean() > 0.97


# ---------------------------------------------------------------- seats


def test_one_code_per_seat_in_votes_and_blocs():
    assert "SUN" not in set(wo.blocs()["iso3"])
    assert wo.is_member("USSR", "Warsaw Pact", "1970-01-01") and wo.is_member("Russia", "Warsaw Pact", "1970-01-01")
    codes = set(wo.votes(years=range(1946, 1992))["iso3"])
    assert {"RUS", "DDR", "CSK", "YUG", "YMD"} <= codes and "SUN" not in codes


def test_every_code_in_votes_and_blocs_has_a_row_in_the_country_table():
    known = set(wo.countries()["iso3"])
    assert set(wo.votes()["iso3"]) <= known and set(wo.blocs()["iso3"]) <= known
    statuses = wo.countries().set_index("iso3")["status"]
    assert statuses["PSE"] == "observer" and statuses["DDR"] == "former seat" and (statuses == "member").sum() == 193


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
    ("Germany", "NATO", "1956-11-04", True),
])
def test_bloc_membership_on_a_date(country, bloc, on, expected):
    assert wo.is_member(country, bloc, on) is expected


def test_brics_before_and_after_its_2024_enlargement():
    assert wo.bloc_members("BRICS", on="2023-12-31") == ["BRA", "CHN", "IND", "RUS", "ZAF"]
    grown = wo.bloc_members("BRICS", on="2024-01-01", uncertain="exclude")
    assert set(grown) - {"BRA", "CHN", "IND", "RUS", "ZAF"} == {"EGY", "ETH", "IRN", "ARE"}
    assert "SAU" not in grown  # its membership is disputed in the sources: not a member for sure
    with pytest.raises(wo.membership.MembershipNotKnown, match=r"Saudi Arabia \(SAU\) \(whether it joined is disputed"):
        wo.bloc_members("BRICS", on="2024-01-01")


def test_the_g8_is_the_g7_plus_russia_while_it_lasted():
    g7 = wo.bloc_members("G7", on="2010-06-01")
    assert wo.bloc_members("G8", on="2010-06-01") == sorted(g7 + ["RUS"])
    with pytest.raises(ValueError, match=r"G8 had no members on 1 June 2015: its last member left on"):
        wo.bloc_members("G8", on="2015-06-01")


def test_a_bloc_before_it_existed_says_so():
    with pytest.raises(ValueError, match=r"NATO had no members on 1 January 1946: its first members joined on 4 April 1949"):
        wo.bloc_members("NATO", on="1946-01-01")
    assert wo.is_member("France", "NATO", "1946-01-01") is False


def test_regional_groups_are_blocs():
    assert len(wo.bloc_members("WEOG", on="2025-02-24")) == 29
    assert "USA" in wo.bloc_members("Western European and Others")
    assert sum(len(wo.bloc_members(g)) for g in ["African Group", "Asia-Pacific Group", "Eastern European Group",
                                                  "GRULAC", "WEOG"]) == 193


def test_every_bloc_spell_names_a_source():
    spells = wo.blocs()
    assert (spells["source"] != "").all()
    assert set(spells["bloc"]) >= {"EU", "NATO", "G7", "G20", "BRICS", "AU", "ASEAN", "Arab League", "OAS", "CSTO",
                                   "SCO", "Commonwealth", "OIC", "Warsaw Pact"}


# ---------------------------------------------------------------- the manifest and the rebuild


def test_data_folder_stays_small():
    assert sum(p.stat().st_size for p in (REPO / "data").rglob("*") if p.is_file()) < 10e6


def test_manifest_lists_every_shipped_file_with_source_and_checksum():
    manifest = pd.read_csv(REPO / "data" / "manifest.csv", dtype=str, keep_default_na=False)
    shipped = {p.name for p in (REPO / "data").iterdir() if p.is_file()} - {"manifest.csv"}
    assert set(manifest["file"]) == shipped
    assert manifest["source"].str.len().gt(10).all() and manifest["grain"].str.len().gt(5).all()
    for row in manifest.itertuples():
        assert hashlib.sha256((REPO / "data" / row.file).read_bytes()).hexdigest() == row.sha256, row.file


def test_rebuild_reproduces_the_committed_data(raw, tmp_path):
    sys.path.insert(0, str(REPO))
    from tools import build

    for name in build.SHIPPED:
        (tmp_path / name).write_bytes((REPO / "data" / name).read_bytes())
    build.write_tables(build.build_all(raw), tmp_path)
    for name in build.TABLES:
        if name.endswith(".parquet"):  # the bytes also carry the pandas and pyarrow versions: compare the content
            pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / name), pd.read_parquet(REPO / "data" / name))
        else:
            assert (tmp_path / name).read_bytes() == (REPO / "data" / name).read_bytes(), f"{name}: run make data"
    rebuilt, committed = (pd.read_csv(folder / "manifest.csv", dtype=str) for folder in (tmp_path, REPO / "data"))
    same_bytes = ~committed["file"].str.endswith(".parquet")
    pd.testing.assert_frame_equal(rebuilt[same_bytes], committed[same_bytes])
    pd.testing.assert_frame_equal(rebuilt.drop(columns="sha256"), committed.drop(columns="sha256"))


def test_the_runtime_package_never_imports_the_build_tools():
    code = "import sys, worldorder as wo; wo.votes(); print(any(m.startswith('tools') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- loading


def test_tables_load_from_any_working_directory(tmp_path):
    code = "import worldorder as wo; print(len(wo.votes(focus=True)), len(wo.members()))"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["2138", "193"]


def test_tables_are_cached_but_returned_as_copies():
    first = wo.votes(focus=True)
    first.loc[0, "vote"] = "?"
    assert wo.votes(focus=True).loc[0, "vote"] != "?"
    topology = wo.data.topology()
    topology["objects"].clear()
    assert wo.data.topology()["objects"]
    texts = wo.ledger.seed_texts()
    texts.clear()
    assert wo.ledger.seed_texts()
