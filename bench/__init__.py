"""Benchmarks: each script prints one JSON object (a package only so that mypy names bench/ui.py bench.ui, not ui)."""
