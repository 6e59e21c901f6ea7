"""What a chart draws: its data after its filters, calculations and aggregates, one column per encoding channel.

The chart checks judge a chart by what it draws, so a valid ``transform_filter``, a ``count()`` aggregate or
another table with the same values is accepted, and a chart of the wrong numbers is not. This evaluates the part
of Vega-Lite the exercises use, with pandas, on the chart's compiled specification (``chart.to_dict()``):

- data: inline values or named datasets (what Altair writes for a DataFrame);
- transforms: ``filter`` (field predicates ``equal``, ``oneOf``, ``range``, ``lt``/``lte``/``gt``/``gte``,
  ``valid``, combined with ``and``/``or``/``not``, and expressions such as ``datum.iso3_a === 'CHN'``),
  ``calculate`` (simple expressions) and ``aggregate``;
- encoding aggregates: ``count``, ``sum``, ``mean``/``average``, ``median``, ``min``, ``max``, ``distinct``.

Anything else raises :class:`CannotEvaluate`; the checks then fall back to reading the chart's table.

>>> import altair as alt, pandas as pd
>>> table = pd.DataFrame({"vote": ["Y", "Y", "N", "A"], "iso3": ["FRA", "DEU", "RUS", "CHN"]})
>>> chart = alt.Chart(table).mark_bar().encode(x="count():Q", y="vote:N").transform_filter("datum.iso3 !== 'CHN'")
>>> drawn(chart.to_dict())[0][1].sort_values("y").to_dict("list")
{'y': ['N', 'Y'], 'x': [1, 2]}
"""

from __future__ import annotations

import re

import pandas as pd

CHANNELS = ("x", "y", "x2", "y2", "color", "fill", "stroke", "shape", "size", "opacity", "theta", "text",
            "detail", "row", "column", "facet", "tooltip")
AGGREGATES = {"count": "size", "sum": "sum", "mean": "mean", "average": "mean", "median": "median", "min": "min",
              "max": "max", "distinct": "nunique"}


class CannotEvaluate(ValueError):
    """The chart uses a part of Vega-Lite this evaluator does not cover."""


def _units(spec: dict, data=None, transforms=(), encoding=None) -> list[dict]:
    """Every single view of a (layered or concatenated) specification with the data, transforms and encodings
    it inherits."""
    data = spec.get("data", data)
    transforms = [*transforms, *spec.get("transform", [])]
    encoding = {**(encoding or {}), **spec.get("encoding", {})}
    found = [{"mark": spec["mark"], "data": data, "transform": transforms, "encoding": encoding}] \
        if "mark" in spec else []
    for part in ("layer", "vconcat", "hconcat", "concat"):
        for sub in spec.get(part, []):
            found += _units(sub, data, transforms, encoding)
    if "spec" in spec:
        found += _units(spec["spec"], data, transforms, encoding)
    return found


def _table(data, datasets: dict) -> pd.DataFrame:
    if not isinstance(data, dict):
        raise CannotEvaluate("the chart has no data")
    if "values" in data:
        return pd.DataFrame(data["values"])
    if data.get("name") in datasets:
        return pd.DataFrame(datasets[data["name"]])
    raise CannotEvaluate("the chart's data is not inline (a URL or a generator)")


_JS = [(re.compile(r"datum\.(\w+)"), r"`\1`"), (re.compile(r"datum\[(['\"])(.+?)\1\]"), r"`\2`"),
       (re.compile(r"===|=="), "=="), (re.compile(r"!==|!="), "!="), (re.compile(r"&&"), " and "),
       (re.compile(r"\|\|"), " or "), (re.compile(r"!(?!=)"), " not "), (re.compile(r"\btrue\b"), "True"),
       (re.compile(r"\bfalse\b"), "False")]
_WORDS = re.compile(r"\b(?!and\b|or\b|not\b|True\b|False\b)[A-Za-z_]\w*")


def _expression(text: str):
    """A Vega expression as a function of a table, evaluated by pandas (only fields, comparisons, logic and
    arithmetic: a function call or an unknown name cannot be evaluated)."""
    code = text
    for pattern, replacement in _JS:
        code = pattern.sub(replacement, code)
    if _WORDS.search(re.sub(r"(['\"`]).*?\1", "", code)):
        raise CannotEvaluate(f"the expression {text!r} uses functions or names this check cannot evaluate")

    def evaluate(table: pd.DataFrame) -> pd.Series:
        try:
            result = table.eval(code, engine="python")
        except Exception as err:  # noqa: BLE001  (a learner's expression: cannot be judged here)
            raise CannotEvaluate(f"the expression {text!r} could not be evaluated ({err})") from err
        return result if isinstance(result, pd.Series) else pd.Series(result, index=table.index)

    return evaluate


