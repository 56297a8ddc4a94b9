"""Uploads: type checked by content (not by name or declared type), size
limited, stored encrypted outside the web root, bound to their row."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile, UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haven.kernel.errors import ValidationFailed
from haven.platform.crypto.envelope import decrypt, encrypt
from haven.platform.crypto.keys import get_keyring
from haven.platform.models import StoredFile

MAX_UPLOAD_BYTES = 5 * 1024 * 1024

# Accepted formats, recognised by their first bytes. Anything else is refused.
SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"%PDF-", "application/pdf"),
)

TOO_LARGE = _("The file is larger than 5 MB.")
WRONG_TYPE = _("Only photos (JPEG, PNG) and PDF documents can be attached.")


def upload_dir() -> Path:
    configured = getattr(settings, "HAVEN_UPLOAD_DIR", None)
    return Path(configured) if configured else Path(settings.DATA_DIR) / "uploads"


def sniff_type(head: bytes) -> str | None:
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def _associated_data(file_id: object) -> bytes:
    return f"platform.storedfile.content:{file_id}".encode()


def store_upload(upload: UploadedFile, field: str = "attachment") -> StoredFile:
    """Check and store an upload; raise ValidationFailed naming ``field``."""
    if upload.size is None or upload.size > MAX_UPLOAD_BYTES:
        raise ValidationFailed(str(TOO_LARGE), extra={"errors": {field: [str(TOO_LARGE)]}})
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationFailed(str(TOO_LARGE), extra={"errors": {field: [str(TOO_LARGE)]}})
    content_type = sniff_type(data[:16])
    if content_type is None:
        raise ValidationFailed(str(WRONG_TYPE), extra={"errors": {field: [str(WRONG_TYPE)]}})
    stored = StoredFile(
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        original_name={"name": (upload.name or "")[:200]},
        created_at=timezone.now(),
    )
    directory = upload_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = directory / str(stored.pk)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(encrypt(get_keyring(), data, _associated_data(stored.pk)))
    stored.save(force_insert=True)
    return stored


def read_upload(stored: StoredFile) -> bytes:
    blob = (upload_dir() / str(stored.pk)).read_bytes()
    return decrypt(get_keyring(), blob, _associated_data(stored.pk))


class BoundedMemoryUploadHandler(FileUploadHandler):
    """Keep uploads in memory, never in a plaintext temporary file on disk, and
    stop reading one as soon as it passes the limit (the request is marked so
    the form can say why the file is missing instead of losing it silently)."""

    def new_file(self, *args: object, **kwargs: object) -> None:
        super().new_file(*args, **kwargs)
        self.buffer = io.BytesIO()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if start + len(raw_data) > MAX_UPLOAD_BYTES:
            self.request.haven_upload_too_large = True  # type: ignore[union-attr]
            raise SkipFile()
        self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size: int) -> InMemoryUploadedFile:
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            self.buffer,
            self.field_name,
            self.file_name,
            self.content_type,
            file_size,
            self.charset,
            self.content_type_extra,
        )


def upload_refused(request: object) -> bool:
    return bool(getattr(request, "haven_upload_too_large", False))
