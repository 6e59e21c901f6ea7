"""Install anywhere: the wheel holds the whole helper and its data, installs with its declared dependencies into a
fresh virtual environment outside the repository, runs notebooks 03 and 05 from another folder, and a damaged
installed file is caught with advice that fits an installed package (and that advice works). One copy of the record:
the roll calls are read-only views on the memory-mapped file, not arrays of each kernel's own."""

import ast
import csv
import os
import re
import shlex
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

import worldorder as wo
from conftest import REPO

# What the build needs and nothing else: no tests, tools or notebooks go into the wheel.
BUILD_INPUTS = ["pyproject.toml", "README.md", "worldorder", "data", "seeds"]
TEST_TOOLS = ("pytest", "ruff", "hypothesis", "playwright", "pillow", "jupyter-repo2docker")
RUN_NOTEBOOKS = ["03-votes-of-24-february-2025.ipynb", "05-compare-vote-blocs.ipynb"]


def run(*args, cwd=None, env=None, timeout=600):
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{shlex.join(map(str, args))} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def clean_env() -> dict[str, str]:
    """The environment without anything that would let the clone leak in (PYTHONPATH, data overrides)."""
    drop = {"PYTHONPATH", "WORLDORDER_DATA", "WORLDORDER_SEEDS", "VIRTUAL_ENV", "PYTHONHOME"}
    return {k: v for k, v in os.environ.items() if k not in drop}


def subpackages() -> set[str]:
    return {p.parent.relative_to(REPO).as_posix() for p in (REPO / "worldorder").rglob("__init__.py")
            if "__pycache__" not in p.parts}


def shipped_data() -> list[str]:
    with open(REPO / "data" / "manifest.csv", newline="") as f:
        return ["manifest.csv", *(row["file"] for row in csv.DictReader(f))]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built by pip from a copy of the build inputs (as pip builds one from a repository URL)."""
    src, out = tmp_path_factory.mktemp("src"), tmp_path_factory.mktemp("dist")
    for name in BUILD_INPUTS:
        if (REPO / name).is_dir():
            subprocess.run(["cp", "-r", str(REPO / name), str(src / name)], check=True)
            for cache in (src / name).rglob("__pycache__"):
                subprocess.run(["rm", "-rf", str(cache)], check=True)
        else:
            (src / name).write_bytes((REPO / name).read_bytes())
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", out, src, env=clean_env())
    (found,) = out.glob("worldorder-*.whl")
    return found


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment (no system site-packages) with the wheel, its declared dependencies and a kernel."""
    root = tmp_path_factory.mktemp("venv")
    assert REPO not in root.parents
    run(sys.executable, "-m", "venv", root, env=clean_env())
    python = root / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel, "ipykernel>=6.29,<8",
        env=clean_env(), timeout=1200)
    return root


def test_the_wheel_holds_every_subpackage_and_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = sorted(p for p in subpackages() if f"{p}/__init__.py" not in names)
    assert not missing, f"subpackages missing from the wheel (add them to [tool.setuptools] packages): {missing}"
    for name in shipped_data():
        assert f"worldorder/_data/{name}" in names, f"data/{name} is not in the wheel"
    for seed in (REPO / "seeds").iterdir():
        assert f"worldorder/_seeds/{seed.name}" in names, f"seeds/{seed.name} is not in the wheel"
    assert not [n for n in names if n.startswith(("tests/", "tools/", "notebooks/", "data/", "seeds/"))]


def test_the_declared_dependencies_cover_every_import_of_the_helper():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    declared = {re.split(r"[<>=!~ \[;]", d)[0].lower().replace("_", "-") for d in project["dependencies"]}
    imports = set()
    for path in (REPO / "worldorder").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imports |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                imports.add(node.module.split(".")[0])
    third_party = {m for m in imports - set(sys.stdlib_module_names) if m not in {"worldorder", "__future__"}}
    distribution = {"vl_convert": "vl-convert-python", "IPython": "ipython"}
    undeclared = sorted(m for m in third_party if distribution.get(m, m).lower() not in declared)
    assert not undeclared, f"imported by worldorder but not in pyproject.toml's dependencies: {undeclared}"
    assert all(re.search(r"[<>=~]", d) for d in project["dependencies"]), "every dependency has a version range"


