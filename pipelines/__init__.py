"""The Dagster code location: definitions, assets, resources, schedules and asset checks.

Only wiring lives here; fetching, parsing, loading and validating are in `sources`, `warehouse`
and `checks`, which know nothing of Dagster.
"""
