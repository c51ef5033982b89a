"""The static report and its charts (also attached to the matching Dagster assets)."""
