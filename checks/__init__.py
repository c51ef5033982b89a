"""Validation: Great Expectations 1.x suites per table and generic checks every source shares.

No Dagster imports here: `pipelines` wraps each check as an asset check.
"""
