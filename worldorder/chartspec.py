"""Reading a learner's chart: what its Vega-Lite specification has, and what it lacks, in words.

>>> import altair as alt, pandas as pd
>>> chart = alt.Chart(pd.DataFrame({"year": [1990], "members": [16]})).mark_point().encode(x="year:Q")
>>> chart_problems({"marks": ("line",), "encodings": {"y": ("members", "Q")}, "title": False,
...                 "description": False, "data": None}, chart)
['the mark is point; this chart needs mark_line()', "nothing is encoded on y: put the column 'members' there"]
"""

from __future__ import annotations

import itertools

import pandas as pd

from worldorder.drawn import CannotEvaluate, drawn

TYPES = {"Q": "quantitative", "N": "nominal", "O": "ordinal", "T": "temporal"}


def _units(spec: dict) -> list[dict]:
    """Every single-view part of a (possibly layered or concatenated) specification, with inherited encodings."""
    found = []
    parent_encoding = spec.get("encoding", {})
    if "mark" in spec:
        found.append({**spec, "encoding": {**parent_encoding, **spec.get("encoding", {})}})
    for part in ("layer", "vconcat", "hconcat", "concat"):
        for sub in spec.get(part, []):
            found += _units({**sub, "encoding": {**parent_encoding, **sub.get("encoding", {})}})
    if "spec" in spec:
        found += _units(spec["spec"])
    return found


def chart_problems(spec_wanted: dict, chart) -> list[str]:
    """What the chart lacks, in words (an empty list when it has everything asked for)."""
    import altair as alt

    if not isinstance(chart, alt.TopLevelMixin):
        return [f"that is a {type(chart).__name__}, not an Altair chart: start from alt.Chart(table)"]
    try:
        spec = chart.to_dict()
    except Exception as err:  # noqa: BLE001  (Altair's own validation errors say what is wrong)
        return [f"Altair cannot read the chart: {str(err).splitlines()[0]}"]
    units = _units(spec)
    if not units:
        return ["the chart has no mark: add .mark_line(), .mark_point(), .mark_bar()..."]
    problems = []
    marks = [u["mark"]["type"] if isinstance(u["mark"], dict) else u["mark"] for u in units]
    if not set(marks) & set(spec_wanted["marks"]):
        wanted = " or ".join(f"mark_{m}()" for m in spec_wanted["marks"])
        problems.append(f"the mark is {', '.join(marks)}; this chart needs {wanted}")
    for channel, (field, types) in spec_wanted["encodings"].items():
        fields = (field,) if isinstance(field, str) else field
        options = [u["encoding"][channel] for u in units if channel in u["encoding"]]
        options = [o for item in options for o in (item if isinstance(item, list) else [item])]
        if not options:
            what = f"the column {' or '.join(repr(f) for f in fields)}" if fields else "a column"
            problems.append(f"nothing is encoded on {channel}: put {what} there")
            continue
        if fields and not any(o.get("field") in fields for o in options):
            got = ", ".join(str(o.get("field", o.get("aggregate", "?"))) for o in options)
            problems.append(f"{channel} shows {got}; it should show {' or '.join(repr(f) for f in fields)}")
            continue
        accepted = {TYPES[t] for t in types}
        if not any(o.get("type") in accepted for o in options if not fields or o.get("field") in fields):
            got = ", ".join(str(o.get("type")) for o in options)
            letters = " or ".join(f":{t}" for t in types)
            problems.append(f"{channel} is typed {got}; give it the type {letters} (e.g. \"column{letters[:2]}\")")
    if spec_wanted["title"] and not (spec.get("title") or any(u.get("title") for u in units)):
        problems.append("the chart has no title: add .properties(title=...)")
    if spec_wanted["description"] and not str(spec.get("description", "")).strip():
        problems.append("the chart has no description for screen readers: add .properties(description=...)")
    if spec_wanted.get("typed"):
        problems += untyped(chart)
    if spec_wanted.get("sort"):
        problems += sort_problems(spec, *spec_wanted["sort"])
    drawn_problem = None
    if spec_wanted.get("draws") is not None:
        try:
            drawn_problem = draws_problems(spec, spec_wanted["draws"]())
        except CannotEvaluate:
            drawn_problem = None
        else:
            if drawn_problem:
                problems.append(drawn_problem)
            return problems
    if spec_wanted["data"] is not None:
        tables = [getattr(c, "data", None) for c in [chart, *getattr(chart, "layer", [])]]
        table = next((t for t in tables if isinstance(t, pd.DataFrame)), None)
        message = "the chart's data is not a pandas table" if table is None else spec_wanted["data"](table)
        if message:
            problems.append(message)
    return problems


