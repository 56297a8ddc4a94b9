"""The audit log's hash chain.

Each entry's hash covers its canonical content and the previous entry's hash:

    hash_n = SHA-256(0x00 || hash_{n-1} || canonical_json(entry_n))

so editing, deleting, inserting or reordering any entry changes every hash
after it. The 0x00 prefix separates entry hashes from any other hash we may
compute later (RFC 6962 uses the same domain separation for leaves).
Canonical JSON: sorted keys, no whitespace, UTF-8, and no floats (their text
form is not stable across languages), so any verifier recomputes the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS_HASH = "0" * 64
_ENTRY_PREFIX = b"\x00"


class CanonicalEncodingError(ValueError):
    pass


_PLAIN = frozenset({str, int, bool, type(None)})


def _check_encodable(value: Any, path: str) -> None:
    if type(value) in _PLAIN:  # the common case, decided without isinstance walks
        return
    if isinstance(value, float):
        raise CanonicalEncodingError(f"{path}: floats are not allowed in audit entries")
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise CanonicalEncodingError(f"{path}: keys must be strings")
            if type(item) not in _PLAIN:
                _check_encodable(item, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            if type(item) not in _PLAIN:
                _check_encodable(item, f"{path}[{index}]")
    elif not (value is None or isinstance(value, bool | int | str)):
        raise CanonicalEncodingError(f"{path}: unsupported type {type(value).__name__}")


def canonical_json(content: Mapping[str, Any]) -> bytes:
    """The one byte encoding of an entry that every verifier must reproduce."""
    _check_encodable(content, "$")
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def entry_hash(previous_hash: str, content: Mapping[str, Any]) -> str:
    digest = hashlib.sha256()
    digest.update(_ENTRY_PREFIX)
    digest.update(bytes.fromhex(previous_hash))
    digest.update(canonical_json(content))
    return digest.hexdigest()


@dataclass(frozen=True)
class ChainedEntry:
    sequence: int
    content: Mapping[str, Any]
    previous_hash: str
    hash: str


@dataclass(frozen=True)
class ChainBreak:
    """Where verification failed and why, in words an auditor can act on."""

    sequence: int
    reason: str


def verify_chain(
    entries: Iterable[ChainedEntry], *, start_hash: str = GENESIS_HASH, start_sequence: int = 1
) -> ChainBreak | None:
    """Check a run of entries in sequence order; return the first break, or None.

    Detects an edited entry (its hash no longer matches its content), a deleted
    or inserted entry (a gap in the sequence or a broken link) and reordering.
    """
    expected_previous = start_hash
    expected_sequence = start_sequence
    for entry in entries:
        if entry.sequence != expected_sequence:
            return ChainBreak(
                entry.sequence,
                f"sequence jumps from {expected_sequence - 1} to {entry.sequence}: "
                "an entry is missing or out of order",
            )
        if entry.previous_hash != expected_previous:
            return ChainBreak(entry.sequence, "link to the previous entry is broken")
        try:
            recomputed = entry_hash(entry.previous_hash, entry.content)
        except CanonicalEncodingError as error:
            return ChainBreak(entry.sequence, f"content cannot be encoded: {error}")
        if recomputed != entry.hash:
            return ChainBreak(entry.sequence, "content does not match its hash: entry was edited")
        expected_previous = entry.hash
        expected_sequence += 1
    return None
