"""Charts of how blocs voted: splits, cohesion and agreement heat maps.

Each chart is a fixed template (built once) given its data, title and description. Order comes from
rank fields in the data, so the template never changes; this keeps the explorer quick, and
:func:`vega_lite` can serialise a chart without rebuilding it.
"""

from __future__ import annotations

import functools

import altair as alt
import numpy as np
import pandas as pd

from worldorder import blocvotes
from worldorder.blocvotes import CODES
from worldorder.charts import theme
from worldorder.vocab import VOTE_LABELS

NOT_LISTED = "Not in roll call"
SPLIT_ORDER = [*theme.VOTE_ORDER, NOT_LISTED]
SPLIT_COLOURS = [*theme.VOTE_COLOURS.values(), theme.NOT_IN_ROLL_CALL]




# The templates by name: a chart carries its template's name in Vega-Lite's ``usermeta`` (metadata Vega and
# Vega-Lite pass through and ignore), so :func:`vega_lite` finds the template from the chart's own spec.
_TEMPLATE_KEYS: dict[str, tuple] = {}
USERMETA = "worldorder_template"


def _template_name(template_key: tuple) -> str:
    name = "/".join(str(part) for part in template_key if isinstance(part, (str, int)))
    if _TEMPLATE_KEYS.setdefault(name, template_key) != template_key:
        raise ValueError(f"two chart templates share the name {name!r}")
    return name


def _with_data(template_key: tuple, data: pd.DataFrame, title, description: str):
    """The template ``template_key`` with its data, title and one-sentence description.

    A shallow copy of the template with four properties set (Altair's own ``copy`` and attributes; ``properties()``
    would re-check each value against the schema, a little slower), so the template itself never changes.
    """
    chart = _template(*template_key).copy(deep=False)
    chart.data, chart.title, chart.description = data, title, description
    chart.usermeta = {USERMETA: _template_name(template_key)}
    return chart


@functools.cache
def _template(kind: str, *options):
    return {"split": _split_template, "heat": _heat_template}[kind](*options)


@functools.cache
def _template_spec(template_key: tuple) -> dict:
    spec = _template(*template_key).properties(data=alt.InlineData(values=[])).to_dict(validate=False)
    spec.pop("datasets", None)
    return spec


def vega_lite(chart) -> dict:
    """A chart's Vega-Lite spec with its data inline, quickly for the charts made here.

    Same content as ``chart.to_dict()`` (data inline under ``data.values``
    instead of a named dataset) without re-serialising the template each time: a chart made here names its
    template in its ``usermeta`` and holds its table as its ``data``, both Altair's own properties.
    """
    usermeta = chart.usermeta if isinstance(chart.usermeta, dict) else {}
    key = _TEMPLATE_KEYS.get(usermeta.get(USERMETA))
    data = chart.data
    if key is None or not isinstance(data, pd.DataFrame):
        return chart.to_dict(validate=False)
    spec = dict(_template_spec(key))
    spec.update(data={"values": records(data)}, title=chart.title, description=chart.description, usermeta=usermeta)
    return spec


def records(table: pd.DataFrame) -> list[dict]:
    """The table's rows as JSON-ready dicts: missing values as None, times as ISO text (what ``to_dict`` gives)."""
    columns = []
    for name in table.columns:
        column = table[name]
        if column.dtype.kind == "M":
            column = column.dt.strftime("%Y-%m-%dT%H:%M:%S")
        values = column.tolist()
        missing = column.isna().to_numpy()
        if missing.any():
            values = [None if gap else value for value, gap in zip(values, missing)]
        columns.append(values)
    return [dict(zip(table.columns, row)) for row in zip(*columns)]


def _title(text: str, subtitle: str) -> dict:
    return {"text": text, "subtitle": subtitle}


def _rank(values) -> dict:
    return {v: i for i, v in enumerate(dict.fromkeys(values))}


def _ranks(column: pd.Series, order) -> np.ndarray:
    """Each value's place in ``order`` (first appearance), as ``column.map(_rank(order))`` gives it."""
    rank = _rank(order)
    return np.array([rank.get(v, np.nan) for v in column.tolist()]) if len(column) else np.zeros(0, dtype=np.int64)


