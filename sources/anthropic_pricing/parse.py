"""Anthropic's pricing page -> one record per model with its prices in USD per million tokens.

The page is read in either form it comes in: the live HTML (its `<table>` elements, read with the
standard library's `html.parser`) or the recorded text excerpt (markdown tables). Tables are found
by their header, never by position; a missing or reshaped table is a ParseError naming what was
expected, never an empty price list.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from sources.errors import ParseError

Table = list[list[str]]  # rows of cell texts, the header first

# Header text as printed -> record field. The model pricing table must have every one of these.
MODEL_TABLE = {
    "Model": "model",
    "Base Input Tokens": "base_input_tokens",
    "5m Cache Writes": "cache_writes_5m",
    "1h Cache Writes": "cache_writes_1h",
    "Cache Hits & Refreshes": "cache_hits_refreshes",
    "Output Tokens": "output_tokens",
}
# The batch table is optional; when present it must have both price columns.
BATCH_TABLE = {"Model": "model", "Batch input": "batch_input", "Batch output": "batch_output"}

_PRICE = re.compile(r"^\$\s*(\d+(?:\.\d+)?)\s*/\s*MTok$", re.IGNORECASE)
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HTML = re.compile(r"<\s*(!doctype|html|body|table)\b", re.IGNORECASE)


def pricing_page(payload: bytes) -> list[dict]:
    """One record per model of the model pricing table, with its batch prices when listed."""
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError("<body>", f"not UTF-8 text: {exc}") from None
    if not text.strip():
        raise ParseError("<body>", "empty body where the pricing page was expected")
    tables = html_tables(text) if _HTML.search(text) else markdown_tables(text)
    records = _rows(_find(tables, MODEL_TABLE, "model pricing table"), MODEL_TABLE, "model pricing table")
    by_model = {record["model"]: record for record in records}
    if len(by_model) != len(records):
        raise ParseError("Model", "a model is listed twice in the model pricing table")
    batch = _find(tables, BATCH_TABLE, "batch pricing table", optional=True)
    for row in _rows(batch, BATCH_TABLE, "batch pricing table") if batch else []:
        if row["model"] not in by_model:
            raise ParseError("Model", f"batch table model {row['model']!r} is not in the model pricing table")
        by_model[row["model"]].update(row)
    return records


def markdown_tables(text: str) -> list[Table]:
    """Pipe tables: a header line, a `---|---` separator, then rows up to the first non-table line."""
    lines = text.splitlines()
    tables: list[Table] = []
    current: Table | None = None
    for number, line in enumerate(lines):
        if current is not None:
            if "|" not in line or not line.strip():
                current = None
            elif not _SEPARATOR.match(line):
                current.append(_cells(line))
        elif "|" in line and number + 1 < len(lines) and _SEPARATOR.match(lines[number + 1]):
            current = [_cells(line)]
            tables.append(current)
    return tables


def html_tables(text: str) -> list[Table]:
    """Every closed `<table>` as rows of cell texts; an unclosed (truncated) one is dropped."""
    collector = _TableCollector()
    collector.feed(text)
    collector.close()
    return collector.tables


class _TableCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self._rows: Table | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "table":
            self._rows = []
        elif tag == "tr" and self._rows is not None:
            self._end_row()
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._end_cell()
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table" and self._rows is not None:
            self._end_row()
            self.tables.append(self._rows)
            self._rows = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    # HTML lets </td> and </tr> be omitted: the next cell, row or the table's end closes them.
    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(_clean("".join(self._cell)))
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row and self._rows is not None:
            self._rows.append(self._row)
        self._row = None


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [_clean(cell) for cell in inner.split("|")]


def _clean(text: str) -> str:
    return " ".join(text.split())


def _key(header: str) -> str:
    return _clean(header).casefold()


def _find(tables: list[Table], expected: dict[str, str], what: str, optional: bool = False) -> Table | None:
    """The table whose header shares the most columns with `expected` (Model and at least one more)."""
    wanted = {_key(h) for h in expected}

    def shared(table: Table) -> int:
        header = {_key(h) for h in table[0]}
        return len(header & wanted) if "model" in header else 0

    best = max(tables, key=shared, default=None)
    if best is None or shared(best) < 2:
        if optional:
            return None
        found = "; ".join(" | ".join(t[0]) for t in tables) or "no tables at all"
        raise ParseError(what, f"no table with header {' | '.join(expected)} (found: {found})")
    missing = [h for h in expected if _key(h) not in {_key(c) for c in best[0]}]
    if missing:
        header = " | ".join(best[0])
        raise ParseError(missing[0], f"the {what} lacks column(s) {missing}; its header is {header}")
    return best


def _rows(table: Table, expected: dict[str, str], what: str) -> list[dict]:
    """Body rows -> records: expected columns under their field names, prices parsed from "$15 / MTok";
    any other column is kept as text under a slug of its header (the schema-drift check reports it)."""
    header, body = table[0], table[1:]
    if not body:
        raise ParseError("Model", f"the {what} has no rows")
    fields = {_key(h): name for h, name in expected.items()}
    names = [fields.get(_key(column), _slug(column)) for column in header]
    prices = [
        (column, name)
        for column, name in zip(header, names, strict=True)
        if name in expected.values() and name != "model"
    ]
    records = []
    for row in body:
        if len(row) != len(header):
            absent = header[min(len(row), len(header) - 1)]
            raise ParseError(absent, f"a row of the {what} has {len(row)} cells, not {len(header)}: {row}")
        record = dict(zip(names, row, strict=True))
        for column, name in prices:
            record[name] = _price(column, record["model"], record[name])
        records.append(record)
    return records


def _price(column: str, model: str, cell: str) -> float:
    match = _PRICE.match(cell)
    if not match:
        raise ParseError(column, f"{model}: {cell!r} is not a price like '$15 / MTok'")
    return float(match.group(1))


def _slug(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", _key(header)).strip("_")
