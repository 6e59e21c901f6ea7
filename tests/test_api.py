"""The public API (issue 19): written out by hand, grouped by concept, no modules, no name that means two things."""

import importlib
import inspect
import pkgutil
import re
import types

import pandas as pd

import worldorder as wo
from conftest import REPO

# The names that once meant a parser in one module and a table in another: each now means one kind of thing.
TABLES = ["countries", "blocs", "resolutions", "members", "timeline", "vote_disputes", "seed_sources"]
PARSERS = {"country_keys": (["Ukraine", "Poland", "UKR"], ["UKR", "POL"]),
           "country": ("Ukraine", "UKR"), "bloc": ("nato", "NATO"), "resolution": ("ES-11/7", "A/RES/ES-11/7")}


def all_modules():
    yield wo
    for info in pkgutil.walk_packages(wo.__path__, "worldorder."):
        yield importlib.import_module(info.name)


def test_all_is_written_out_and_holds_no_modules():
    source = (REPO / "worldorder" / "__init__.py").read_text()
    assert "dir()" not in source, "write __all__ out by hand"
    assert len(wo.__all__) == len(set(wo.__all__)), "a name is listed twice"
    modules = [n for n in wo.__all__ if isinstance(getattr(wo, n), types.ModuleType)]
    assert not modules, f"modules in __all__: {modules}"
    assert all(hasattr(wo, n) for n in wo.__all__)


def test_the_docstring_shows_the_api_by_concept_in_the_order_of_all():
    section = wo.__doc__.split("The public API, by concept", 1)[1]
    groups = re.findall(r"^- ([^:\n]+): (.+(?:\n  .+)*)", section, flags=re.M)
    assert len(groups) >= 10, "group the names by concept"
    listed = [name for _, names in groups for name in re.findall(r"``(\w+)``", names)]
    assert listed == list(wo.__all__), "the docstring's groups and __all__ disagree"


def test_no_public_name_means_two_things():
    """A name in __all__ is defined once in the package: no other module defines another thing under it."""
    clashes = []
    for module in all_modules():
        for name in wo.__all__:
            obj = module.__dict__.get(name)
            if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == module.__name__ \
                    and obj is not getattr(wo, name):
                clashes.append(f"{module.__name__}.{name}")
    assert not clashes, f"these mean something else than wo.<name>: {clashes}"


def test_tables_are_named_for_their_content_and_parsers_for_what_they_return():
    for name in TABLES:
        assert isinstance(getattr(wo, name)(), pd.DataFrame), name
    for name, (given, expected) in PARSERS.items():
        assert getattr(wo, name)(given) == expected, name
    parsers = importlib.import_module("worldorder.names")
    assert not {"countries", "blocs", "resolutions"} & set(vars(parsers)), "a parser is named like a table"


def test_chart_functions_take_the_table_they_draw():
    charts = [n for n in wo.__all__ if n.endswith("_chart") or n == "world_map"]
    assert len(charts) == 15
    for name in charts:
        first = next(iter(inspect.signature(getattr(wo, name)).parameters.values()))
        assert "DataFrame" in str(first.annotation) and first.default is inspect.Parameter.empty, name


def test_the_vote_charts_query_nothing(monkeypatch):
    from worldorder import record

    tables = {"world_map": wo.vote_table("ES-11/7"), "council_chart": wo.vote_table("S/RES/2774 (2025)"),
              "small_states_chart": wo.small_states("ES-11/7"), "erosion_chart": wo.series_totals()}
    for name in ["vote_table", "totals", "votes", "series_totals"]:
        monkeypatch.setattr(record, name, lambda *a, **k: (_ for _ in ()).throw(AssertionError("queried")))
    for name, table in tables.items():
        assert getattr(wo, name)(table).to_dict()["description"], name
    assert "93 yes, 18 no, 65 abstain, 17 did not vote" in wo.world_map(tables["world_map"]).description


def _refuse(*args, **kwargs):
    raise AssertionError("a chart function queried the data or resolved a name")


def test_the_us_charts_query_nothing_and_resolve_nothing(monkeypatch):
    """us_agreement_chart takes the years it marks from its table (table.attrs, set by wo.us_agreement), and
    us_rank_chart takes keys: resolving names and reading the record happen before, at the edge."""
    from worldorder import data, names, order

    agreement = wo.us_agreement(["Russia", "UK"])
    ranks = pd.concat([wo.us_rank(year).assign(year=year) for year in (1985, 2023)])
    highlight = wo.country_keys(["UK", "Russia"])
    for module, name in [(order, "record_span"), (order, "cold_war_end"), (order, "last_full_year"),
                         (order, "event_date"), (data, "resolution_table"), (data, "timeline"),
                         (names, "country_keys"), (names, "country_label"), (names, "country")]:
        monkeypatch.setattr(module, name, _refuse)
    agreement_spec = wo.us_agreement_chart(agreement).to_dict()
    assert "2025: votes to 29 Oct only" in str(agreement_spec) and "(1991)" in str(agreement_spec)
    assert "in 2024 " in agreement_spec["description"]
    rank_spec = wo.us_rank_chart(ranks, highlight=highlight).to_dict()
    assert "United Kingdom (GBR)" in str(rank_spec) and "Russia (RUS)" in str(rank_spec)


def test_no_function_or_class_name_is_defined_in_two_modules():
    """One name, one meaning across the package: a public function or class is defined in one module only (the
    span of the record is order.record_span, the claim grid seeds.claim_grid, the coded votes per year
    topics.coded_per_year; data.clear_cache is the one reset)."""
    defined: dict[str, list[str]] = {}
    for module in all_modules():
        for name, obj in vars(module).items():
            if not name.startswith("_") and (inspect.isfunction(obj) or inspect.isclass(obj)) \
                    and obj.__module__ == module.__name__:
                defined.setdefault(name, []).append(module.__name__)
    twice = {name: where for name, where in defined.items() if len(where) > 1}
    assert not twice, f"these names are defined in more than one module: {twice}"
