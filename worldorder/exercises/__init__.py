"""Exercise answers, one module per notebook (``nb02.py`` holds notebook 02's), found automatically."""
