"""One look for every chart, the learner's and the helper's: a registered Altair theme, the vote
colours and shapes, and offline rendering (JupyterLab's built-in Vega-Lite renderer, or SVG figures
for static pages).

>>> import altair as alt
>>> alt.theme.active
'worldorder'
"""

from __future__ import annotations

import html
import os

import altair as alt
import pandas as pd

from worldorder.vocab import VOTE_CODES, VOTE_LABELS

# Okabe-Ito colours: distinguishable with the common forms of colour blindness.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
VOTE_ORDER = [VOTE_LABELS[c] for c in VOTE_CODES]
VOTE_COLOURS = dict(zip(VOTE_ORDER, ["#0072B2", "#D55E00", "#E69F00", "#999999"]))
VOTE_SHAPES = dict(zip(VOTE_ORDER, ["circle", "cross", "triangle-up", "square"]))
# Greys, each named for its job: the page and the ink, a country with no record, a vote cell with no value, the
# "not in the roll call" share, the gap between sessions, "others", reference rules and their labels.
PAPER, INK = "white", "black"
SUBTITLE, GRID = "#444444", "#e6e6e6"
NO_RECORD = "#eeeeee"
NO_VALUE = "#F2F2F2"
NOT_IN_ROLL_CALL = "#E5E5E5"
GAP = "#dddddd"
OTHERS = "#BBBBBB"
RULE, RULE_LABEL, SPREAD, ZERO = "#555555", "#333333", "#999999", "grey"
# The claims ledger's ratings (worldorder.ledger.RATINGS), from right to cannot be checked.
RATING_COLOURS = {"right": "#0072B2", "partly right": "#56B4E9", "incomplete": "#E69F00", "wrong": "#D55E00",
                  "cannot be checked": OTHERS}
# The border of a self-check's message per status (worldorder.feedback), each with a word beside it, so colour is
# never the only signal; FEEDBACK_OTHER for any other status.
FEEDBACK_COLOURS = {"right": "#2e7d32", "not yet": "#b26a00", "no answer": "#6b6b6b", "written": "#1f5fa8",
                    "predicted": "#1f5fa8"}
FEEDBACK_OTHER = "#444"
CATEGORY_SHAPES = ["circle", "square", "diamond", "triangle-up", "cross", "triangle-down"]
# Metric-compatible faces (Liberation Sans on Linux, Arial on Windows and macOS): static SVG charts are measured
# by vl-convert and drawn by the browser, so both must lay text out at the same width, or labels run off the edge.
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
LINE_DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3], [10, 2], [3, 6]]


@alt.theme.register("worldorder", enable=True)
def worldorder_theme() -> alt.theme.ThemeConfig:
    """Sizes, fonts and the colour-blind-safe palette every chart of the set shares."""
    return {
        "config": {
            "view": {"continuousWidth": 560, "continuousHeight": 280, "stroke": None},
            "range": {"category": OKABE_ITO},
            "font": FONT,
            "title": {"fontSize": 15, "anchor": "start", "subtitleColor": SUBTITLE},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "gridColor": GRID, "labelOverlap": "greedy",
                     "labelSeparation": 6},  # a label that would touch its neighbour is left out, never run into it
            "legend": {"labelFontSize": 11, "titleFontSize": 12},
        }
    }


def text_as_null(data):
    """Altair's data step, with pandas 3's text columns fixed: a missing value in a ``str`` column is NaN, and
    Altair 5's clean-up turns it back into NaN even when given None (it knows pandas' older ``string`` dtype
    only), and NaN is not JSON. Missing text is written as null.

    Registered as the data transformer ``"worldorder"`` and enabled with the theme, so learners' charts get it too.

    >>> import json, pandas as pd
    >>> table = pd.DataFrame({"country": ["France", None], "share": [0.5, None]})
    >>> json.dumps(text_as_null(table)["values"], allow_nan=False)
    '[{"country": "France", "share": 0.5}, {"country": null, "share": null}]'
    """
    gaps = []
    if isinstance(data, pd.DataFrame):
        gaps = [name for name, dtype in data.dtypes.items() if str(dtype) == "str" and data[name].isna().any()]
    values = alt.utils.data.to_values(data)
    for row in values["values"] if gaps else ():
        for name in gaps:
            if row[name] != row[name]:  # NaN is the only value not equal to itself
                row[name] = None
    return values


alt.data_transformers.register("worldorder", text_as_null)
alt.data_transformers.enable("worldorder")


def setup() -> None:
    """Make charts render offline: JupyterLab's built-in Vega-Lite renderer (no CDN), or SVG for static pages.

    Set ``WORLDORDER_STATIC=1`` (as ``make html`` does) to embed every chart as an SVG figure
    captioned with its description.
    """
    alt.data_transformers.enable("worldorder")  # no row limit, and missing text written as null
    alt.renderers.register("static-figure", static_figure)
    alt.renderers.enable("static-figure" if os.environ.get("WORLDORDER_STATIC") else "mimetype")
    alt.theme.enable("worldorder")
    pd.set_option("display.max_rows", 60)


def static_figure(spec: dict, **_) -> dict:
    """A chart as an offline SVG figure whose caption is the chart's description (no script needed)."""
    import vl_convert

    description = html.escape(spec.get("description", ""))
    svg = vl_convert.vegalite_to_svg(spec)
    figure = f'<figure role="img" aria-label="{description}">{svg}<figcaption>{description}</figcaption></figure>'
    return {"text/html": figure, "image/svg+xml": svg, "text/plain": f"<chart: {description}>"}


def vote_colour(field: str = "vote_label", title: str = "Vote") -> alt.Color:
    """The colour encoding every vote chart uses (same colour for the same vote everywhere)."""
    return alt.Color(f"{field}:N", title=title, sort=VOTE_ORDER,
                     scale=alt.Scale(domain=VOTE_ORDER, range=list(VOTE_COLOURS.values())))


def vote_shape(field: str = "vote_label", title: str = "Vote") -> alt.Shape:
    """A shape per vote, so that a vote never depends on colour alone."""
    return alt.Shape(f"{field}:N", title=title, sort=VOTE_ORDER,
                     scale=alt.Scale(domain=VOTE_ORDER, range=list(VOTE_SHAPES.values())))


def category_colour(field: str, title: str, domain: list[str] | None = None) -> alt.Color:
    """A colour-blind-safe colour encoding for a nominal field."""
    scale = alt.Scale(range=OKABE_ITO) if domain is None else alt.Scale(domain=domain, range=OKABE_ITO[: len(domain)])
    return alt.Color(f"{field}:N", title=title, scale=scale)


def finish(chart, title: str, description: str, subtitle: str | None = None):
    """Give a chart its title (and subtitle) and the one-sentence description screen readers announce."""
    heading = alt.TitleParams(title, subtitle=subtitle) if subtitle else title
    return chart.properties(title=heading, description=description)
