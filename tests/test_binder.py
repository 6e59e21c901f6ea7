"""The zero-install route: what repo2docker (Binder) would build from binder/, read from the build script it
generates with `repo2docker --no-build --debug` (no container engine is needed, and none is run)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

BINDER = REPO / "binder"
START = "urlpath=lab/tree/notebooks/00-start-here.ipynb"


def requirement_lines(path: Path) -> list[str]:
    return [line.split("#")[0].strip() for line in path.read_text().splitlines() if line.split("#")[0].strip()]


@pytest.fixture(scope="module")
def dockerfile() -> str:
    exe = shutil.which("repo2docker", path=str(Path(sys.prefix) / "bin")) or shutil.which("repo2docker")
    if not exe:
        if os.environ.get("CI"):
            pytest.fail("repo2docker is missing in CI: `make test` installs requirements-dev.txt", pytrace=False)
        pytest.skip("repo2docker not installed (pip install -r requirements-dev.txt, or run `make test`)")
    run = subprocess.run([exe, "--no-build", "--debug", str(REPO)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout + run.stderr


def test_binder_builds_with_python_3_11_or_newer(dockerfile):
    found = re.search(r"Building conda environment for python=(\d+)\.(\d+)", dockerfile)
    assert found, "repo2docker did not pick the Python from binder/runtime.txt"
    assert (int(found.group(1)), int(found.group(2))) >= (3, 11)


def test_binder_installs_the_requirements_then_the_editable_package(dockerfile):
    install = dockerfile.index('pip install --no-cache-dir -r "binder/requirements.txt"')
    copy = dockerfile.index("COPY --chown=0:0 src/ ${REPO_DIR}/")
    post = dockerfile.index("RUN ./binder/postBuild")
    assert install < copy < post, "requirements first, then the project, then postBuild"
    script = (BINDER / "postBuild").read_text()
    assert re.search(r"pip install [^\n]*-e \.", script), "postBuild installs the helper package in editable mode"
    assert "overrides.json" in script and os.access(BINDER / "postBuild", os.X_OK)


def test_binder_requirements_match_the_project_requirements():
    ours = requirement_lines(REPO / "requirements.txt")
    binder = requirement_lines(BINDER / "requirements.txt")
    assert binder == [r for r in ours if r != "-e ."], "binder/requirements.txt is ../requirements.txt without -e ."
    assert "-e ." in ours


def test_the_documented_link_opens_the_start_notebook():
    assert (REPO / START.split("lab/tree/")[1]).exists()
    for doc in ("README.md", "TEACHING.md"):
        assert START in (REPO / doc).read_text(), f"{doc} gives the Binder link with {START}"
