"""The bloc explorer of notebook 05: a pure view function, and widget code that only wires it.

    import worldorder as wo
    explorer = wo.BlocExplorer()     # EU, NATO, G7, BRICS, AU on ES-11/1, ES-11/7, ES-11/8
    explorer                         # shows the controls and the charts

:func:`compute_view` turns one setting of the controls into charts, tables and messages (a pure
function of its arguments, testable without widgets); :class:`BlocExplorer` observes the controls and
shows that view: the chart in a :class:`~worldorder.chartview.ChartView`, which keeps it on screen and swaps in
new rows (quicker than drawing it anew), the tables and messages below it. A search box finds any recorded vote
since 1946.

Where widgets cannot run (a static HTML export, a viewer without the widget
manager) the explorer still shows its current view: its display carries, beside
the live widget, an HTML fallback (each chart's description, and the tables)
and a plain-text summary. With ``WORLDORDER_STATIC=1`` (the static export) it
shows only that fallback, with the charts drawn as inline SVG by vl-convert.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field

import altair as alt
import ipywidgets as w
import pandas as pd
import vl_convert

from worldorder import blocpairs, data, names, record
from worldorder import blocvotes as vb
from worldorder.charts import blocs as bc
from worldorder.chartview import ChartView

MEASURES = {
    "split": "How each bloc split",
    "cohesion": "Cohesion",
    "blocs": "Agreement between blocs",
    "country": "Agreement with a country",
}
VL_VERSION = "v" + "_".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])  # the Vega-Lite Altair writes
LABEL = {"description_width": "initial"}  # each control's label as wide as its text: no "Custom bl…"
CUSTOM_EXAMPLE = "Nordics: Denmark, Finland, Iceland, Norway, Sweden"


@dataclass
class View:
    """What the explorer shows: charts, tables, messages, and the data behind the charts."""

    measure: str
    charts: dict[str, alt.TopLevelMixin] = field(default_factory=dict)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)

    def data(self, name: str) -> pd.DataFrame:
        """The table a chart draws (its inline data)."""
        return self.charts[name].data

    def summary(self) -> str:
        """The view in plain text: chart findings, messages and tables."""
        lines = [chart.description for chart in self.charts.values()]
        lines += self.messages
        for name, table in self.tables.items():
            rows = [" ".join(str(v) for v in row) for row in table.itertuples(index=False)]
            lines.append(f"{name.capitalize()}: " + ("; ".join(rows) if rows else "none."))
        return "\n".join(lines)


def _cast_anything(chosen, votes) -> bool:
    return bool(vb.bloc_counts(chosen, votes)["members"].sum())


def compute_view(blocs, custom: str, votes, measure: str = "split", country: str = "USA") -> View:
    """The charts and tables for one setting of the controls, or messages saying why there are none.

    Each chart is one measure and one chart call, e.g. ``bc.split_chart(vb.bloc_counts(blocs, votes))``.
    Bad input gives messages, never an exception.
    """
    view = View(measure)
    chosen = list(blocs)
    try:
        chosen += names.parse_custom_blocs(custom or "")
    except ValueError as err:
        view.messages.append(f"Custom bloc not added: {err}")
    if not chosen:
        view.messages.append("Choose at least one bloc (hold Ctrl or Cmd to pick several), or type a custom bloc "
                             f"such as '{CUSTOM_EXAMPLE}'.")
    if not votes:
        view.messages.append("Choose at least one vote (hold Ctrl or Cmd to pick several).")
    if not chosen or not votes:
        return view
    try:  # the one place the controls' values are resolved: every layer below takes these keys
        _fill(view, names.bloc_keys(chosen), names.resolution_keys(list(votes)), measure, country)
    except ValueError as err:
        view.charts.clear()
        view.messages.append(str(err))
    return view


def _fill(view: View, chosen: list, votes: list, measure: str, country: str) -> None:
    view.messages += vb.notes(chosen, votes)
    if not _cast_anything(chosen, votes):
        view.messages.append("None of the chosen blocs had members on the dates of the chosen votes: "
                             "choose other blocs or votes.")
        return
    if measure == "split":
        view.charts["split"] = bc.split_chart(vb.bloc_counts(chosen, votes))
        view.tables["defectors"] = vb.defectors_table(chosen, votes)
    elif measure == "cohesion":
        view.charts["cohesion"] = bc.cohesion_chart(vb.cohesion(chosen, votes))
    elif measure == "blocs":
        view.charts["blocs"] = bc.bloc_agreement_chart(blocpairs.bloc_agreement(chosen, votes))
    elif measure == "country":
        view.charts["country"] = bc.agreement_with_chart(blocpairs.agreement_with(country, chosen, votes))
    else:
        raise ValueError(f"Unknown measure {measure!r}. Choose one of {', '.join(MEASURES)}.")


# ---------------------------------------------------------------- rendering


def static_mode() -> bool:
    """True when notebooks are executed for a static export (``WORLDORDER_STATIC=1``)."""
    return bool(os.environ.get("WORLDORDER_STATIC"))


def chart_svg(chart) -> str:
    """The chart drawn as SVG, offline (vl-convert; no script, no CDN)."""
    return vl_convert.vegalite_to_svg(chart.to_dict(), vl_version=VL_VERSION)


def table_html(name: str, table: pd.DataFrame) -> str:
    """One of the view's tables as HTML: a heading with its row count, then the rows in a scrolling region."""
    heading = "Members who broke ranks" if name == "defectors" else name.capitalize()
    if table.empty:
        text = f"{heading}: none (every member who voted cast its bloc's majority vote, or the bloc had none)."
        return f"<p>{html.escape(text)}</p>"
    rows = table.astype(str).to_numpy().tolist()
    cells = "".join("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>" for row in rows)
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.columns)
    return (f'<p><b>{heading}</b> ({len(rows)})</p><div style="max-height:24em;overflow:auto" tabindex="0" '
            f'role="region" aria-label="{heading} (scrolls)">'
            f"<table><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table></div>")


