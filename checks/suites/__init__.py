"""Expectation suites, one module per source or layer; each maps a table to a suite builder."""
