"""Benchmarks: each prints our figures beside a baseline measured in the same run."""
