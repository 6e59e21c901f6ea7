"""`make lab` for a class: learners work in their own copies, the class notebooks stay as committed.

``make lab`` copies every notebook of ``notebooks/`` that is missing from ``my-work/`` (never overwriting one
that is there), opens JupyterLab on ``my-work/00-start-here.ipynb``, and starts the server with
``--ServerApp.contents_manager_class=tools.classroom.ClassroomContentsManager``:

- nothing under ``notebooks/`` is saved, created, deleted, renamed or copied over, and the folder itself is
  neither deleted nor renamed, nor replaced by renaming another folder to its name: every path is resolved
  against the server's root with symlinks followed and compared case-folded, so ``my-work/../notebooks/x``,
  ``./notebooks/x``, ``NoteBooks/x`` and a symlink from ``my-work/`` into ``notebooks/`` all count as
  ``notebooks/``. A write that resolves outside the root is refused too. The learner is told why and where their
  own copy is.
- ``solutions/`` and ``TEACHING.md`` are not served (not listed, not opened, not downloaded, not copied).

What this does not do: the learner's kernel and terminal run as the learner, who can read and write the
project folder on their own machine (it is their clone). On a shared class server the students' Unix users and
file permissions keep the teacher's files away, not this guard: see ``hub/README.md``.

>>> class_path("/srv/class", "my-work/../notebooks/03.ipynb")
'notebooks/03.ipynb'
>>> print(refused_write("/srv/class", "./NoteBooks/03.ipynb"))
notebooks/ holds the class's notebooks and is not saved from `make lab`. Your own copy is my-work/03.ipynb: work there (it is never overwritten).
>>> refused_write("/srv/class", "my-work/03.ipynb") is None
True
>>> is_teachers("/srv/class", "Solutions/03.py")
True
"""

from __future__ import annotations

import os

from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
from tornado.web import HTTPError

CLASS_FOLDER = "notebooks"
WORK_FOLDER = "my-work"
TEACHERS = ("solutions", "teaching.md")  # top-level names, case-folded, that `make lab` does not serve
OUTSIDE = ".."


def class_path(root: str | os.PathLike, path: str) -> str:
    """Where an API path really points, relative to the real root: symlinks followed, case-folded, ``/``-separated.

    ``..`` stands for a path that resolves outside the root.
    """
    real_root = os.path.realpath(root)
    clean = path.replace("\\", "/").lstrip("/")
    real = os.path.realpath(os.path.join(real_root, clean))
    relative = os.path.relpath(real, real_root)
    if relative == OUTSIDE or relative.startswith(OUTSIDE + os.sep):
        return OUTSIDE
    return "" if relative == "." else relative.replace(os.sep, "/").casefold()


def _top(root, path: str) -> str:
    return class_path(root, path).split("/", 1)[0]


def refused_write(root, path: str) -> str | None:
    """Why a write to ``path`` (save, new file, copy target) is refused, or None when it may go ahead."""
    where = class_path(root, path)
    if where == OUTSIDE:
        return f"{path} is outside the project folder: `make lab` saves only inside it. Save your own files in {WORK_FOLDER}/."
    if where.split("/", 1)[0] != CLASS_FOLDER:
        return None
    name = path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    own = (f"Your own copy is {WORK_FOLDER}/{name}: work there (it is never overwritten)."
           if name.endswith(".ipynb") else f"Save your own files in {WORK_FOLDER}/.")
    return f"{CLASS_FOLDER}/ holds the class's notebooks and is not saved from `make lab`. {own}"


def refused_move(root, path: str) -> str | None:
    """Why deleting or renaming ``path`` (either end of a rename) is refused, or None."""
    where = class_path(root, path)
    if where == OUTSIDE:
        return f"{path} is outside the project folder."
    if where.split("/", 1)[0] == CLASS_FOLDER:
        return (f"{CLASS_FOLDER}/ holds the class's notebooks: `make lab` does not delete, rename or replace them. "
                f"Your own copies are in {WORK_FOLDER}/.")
    return None


def is_teachers(root, path: str) -> bool:
    """Is the path (or what it points to) one of the teacher's files, which `make lab` does not serve?"""
    top = _top(root, path)
    given = path.replace("\\", "/").strip("/").split("/", 1)[0].casefold()
    return top in TEACHERS or given in TEACHERS


def _root(contents_manager) -> str:
    return getattr(contents_manager, "root_dir", None) or os.getcwd()


def keep_class_notebooks_clean(model=None, path: str = "", contents_manager=None, **kwargs) -> None:
    """A Jupyter pre-save hook that refuses any save into ``notebooks/`` with a message for the learner.

    The path is resolved against the contents manager's root (the working folder without one).
    ``ClassroomContentsManager`` applies the same rule and guards delete, rename and copy as well.
    """
    reason = refused_write(_root(contents_manager), path)
    if reason:
        raise HTTPError(403, reason)


class ClassroomContentsManager(AsyncLargeFileManager):
    """JupyterLab's file manager, with the class notebooks kept as committed and the teacher's files not served."""

    def _refuse_teachers(self, path: str) -> None:
        if is_teachers(self.root_dir, path):
            raise HTTPError(403, "solutions/ and TEACHING.md are for the teacher: `make lab` does not serve them.")

    def _refuse(self, reason: str | None) -> None:
        if reason:
            raise HTTPError(403, reason)

    async def is_hidden(self, path):
        # /files/ and /view/ ask this before serving a file: the teacher's files count as hidden.
        return is_teachers(self.root_dir, path) or await super().is_hidden(path)

    async def get(self, path, content=True, type=None, format=None, require_hash=False):
        if content:  # a listing asks each entry for its details (content=False); it is filtered below
            self._refuse_teachers(path)
        model = await super().get(path, content=content, type=type, format=format, require_hash=require_hash)
        if model.get("type") == "directory" and isinstance(model.get("content"), list):
            model["content"] = [item for item in model["content"] if not is_teachers(self.root_dir, item["path"])]
        return model

    async def save(self, model, path=""):
        self._refuse_teachers(path)
        self._refuse(refused_write(self.root_dir, path))
        return await super().save(model, path)

    async def delete_file(self, path):
        self._refuse_teachers(path)
        self._refuse(refused_move(self.root_dir, path))
        return await super().delete_file(path)

    async def rename_file(self, old_path, new_path):
        for path in (old_path, new_path):
            self._refuse_teachers(path)
            self._refuse(refused_move(self.root_dir, path))
        return await super().rename_file(old_path, new_path)

    async def copy(self, from_path, to_path=None):
        self._refuse_teachers(from_path)
        if to_path is not None:
            self._refuse_teachers(to_path)
            self._refuse(refused_write(self.root_dir, to_path))
        else:  # a copy beside the original
            parent = from_path.strip("/").rsplit("/", 1)[0] if "/" in from_path.strip("/") else ""
            self._refuse(refused_write(self.root_dir, parent + "/copy"))
        return await super().copy(from_path, to_path)
