"""Benchmarks: `make bench` runs every bench_*.py module's run() and writes JSON to benchmarks/results/."""
