"""Give notebooks the metadata JupyterLab writes when it opens them, so an unedited notebook is not "changed".

On opening a notebook, JupyterLab copies the kernel's ``kernelspec`` and ``language_info`` (its Python version
included) into the notebook's metadata; any difference marks the notebook as changed, and closing it asks to save.
This writes the same values, read from the Python that runs this module (the kernel of ``make lab`` when run with
``.venv/bin/python``), and leaves a notebook that already has them byte for byte unchanged.

    python -m tools.notebook_metadata notebooks/*.ipynb          # stamp
    python -m tools.notebook_metadata --check notebooks/*.ipynb  # list the ones that would open as changed
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat


def kernel_metadata() -> dict:
    """The ``kernelspec`` and ``language_info`` the ``python3`` kernel of this Python reports to JupyterLab."""
    from ipykernel.ipkernel import IPythonKernel
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    return {"kernelspec": {"display_name": spec.display_name, "language": spec.language, "name": "python3"},
            "language_info": dict(IPythonKernel.language_info)}


def differs(path: Path, wanted: dict | None = None) -> list[str]:
    """The metadata keys whose values differ from what JupyterLab would write on opening ``path``."""
    wanted = wanted or kernel_metadata()
    metadata = nbformat.read(path, as_version=4).metadata
    return [key for key, value in wanted.items() if metadata.get(key) != value]


def stamp(path: Path, wanted: dict | None = None) -> bool:
    """Write the kernel's metadata into ``path`` (nbformat's own format); True if the file changed."""
    wanted = wanted or kernel_metadata()
    if not differs(path, wanted):
        return False
    notebook = nbformat.read(path, as_version=4)
    notebook.metadata.update(wanted)
    nbformat.write(notebook, path)
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="only report the notebooks that would open as changed")
    args = parser.parse_args(argv)
    wanted = kernel_metadata()
    if args.check:
        stale = {p: differs(p, wanted) for p in args.notebooks}
        for path, keys in stale.items():
            if keys:
                print(f"{path}: {', '.join(keys)} differ from what JupyterLab writes on opening it")
        return 1 if any(stale.values()) else 0
    for path in args.notebooks:
        if stamp(path, wanted):
            print(f"{path}: metadata set to the kernel's (Python {wanted['language_info']['version']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
