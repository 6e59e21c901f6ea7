"""`make lab` for a class: learners work in their own copies, the class notebooks stay as committed.

``make lab`` copies every notebook of ``notebooks/`` that is missing from ``my-work/`` (never overwriting one
that is there), opens JupyterLab on ``my-work/00-start-here.ipynb``, and starts the server with
``--ContentsManager.pre_save_hook=tools.classroom.keep_class_notebooks_clean``: JupyterLab cannot save into
``notebooks/`` (no autosaved outputs, no edits that would conflict with ``git pull``). The learner sees why and
where their own copy is.
"""

from __future__ import annotations

from tornado.web import HTTPError

CLASS_FOLDER = "notebooks"
WORK_FOLDER = "my-work"


def keep_class_notebooks_clean(model=None, path: str = "", contents_manager=None, **kwargs) -> None:
    """A Jupyter pre-save hook that refuses any save into ``notebooks/`` with a message for the learner."""
    parts = path.replace("\\", "/").strip("/").split("/")
    if parts and parts[0] == CLASS_FOLDER and len(parts) > 1:
        name = parts[-1]
        where = (f"Your own copy is {WORK_FOLDER}/{name}: work there (it is never overwritten)."
                 if name.endswith(".ipynb") else f"Save your own files in {WORK_FOLDER}/.")
        raise HTTPError(403, f"{CLASS_FOLDER}/ holds the class's notebooks and is not saved from `make lab`. {where}")
