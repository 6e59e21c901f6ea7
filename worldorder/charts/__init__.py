"""Charts: one registered theme (theme.py) and chart functions grouped by topic."""
