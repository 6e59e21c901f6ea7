"""A chart that stays on screen while its data changes: the widget that draws the bloc explorer's charts.

JupyterLab's own Vega-Lite output draws every new chart from scratch, which a learner feels on each click. A
:class:`ChartView` sends a chart's template (its Vega-Lite spec without data) once, and afterwards only the rows of
its table; the browser swaps them into the chart already drawn (Vega's data API) instead of drawing it anew. The
browser code is ``worldorder/static/chart_view.js``: Vega, Vega-Lite and Vega-Embed bundled with the package, so
nothing is fetched from the network.

>>> import worldorder as wo
>>> from worldorder import chartview, explorer
>>> view = chartview.ChartView()
>>> chart = explorer.compute_view(["EU"], "", ["A/RES/ES-11/7"]).charts["split"]
>>> view.show(chart)
>>> view.view["description"] == chart.description, len(view.templates)
(True, 1)
>>> view.show(None)
>>> view.view["key"]
''
"""

from __future__ import annotations

import hashlib
import json

import anywidget
import traitlets

from worldorder import files
from worldorder.charts import blocs as bc

DATASET = "table"  # the name of the chart's data in its spec, the one the browser replaces
KEEP = 8  # templates the browser keeps at most (tools/chart_view.js keeps as many views)


def split(chart) -> tuple[str, dict, list[dict], str]:
    """A chart as (key, template, rows, description): the key names the template, which is the spec without its
    data and description; two charts with the same key differ only in their rows and description."""
    spec = bc.vega_lite(chart)
    if "values" not in spec.get("data", {}):
        raise ValueError("ChartView draws the charts of worldorder.charts.blocs (a template with its table inline); "
                         f"this chart's data is {str(spec.get('data'))[:60]}")
    rows = spec.pop("data")["values"]
    description = spec.pop("description", "") or ""
    text = json.dumps(spec, sort_keys=True, default=str)
    return hashlib.sha1(text.encode()).hexdigest()[:16], spec, rows, description


class ChartView(anywidget.AnyWidget):
    """One chart area: :meth:`show` puts a chart in it, or empties it with None."""

    _esm = files.browser_code("chart_view.js")
    templates = traitlets.Dict().tag(sync=True)
    view = traitlets.Dict({"key": "", "values": [], "description": "", "serial": 0}).tag(sync=True)

    def show(self, chart) -> None:
        """Show ``chart`` (a chart of :mod:`worldorder.charts.blocs`), or nothing with None.

        Every call is one redraw in the browser, even of the same chart (``serial`` counts them), so each change of
        a control gets an answer a test or a benchmark can wait for.
        """
        serial = self.view.get("serial", 0) + 1
        if chart is None:
            self.view = {"key": "", "values": [], "description": "", "serial": serial}
            return
        key, template, rows, description = split(chart)
        with self.hold_sync():  # one message: a new template arrives with the rows it is drawn with
            if key not in self.templates:
                kept = list(self.templates.items())[-(KEEP - 1):]
                self.templates = {**dict(kept), key: template}
            self.view = {"key": key, "values": rows, "description": description, "serial": serial}
