"""Field encryption: AES-256-GCM envelopes bound to their row and field."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from haven.people.models import Person
from haven.platform.crypto import keys as key_module
from haven.platform.crypto.blind_index import blind_index, normalise_identifier
from haven.platform.crypto.envelope import DecryptionError, decrypt, encrypt, key_id_of
from haven.platform.crypto.fields import Sealed
from haven.platform.crypto.keys import KeyRing, get_keyring, write_key_file
from haven.platform.crypto.rotation import count_values_not_under_primary, reencrypt_all
from tests.factories import make_agency

CANARY = "CANARY-Zq7x-ሰላም-محمد"


def make_person(agency, name=CANARY, birth_date="1990-02-03") -> Person:
    from django.utils import timezone

    now = timezone.now()
    person = Person(
        agency=agency,
        names={"original": {"text": name, "script": "Latn"}, "latin": [name], "aliases": []},
        birth_date=birth_date,
        created_at=now,
        updated_at=now,
    )
    person.save(force_insert=True)
    return person


def raw_column(person: Person, column: str) -> bytes:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column} FROM people_person WHERE id = %s",
            [person.pk.hex if connection.vendor == "sqlite" else person.pk],
        )
        return bytes(cursor.fetchone()[0])


@pytest.fixture
def agency(db):
    return make_agency("Crypto test agency")


# --- the envelope ------------------------------------------------------------


def test_envelope_round_trip_and_key_id():
    ring = KeyRing.generate()
    blob = encrypt(ring, b"secret", b"ctx")
    assert key_id_of(blob) == ring.primary_key_id
    assert decrypt(ring, blob, b"ctx") == b"secret"


@pytest.mark.parametrize("position", [0, 5, 20, -1])
def test_any_flipped_byte_raises(position):
    ring = KeyRing.generate()
    blob = bytearray(encrypt(ring, b"secret", b"ctx"))
    blob[position] ^= 0x01
    with pytest.raises(DecryptionError):
        decrypt(ring, bytes(blob), b"ctx")


def test_wrong_associated_data_raises():
    ring = KeyRing.generate()
    blob = encrypt(ring, b"secret", b"people.person.names:1")
    with pytest.raises(DecryptionError, match="altered or moved"):
        decrypt(ring, blob, b"people.person.names:2")


def test_unknown_key_and_garbage_raise():
    blob = encrypt(KeyRing.generate(), b"secret", b"ctx")
    with pytest.raises(DecryptionError, match="not loaded"):
        decrypt(KeyRing.generate(), blob, b"ctx")
    with pytest.raises(DecryptionError):
        decrypt(KeyRing.generate(), b"plain text", b"ctx")
    ring = KeyRing.generate()
    with pytest.raises(DecryptionError, match="truncated"):
        decrypt(ring, encrypt(ring, b"secret", b"ctx")[:24], b"ctx")


def test_malformed_key_file_is_refused(tmp_path):
    path = tmp_path / "keys.json"
    path.write_text('{"version": 1, "primary": "k1", "keys": {"k1": "not base64!"}}')
    with pytest.raises(key_module.KeyFileError):
        key_module.read_key_file(path)


# --- the model fields --------------------------------------------------------


def test_values_round_trip_through_the_database(agency):
    person = make_person(agency)
    loaded = Person.objects.get(pk=person.pk)
    assert loaded.names["original"]["text"] == CANARY
    assert loaded.birth_date == "1990-02-03"


def test_canary_never_appears_in_the_raw_database(agency):
    make_person(agency)
    needle_text = CANARY.encode("utf-8")
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                for value in row:
                    raw = (
                        bytes(value)
                        if isinstance(value, bytes | memoryview)
                        else str(value).encode()
                    )
                    assert needle_text not in raw, f"plaintext found in {table}"
                    assert b"CANARY" not in raw, f"plaintext found in {table}"


def test_ciphertext_swapped_between_rows_raises(agency):
    first = make_person(agency, name="first person")
    second = make_person(agency, name="second person")
    stolen = raw_column(first, "names")
    Person.objects.filter(pk=second.pk).update(names=Sealed(stolen))
    loaded = Person.objects.get(pk=second.pk)
    with pytest.raises(DecryptionError):
        _ = loaded.names


def test_ciphertext_swapped_between_fields_raises(agency):
    person = make_person(agency)
    Person.objects.filter(pk=person.pk).update(birth_date=Sealed(raw_column(person, "names")))
    with pytest.raises(DecryptionError):
        _ = Person.objects.get(pk=person.pk).birth_date


def test_tampered_ciphertext_raises_instead_of_returning_garbage(agency):
    person = make_person(agency)
    blob = bytearray(raw_column(person, "names"))
    blob[-3] ^= 0xFF
    Person.objects.filter(pk=person.pk).update(names=Sealed(bytes(blob)))
    with pytest.raises(DecryptionError):
        _ = Person.objects.get(pk=person.pk).names


def test_filtering_and_plaintext_updates_are_refused(agency):
    from django.core.exceptions import FieldError

    make_person(agency)
    with pytest.raises(FieldError):
        list(Person.objects.filter(birth_date="1990-02-03"))
    with pytest.raises(TypeError, match="encrypted"), transaction.atomic():
        Person.objects.update(birth_date="2000-01-01")
    assert Person.objects.filter(birth_date__isnull=False).count() == 1


# --- rotation ----------------------------------------------------------------


@pytest.fixture
def restored_key_file(settings):  # type: ignore[no-untyped-def]
    """Rotation rewrites the key file; put the original back for later tests."""
    original = get_keyring()
    yield
    write_key_file(settings.HAVEN_KEY_FILE, original)
    key_module.forget_cached_keyring()


def test_after_rotation_and_reencryption_no_value_uses_the_old_key(
    agency, settings, restored_key_file
):
    for index in range(5):
        make_person(agency, name=f"person {index}")
    old_ring = get_keyring()
    write_key_file(settings.HAVEN_KEY_FILE, old_ring.rotated())
    key_module.forget_cached_keyring()
    new_ring = get_keyring()
    assert new_ring.primary_key_id != old_ring.primary_key_id
    assert count_values_not_under_primary()["people.Person"] == 5

    reencrypt_all(batch_size=2)

    assert count_values_not_under_primary()["people.Person"] == 0
    for person in Person.objects.all():
        assert key_id_of(raw_column(person, "names")) == new_ring.primary_key_id
        assert person.names["original"]["text"].startswith("person ")
    # With the old key removed, everything still decrypts.
    write_key_file(settings.HAVEN_KEY_FILE, new_ring.without({old_ring.primary_key_id}))
    key_module.forget_cached_keyring()
    assert sorted(p.names["latin"][0] for p in Person.objects.all())[0] == "person 0"


# --- blind indexes -----------------------------------------------------------


def test_blind_index_matches_normalised_equal_values_only():
    ring = KeyRing.generate()
    phone = blind_index("phone", normalise_identifier("+356 9912-3456"), ring=ring)
    assert phone == blind_index("phone", normalise_identifier("+35699123456"), ring=ring)
    assert phone != blind_index("phone", normalise_identifier("+35699123457"), ring=ring)


def test_blind_index_differs_by_purpose_and_key():
    ring = KeyRing.generate()
    value = normalise_identifier("P1234567")
    assert blind_index("passport", value, ring=ring) != blind_index("phone", value, ring=ring)
    assert blind_index("passport", value, ring=ring) != blind_index(
        "passport", value, ring=KeyRing.generate()
    )
