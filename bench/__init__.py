"""Benchmarks: `python -m bench` (or `make bench`): each figure as a ratio to a baseline from the same run."""
