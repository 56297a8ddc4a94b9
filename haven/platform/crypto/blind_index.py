"""Blind indexes: keyed hashes that allow exact lookups on encrypted values.

One key per purpose, derived from the index master key, so equal values under
two purposes (a phone number and a document number) do not correlate. They
reveal equality and frequency, so use them only for high-cardinality values
(document and phone numbers, name keys), never for nationality or status.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from functools import lru_cache

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from haven.platform.crypto.keys import KeyRing, get_keyring


@lru_cache(maxsize=64)
def _purpose_key(index_key: bytes, purpose: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=b"haven-blind-index:" + purpose.encode(),
    ).derive(index_key)


def normalise_identifier(value: str) -> str:
    """Document and phone numbers compare without case, spaces or punctuation."""
    folded = unicodedata.normalize("NFKC", value).casefold()
    return "".join(character for character in folded if character.isalnum())


def blind_index(purpose: str, value: str, *, ring: KeyRing | None = None) -> str:
    key = _purpose_key((ring or get_keyring()).index_key, purpose)
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:32]
