"""The explorer's chart widget (worldorder.chartview): a template sent once, then only rows; its browser code bundled
with the package, offline. What the browser does with them is tested in tests/test_browser.py."""

import re
import subprocess
import sys

import pytest

import worldorder as wo
from worldorder import chartview, files
from worldorder.charts import blocs as bloc_charts

BUNDLE = files.STATIC / "chart_view.js"
REPO = files.STATIC.parent.parent


@pytest.fixture
def explorer(monkeypatch):
    monkeypatch.delenv("WORLDORDER_STATIC", raising=False)
    return wo.BlocExplorer()


def sent(widget, monkeypatch) -> list[dict]:
    """Record the state messages the widget sends to the browser from now on."""
    messages = []
    monkeypatch.setattr(widget, "send_state", lambda key=None: messages.append(widget.get_state(key)))
    return messages


def test_a_change_of_blocs_or_votes_sends_only_rows(explorer, monkeypatch):
    key, templates = explorer.chart.view["key"], dict(explorer.chart.templates)
    messages = sent(explorer.chart, monkeypatch)
    explorer.blocs.value = (*explorer.blocs.value, "African Group")
    explorer.votes.value = (wo.resolution("ES-11/4"),)
    assert [set(m) for m in messages] == [{"view"}, {"view"}], "the template was sent again"
    assert explorer.chart.view["key"] == key and explorer.chart.templates == templates
    rows = explorer.chart.view["values"]
    assert {r["bloc"] for r in rows} == set(explorer.view.data("split")["bloc"]) and "African Group" in {
        r["bloc"] for r in rows}
    assert {r["short"] for r in rows} == {"ES-11/4"}
    assert rows == bloc_charts.vega_lite(explorer.view.charts["split"])["data"]["values"]


def test_a_new_measure_sends_its_template_with_its_rows_in_one_message(explorer, monkeypatch):
    messages = sent(explorer.chart, monkeypatch)
    explorer.measure.value = "cohesion"
    assert len(messages) == 1 and set(messages[0]) == {"templates", "view"}
    template = explorer.chart.templates[explorer.chart.view["key"]]
    assert template["usermeta"] == {bloc_charts.USERMETA: "heat/short/Vote/bloc/agreement_index/Agreement Index/70"}
    assert "data" not in template and "description" not in template
    explorer.measure.value = "split"  # back to a template the browser has: rows only
    assert set(messages[-1]) == {"view"}


def test_each_country_is_its_own_template_and_the_browser_keeps_at_most_eight(explorer):
    explorer.measure.value = "country"
    for iso3 in ["RUS", "CHN", "IND", "BRA", "ZAF", "FRA", "DEU", "JPN", "KEN", "MEX"]:
        explorer.country.value = iso3
        title = explorer.chart.templates[explorer.chart.view["key"]]["title"]["text"]
        assert title == f"How often each bloc voted as {wo.country_label(iso3)} did"
    assert len(explorer.chart.templates) == chartview.KEEP
    assert explorer.chart.view["key"] in explorer.chart.templates


def test_every_redraw_is_numbered_even_when_nothing_changed(explorer):
    serial = explorer.chart.view["serial"]
    explorer.refresh()
    explorer.blocs.value = ()
    assert explorer.chart.view["serial"] == serial + 2
    assert explorer.chart.view["key"] == "" and explorer.chart.view["values"] == []


def test_only_the_explorers_own_charts_go_in_the_widget():
    with pytest.raises(ValueError, match="ChartView draws the charts of worldorder.charts.blocs"):
        chartview.ChartView().show(wo.erosion_chart(wo.series_totals()))


def test_the_browser_code_ships_with_the_package_and_reaches_no_network():
    text = BUNDLE.read_text(encoding="utf-8")
    assert text.startswith("// worldorder's explorer chart, built by `python -m tools.chart_view`")
    assert re.search(r"^\s*import\b[^;]*\bfrom\s*[\"']https?:", text, re.M) is None, "the bundle imports from a URL"
    assert re.search(r"\bimport\(\s*[\"']https?:", text) is None, "the bundle loads a module from a URL"
    assert text.rstrip().endswith("export{__default as default};")
    assert chartview.ChartView._esm == text, "the widget does not send the shipped bundle"
    assert (BUNDLE.parent / "THIRD_PARTY.md").read_text().count("Redistribution and use") == 3


def test_a_missing_bundle_names_the_file_and_how_to_restore_it(monkeypatch, tmp_path):
    monkeypatch.setattr(files, "STATIC", tmp_path)
    with pytest.raises(files.DataFileError, match=r"chart_view\.js cannot be read \(FileNotFoundError\)\. Restore it: "
                       r"rebuild it with `python -m tools\.chart_view`"):
        files.browser_code("chart_view.js")


def test_the_committed_bundle_is_built_from_the_current_source():
    """The header names the source's digest: a change to tools/chart_view.js without a rebuild fails here."""
    from tools import chart_view

    assert f"// source sha256 {chart_view.source_digest()}\n" in BUNDLE.read_text(encoding="utf-8")[:600], \
        "tools/chart_view.js changed: rebuild with `python -m tools.chart_view`"


def test_the_committed_bundle_is_what_the_build_writes():
    """Byte for byte, when the installed vl-convert is the one that built it (another release bundles the same
    libraries differently; the bundle in the package still works, and the digest test above still guards it)."""
    import vl_convert

    built_by = re.search(r"bundled by vl-convert (\S+?);", BUNDLE.read_text(encoding="utf-8")[:600]).group(1)
    if built_by != vl_convert.__version__:
        pytest.skip(f"the bundle was built by vl-convert {built_by}; {vl_convert.__version__} is installed")
    done = subprocess.run([sys.executable, "-m", "tools.chart_view", "--check"], cwd=REPO, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr
