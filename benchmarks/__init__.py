"""Benchmarks of the helper package, the bloc explorer and the notebooks: ``python -m benchmarks``."""
