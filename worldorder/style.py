"""Chart styling shared by every notebook: palette, vote encodings, titles, offline rendering."""

from __future__ import annotations

import html
import os

import altair as alt
import pandas as pd

from worldorder.data import VOTE_LABELS

# Okabe-Ito colours: distinguishable with the common forms of colour blindness.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
VOTE_COLOURS = {"Yes": "#0072B2", "No": "#D55E00", "Abstain": "#E69F00", "Did not vote": "#999999"}
VOTE_SHAPES = {"Yes": "circle", "No": "cross", "Abstain": "triangle-up", "Did not vote": "square"}
VOTE_ORDER = list(VOTE_COLOURS)


def setup() -> None:
    """Make charts render offline: JupyterLab's built-in Vega-Lite renderer (no CDN), or SVG for static pages.

    Set ``WORLDORDER_STATIC=1`` (as ``make html`` does) to embed every chart as an SVG figure
    captioned with its description.
    """
    alt.data_transformers.disable_max_rows()
    alt.renderers.register("static-figure", static_figure)
    alt.renderers.enable("static-figure" if os.environ.get("WORLDORDER_STATIC") else "mimetype")
    pd.set_option("display.max_rows", 60)


def static_figure(spec: dict, **_) -> dict:
    """A chart as an offline SVG figure whose caption is the chart's description (no script needed)."""
    import vl_convert

    description = html.escape(spec.get("description", ""))
    svg = vl_convert.vegalite_to_svg(spec)
    figure = f'<figure role="img" aria-label="{description}">{svg}<figcaption>{description}</figcaption></figure>'
    return {"text/html": figure, "image/svg+xml": svg, "text/plain": f"<chart: {description}>"}


def vote_labels(codes: pd.Series) -> pd.Series:
    """'Y' → 'Yes', 'N' → 'No', 'A' → 'Abstain', 'X' → 'Did not vote'."""
    return codes.map(VOTE_LABELS)


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


def finish(chart: alt.Chart, title: str, description: str, subtitle: str | None = None) -> alt.Chart:
    """Give a chart its title (and subtitle) and the one-sentence description screen readers announce."""
    heading = alt.TitleParams(title, subtitle=subtitle) if subtitle else title
    return chart.properties(title=heading, description=description)