def _predicate(table: pd.DataFrame, test) -> pd.Series:
    if isinstance(test, str):
        return _expression(test)(table).fillna(False).astype(bool)
    if "and" in test:
        return pd.concat([_predicate(table, t) for t in test["and"]], axis=1).all(axis=1)
    if "or" in test:
        return pd.concat([_predicate(table, t) for t in test["or"]], axis=1).any(axis=1)
    if "not" in test:
        return ~_predicate(table, test["not"])
    field = test.get("field")
    if field not in table or "timeUnit" in test:
        raise CannotEvaluate(f"the filter {test!r} cannot be evaluated")
    column = table[field]
    for key, compare in (("equal", column.__eq__), ("lt", column.__lt__), ("lte", column.__le__),
                         ("gt", column.__gt__), ("gte", column.__ge__)):
        if key in test:
            return compare(test[key]).fillna(False).astype(bool)
    if "oneOf" in test:
        return column.isin(test["oneOf"])
    if "range" in test:
        low, high = test["range"]
        return column.between(low if low is not None else -float("inf"), high if high is not None else float("inf"))
    if "valid" in test:
        return column.notna() == bool(test["valid"])
    raise CannotEvaluate(f"the filter {test!r} cannot be evaluated")


def _aggregate(table: pd.DataFrame, groupby: list[str], ops: list[tuple[str, str | None, str]]) -> pd.DataFrame:
    """One row per group: each (op, field, name)."""
    for op, _field, _name in ops:
        if op not in AGGREGATES:
            raise CannotEvaluate(f"the aggregate {op!r} is not evaluated by this check")
    grouped = table.groupby(groupby, dropna=False, sort=True) if groupby else None
    columns = {}
    for op, field, name in ops:
        if op == "count":
            columns[name] = grouped.size() if grouped is not None else pd.Series([len(table)])
        else:
            source = grouped[field] if grouped is not None else table[field]
            result = getattr(source, AGGREGATES[op])()
            columns[name] = result if grouped is not None else pd.Series([result])
    out = pd.DataFrame(columns)
    return out.reset_index() if groupby else out


def _transform(table: pd.DataFrame, step: dict) -> pd.DataFrame:
    if "filter" in step:
        return table[_predicate(table, step["filter"])]
    if "calculate" in step:
        return table.assign(**{step["as"]: _expression(step["calculate"])(table)})
    if "aggregate" in step:
        ops = [(a["op"], a.get("field"), a["as"]) for a in step["aggregate"]]
        return _aggregate(table, list(step.get("groupby", [])), ops)
    raise CannotEvaluate(f"the transform {next(iter(step), '?')!r} is not evaluated by this check")


def _channels(encoding: dict) -> dict[str, dict]:
    out = {}
    for channel, definition in encoding.items():
        if channel in CHANNELS and isinstance(definition, dict) and ("field" in definition or "aggregate" in definition):
            out[channel] = definition
    return out


def view_table(unit: dict, datasets: dict) -> pd.DataFrame:
    """The values one view draws: a column per encoded channel, a row per mark (after aggregation)."""
    table = _table(unit["data"], datasets)
    for step in unit["transform"]:
        table = _transform(table, step)
    channels = _channels(unit["encoding"])
    for definition in channels.values():
        if definition.get("field") is not None and definition["field"] not in table:
            raise CannotEvaluate(f"the field {definition['field']!r} is not a column of the chart's data")
        if definition.get("bin") or definition.get("timeUnit"):
            raise CannotEvaluate("binned or time-unit encodings are not evaluated by this check")
    aggregated = {c: d for c, d in channels.items() if "aggregate" in d}
    if not aggregated:
        return pd.DataFrame({c: table[d["field"]].to_numpy() for c, d in channels.items()})
    keys = {c: d["field"] for c, d in channels.items() if c not in aggregated}
    ops = [(d["aggregate"], d.get("field"), f"__{c}") for c, d in aggregated.items()]
    result = _aggregate(table, list(dict.fromkeys(keys.values())), ops)
    return pd.DataFrame({**{c: result[f].to_numpy() for c, f in keys.items()},
                         **{c: result[f"__{c}"].to_numpy() for c in aggregated}})


def drawn(spec: dict) -> list[tuple[dict, pd.DataFrame]]:
    """Each view of a compiled specification with the table of what it draws."""
    datasets = spec.get("datasets", {})
    return [(unit, view_table(unit, datasets)) for unit in _units(spec)]
