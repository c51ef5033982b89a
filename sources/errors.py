"""Errors that name what went wrong: the source, the URL, the field and the payload's sha256."""

from __future__ import annotations


class ParseError(ValueError):
    """A payload does not match its declared schema. Raised by parsers, which know only the bytes."""

    def __init__(self, field: str, message: str):
        super().__init__(f"field {field!r}: {message}")
        self.field = field
        self.message = message


class PayloadError(ValueError):
    """A ParseError placed in context: which source, URL and payload it came from."""

    def __init__(self, source: str, url: str, sha256: str, field: str, message: str):
        super().__init__(f"{source}: payload {sha256[:12]} from {url} is invalid: field {field!r}: {message}")
        self.source = source
        self.url = url
        self.sha256 = sha256
        self.field = field
        self.message = message


class FetchError(RuntimeError):
    """A live fetch failed after its retries (network, HTTP status, or size cap)."""

    def __init__(self, source: str, url: str, message: str, status: int | None = None):
        super().__init__(f"{source}: fetching {url} failed: {message}")
        self.source = source
        self.url = url
        self.status = status
        self.message = message
