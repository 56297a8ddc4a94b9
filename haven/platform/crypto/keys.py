"""The key ring: data-encryption keys by id, the primary one for new writes,
and a separate master key for blind indexes.

Stored as JSON in a file readable only by its owner (or given whole in the
HAVEN_KEYRING environment variable). It must be kept apart from the database
and its backups: whoever has both can read every protected field.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

KEY_BYTES = 32  # AES-256
FORMAT_VERSION = 1


class KeyFileError(ImproperlyConfigured):
    pass


@dataclass(frozen=True)
class KeyRing:
    data_keys: dict[str, bytes]
    primary_key_id: str
    index_key: bytes
    retired: frozenset[str] = field(default_factory=frozenset)
    # AES-GCM objects by key id, built on first use: building one expands the
    # key schedule, which costs as much as sealing a short value. They live
    # exactly as long as the ring (a retired key leaves with its ring).
    _ciphers: dict[str, AESGCM] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.primary_key_id not in self.data_keys:
            raise KeyFileError(f"primary key {self.primary_key_id!r} is not in the key ring")
        for key_id, key in self.data_keys.items():
            if len(key) != KEY_BYTES:
                raise KeyFileError(f"key {key_id!r} must be {KEY_BYTES} bytes")
        if len(self.index_key) != KEY_BYTES:
            raise KeyFileError(f"the index key must be {KEY_BYTES} bytes")

    @property
    def primary_key(self) -> bytes:
        return self.data_keys[self.primary_key_id]

    def cipher(self, key_id: str) -> AESGCM:
        """The AES-GCM cipher of a loaded key (KeyError for any other id)."""
        cipher = self._ciphers.get(key_id)
        if cipher is None:
            cipher = self._ciphers[key_id] = AESGCM(self.data_keys[key_id])
        return cipher

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": FORMAT_VERSION,
                "primary": self.primary_key_id,
                "keys": {k: base64.b64encode(v).decode() for k, v in self.data_keys.items()},
                "index_key": base64.b64encode(self.index_key).decode(),
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> KeyRing:
        try:
            document = json.loads(text)
            if document.get("version") != FORMAT_VERSION:
                raise KeyFileError(f"unsupported key file version {document.get('version')!r}")
            return cls(
                data_keys={
                    str(k): base64.b64decode(v, validate=True) for k, v in document["keys"].items()
                },
                primary_key_id=str(document["primary"]),
                index_key=base64.b64decode(document["index_key"], validate=True),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise KeyFileError(f"the key ring is malformed: {error}") from error

    @classmethod
    def generate(cls) -> KeyRing:
        key_id = new_key_id()
        return cls(
            data_keys={key_id: secrets.token_bytes(KEY_BYTES)},
            primary_key_id=key_id,
            index_key=secrets.token_bytes(KEY_BYTES),
        )

    def rotated(self) -> KeyRing:
        """A ring with a fresh primary key; old keys stay for decryption until
        every value has been re-encrypted (see ``haven keys reencrypt``)."""
        key_id = new_key_id()
        while key_id in self.data_keys:
            key_id = new_key_id()
        return KeyRing(
            data_keys={**self.data_keys, key_id: secrets.token_bytes(KEY_BYTES)},
            primary_key_id=key_id,
            index_key=self.index_key,
        )

    def without(self, key_ids: set[str]) -> KeyRing:
        if self.primary_key_id in key_ids:
            raise KeyFileError("the primary key cannot be removed")
        return KeyRing(
            data_keys={k: v for k, v in self.data_keys.items() if k not in key_ids},
            primary_key_id=self.primary_key_id,
            index_key=self.index_key,
        )


def new_key_id() -> str:
    return "k" + secrets.token_hex(4)


def _forget_cached_ring() -> None:
    global _cached, _checked
    _cached = _checked = None


def write_key_file(path: Path, ring: KeyRing) -> None:
    """Write atomically with owner-only permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(ring.to_json())
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _forget_cached_ring()  # in force in this process at once


def read_key_file(path: Path) -> KeyRing:
    try:
        return KeyRing.from_json(path.read_text())
    except FileNotFoundError as error:
        raise KeyFileError(
            f"No encryption key file at {path}. Create one with 'haven keys init' "
            "(the demo creates its own)."
        ) from error


_cache_lock = threading.Lock()
_cached: tuple[str, float, KeyRing] | None = None
# The key file is looked at again at most this often: a rotation by another
# process (``haven keys rotate``) is in force everywhere within this delay,
# and a batch of writes does not stat the file once per encrypted field.
RECHECK_SECONDS = 1.0
_checked: tuple[str, float] | None = None


def get_keyring() -> KeyRing:
    """The ring in force, reloaded when the key file changes (after a rotation)."""
    global _cached, _checked
    inline = os.environ.get("HAVEN_KEYRING")
    if inline:
        return KeyRing.from_json(inline)
    # Called once per encrypted value: the common case compares strings only.
    location = os.fspath(settings.HAVEN_KEY_FILE)
    now = time.monotonic()
    cached, checked = _cached, _checked
    if (
        cached
        and checked
        and cached[0] == checked[0] == location
        and now - checked[1] < RECHECK_SECONDS
    ):
        return cached[2]
    _checked = (location, now)
    path = Path(location)
    try:
        modified = path.stat().st_mtime
    except FileNotFoundError:
        if getattr(settings, "HAVEN_AUTO_CREATE_KEYS", False):
            write_key_file(path, KeyRing.generate())
            modified = path.stat().st_mtime
        else:
            raise KeyFileError(
                f"No encryption key file at {path}. Create one with 'haven keys init'."
            ) from None
    with _cache_lock:
        if _cached and _cached[0] == location and _cached[1] == modified:
            return _cached[2]
        ring = read_key_file(path)
        _cached = (location, modified, ring)
        return ring


def forget_cached_keyring() -> None:
    global _cached
    with _cache_lock:
        _cached = None
