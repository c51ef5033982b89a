"""The table catalog: every table the pipeline writes, with its layer, grain, description and the
sources it is built from — read from the same declarations that build the tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sources.registry import all_sources
from warehouse.marts import python_marts
from warehouse.models import sql_models

LEDGER = {
    "raw.fetch_log": (
        "one row per fetch attempt or shipped seed",
        "Every fetch: URL, UTC time, status, bytes, sha256, error.",
    ),
    "raw.payloads": (
        "one row per endpoint × distinct payload (snapshot)",
        "Every snapshot loaded, with its rows and the fields it carried.",
    ),
    "raw.payload_rejections": (
        "one row per endpoint × payload that failed to parse",
        "Payloads kept in the archive but refused, with the field and error.",
    ),
}


@dataclass(frozen=True)
class CatalogEntry:
    table: str
    layer: str
    grain: str
    description: str
    reads: tuple[str, ...]
    sources: tuple[str, ...]
    version: int = 1


@cache
def catalog() -> tuple[CatalogEntry, ...]:
    entries: dict[str, CatalogEntry] = {}
    for table, (grain, description) in LEDGER.items():
        entries[table] = CatalogEntry(table, "raw", grain, description, (), ("all",))
    for source in all_sources():
        for endpoint in source.endpoints:
            entries[endpoint.raw_table] = CatalogEntry(
                endpoint.raw_table,
                "raw",
                f"{endpoint.grain} × snapshot",
                f"{source.title}: payloads of {endpoint.url}",
                (),
                (source.slug,),
            )
    derived = [(m.table, m.layer, m.grain, m.description, m.reads, 1) for m in sql_models()]
    derived += [(m.table, m.layer, m.grain, m.description, m.reads, m.version) for m in python_marts()]
    pending = list(derived)
    while pending:  # resolve upstream sources in dependency order
        progressed = False
        for item in list(pending):
            table, layer, grain, description, reads, version = item
            upstream = [entries[r] for r in reads if r in entries and r not in LEDGER]
            if len(upstream) < len([r for r in reads if r not in LEDGER]):
                continue
            found = sorted({s for u in upstream for s in u.sources})
            entries[table] = CatalogEntry(table, layer, grain, description, reads, tuple(found), version)
            pending.remove(item)
            progressed = True
        if not progressed:
            raise RuntimeError(f"tables read something no model builds: {[p[0] for p in pending]}")
    return tuple(entries.values())


def markdown() -> str:
    every = {s.slug for s in all_sources()}
    lines = ["| table | grain | sources |", "|---|---|---|"]
    for entry in catalog():
        if entry.layer == "raw" and entry.table not in LEDGER:
            continue  # raw tables are listed per source in sources/README.md
        sources = "all" if set(entry.sources) >= every else ", ".join(entry.sources)
        lines.append(f"| `{entry.table}` | {entry.grain} | {sources} |")
    return "\n".join(lines)


def with_catalog(readme: str) -> str:
    """README text with its catalog section (between the catalog markers) regenerated."""
    start, end = "<!-- catalog:start -->", "<!-- catalog:end -->"
    head, _, rest = readme.partition(start)
    _, _, tail = rest.partition(end)
    return f"{head}{start}\n{markdown()}\n{end}{tail}"


if __name__ == "__main__":
    # `python -m warehouse.catalog README.md` rewrites the README's catalog; without an argument, prints it.
    import sys

    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
        path.write_text(with_catalog(path.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(markdown())