def _by_date(table: pd.DataFrame, column: str) -> np.ndarray:
    """``table[column]`` in date order (stable): ``table.sort_values("date", kind="stable")[column]``."""
    return table[column].to_numpy()[np.argsort(table["date"].to_numpy(), kind="stable")]


def _take(table: pd.DataFrame, columns: list[str], rows: np.ndarray) -> dict:
    """Rows of some columns, each keeping its type (for a new table made in one step)."""
    return {c: table[c].array.take(rows) for c in columns}


def _text(values) -> pd.api.extensions.ExtensionArray:
    return pd.array(np.asarray(values, dtype=object), dtype="str")


def split_chart(counts: pd.DataFrame) -> alt.FacetChart:
    """Stacked bars of ``counts = wo.bloc_counts(blocs, votes)``: how each bloc split, one row of bars per vote.

    Segments always run Yes, No, Abstain, Did not vote, Not in roll call from
    the left and carry the vote's letter where wide enough, so the order and
    the letters, not only the colour, tell the votes apart. Blocs keep the table's order.
    """
    wide = counts
    bars = _split_segments(wide)
    bars["bloc_rank"] = _ranks(bars["bloc"], wide["bloc"].astype(str))
    bars["vote_rank"] = _ranks(bars["short"], _by_date(wide, "short"))
    title = _title("How each bloc split, vote by vote",
                   "Bars run Yes, No, Abstain, Did not vote, Not in roll call; letters mark the votes")
    return _with_data(("split",), bars, title, blocvotes.most_divided(wide))


def _split_template() -> alt.FacetChart:
    base = alt.Chart().encode(
        y=alt.Y("bloc:N", title=None, sort=alt.EncodingSortField("bloc_rank", op="min")),
        tooltip=[alt.Tooltip("bloc:N", title="Bloc"), alt.Tooltip("short:N", title="Vote"),
                 alt.Tooltip("vote_label:N", title="Vote cast"), alt.Tooltip("count:Q", title="Members"),
                 alt.Tooltip("members:Q", title="Members on that date"),
                 alt.Tooltip("share:Q", title="Share of members", format=".0%"),
                 alt.Tooltip("not_listed_members:N", title="Not in the roll call")])
    stacked = base.mark_bar(stroke=theme.PAPER, strokeWidth=0.5).encode(
        x=alt.X("start:Q", title="Share of the bloc's members", axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1])),
        x2=alt.X2("end"),
        color=alt.Color("vote_label:N", title="Vote", sort=SPLIT_ORDER,
                        scale=alt.Scale(domain=SPLIT_ORDER, range=SPLIT_COLOURS)))
    letters = base.mark_text(fontSize=10).encode(
        x=alt.X("middle:Q"), text=alt.Text("letter:N"),
        color=alt.condition(f"datum.ink == '{theme.PAPER}'", alt.value(theme.PAPER), alt.value(theme.INK)))
    placeholder = alt.InlineData(values=[])  # facet needs data at the top; each chart replaces it
    return alt.layer(stacked, letters, data=placeholder).properties(width=380, height=alt.Step(18)).facet(
        row=alt.Row("short:N", title=None, sort=alt.EncodingSortField("vote_rank", op="min"),
                    header=alt.Header(labelAngle=0, labelAlign="left")))


def _split_segments(wide: pd.DataFrame) -> pd.DataFrame:
    """Bar segments (start, end, middle) per bloc and vote, including members not in the roll call."""
    parts = [*CODES, "not_listed"]
    counts = np.stack([wide[c].to_numpy() for c in parts], axis=1)
    members = wide["members"].to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(members[:, None] > 0, counts / members[:, None], 0.0)
    ends = shares.cumsum(axis=1)
    drawn = counts.ravel() > 0
    rows = np.repeat(np.arange(len(wide)), len(parts))[drawn]
    codes = np.tile(np.array([*CODES, "–"], dtype=object), len(wide))[drawn]
    count, share, end = counts.ravel()[drawn], shares.ravel()[drawn], ends.ravel()[drawn]
    start = end - share
    taken = _take(wide, ["bloc", "short", "date", "members", "not_listed_members"], rows)
    return pd.DataFrame({
        "bloc": taken["bloc"], "short": taken["short"], "date": taken["date"], "vote": _text(codes),
        "vote_label": _text(np.tile(np.array(SPLIT_ORDER, dtype=object), len(wide))[drawn]), "count": count,
        "members": taken["members"], "share": share, "start": start, "end": end, "middle": (start + end) / 2,
        "letter": _text([f"{c} {n}" if s >= 0.08 else "" for c, n, s in zip(codes, count.tolist(), share.tolist())]),
        "ink": _text(np.where(np.isin(codes, ["Y", "N"]), theme.PAPER, theme.INK).astype(object)),
        "not_listed_members": taken["not_listed_members"]})


