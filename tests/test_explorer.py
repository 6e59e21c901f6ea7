"""The bloc explorer of notebook 05: controls drive the charts, the search box reaches any recorded vote,
bad input gives sentences, static pages get a fallback."""

import html

import altair as alt
import pytest

import worldorder as wo
from worldorder import explorer as widgets
from worldorder.charts import blocs as bloc_charts


@pytest.fixture
def explorer(monkeypatch):
    monkeypatch.delenv("WORLDORDER_STATIC", raising=False)
    return wo.BlocExplorer()


def shown(explorer) -> dict:
    """What the explorer's chart widget holds: the template drawn and the rows swapped into it."""
    view = explorer.chart.view
    return {"template": explorer.chart.templates.get(view["key"]), "rows": view["values"],
            "description": view["description"], "serial": view["serial"]}


def test_default_view_is_the_five_blocs_on_three_votes(explorer):
    split = explorer.view.data("split")
    assert set(split["bloc"]) == {"EU", "NATO", "G7", "BRICS", "AU"}
    assert set(split["short"]) == {"ES-11/1", "ES-11/7", "ES-11/8"}
    assert "defectors" in explorer.view.tables
    drawn = shown(explorer)
    assert drawn["description"] == explorer.view.charts["split"].description
    assert drawn["template"]["usermeta"] == {bloc_charts.USERMETA: "split"} and "data" not in drawn["template"]
    assert "Members who broke ranks" in explorer.details.value and "Hungary (HUN)" in explorer.details.value


def test_adding_a_bloc_adds_its_rows_to_the_split_chart(explorer):
    assert "African Group" not in set(explorer.view.data("split")["bloc"])
    explorer.blocs.value = (*explorer.blocs.value, "African Group")
    split = explorer.view.data("split")
    assert "African Group" in set(split["bloc"])
    assert any(r["bloc"] == "African Group" for r in shown(explorer)["rows"])


def test_changing_votes_changes_the_chart_data(explorer):
    explorer.votes.value = (wo.resolution("68/262"),)
    assert set(explorer.view.data("split")["short"]) == {"68/262"}
    # BRICS had members on 27 March 2014
    assert "BRICS" in set(explorer.view.data("split")["bloc"])


def test_switching_the_measure_switches_the_chart(explorer):
    assert set(explorer.view.charts) == {"split"}
    explorer.measure.value = "cohesion"
    assert set(explorer.view.charts) == {"cohesion"} and "agreement_index" in explorer.view.data("cohesion")
    explorer.measure.value = "blocs"
    assert set(explorer.view.charts) == {"blocs"}
    explorer.measure.value = "country"
    assert not explorer.country.disabled
    explorer.country.value = "RUS"
    assert set(explorer.view.data("country")["country"]) == {"Russia (RUS)"}
    explorer.measure.value = "split"
    assert explorer.country.disabled


def test_custom_bloc_from_the_text_box(explorer):
    explorer.custom.value = "Nordics: Denmark, Finland, Iceland, Norway, Sweden"
    assert "Nordics" in set(explorer.view.data("split")["bloc"])
    explorer.custom.value = "Nordics: Denmrak, Finland"
    assert "Nordics" not in set(explorer.view.data("split")["bloc"])
    assert any("Custom bloc not added" in m and "Denmark" in m for m in explorer.view.messages)


def test_empty_selections_give_a_sentence(explorer):
    explorer.blocs.value = ()
    assert not explorer.view.charts and "Choose at least one bloc" in explorer.view.messages[0]
    assert "Choose at least one bloc" in explorer.details.value and shown(explorer)["template"] is None
    explorer.blocs.value = ("EU",)
    explorer.votes.value = ()
    assert not explorer.view.charts and any("Choose at least one vote" in m for m in explorer.view.messages)


def test_a_bloc_with_no_members_on_the_date_gives_a_sentence(explorer):
    explorer.blocs.value = ("Warsaw Pact",)
    assert not explorer.view.charts
    assert any("Warsaw Pact had no members on 2 March 2022" in m for m in explorer.view.messages)
    assert any("None of the chosen blocs had members" in m for m in explorer.view.messages)
    explorer.blocs.value = ("Warsaw Pact", "EU")
    assert "split" in explorer.view.charts
    assert any("Warsaw Pact had no members" in m for m in explorer.view.messages)


