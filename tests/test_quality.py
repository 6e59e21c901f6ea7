"""The house rules: lint clean, docstring examples run, modules small and layered without cycles."""

import ast
import doctest
import importlib
import re
import shutil
import subprocess
import sys

import pytest

import worldorder as wo
from conftest import REPO

PACKAGE = REPO / "worldorder"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "exercises" not in p.parts)


def module_name(path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(REPO / ".venv" / "bin")) or shutil.which("ruff")
    if not ruff:
        pytest.skip("ruff is not installed (make install adds it)")
    out = subprocess.run([ruff, "check", "--output-format", "concise", str(REPO)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_docstring_examples_run(path):
    module = importlib.import_module(module_name(path))
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert failures == 0


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_modules_stay_small(path):
    assert len(path.read_text().splitlines()) <= 420, "split this module by concept"


def imports_of(path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("worldorder"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("worldorder"))
    return found


def test_the_modules_import_each_other_without_cycles():
    names = {module_name(p) for p in MODULES}
    graph = {module_name(p): {m for m in imports_of(p) if m in names and m != module_name(p)}
             for p in MODULES if p.name != "__init__.py"}
    state: dict[str, str] = {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in graph.get(node, ()):
            assert state.get(nxt) != "open", "import cycle: " + " -> ".join([*trail, node, nxt])
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = "done"

    for node in graph:
        if node not in state:
            visit(node, [])


# The layers, top first: a module imports only modules above it. Every module of the package, exercises included,
# has its place, so a new module must be placed and an arrow back up (checks loading the exercises) fails.
LAYERS = [
    "vocab", "text", "_data_record", "integrity", "files", "memory", "data", "articles", "dates", "names", "membership", "search",
    "record", "order", "pairs", "blocvotes", "blocpairs", "rules", "scaling", "topics", "claimrules", "ledger", "seeds",
    "charts", "charts.theme", "charts.order", "charts.usvotes", "charts.maps", "charts.blocs", "charts.ledger",
    "charts.machinery", "chartview", "explorer", "feedback", "drawn", "chartspec", "answers", "checks", "methods", "predictions",
    *(f"exercises.nb{n:02d}" for n in range(8)), "exercises",
]
EVERY_MODULE = sorted(p for p in PACKAGE.rglob("*.py") if p != PACKAGE / "__init__.py")


def test_every_module_has_a_layer():
    names = {module_name(p).removeprefix("worldorder.") for p in EVERY_MODULE}
    assert names == set(LAYERS), f"place these in LAYERS: {names - set(LAYERS)}; gone: {set(LAYERS) - names}"


@pytest.mark.parametrize("path", EVERY_MODULE, ids=lambda p: module_name(p))
def test_each_module_imports_only_the_layers_above_it(path):
    """Imports inside functions count too, and no module imports by a computed name (importlib), which this test
    could not see: that is how checks.py once loaded the exercises, an arrow back up the layers."""
    here = LAYERS.index(module_name(path).removeprefix("worldorder."))
    known = {f"worldorder.{m}" for m in LAYERS}
    imported = {m.removeprefix("worldorder.") for m in imports_of(path) if m in known}
    below = sorted(m for m in imported if LAYERS.index(m) >= here and m != LAYERS[here])
    assert not below, f"{module_name(path)} imports {below}, which are not above it in the layers"
    assert "import_module(" not in path.read_text() and "__import__(" not in path.read_text(), path


def test_the_exercises_register_themselves_when_the_package_is_imported():
    code = "import worldorder.checks as c; print(' '.join(sorted({k.split('.')[0] for k in c.EXERCISES})))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    notebooks = sorted(p.stem.removeprefix("nb") for p in (PACKAGE / "exercises").glob("nb*.py"))
    assert out.returncode == 0 and out.stdout.split() == notebooks, out.stderr


HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b")
NAMED_COLOURS = {"white", "black", "grey", "gray", "silver", "red", "green", "blue", "orange", "yellow", "purple",
                 "pink", "brown", "steelblue", "lightgrey", "lightgray", "darkgrey", "darkgray", "dimgray", "dimgrey",
                 "gainsboro", "whitesmoke", "navy", "teal", "crimson", "tomato", "gold", "transparent"}


def colour_literals(path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            found += HEX_COLOUR.findall(text)
            found += [text] if text.strip().lower() in NAMED_COLOURS else []
    return found


def test_every_colour_lives_in_the_theme():
    """Only worldorder/charts/theme.py writes a colour (hex or named): every other module uses its names."""
    writers = {module_name(p): colour_literals(p) for p in EVERY_MODULE if p.name != "theme.py"}
    writers = {name: found for name, found in writers.items() if found}
    assert not writers, f"move these colours to charts/theme.py: {writers}"
    assert colour_literals(PACKAGE / "charts" / "theme.py"), "the test must see the theme's own colours"
    from worldorder import ledger
    from worldorder.charts import theme
    assert list(theme.RATING_COLOURS) == list(ledger.RATINGS)


def test_only_the_readers_read_the_shipped_folders():
    """data reads data/ (files finds and checks it, ledger reads a copy of claims.csv given to it); articles reads
    the seed articles in seeds/. No other module opens a file."""
    readers = [p for p in MODULES if any(word in p.read_text() for word in ("read_parquet(", "read_csv(", "read_text("))]
    assert {module_name(p) for p in readers} <= {"worldorder.data", "worldorder.files", "worldorder.ledger",
                                                  "worldorder.articles"}


def test_the_vocabulary_is_defined_once():
    for path in MODULES:
        if path.name != "vocab.py":
            text = path.read_text()
            assert 'VOTE_CODES = ("Y"' not in text and '"Did not vote"}' not in text, path


def test_importing_the_package_is_quiet_and_quick_to_use():
    code = "import worldorder as wo; wo.votes(focus=True)"
    out = subprocess.run([sys.executable, "-W", "error::FutureWarning", "-c", code], cwd=REPO, capture_output=True,
                         text=True)
    assert out.returncode == 0 and out.stderr == "", out.stderr
    assert wo.__all__


def test_why_altair_is_pinned_below_6():
    """requirements.txt keeps altair<6: Altair 6 writes Vega-Lite 6, and JupyterLab 4's built-in offline
    renderer only draws the Vega-Lite mime types it lists (up to v5)."""
    import re as regex

    import altair as alt

    static = REPO / ".venv" / "share" / "jupyter" / "lab" / "static"
    if not static.is_dir():
        pytest.skip("JupyterLab is not installed in .venv")
    found = set()
    for path in static.glob("*.js"):
        found |= set(regex.findall(r"application/vnd\.vegalite\.v(\d+)\+json", path.read_text(errors="ignore")))
    assert "5" in found and "6" not in found, found
    assert alt.SCHEMA_VERSION.startswith("v5")
