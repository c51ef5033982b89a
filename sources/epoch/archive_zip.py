"""Reading one CSV member out of a zip payload, safely and with errors that name what is wrong.

Generic (nothing here is Epoch-specific): a candidate for promotion to a shared `sources/` module.

Safety: the archive is never extracted to disk, yet a member with an absolute path or a `..`
component is refused (the payload is not what it claims to be). Decompressed size is capped per
member and in total, first from the sizes the archive declares (so a zip bomb is refused before it
is inflated), then again by counting bytes while reading (declared sizes can lie).
"""

from __future__ import annotations

import csv
import io
import lzma
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import PurePosixPath, PureWindowsPath

from sources.errors import ParseError

MAX_TOTAL_BYTES = 256 * 1024 * 1024  # all members together, as declared
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # the member read, as declared (and inflated: never past its declaration)
_CHUNK = 1024 * 1024
# A corrupt stream or CRC, a truncated member, an encrypted member, an unsupported compression method.
_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    RuntimeError,
    NotImplementedError,
)


def _check_name(name: str) -> None:
    windows = PureWindowsPath(name)
    if name.startswith(("/", "\\")) or windows.drive or windows.root:
        raise ParseError(name, "zip member has an absolute path")
    if ".." in PurePosixPath(name.replace("\\", "/")).parts:
        raise ParseError(name, "zip member has a '..' path component")


def open_zip(payload: bytes, max_total_bytes: int = MAX_TOTAL_BYTES) -> zipfile.ZipFile:
    """The archive, after checking every member's path and the declared total size."""
    if not payload.strip():
        raise ParseError("<body>", "empty body where a zip archive was expected")
    try:
        archive = zipfile.ZipFile(io.BytesIO(payload))
    except zipfile.BadZipFile as exc:
        raise ParseError(
            "<body>", f"not a readable zip archive (truncated?): {exc}; begins {payload[:16]!r}"
        ) from None
    members = archive.infolist()
    for member in members:
        _check_name(member.filename)
    repeated = sorted(name for name, count in Counter(m.filename for m in members).items() if count > 1)
    if repeated:
        raise ParseError(repeated[0], "zip member appears more than once")
    declared = sum(m.file_size for m in members)
    if declared > max_total_bytes:
        raise ParseError(
            "<body>", f"zip declares {declared} uncompressed bytes, over the cap of {max_total_bytes}"
        )
    return archive


def read_member(
    payload: bytes,
    member: str,
    *,
    max_member_bytes: int = MAX_MEMBER_BYTES,
    max_total_bytes: int = MAX_TOTAL_BYTES,
) -> bytes:
    """The bytes of the one member whose file name (last path component) is `member`."""
    with open_zip(payload, max_total_bytes) as archive:
        members = archive.infolist()
        found = [m for m in members if not m.is_dir() and PurePosixPath(m.filename).name == member]
        if not found:
            listed = ", ".join(sorted(m.filename for m in members)[:12]) or "nothing"
            raise ParseError(member, f"member missing from the zip archive (it holds: {listed})")
        if len(found) > 1:
            raise ParseError(member, f"ambiguous: {len(found)} members have this name")
        info = found[0]
        if info.file_size > max_member_bytes:
            raise ParseError(
                member, f"declares {info.file_size} uncompressed bytes, over the cap of {max_member_bytes}"
            )
        chunks, size = [], 0
        try:
            with archive.open(info) as stream:
                # CPython stops at the declared size and then fails the CRC; counting keeps the cap
                # from depending on that.
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > info.file_size:
                        raise ParseError(member, f"inflates past its declared {info.file_size} bytes")
                    chunks.append(chunk)
        except _READ_ERRORS as exc:
            raise ParseError(member, f"cannot be read from the zip archive: {exc}") from None
    return b"".join(chunks)


def csv_records(
    data: bytes, where: str, convert: Mapping[str, Callable[[str], object]] | None = None
) -> list[dict]:
    """CSV with a header row -> one dict per row keyed by the header's own names.

    UTF-8 with or without BOM; quoted cells may span lines. Empty cells become None; `convert`
    maps a column to a function turning its non-empty text into a value (raising ValueError).
    A row with more cells than the header, or a repeated header name, is an error.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(where, f"not UTF-8 text: {exc}") from None
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = reader.fieldnames or []
        if not header:
            raise ParseError(where, "CSV has no header row")
        repeated = sorted({h for h in header if header.count(h) > 1})
        if repeated:
            raise ParseError(repeated[0], f"column appears more than once in the header of {where}")
        records = []
        for row in reader:
            if None in row:
                raise ParseError(where, f"line {reader.line_num} has more cells than the header")
            records.append({key: _cell(key, value, convert, reader.line_num) for key, value in row.items()})
    except csv.Error as exc:
        raise ParseError(where, f"malformed CSV at line {reader.line_num}: {exc}") from None
    return records


def _cell(key: str, value: str | None, convert, line: int):
    if value is None or value == "":
        return None
    function = (convert or {}).get(key)
    if function is None:
        return value
    try:
        return function(value)
    except ValueError as exc:
        raise ParseError(key, f"line {line}: {exc}") from None


def percent(text: str) -> float:
    """'42%' or '42' -> 42.0 (percent points)."""
    return float(text.strip().removesuffix("%"))


def usd(text: str) -> float:
    """'$0.1300' or '1,234.5' -> a float of US dollars."""
    return float(text.strip().removeprefix("$").replace(",", ""))