def test_a_bloc_that_did_not_vote_gives_a_sentence(explorer):
    explorer.blocs.value = ("ASEAN",)
    explorer.votes.value = ("S/RES/2774 (2025)",)
    assert any("none of its members cast a vote" in m for m in explorer.view.messages)
    for measure in ("cohesion", "blocs", "country"):
        explorer.measure.value = measure
        assert not any(m.startswith("Could not draw") for m in explorer.view.messages)


def test_compute_view_never_raises_on_bad_input():
    view = wo.compute_view(["EU"], "no colon here", ["ES-11/7"], "split")
    assert "split" in view.charts and any("Name: country, country" in m for m in view.messages)
    view = wo.compute_view(["EU"], "", ["ES-11/7"], "shares")
    assert any("Unknown measure 'shares'" in m for m in view.messages)


def test_every_widget_chart_is_one_helper_call(explorer):
    blocs, votes = list(explorer.blocs.value), list(explorer.votes.value)
    assert explorer.view.charts["split"].to_dict() == wo.split_chart(wo.bloc_counts(blocs, votes)).to_dict()
    explorer.measure.value = "cohesion"
    assert explorer.view.charts["cohesion"].to_dict() == wo.cohesion_chart(wo.cohesion(blocs, votes)).to_dict()


def test_the_fast_spec_equals_altairs_own(explorer):
    for measure in widgets.MEASURES:
        explorer.measure.value = measure
        chart = next(iter(explorer.view.charts.values()))
        slow, fast = chart.to_dict(), bloc_charts.vega_lite(chart)
        assert slow["datasets"][slow["data"]["name"]] == fast["data"]["values"]
        assert {k: v for k, v in slow.items() if k not in ("data", "datasets")} == \
               {k: v for k, v in fast.items() if k != "data"}


def test_display_bundle_has_the_widget_and_a_static_fallback(explorer, monkeypatch):
    def no_engine(chart):  # a live kernel never starts vl-convert's JavaScript engine (memory: make bench)
        raise AssertionError("the live explorer drew an SVG")

    monkeypatch.setattr(widgets, "chart_svg", no_engine)
    bundle = explorer._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == explorer.ui.model_id
    assert "<script" not in bundle["text/html"]
    for chart in explorer.view.charts.values():
        assert html.escape(chart.description) in bundle["text/html"]
    assert "http" not in bundle["text/html"].replace("http://www.w3.org", "")
    assert "The most divided was" in bundle["text/plain"] and "Hungary" in bundle["text/plain"]


def test_static_mode_shows_only_the_fallback(explorer, monkeypatch):
    monkeypatch.setenv("WORLDORDER_STATIC", "1")
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" not in bundle and "<svg" in bundle["text/html"]


# ---------------------------------------------------------------- the search box


def symbols(explorer):
    return [symbol for _, symbol in explorer.votes.options]


def test_the_default_list_is_the_focus_votes(explorer):
    chosen = tuple(wo.resolution(v) for v in ["ES-11/1", "ES-11/7", "ES-11/8"])
    assert explorer.votes.value == chosen and symbols(explorer)[:3] == list(chosen)
    assert sorted(symbols(explorer)) == sorted(wo.resolutions(focus=True)["resolution"])
    assert explorer.search.value == "" and isinstance(explorer.search, widgets.w.Text)


@pytest.mark.parametrize("text, found", [("Suez", "S/RES/119 (1956)"), ("uniting for peace", "A/RES/377(V)[A-C]")])
def test_search_fills_the_list_keeps_the_chosen_votes_and_does_not_redraw(explorer, text, found):
    chosen, view, shown_before = explorer.votes.value, explorer.view, shown(explorer)
    explorer.search.value = text
    assert found in symbols(explorer) and found not in chosen
    assert symbols(explorer)[:len(chosen)] == list(chosen), "the chosen votes stay at the top of the list"
    assert explorer.votes.value == chosen
    assert explorer.view is view and shown(explorer) == shown_before, "no redraw until a vote is chosen"
    matches = set(wo.find_votes(text)["resolution"])
    assert set(symbols(explorer)) == set(chosen) | matches
    explorer.votes.value = (*chosen, found)
    assert explorer.view is not view
    assert wo.resolutions(resolutions=found)["short"].iloc[0] in set(explorer.view.data("split")["short"])


