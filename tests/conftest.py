"""Shared fixtures: where the repository and the raw material are."""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
RAW = Path(os.environ.get("WORLDORDER_RAW", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def raw() -> Path:
    """The raw material in ../shared/data; tests that need it are skipped without it."""
    if not (RAW / "rollcalls").is_dir():
        pytest.skip(f"raw data not found at {RAW} (set WORLDORDER_RAW to run this test)")
    return RAW
