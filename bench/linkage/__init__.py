"""Linkage benchmark: a seeded generator of migrant-style records and a harness
that runs Haven's tracing engine, plain Splink and the recordlinkage toolkit
side by side on the same data (see bench/RESULTS.md, section "Linkage").

Benchmark code only: never imported by the ``haven`` package, never timed in
``tests/``.
"""
