"""The DuckDB warehouse: migrations, raw loads, SQL models by layer, and derivations (pure functions)."""