def test_a_search_with_no_match_keeps_only_the_chosen_votes(explorer):
    explorer.search.value = "no vote has this title"
    assert symbols(explorer) == list(explorer.votes.value)
    explorer.search.value = ""
    assert sorted(symbols(explorer)) == sorted(wo.resolutions(focus=True)["resolution"])


def test_a_1956_vote_from_the_search_uses_1956_membership(explorer):
    explorer.blocs.value = ("NATO", "EU")
    explorer.search.value = "749th and 750th meetings"
    assert "A/RES/997(ES-I)" in symbols(explorer)
    explorer.votes.value = ("A/RES/997(ES-I)",)
    split = explorer.view.data("split")
    assert set(split["bloc"]) == {"NATO"} and split["members"].eq(15).all()
    assert "Germany (DEU)" in set(split["not_listed_members"])
    assert ("EU had no members on 2 November 1956: its first members joined on 1 January 1958. "
            "So it has no votes on 997(ES-I).") in explorer.view.messages
    assert any("not in the roll call: Germany (DEU)" in m for m in explorer.view.messages)


def test_measure_buttons_are_wide_enough_for_their_labels(explorer):
    assert explorer.measure.style.button_width == "auto"
    assert [label for label, _ in explorer.measure.options] == list(widgets.MEASURES.values())


def test_chart_data_is_attached_the_library_s_way(explorer):
    """A chart names its template in Vega-Lite's usermeta and holds its table as Altair's own ``data``: no private
    attribute rides on the chart object, and a chart changed afterwards is serialised as changed."""
    chart = next(iter(explorer.view.charts.values()))
    assert not [name for name in vars(chart) if name.startswith("_worldorder")]
    assert chart.to_dict()["usermeta"] == {bloc_charts.USERMETA: chart.usermeta[bloc_charts.USERMETA]}
    changed = chart.properties(title="My own title", data=chart.data.head(2))
    fast, slow = bloc_charts.vega_lite(changed), changed.to_dict()
    assert fast["title"] == slow["title"] == "My own title"
    assert fast["data"]["values"] == slow["datasets"][slow["data"]["name"]] and len(fast["data"]["values"]) == 2


@pytest.mark.parametrize("measure", widgets.MEASURES)
def test_one_redraw_resolves_each_input_once(measure, monkeypatch, explorer):
    """Issue 19: names are resolved once at the edge; the layers below take the resolved keys."""
    from worldorder import names

    calls = {"bloc": 0, "resolution": 0, "country": 0}

    def counting(name, real):
        def counted(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)
        return counted

    for name in calls:
        monkeypatch.setattr(names, name, counting(name, getattr(names, name)))
    view = widgets.compute_view(["EU", "NATO", "BRICS"], "Nordics: Denmark, Finland", ["ES-11/1", "A/RES/ES-11/7"],
                                measure)
    assert view.charts
    assert calls == {"bloc": 3, "resolution": 2, "country": 2 + (measure == "country")}
    for name in calls:
        calls[name] = 0
    explorer.measure.value = measure if measure != explorer.measure.value else "cohesion"
    blocs, votes = len(explorer.blocs.value), len(explorer.votes.value)
    assert calls["bloc"] <= blocs and calls["resolution"] <= votes, (calls, blocs, votes)


def test_changing_a_chart_never_changes_the_next_one():
    """Charts are copies of a template (Altair's copy): a learner's change to one stays in that one."""
    table = wo.cohesion(["EU", "NATO"], ["ES-11/7"])
    mine = wo.cohesion_chart(table)
    layers = len(mine.layer)
    mine += alt.Chart().mark_rule()
    mine.layer[0].mark = "point"
    mine.title = "My title"
    fresh = wo.cohesion_chart(table)
    assert len(fresh.layer) == layers and fresh.layer[0].mark != "point" and fresh.title != "My title"
