"""Numerical derivations behind the marts: pure functions over numpy arrays and polars frames."""
