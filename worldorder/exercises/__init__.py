"""Exercise answers, one module per notebook (``nb02.py`` holds notebook 02's).

Each module imports :mod:`worldorder.checks` and registers its exercises there; importing this package (as
``worldorder/__init__`` does) registers them all. The arrows run down the layers: checks never imports this package.
"""

from worldorder.exercises import nb00, nb01, nb02, nb03, nb04, nb05, nb06, nb07  # noqa: F401