def details_html(view: View) -> str:
    """The view's tables and messages as HTML (what the live explorer shows under its chart)."""
    parts = [table_html(name, table) for name, table in view.tables.items()]
    parts += [f"<p>{html.escape(m)}</p>" for m in view.messages]
    return "".join(parts)


def static_html(view: View, pictures: bool = True) -> str:
    """The view as self-contained HTML: charts, tables and messages (what static pages show).

    With ``pictures`` the charts are SVG drawn by vl-convert; without, each chart is its description (the live
    explorer's fallback: vl-convert runs a JavaScript engine that would hold some 34 MB of every learner's kernel,
    ``make bench``, for a picture nobody sees while the widget runs).
    """
    parts = [f'<figure role="img" aria-label="{html.escape(c.description)}">{chart_svg(c) if pictures else ""}'
             f"<figcaption>{html.escape(c.description)}</figcaption></figure>" for c in view.charts.values()]
    return '<div class="worldorder-static-view">' + "".join(parts) + details_html(view) + "</div>"


# ---------------------------------------------------------------- the explorer


SEARCH_LIMIT = 60


def vote_label(short: str, date, body: str, title: str, episode: str = "") -> str:
    """One line of the votes list: symbol, date, body, then the title (the Council's resolution number and year,
    already in the symbol, left out), and the episode a search matched when the title does not name it."""
    subject = re.sub(r"^Security Council resolution \d+ \(\d{4}\) \[(.*)\]$", r"\1", str(title))
    if episode:
        subject = f"{episode}: {subject}"
    return f"{short} · {date:%Y-%m-%d} · {body} · {subject}"


def vote_options(search: str = "", keep=()) -> list[tuple[str, str]]:
    """Vote choices for the list: the votes kept (chosen already), then the focus votes or, with a search
    text, up to 60 recorded votes it finds: an episode's votes first (``wo.find_votes``), the rest newest first."""
    if search.strip():
        found = record.find_votes(search)
        named = found["episode"] != ""
        found = pd.concat([found[named], found[~named].sort_values("date", ascending=False)]).head(SEARCH_LIMIT)
    else:
        found = record.resolutions(focus=True).assign(episode="")
    kept = record.resolutions(resolutions=list(keep)).assign(episode="") if keep else found.iloc[:0]
    rows = pd.concat([kept, found]).drop_duplicates("resolution")
    return [(vote_label(row.short, row.date, row.body, row.title, row.episode), row.resolution)
            for row in rows.itertuples()]


