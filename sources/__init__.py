"""Public sources: what to fetch, how to fetch it, and how to parse it. No Dagster imports here."""
