"""The record of notebook 03: totals beside the official ones, who sided with whom, small states, map and charts."""

import json
import shutil

import pytest

import worldorder as wo
from worldorder import data
from worldorder.charts import maps

DAY = ["A/RES/ES-11/7", "A/RES/ES-11/8", "S/RES/2774 (2025)"]


@pytest.mark.parametrize("symbol", DAY)
def test_counted_totals_equal_the_official_totals(symbol):
    table = wo.totals(symbol)
    assert list(table.columns) == ["vote", "vote_label", "counted", "official", "match"]
    assert table["match"].all()
    official = wo.resolutions(resolutions=[symbol]).iloc[0]
    assert table.set_index("vote").loc["Y", "counted"] == official["official_yes"] == official["yes"]


def test_every_focus_vote_has_official_totals_that_the_roll_call_gives_back():
    focus = wo.resolutions(focus=True)
    assert len(focus) == 12
    for column in ("yes", "no", "abstain", "non_voting"):
        assert focus[f"official_{column}"].notna().all()
        assert (focus[column] == focus[f"official_{column}"]).all()


def test_es_11_7_totals_are_the_official_ones():
    table = wo.totals("ES-11/7").set_index("vote")
    assert table["counted"].to_dict() == {"Y": 93, "N": 18, "A": 65, "X": 17}
    assert table["official"].to_dict() == {"Y": 93, "N": 18, "A": 65, "X": 17}


def test_the_us_abstained_on_its_own_amended_draft():
    assert wo.vote_of("ES-11/8", "United States") == "A"
    assert wo.vote_of("ES-11/7", "USA") == "N"
    assert wo.vote_of("2774", "USA") == "Y"


def test_side_with_lists_the_others_with_the_same_vote():
    with_russia = set(wo.side_with("ES-11/8", "Russia")["iso3"])
    assert with_russia == {"BLR", "BFA", "MLI", "NIC", "NER", "PRK", "SDN"}
    with_us = wo.side_with("ES-11/7", "USA")
    assert "USA" not in set(with_us["iso3"]) and {"RUS", "ISR", "HUN"} <= set(with_us["iso3"])
    assert len(with_us) == 17


def test_a_country_not_on_the_council_is_named():
    with pytest.raises(ValueError, match=r"Ukraine \(UKR\) was not on the Security Council on 24 February 2025"):
        wo.vote_of("S/RES/2774 (2025)", "Ukraine")


def test_a_missing_vote_says_why():
    with pytest.raises(ValueError, match=r"Palestine \(PSE\) has no vote .*non-member observer state"):
        wo.vote_of("ES-11/1", "Palestine")
    with pytest.raises(ValueError, match=r"Germany \(DEU\) was not a UN member yet on 2 November 1956: "
                                         r"it was admitted on 18 September 1973"):
        wo.vote_of("997(ES-I)", "Germany")


def test_unknown_input_gets_suggestions():
    with pytest.raises(ValueError, match="Unknown resolution"):
        wo.vote_table("ES-11/77")
    with pytest.raises(ValueError, match="Did you mean"):
        wo.side_with("ES-11/7", "Russa")


def test_the_whole_record_is_there_and_the_focus_filter_keeps_the_old_set():
    assert len(wo.resolutions()) == 8338
    assert set(wo.resolutions()["body"]) == {"GA", "SC"}
    focus = wo.votes(focus=True)
    assert set(focus["resolution"]) == set(wo.resolutions(focus=True)["resolution"])
    assert len(wo.votes(resolutions="ES-11/7")) == 193
    assert list(wo.day_votes("2025-02-24")["resolution"]) == DAY


def test_small_states_are_those_without_a_map_shape():
    small = wo.small_states("ES-11/7").set_index("iso3")
    assert {"PLW", "MHL", "MCO", "TUV"} <= set(small.index)
    assert small.loc["PLW", "vote"] == "N" and small.loc["MHL", "vote"] == "N"
    assert not {"USA", "RUS", "UKR", "FRA"} & set(small.index)
    assert not set(small["iso_numeric"]) & maps.map_ids()


def test_every_large_member_has_a_shape():
    members = wo.members()
    on_map = members["iso_numeric"].isin(maps.map_ids())
    assert on_map.sum() + len(wo.small_states("ES-11/7")) == 193


def test_world_map_is_offline_titled_and_described():
    spec = wo.world_map(wo.vote_table("ES-11/7")).to_dict()
    assert spec["title"]["text"] == "How each member voted on A/RES/ES-11/7"
    assert "93 yes" in spec["description"] and "18 no" in spec["description"]
    world = spec["hconcat"][0]
    assert world["data"]["values"]["type"] == "Topology", "the TopoJSON must be inline"
    assert world["data"]["format"] == {"type": "topojson", "feature": "countries"}
    assert "http" not in json.dumps(world["data"]) + json.dumps(spec["datasets"])
    assert len(json.dumps(spec)) < 2 * data.path_of("world-110m.json").stat().st_size, "shapes inlined once"


def test_vote_lists_hold_the_same_data_as_the_map():
    lists = wo.vote_lists("ES-11/7")
    assert lists.loc["No", "count"] == 18
    assert "Palau" in lists.loc["No", "countries"]


def test_council_chart_shows_fifteen_members():
    spec = wo.council_chart(wo.vote_table("S/RES/2774 (2025)")).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert len(rows) == 15
    assert "10 yes" in spec["description"] and "5 abstain" in spec["description"]


def test_council_chart_refuses_a_general_assembly_vote():
    with pytest.raises(ValueError, match="A/RES/ES-11/7 is a General Assembly vote"):
        wo.council_chart(wo.vote_table("ES-11/7"))


def test_erosion_series_and_years():
    wide = wo.series_wide().set_index("short")
    assert list(wide.index[:2]) == ["ES-11/1", "ES-11/2"] and "ES-11/9" in wide.index
    assert wide.loc["ES-11/1", "Yes"] == 141 and wide.loc["ES-11/7", "Yes"] == 93
    years = wo.by_year()
    assert years.loc[2022, "Yes"] > years.loc[2025, "Yes"]
    assert wo.erosion_chart(wo.series_totals()).to_dict()["description"].startswith("Yes votes went from 141 on ES-11/1")


def test_country_votes_grid_marks_non_council_members():
    grid = wo.country_votes(["USA", "UKR"])
    assert grid.loc["Ukraine (UKR)", "S/RES/2774 (2025)"] == "—"
    assert grid.loc["United States (USA)", "A/RES/ES-11/8"] == "Abstain"


def test_a_missing_map_file_is_reported(tmp_path, monkeypatch):
    shutil.copy(data.data_dir() / "manifest.csv", tmp_path / "manifest.csv")
    monkeypatch.setenv("WORLDORDER_DATA", str(tmp_path))
    data.clear_cache()
    try:
        with pytest.raises(wo.DataFileError, match="world-110m.json is missing"):
            maps.map_ids()
    finally:
        monkeypatch.undo()
        data.clear_cache()
