"""Rough edges a class saw, each pinned: notebooks that open as changed, an unlabelled bar, colours that are not
the set's own, date labels that run together, cut-off control labels, and kernel warnings in `make html`.
(Labels cut off in drawn charts are checked in a real browser by tests/test_a11y.py.)"""

import json

import nbformat
import pytest
from nbclient import NotebookClient

import worldorder as wo
from conftest import REPO
from tools import notebook_metadata
from worldorder import explorer
from worldorder.charts import theme

NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_committed_notebook_already_has_what_jupyterlab_writes_on_opening_it(path):
    stale = notebook_metadata.differs(path)
    assert not stale, (f"{path.name} would open as changed ({', '.join(stale)} differ from this kernel's): run "
                       f".venv/bin/python -m tools.notebook_metadata notebooks/*.ipynb")


def test_stamping_writes_the_kernels_metadata_and_nothing_else(tmp_path):
    copy = tmp_path / "nb.ipynb"
    notebook = nbformat.read(NOTEBOOKS[0], as_version=4)
    notebook.metadata["language_info"] = {"name": "python"}
    nbformat.write(notebook, copy)
    assert notebook_metadata.differs(copy) == ["language_info"]
    assert notebook_metadata.stamp(copy) and not notebook_metadata.stamp(copy)
    assert copy.read_text() == NOTEBOOKS[0].read_text()


def run_with_probe(path, probe: str) -> dict:
    """Execute a notebook with one more cell at the end that prints a JSON object; return that object."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(probe))
    NotebookClient(notebook, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    text = "".join(o.get("text", "") for o in notebook.cells[-1].outputs if o.get("name") == "stdout")
    return json.loads(text)


def test_notebook_07_labels_every_bar_and_uses_the_sets_vote_colours():
    path = next(p for p in NOTEBOOKS if p.stem.startswith("07"))
    found = run_with_probe(path, "import json\nspec = claim_chart.to_dict()\nprint(json.dumps({'groups': "
                                 "sorted(set(by_group['group'])), 'layers': [l['encoding'] for l in spec['layer']]}))")
    assert "" not in found["groups"] and "No regional group (former seat)" in found["groups"]
    bars, letters = found["layers"]
    assert bars["color"]["scale"] == {"domain": theme.VOTE_ORDER,
                                      "range": [theme.VOTE_COLOURS[v] for v in theme.VOTE_ORDER]}
    assert letters["text"]["field"] == "vote", "each segment carries its vote's letter: colour is not alone"
    assert bars["order"] == letters["order"], "the letters stack as the bars do"


def test_notebook_03s_series_chart_uses_the_sets_colours_a_dash_per_vote_and_month_year_dates():
    path = next(p for p in NOTEBOOKS if p.stem.startswith("03"))
    found = run_with_probe(path, "import json\nprint(json.dumps(series_chart.to_dict()['encoding']))")
    assert found["color"]["scale"]["range"] == [theme.VOTE_COLOURS[v] for v in theme.VOTE_ORDER]
    assert found["strokeDash"]["field"] == "vote_label", "the lines differ by dash, not colour alone"
    assert found["x"]["axis"]["format"] == "%b %Y"


def test_the_helpers_series_chart_writes_month_and_year_and_no_label_runs_into_another():
    axis = wo.erosion_chart(wo.series_totals()).to_dict()["layer"][0]["encoding"]["x"]["axis"]
    assert axis["format"] == "%b %Y"
    assert theme.worldorder_theme()["config"]["axis"]["labelOverlap"] == "greedy", "'October2023'"


def test_every_explorer_control_label_is_as_wide_as_its_text():
    ui = wo.BlocExplorer()
    controls = [ui.blocs, ui.custom, ui.search, ui.votes, ui.measure, ui.country]
    assert all(c.style.description_width == "initial" for c in controls), "a label would be cut to 'Custom bl…'"
    long_title = wo.resolutions(resolutions="S/RES/2774 (2025)")["title"].iloc[0]
    ui.votes.value = ("S/RES/2774 (2025)",)
    assert long_title.split("[")[1].rstrip("]") in ui.chosen.value, "the chosen vote's whole title is shown"
    assert "Security Council resolution" not in explorer.vote_label("2774 (2025)", wo.day("2025-02-24"), "SC",
                                                                       long_title)


def test_the_static_export_runs_kernels_without_warnings(tmp_path):
    """`make html` used to print the kernel's "running over TCP without encryption" warning once per notebook."""
    import subprocess
    import sys

    path = tmp_path / "tiny.ipynb"
    notebook = nbformat.v4.new_notebook()
    notebook.cells.append(nbformat.v4.new_code_cell("print(6 * 7)"))
    nbformat.write(notebook, path)
    code = f"from pathlib import Path; from tools import export; nb = export.execute_static(Path({str(path)!r})); " \
           "print(nb.cells[0].outputs[0]['text'].strip())"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "42", out.stderr
    assert "without encryption" not in out.stderr and "[IPKernelApp] WARNING" not in out.stderr, out.stderr


def vote_channels(spec) -> set[str]:
    """The channels of a chart spec (layers, facets and concatenations included) that draw the vote, plus 'text'
    where the chart writes text on its marks (the split chart's letters 'Y 27')."""
    found = set()

    def walk(node):
        if isinstance(node, dict):
            for channel, encoding in (node.get("encoding") or {}).items():
                if isinstance(encoding, dict) and (encoding.get("field") in ("vote_label", "vote")
                                                   or channel == "text"):
                    found.add(channel)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return found


def test_no_helper_vote_chart_tells_a_vote_by_colour_alone():
    view = explorer.compute_view(["EU", "NATO"], "", ["A/RES/ES-11/1", "A/RES/ES-11/7"])
    charts = {"world map": wo.world_map(wo.vote_table("ES-11/7")),
              "council": wo.council_chart(wo.vote_table("S/RES/2774 (2025)")),
              "erosion": wo.erosion_chart(wo.series_totals()), "small states": wo.small_states_chart(wo.small_states("ES-11/7")), "explorer split": view.charts["split"]}
    for name, chart in charts.items():
        channels = vote_channels(chart.to_dict())
        assert "color" in channels and channels - {"color"}, f"{name}: the vote is drawn by {channels} only"
