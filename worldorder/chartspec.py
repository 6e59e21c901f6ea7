"""Reading a learner's chart: what its Vega-Lite specification has, and what it lacks, in words.

>>> import altair as alt, pandas as pd
>>> chart = alt.Chart(pd.DataFrame({"year": [1990], "members": [16]})).mark_point().encode(x="year:Q")
>>> chart_problems({"marks": ("line",), "encodings": {"y": ("members", "Q")}, "title": False,
...                 "description": False, "data": None}, chart)
['the mark is point; this chart needs mark_line()', "nothing is encoded on y: put the column 'members' there"]
"""

from __future__ import annotations

import pandas as pd

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
    if spec_wanted["data"] is not None:
        tables = [getattr(c, "data", None) for c in [chart, *getattr(chart, "layer", [])]]
        table = next((t for t in tables if isinstance(t, pd.DataFrame)), None)
        message = "the chart's data is not a pandas table" if table is None else spec_wanted["data"](table)
        if message:
            problems.append(message)
    return problems
