"""Field encryption: AES-256-GCM with key ids, row-bound associated data,
rotation, and blind indexes for exact lookups. Keys never live in the database."""

from haven.platform.crypto.envelope import DecryptionError, decrypt, encrypt, key_id_of
from haven.platform.crypto.keys import KeyRing, get_keyring

__all__ = ["DecryptionError", "KeyRing", "decrypt", "encrypt", "get_keyring", "key_id_of"]
