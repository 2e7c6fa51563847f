"""Benchmarks: each module exposes ``run() -> list[dict]``; ``benchmarks/run.py`` prints them all."""
