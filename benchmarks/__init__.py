"""Benchmarks: a synthetic project generator, the naive overlay pipeline and a runner."""
