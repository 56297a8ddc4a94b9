"""AES-256-GCM envelopes bound to where the value lives.

Layout: b"HV1" | key id length (1 byte) | key id | 96-bit nonce | ciphertext+tag.
The associated data names the model, the field and the row, so a value copied
into another row or column fails to decrypt instead of passing as genuine.
Any failure raises DecryptionError: never garbage, never the stored bytes.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag

from haven.kernel.errors import ErrorCode, HavenError
from haven.platform.crypto.keys import KeyRing

MAGIC = b"HV1"
NONCE_BYTES = 12


class DecryptionError(HavenError):
    code = ErrorCode.DECRYPTION_FAILED
    status = 500


def encrypt(ring: KeyRing, plaintext: bytes, associated_data: bytes) -> bytes:
    key_id = ring.primary_key_id.encode("ascii")
    nonce = os.urandom(NONCE_BYTES)
    sealed = ring.cipher(ring.primary_key_id).encrypt(nonce, plaintext, associated_data)
    return MAGIC + bytes([len(key_id)]) + key_id + nonce + sealed


def key_id_of(blob: bytes) -> str:
    if len(blob) < len(MAGIC) + 1 or not blob.startswith(MAGIC):
        raise DecryptionError("The stored value is not a Haven envelope.")
    length = blob[len(MAGIC)]
    start = len(MAGIC) + 1
    try:
        return blob[start : start + length].decode("ascii")
    except UnicodeDecodeError as error:
        raise DecryptionError("The stored value has a malformed key id.") from error


def decrypt(ring: KeyRing, blob: bytes, associated_data: bytes) -> bytes:
    key_id = key_id_of(blob)
    if key_id not in ring.data_keys:
        raise DecryptionError("The stored value was encrypted with a key that is not loaded.")
    start = len(MAGIC) + 1 + len(key_id)
    nonce = blob[start : start + NONCE_BYTES]
    sealed = blob[start + NONCE_BYTES :]
    if len(nonce) != NONCE_BYTES or len(sealed) < 16:
        raise DecryptionError("The stored value is truncated.")
    try:
        return ring.cipher(key_id).decrypt(nonce, sealed, associated_data)
    except InvalidTag as error:
        raise DecryptionError(
            "The stored value failed authentication: it was altered or moved."
        ) from error
