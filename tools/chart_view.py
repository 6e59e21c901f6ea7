"""Build worldorder/static/chart_view.js, the explorer chart's browser code, from tools/chart_view.js.

    python -m tools.chart_view          # rewrite the bundle
    python -m tools.chart_view --check  # exit 1 if the committed bundle is not what this build writes

vl-convert bundles the source with the Vega, Vega-Lite and Vega-Embed it carries (no network; the Vega-Lite is the
version Altair writes), so the widget needs no CDN. Their licences are in worldorder/static/THIRD_PARTY.md. This is
build tooling: the runtime package only reads the file this writes.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import altair as alt
import vl_convert

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "tools" / "chart_view.js"
BUNDLE = REPO / "worldorder" / "static" / "chart_view.js"
VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])  # "5.20" for Altair 5.5


def source_digest() -> str:
    """The SHA-256 of tools/chart_view.js, written in the bundle's header: which source the bundle was built from."""
    return hashlib.sha256(SOURCE.read_bytes()).hexdigest()


def bundle() -> str:
    """The bundle's text: a header naming what it holds, then vl-convert's bundle of the source."""
    header = (f"// worldorder's explorer chart, built by `python -m tools.chart_view` from tools/chart_view.js; do not edit.\n"
              f"// source sha256 {source_digest()}\n"
              f"// Holds Vega {vl_convert.get_vega_version()}, Vega-Lite {VL_VERSION} and Vega-Embed "
              f"{vl_convert.get_vega_embed_version()} (BSD-3-Clause, University of Washington Interactive Data Lab)\n"
              f"// and their dependencies, bundled by vl-convert {vl_convert.__version__}; licences: THIRD_PARTY.md.\n")
    return header + vl_convert.javascript_bundle(SOURCE.read_text(encoding="utf-8"), vl_version=VL_VERSION)


def main(argv: list[str]) -> int:
    text = bundle()
    if "--check" in argv:
        same = BUNDLE.exists() and BUNDLE.read_text(encoding="utf-8") == text
        print(f"{BUNDLE.relative_to(REPO)} is {'up to date' if same else 'out of date: run python -m tools.chart_view'}")
        return 0 if same else 1
    BUNDLE.write_text(text, encoding="utf-8")
    print(f"wrote {BUNDLE.relative_to(REPO)} ({len(text.encode()) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