def chosen_html(symbols) -> str:
    """The chosen votes as a list with their whole titles."""
    if not symbols:
        return ""
    rows = [record.row_of(s) for s in symbols]  # full symbols: the values of the votes list
    table = data.resolution_table()[["short", "date", "body", "title"]].iloc[rows]
    items = "".join(f"<li>{html.escape(vote_label(r.short, r.date, r.body, r.title))}</li>" for r in table.itertuples())
    return f'<div class="worldorder-chosen"><b>Chosen votes</b><ul>{items}</ul></div>'


def _country_options() -> list[tuple[str, str]]:
    table = data.members().sort_values("common_name")
    return [(names.country_label(iso3), iso3) for iso3 in table["iso3"]]


class BlocExplorer:
    """Pick blocs (or type one), votes and a measure; the charts below update in place.

    ``explorer.view`` holds what is shown (charts, their data, tables,
    messages); ``explorer.view.data("split")`` is the table behind the split chart.
    """

    def __init__(self, blocs=vb.DEFAULT_BLOCS, votes=vb.DEFAULT_VOTES, measure="split", country="USA",
                 custom: str = ""):
        self.blocs = w.SelectMultiple(options=names.bloc_names(), value=[names.bloc(b) for b in blocs],
                                      rows=10, description="Blocs", style=LABEL)
        self.custom = w.Text(value=custom, placeholder=CUSTOM_EXAMPLE, description="Custom bloc", style=LABEL,
                             continuous_update=False, layout=w.Layout(width="36em"))
        chosen = names.resolution_keys(votes)
        self.search = w.Text(placeholder="search any vote since 1946: 'Suez', 'nuclear test', '377(V)'",
                             description="Find votes", style=LABEL, continuous_update=False,
                             layout=w.Layout(width="48em"))
        self.votes = w.SelectMultiple(options=vote_options(keep=chosen), value=chosen, rows=12,
                                      description="Votes", style=LABEL, layout=w.Layout(width="48em"))
        self.chosen = w.HTML()  # the chosen votes with their whole titles (the list above is only so wide)
        self.measure = w.ToggleButtons(options=[(label, key) for key, label in MEASURES.items()], value=measure,
                                       description="Measure", style={"button_width": "auto", **LABEL})
        self.country = w.Dropdown(options=_country_options(), value=names.country(country), description="Country",
                                  style=LABEL)
        self.chart = ChartView()  # the chart stays on screen; a change sends only its new rows
        self.details = w.HTML()  # the tables and messages under the chart
        self.ui = w.VBox([w.HBox([self.blocs, w.VBox([self.search, self.votes])]), self.chosen, self.custom, self.measure,
                          self.country, self.chart, self.details])
        self.ui.add_class("worldorder-explorer")
        self.view = View(measure)
        self._quiet = False
        self.search.observe(self.find, names="value")
        self.votes.observe(self.show_chosen, names="value")
        self.show_chosen()
        for control in (self.blocs, self.custom, self.votes, self.measure, self.country):
            control.observe(self.refresh, names="value")
        self.refresh()

    def find(self, change=None) -> None:
        """Show the votes that match the search text, keeping the ones already chosen."""
        kept = tuple(self.votes.value)
        try:
            options = vote_options(self.search.value, keep=kept)
        except ValueError:
            options = vote_options(keep=kept)
        self._quiet = True  # changing the options must not redraw the charts
        try:
            self.votes.options = options
            self.votes.value = kept
        finally:
            self._quiet = False

    def show_chosen(self, change=None) -> None:
        """List the chosen votes with their whole titles under the votes list."""
        self.chosen.value = chosen_html(self.votes.value)

    def refresh(self, change=None) -> View:
        """Recompute the view from the controls and show it: the chart, then its tables and messages."""
        if self._quiet:
            return self.view
        self.country.disabled = self.measure.value != "country"
        try:
            self.view = compute_view(self.blocs.value, self.custom.value, self.votes.value, self.measure.value,
                                     self.country.value)
            self.chart.show(next(iter(self.view.charts.values()), None))
        except Exception as err:  # a learner must see a sentence, never a traceback
            self.view = View(self.measure.value, messages=[f"Could not draw this view: {err}"])
            self.chart.show(None)
        self.details.value = details_html(self.view)
        return self.view

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = {"text/html": static_html(self.view, pictures=static_mode()), "text/plain": self.view.summary()}
        if not static_mode():
            bundle["application/vnd.jupyter.widget-view+json"] = self.ui._repr_mimebundle_()[
                "application/vnd.jupyter.widget-view+json"]
        return bundle
