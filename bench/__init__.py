"""Benchmarks of the production shape (not tests): see docs/performance.md."""