def test_learners_never_install_the_test_tools():
    for name in ("requirements.txt", "binder/requirements.txt"):
        text = (REPO / name).read_text().lower()
        listed = [t for t in TEST_TOOLS if re.search(rf"^{re.escape(t)}\b", text, re.M)]
        assert not listed, f"{name} installs test tools for learners: {listed}"
    dev = (REPO / "requirements-dev.txt").read_text().lower()
    assert all(re.search(rf"^{re.escape(t)}\b", dev, re.M) for t in TEST_TOOLS)


def test_the_installed_package_reads_its_own_data_from_anywhere(venv, tmp_path):
    out = run(venv / "bin" / "python", "-c",
              "import worldorder as wo; print(wo.__file__); print(wo.data.data_dir()); print(wo.data.seeds_dir()); "
              "print(wo.resolutions(years=2025).shape[0]); print(len(wo.seed_text('report')))",
              cwd=tmp_path, env=clean_env())
    module, data, seeds, votes_2025, seed_chars = out.split("\n")[:5]
    site = next((venv / "lib").glob("python3*/site-packages"))
    for path in (module, data, seeds):
        assert Path(path).is_relative_to(site), f"{path} is not inside the installed package"
    assert int(votes_2025) > 0 and int(seed_chars) > 0


@pytest.mark.parametrize("name", RUN_NOTEBOOKS)
def test_notebooks_run_on_the_installed_package(venv, tmp_path, name):
    """From a folder outside the repository, on a kernel of the fresh environment (no PYTHONPATH to the clone)."""
    assert REPO not in tmp_path.parents
    kernels = tmp_path / "kernels"
    run(venv / "bin" / "python", "-m", "ipykernel", "install", "--prefix", kernels, "--name", "wo-installed",
        env=clean_env())
    specs = KernelSpecManager(kernel_dirs=[str(kernels / "share" / "jupyter" / "kernels")])
    nb = nbformat.read(REPO / "notebooks" / name, as_version=4)
    work = tmp_path / "work"
    work.mkdir()
    nbformat.write(nb, work / name)
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(clean_env())  # the kernel inherits this process's environment
    try:
        km = KernelManager(kernel_name="wo-installed", kernel_spec_manager=specs)
        NotebookClient(nb, km=km, timeout=300, resources={"metadata": {"path": str(work)}}).execute()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    assert km.kernel_spec.argv[0] == str(venv / "bin" / "python")


def test_a_damaged_installed_file_names_itself_and_reinstalling_repairs_it(venv, wheel, tmp_path):
    python = venv / "bin" / "python"
    site = next((venv / "lib").glob("python3*/site-packages"))
    target = site / "worldorder" / "_data" / "countries.csv"
    good = target.read_bytes()
    target.write_bytes(good.replace(b"Ukraine", b"Ukrane", 1))
    try:
        broken = subprocess.run([python, "-c", "import worldorder as wo; wo.members()"], cwd=tmp_path,
                                env=clean_env(), capture_output=True, text=True, timeout=300)
        assert broken.returncode != 0
        message = broken.stderr.strip().splitlines()[-1]
        assert f"The data file {target} has been changed" in message, message
        assert "reinstall the package" in message and "git checkout" not in message, message
        command = re.search(r"`(python -m pip install --force-reinstall --no-deps [^`]+)`", message)
        assert command and str(wheel) in command.group(1), message
        args = shlex.split(command.group(1))
        run(python, *args[1:], cwd=tmp_path, env=clean_env())  # the advice, as given, repairs the package
    finally:
        if target.read_bytes() != good:
            target.write_bytes(good)
    assert target.read_bytes() == good
    assert run(python, "-c", "import worldorder as wo; print(wo.members().shape[0])", cwd=tmp_path,
               env=clean_env()).strip() == "193"


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="reads /proc/self/maps (Linux)")
def test_the_roll_calls_are_read_only_views_on_the_mapped_file():
    arrays = wo.data.vote_arrays()
    path = str((wo.data.data_dir() / "votes.arrow").resolve())
    spans = [tuple(int(x, 16) for x in line.split()[0].split("-"))
             for line in Path("/proc/self/maps").read_text().splitlines() if line.endswith(" " + path)]
    assert spans, f"{path} is not memory-mapped"
    for key in ("row", "iso3", "vote"):
        array = arrays[key]
        start = array.__array_interface__["data"][0]
        assert not array.flags.writeable, f"{key} can be written to: it is not the shared read-only record"
        assert any(lo <= start and start + array.nbytes <= hi for lo, hi in spans), f"{key} is a private copy"
    assert arrays["row"].size == int(wo.data.manifest().set_index("file").loc["votes.arrow", "rows"])
