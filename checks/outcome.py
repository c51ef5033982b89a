"""What every check returns: pass/fail, one line for a human, and the rows that failed."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_ROWS_SHOWN = 25


@dataclass(frozen=True)
class CheckOutcome:
    passed: bool
    summary: str
    failing_rows: list[dict] = field(default_factory=list)
    details: dict = field(default_factory=dict)

    def rows_markdown(self, limit: int = MAX_ROWS_SHOWN) -> str:
        return markdown_table(self.failing_rows[:limit])


def markdown_table(rows: list[dict]) -> str:
    """A markdown table of dicts (the union of their keys, in first-seen order)."""
    if not rows:
        return "_no rows_"
    columns = list(dict.fromkeys(k for row in rows for k in row))

    def cell(value) -> str:
        text = "" if value is None else str(value)
        return text.replace("|", "\\|").replace("\n", " ")[:80]

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(row.get(c)) for c in columns) + " |" for row in rows]
    return "\n".join(lines)