def _key(value):
    if isinstance(value, float) and value != value:
        return ("s", "nan")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return ("n", round(float(value), 6))
    return ("s", str(value))


def draws_problems(spec: dict, wanted: dict) -> str | None:
    """Whether some view draws the wanted values: ``wanted["table"]`` (expected columns), ``wanted["channels"]``
    (each column's channels, e.g. ``("x", "y")`` when either axis will do), ``wanted["subset"]`` (the view may draw
    only some of the rows) and ``wanted["what"]`` (the values, in words, for the feedback)."""
    if isinstance(wanted, list):  # several right answers: any one will do
        problems = [draws_problems(spec, w) for w in wanted]
        return None if None in problems else problems[0]
    table, channels = wanted["table"], wanted["channels"]
    expected = sorted(tuple(_key(v) for v in row) for row in table[list(channels)].itertuples(index=False))
    for _unit, view in drawn(spec):
        for choice in itertools.product(*channels.values()):
            if len(set(choice)) < len(choice) or not set(choice) <= set(view.columns):
                continue
            got = sorted(tuple(_key(v) for v in row) for row in view[list(choice)].itertuples(index=False))
            if got == expected or (wanted.get("subset") and got and set(got) <= set(expected)):
                return None
    return f"the chart does not draw {wanted['what']}: check its table, its filter and what each axis shows"


def sort_problems(spec: dict, channel: str, by: str) -> list[str]:
    """Whether ``channel`` is sorted by the values on channel ``by`` (either direction)."""
    try:
        views = drawn(spec)
    except CannotEvaluate:
        views = [(unit, pd.DataFrame()) for unit in _units(spec)]
    for unit, view in views:
        definition = unit["encoding"].get(channel, {})
        order = definition.get("sort", "ascending")
        other = unit["encoding"].get(by, {})
        if order in (by, f"-{by}") or (isinstance(order, dict) and (order.get("encoding") == by or (
                order.get("field") and order.get("field") == other.get("field")))):
            return []
        if channel in view and by in view:
            ranked = view.sort_values(by)[channel].tolist()
            if isinstance(order, list) and order in (ranked, ranked[::-1]):
                return []
            if order is None and view[channel].tolist() in (ranked, ranked[::-1]):
                return []
    return [f"{channel} is not sorted by the values on {by}: sort it (sort='-{by}' in alt.{channel.upper()}(...))"]


def untyped(chart) -> list[str]:
    """The channels of the chart written without a type (Altair then guesses one from the table)."""
    import altair as alt

    found = []
    for part in _altair_parts(chart):
        encoding = getattr(part, "encoding", alt.Undefined)
        for channel in ("x", "y", "color", "size", "shape", "theta"):
            definition = getattr(encoding, channel, alt.Undefined) if encoding is not alt.Undefined else alt.Undefined
            if definition is alt.Undefined or isinstance(definition, (str, list)) and not definition:
                continue
            given = {} if isinstance(definition, str) else getattr(definition, "_kwds", {})  # what was written
            shorthand = definition if isinstance(definition, str) else given.get("shorthand", alt.Undefined)
            typed = given.get("type", alt.Undefined) is not alt.Undefined
            if not typed and isinstance(shorthand, str) and (":" in shorthand or shorthand.startswith("count(")):
                typed = True
            if not typed and isinstance(shorthand, str) and shorthand and channel not in found:
                found.append(channel)
    return [f"{channel} has no type: write it as 'column:Q' (or :N, :O, :T) so the chart says how to read it"
            for channel in found]


def _altair_parts(chart) -> list:
    parts = [chart]
    for name in ("layer", "vconcat", "hconcat", "concat"):
        for sub in getattr(chart, name, None) or []:
            parts += _altair_parts(sub)
    if getattr(chart, "spec", None) is not None and hasattr(chart.spec, "encoding"):
        parts.append(chart.spec)
    return parts