def _heat_template(x: str, x_title: str, y: str, value: str, legend: str, tooltip: tuple, width: int):
    """A heat map with the value written in every cell ("n/a" and a grey cell where undefined)."""
    base = alt.Chart().encode(
        x=alt.X(f"{x}:N", title=x_title, sort=alt.EncodingSortField("x_rank", op="min"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y(f"{y}:N", title="Bloc", sort=alt.EncodingSortField("y_rank", op="min")),
        tooltip=[alt.Tooltip(field, title=name, **({"format": fmt} if fmt else {})) for field, name, fmt in tooltip])
    cells = base.mark_rect(stroke=theme.PAPER).encode(
        color=alt.Color(f"{value}:Q", title=legend, scale=alt.Scale(scheme="blues", domain=[0, 1])))
    empty = base.transform_filter(f"!isValid(datum['{value}'])").mark_rect(color=theme.NO_VALUE, stroke=theme.PAPER, aria=False)
    ink = alt.condition(f"datum['{value}'] > 0.6", alt.value(theme.PAPER), alt.value(theme.INK))
    text = base.mark_text(fontSize=11).encode(text=alt.Text("label:N"), color=ink)
    return alt.layer(empty, cells, text).properties(width=alt.Step(width), height=alt.Step(26))


def _heat_data(table: pd.DataFrame, value: str, x_order, y_order, x: str, y: str) -> pd.DataFrame:
    labels = ["n/a" if pd.isna(v) else f"{v:.2f}" for v in table[value].tolist()]
    return table.assign(label=labels, x_rank=_ranks(table[x], x_order), y_rank=_ranks(table[y], y_order))


def cohesion_chart(table: pd.DataFrame, index: str = "agreement_index") -> alt.LayerChart:
    """Heat map of ``table = wo.cohesion(blocs, votes)``: each bloc's cohesion on each vote (Agreement Index by
    default, or ``"rice_index"``)."""
    if index not in ("agreement_index", "rice_index"):
        raise ValueError(f"Unknown index {index!r}. Choose 'agreement_index' or 'rice_index'.")
    label = "Agreement Index" if index == "agreement_index" else "Rice index"
    keep = ["bloc", "short", "date", index, "Y", "N", "A", "X", "not_listed"]
    data = _heat_data(table[keep], index, _by_date(table, "short"), table["bloc"].astype(str), "short", "bloc")
    tooltip = (("bloc:N", "Bloc", None), ("short:N", "Vote", None), (f"{index}:Q", label, ".2f"), ("Y:Q", "Yes", None),
               ("N:Q", "No", None), ("A:Q", "Abstain", None), ("X:Q", "Did not vote", None),
               ("not_listed:Q", "Not in roll call", None))
    title = _title(f"Cohesion of each bloc, vote by vote ({label})",
                   "1 = every member cast the same vote; n/a = nobody in the bloc cast a vote")
    return _with_data(("heat", "short", "Vote", "bloc", index, label, tooltip, 70), data, title,
                      _cohesion_finding(table, index, label))


def _cohesion_finding(table: pd.DataFrame, index: str, label: str) -> str:
    """The bloc whose index changed most from its first scored vote to its last (blocs in name order: the first
    of equal changes)."""
    values = table[index].to_numpy(dtype=float)
    scored = np.flatnonzero(~np.isnan(values))
    scored = scored[np.argsort(table["date"].to_numpy()[scored], kind="stable")]
    if not len(scored):
        return f"No bloc cast a vote on the chosen votes, so the {label} is undefined everywhere."
    blocs, shorts = table["bloc"].to_numpy()[scored], table["short"].to_numpy()[scored]
    ends: dict[str, list] = {}  # bloc: first value and vote, last value and vote
    for bloc, value, short in zip(blocs.tolist(), values[scored].tolist(), shorts.tolist()):
        ends.setdefault(bloc, [value, short, value, short])[2:] = [value, short]
    bloc = max(sorted(ends), key=lambda b: abs(ends[b][2] - ends[b][0]))
    first, since, last, until = ends[bloc]
    return (f"{label}: the largest change was {bloc}'s, from {first:.2f} on {since} "
            f"to {last:.2f} on {until}.")


def bloc_agreement_chart(matrix: pd.DataFrame) -> alt.LayerChart:
    """Heat map of ``matrix = wo.bloc_agreement(blocs, votes)``, with each share written in its cell."""
    method = matrix.attrs.get("method", "majority")
    k = len(matrix)
    table = pd.DataFrame({"bloc_a": matrix.index.take(np.repeat(np.arange(k), len(matrix.columns))).array,
                          "bloc_b": matrix.columns.take(np.tile(np.arange(len(matrix.columns)), k)).array,
                          "share": matrix.to_numpy().ravel()}).__finalize__(matrix)  # as matrix.stack(), with attrs
    names = list(matrix.index)
    data = _heat_data(table, "share", names, names, "bloc_b", "bloc_a")
    tooltip = (("bloc_a:N", "Bloc", None), ("bloc_b:N", "Compared with", None), ("share:Q", "Agreement", ".0%"))
    how = ("majority positions identical" if method == "majority"
           else "pairs of members (one from each bloc) voting the same")
    title = _title("How often the blocs agreed", f"Share of the chosen votes with {how}")
    return _with_data(("heat", "bloc_b", "Compared with", "bloc_a", "share", "Agreement", tooltip, 70), data, title,
                      _pair_finding(table, names))


def _pair_finding(table: pd.DataFrame, names: list[str]) -> str:
    order = {n: i for i, n in enumerate(names)}
    a, b, share = table["bloc_a"].tolist(), table["bloc_b"].tolist(), table["share"].to_numpy(dtype=float)
    pairs = np.flatnonzero([order[x] < order[y] for x, y in zip(a, b)] & ~np.isnan(share))
    if not len(pairs):
        return "No two chosen blocs both took a position on the same vote."
    low, high = pairs[np.argmin(share[pairs])], pairs[np.argmax(share[pairs])]  # the first of equals
    return (f"Of the pairs shown, {a[high]} and {b[high]} agreed most ({share[high]:.0%}) and "
            f"{a[low]} and {b[low]} least ({share[low]:.0%}).")


def agreement_with_chart(table: pd.DataFrame) -> alt.LayerChart:
    """Heat map of ``table = wo.agreement_with(country, blocs, votes)``: on each vote, the share of each bloc's other
    members who voted as the country did."""
    name = table["country"].iloc[0]
    axis = [f"{short} ({VOTE_LABELS.get(vote, 'no row') if isinstance(vote, str) else 'no row'})"
            for short, vote in zip(table["short"].tolist(), table["country_vote"].tolist())]
    table = table.assign(vote_axis=axis)
    keep = ["bloc", "short", "date", "country", "country_vote", "vote_axis", "same", "others_cast", "share"]
    heat = _heat_data(table[keep], "share", _by_date(table, "vote_axis"), table["bloc"].astype(str), "vote_axis",
                      "bloc")
    tooltip = (("bloc:N", "Bloc", None), ("short:N", "Vote", None), ("same:Q", "Voted the same", None),
               ("others_cast:Q", "Members who voted", None), ("share:Q", "Share", ".0%"))
    means = table.groupby("bloc")["share"].mean().dropna()
    finding = (f"Averaged over the chosen votes, {means.idxmax()} voted most like {name} ({means.max():.0%} of its "
               f"other members' votes) and {means.idxmin()} least ({means.min():.0%})." if not means.empty
               else f"{name} and the chosen blocs never both cast a vote on the chosen votes.")
    title = _title(f"How often each bloc voted as {name} did",
                   "Share of the bloc's other members casting the same vote; n/a = nothing to compare")
    return _with_data(("heat", "vote_axis", "Vote (and the chosen country's vote)", "bloc", "share",
                       "Share voting alike", tooltip, 90), heat, title, finding)
