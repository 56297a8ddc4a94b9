"""Search keys of a person, stored only as keyed hashes (blind indexes)."""

from __future__ import annotations

from collections.abc import Iterable

from haven.people.domain.names import PAIR_KEY_SEPARATOR, search_keys
from haven.platform.crypto.blind_index import blind_index, normalise_identifier
from haven.platform.crypto.keys import KeyRing, get_keyring

NAME_PURPOSE = "person-name"
PHONE_PURPOSE = "phone"
DOCUMENT_PURPOSE = "document"


def name_variants(names: dict) -> list[str]:
    variants = [(names.get("original") or {}).get("text", "")]
    variants += list(names.get("latin") or [])
    variants += list(names.get("aliases") or [])
    return [variant for variant in variants if variant and variant.strip()]


def name_digests(texts: Iterable[str], ring: KeyRing | None = None) -> set[str]:
    ring = ring or get_keyring()
    keys: set[str] = set()
    for text in texts:
        keys |= search_keys(text)
    return {blind_index(NAME_PURPOSE, key, ring=ring) for key in keys}


def name_lookup_digests(text: str, ring: KeyRing | None = None) -> tuple[list[str], list[str]]:
    """The digests to look a name up by: (pair keys, token keys). Pair keys (two
    tokens of the name together) are far more selective than token keys."""
    ring = ring or get_keyring()
    keys = search_keys(text)
    pairs = sorted(key for key in keys if PAIR_KEY_SEPARATOR in key)
    tokens = sorted(key for key in keys if PAIR_KEY_SEPARATOR not in key)
    return (
        [blind_index(NAME_PURPOSE, key, ring=ring) for key in pairs],
        [blind_index(NAME_PURPOSE, key, ring=ring) for key in tokens],
    )


def normalise_phone(number: str) -> str:
    digits = "".join(character for character in number if character.isdigit())
    # "00" and "+" prefixes are the same international prefix.
    return digits[2:] if digits.startswith("00") else digits


def phone_digest(number: str, ring: KeyRing | None = None) -> str:
    return blind_index(PHONE_PURPOSE, normalise_phone(number), ring=ring)


def document_digest(number: str, ring: KeyRing | None = None) -> str:
    return blind_index(DOCUMENT_PURPOSE, normalise_identifier(number), ring=ring)
