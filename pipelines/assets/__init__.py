"""Assets by layer: raw (one multi-asset per source), staging and core (SQL models), marts."""
