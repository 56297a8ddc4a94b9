"""The record that linkage compares, and the CSV format it is read from.

One ``LinkageRecord`` describes one person as one source saw them: a missing-person
report made by a family, a found or deceased person's record, or a person registered
by an agency. The engine (``engine.py``) compares records; it never sees a form, a
model or a database row, so the same records can come from the web app, from a CSV
file (``read_records``) or from the benchmark generator.

The CSV format (UTF-8, comma-separated, a header row; the file ``docs/linkage.md``
describes it for users):

============== ==================================================================
column         value
============== ==================================================================
id             the record's identifier in its file; required and unique.
names_latin    the person's names in Latin letters, several separated by ``|``
               (a name as written by one agency, an alias, a maiden name).
names_original the same names in the script the person writes them in (Arabic,
               Ge'ez, Cyrillic...), several separated by ``|``.
sex            ``f``/``female``, ``m``/``male``, ``x``/``other``; empty, ``u`` or
               ``unknown`` when not known. Case does not matter.
birth_date     ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``. 1 January and 1 July are
               the days agencies write when only the year is known: linkage
               reads them as the year alone (``features.PLACEHOLDER_BIRTH_DAYS``).
age            the person's age in whole years, or a range ``lo-hi`` (a forensic
               estimate "25-35"), when the birth date is not known.
age_date       the date at which ``age`` was given or estimated (same formats as
               ``birth_date``); empty means ``event_date``.
nationality    ISO 3166-1 alpha-2 or alpha-3 codes (``SD``, ``ERI``), several
               separated by ``|``; ICAO's ``XXA`` (stateless), ``XXB`` and ``XXC``
               (refugees) are accepted and ``XXX`` (unspecified) is read as empty.
place          the place of the event: where a missing person was last seen, or
               where a found or deceased person was found.
route          the places the person is known to have passed through, in order,
               separated by ``>`` (``Khartoum > Kufra > Tripoli``).
event_date     the date of the event: for a missing-person report, the date the
               person went missing (was last seen or heard from); for a found or
               deceased person, the date they were found; for de-duplication, the
               date the agency recorded the person. Same formats as ``birth_date``.
documents      optional column: identity document and registration numbers
               (passport, national identity card, UNHCR or other registration),
               several separated by ``|``. Compared as upper-case Latin letters
               and digits: spaces, dashes, dots and slashes are left out
               (``p-123 456.7`` is ``P1234567``); the kind of document is not
               written, only its number. A number needs a digit and at least
               ``MIN_DOCUMENT_CHARACTERS`` characters.
phones         optional column: phone numbers, several separated by ``|``, in
               any format (``+249 912 345 678``, ``0912-345-678``); compared on
               their last ``PHONE_DIGITS_COMPARED`` digits.
============== ==================================================================

Every column but ``documents`` and ``phones`` must be in the header (in any
order; other columns are ignored); any value but ``id`` may be empty. A row that
breaks a rule raises ``RecordInputError`` naming the row (the header is row 1, so the row number is
the line a spreadsheet shows) and the column.

No Django here: this module runs in the CLI, in batch jobs and in tests alike.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import IO

import pycountry

from haven.kernel.errors import ValidationFailed

# --- the format -----------------------------------------------------------------------------------

COLUMNS = (
    "id",
    "names_latin",
    "names_original",
    "sex",
    "birth_date",
    "age",
    "age_date",
    "nationality",
    "place",
    "route",
    "event_date",
)
# Optional: a file without them reads as before (records without identifiers).
OPTIONAL_COLUMNS = ("documents", "phones")
NAME_SEPARATOR = "|"
NATIONALITY_SEPARATOR = "|"
IDENTIFIER_SEPARATOR = "|"
ROUTE_SEPARATOR = ">"
OLDEST_AGE = 130
EARLIEST_YEAR = 1880

# Progress is reported after every this many rows, and once at the end.
PROGRESS_EVERY_ROWS = 10_000

# Identifiers. Shorter document numbers are typing fragments or placeholders
# ("0", "N/A"), and a placeholder shared by many records would join strangers.
MIN_DOCUMENT_CHARACTERS = 5
MAX_DOCUMENT_CHARACTERS = 30
# Characters written between the parts of a number, dropped before comparing.
DOCUMENT_SEPARATORS = frozenset(" -./")
PHONE_SEPARATORS = frozenset(" -./()+")
# E.164 numbers have at most 15 digits, plus "00" written for "+".
MIN_PHONE_DIGITS = 7
MAX_PHONE_DIGITS = 17
# Phones compare on their last 9 digits: the national number without the country
# code (+249, 00249) or trunk prefix (0) that agencies write or leave out as they
# please, so +249 912 345 678, 00249912345678 and 0912 345 678 are one phone. Most
# mobile numbers along these routes (Sudan, Ethiopia, Eritrea, Libya, Syria, Italy,
# Spain...) have 9 national digits or more; a longer one keeps its last 9, which
# rarely differ between two people only in the digit left out.
PHONE_DIGITS_COMPARED = 9

# ICAO Doc 9303 codes for people without a nationality in ISO 3166.
ICAO_SPECIAL_NATIONALITIES = frozenset({"XXA", "XXB", "XXC"})
ICAO_UNSPECIFIED_NATIONALITY = "XXX"

# --- errors ---------------------------------------------------------------------------------------

HEADER_ROW = 1

MISSING_COLUMN = "column {column!r} is missing from the header"
EMPTY_FILE = "the file is empty: it needs a header row naming the columns"
NOT_UTF8 = "the value is not valid UTF-8 text; save the file as UTF-8"
ID_REQUIRED = "every record needs an id"
ID_DUPLICATED = "id {value!r} is already used in row {first_row}"
BAD_DATE = "{value!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY"
DATE_OUT_OF_RANGE = "{value!r} is not a plausible date (years {earliest} to {latest})"
BAD_SEX = "{value!r} is not a sex: write f, m, x or leave it empty"
BAD_AGE = "{value!r} is not an age: write whole years (25) or a range (25-35) up to {oldest}"
BAD_COUNTRY = "{value!r} is not an ISO 3166 country code (SD, SDN) nor XXA, XXB, XXC"
AGE_WITHOUT_DATE = "the age needs the date it was given: fill age_date or event_date"
BIRTH_AFTER_EVENT = "the birth date {birth} is after the event date {event}"
WRONG_FIELD_COUNT = "the row has {found} values but the header has {expected} columns"
BAD_CSV = "the row is not valid CSV: {reason}"
# The messages name the character or the count, never the number itself: the file
# may be a tracing file, and an error message ends up in logs.
BAD_DOCUMENT_CHARACTER = (
    "a document number has {character!r}: write its letters and digits"
    " (spaces, dashes, dots and slashes are ignored)"
)
BAD_DOCUMENT_LENGTH = (
    "a document number of {length} letters and digits is not plausible"
    f" (write {MIN_DOCUMENT_CHARACTERS} to {MAX_DOCUMENT_CHARACTERS}, with at least one digit)"
)
BAD_PHONE_CHARACTER = (
    "a phone number has {character!r}: write its digits"
    " (spaces, dashes, dots, brackets and a leading + are ignored)"
)
PLACEHOLDER_NUMBER = "a number of one repeated digit is a placeholder: leave it empty"
BAD_PHONE_LENGTH = (
    "a phone number of {length} digits is not plausible"
    f" (write {MIN_PHONE_DIGITS} to {MAX_PHONE_DIGITS} digits)"
)


class RecordInputError(ValidationFailed):
    """A record cannot be read: names the row (1 = header) and the column."""

    def __init__(self, message: str, *, row: int, column: str | None) -> None:
        where = f"row {row}" if column is None else f"row {row}, column {column!r}"
        super().__init__(f"{where}: {message}", extra={"row": row, "column": column})
        self.row = row
        self.column = column
        self.reason = message


# --- the record -----------------------------------------------------------------------------------


class Sex(StrEnum):
    FEMALE = "f"
    MALE = "m"
    OTHER = "x"


_SEX_WORDS: Mapping[str, Sex | None] = {
    "f": Sex.FEMALE,
    "female": Sex.FEMALE,
    "m": Sex.MALE,
    "male": Sex.MALE,
    "x": Sex.OTHER,
    "other": Sex.OTHER,
    "": None,
    "u": None,
    "unknown": None,
}


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Raises ValueError for an impossible date (2001-02-30).
        datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def earliest(self) -> datetime.date:
        """The first day the date can mean."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> datetime.date:
        """The last day the date can mean."""
        if self.month is None:
            return datetime.date(self.year, 12, 31)
        if self.day is None:
            next_month = datetime.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return next_month - datetime.timedelta(days=1)
        return datetime.date(self.year, self.month, self.day)

    @property
    def is_full(self) -> bool:
        return self.day is not None

    @classmethod
    def from_date(cls, value: datetime.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class AgeEstimate:
    """An age in whole years, or a range of ages (``lowest == highest`` for one age)."""

    lowest: int
    highest: int

    def __post_init__(self) -> None:
        if not 0 <= self.lowest <= self.highest <= OLDEST_AGE:
            raise ValueError(f"age range {self.lowest}-{self.highest} is not plausible")

    def __str__(self) -> str:
        if self.lowest == self.highest:
            return str(self.lowest)
        return f"{self.lowest}-{self.highest}"


class IdentifierKind(StrEnum):
    DOCUMENT = "d"  # identity document or registration number
    PHONE = "p"


@dataclass(frozen=True, order=True)
class Identifier:
    """A document or phone number of a record, as an opaque value compared for
    equality only: a normalised number read from a file (``parse_documents``,
    ``parse_phones``), or a keyed digest of one (a blind index kept by the app), so
    that linkage never needs the number in clear."""

    kind: IdentifierKind
    value: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", IdentifierKind(self.kind))


@dataclass(frozen=True)
class LinkageRecord:
    """One person as one source saw them; every field but ``id`` may be unknown.

    ``nationality`` holds ISO 3166-1 alpha-3 codes (or ICAO's ``XXA``/``XXB``/``XXC``;
    alpha-2 codes given to the constructor are converted, unknown ones raise
    ``ValueError``);
    ``age_date`` is the date ``age`` refers to (``None``: the ``event_date``);
    ``event_date`` is when the person went missing (a missing-person report), was
    found (a found or deceased record) or was recorded (de-duplication);
    ``identifiers`` are its document and phone numbers (distinct, sorted).
    """

    id: str
    names_latin: tuple[str, ...] = ()
    names_original: tuple[str, ...] = ()
    sex: Sex | None = None
    birth_date: PartialDate | None = None
    age: AgeEstimate | None = None
    age_date: PartialDate | None = None
    nationality: tuple[str, ...] = ()
    place: str | None = None
    route: tuple[str, ...] = field(default=())
    event_date: PartialDate | None = None
    identifiers: tuple[Identifier, ...] = ()

    def __post_init__(self) -> None:
        # Records built in code (not read from CSV) get the same canonical values:
        # nationalities as alpha-3 ("ER" is "ERI"), sex as ``Sex``, tuples not lists.
        for name in ("names_latin", "names_original", "route"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        nationality = parse_nationalities(NATIONALITY_SEPARATOR.join(self.nationality))
        object.__setattr__(self, "nationality", nationality)
        object.__setattr__(self, "identifiers", tuple(sorted(set(self.identifiers))))
        if isinstance(self.sex, str) and not isinstance(self.sex, Sex):
            object.__setattr__(self, "sex", parse_sex(self.sex))

    @property
    def names(self) -> tuple[str, ...]:
        """Every name, Latin ones first."""
        return self.names_latin + self.names_original

    @property
    def age_reference_date(self) -> PartialDate | None:
        return self.age_date if self.age_date is not None else self.event_date


# --- parsing one value ----------------------------------------------------------------------------

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_AGE = re.compile(r"(\d{1,3})(?:\s*-\s*(\d{1,3}))?")


# Dates and country codes repeat across records: each distinct text is parsed once.
@functools.lru_cache(maxsize=65_536)
def parse_partial_date(text: str) -> PartialDate | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (``None`` for empty text).

    Raises ``ValueError`` with the message to show for anything else.
    """
    value = text.strip()
    if not value:
        return None
    match = _DATE.fullmatch(value)
    if match is None:
        raise ValueError(BAD_DATE.format(value=value))
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    latest = datetime.date.today().year + 1
    if not EARLIEST_YEAR <= year <= latest:
        raise ValueError(
            DATE_OUT_OF_RANGE.format(value=value, earliest=EARLIEST_YEAR, latest=latest)
        )
    try:
        return PartialDate(year, month, day)
    except ValueError:
        raise ValueError(BAD_DATE.format(value=value)) from None


def parse_sex(text: str) -> Sex | None:
    try:
        return _SEX_WORDS[text.strip().casefold()]
    except KeyError:
        raise ValueError(BAD_SEX.format(value=text.strip())) from None


def parse_age(text: str) -> AgeEstimate | None:
    value = text.strip()
    if not value:
        return None
    match = _AGE.fullmatch(value)
    if match is None:
        raise ValueError(BAD_AGE.format(value=value, oldest=OLDEST_AGE))
    lowest = int(match.group(1))
    highest = int(match.group(2)) if match.group(2) else lowest
    try:
        return AgeEstimate(lowest, highest)
    except ValueError:
        raise ValueError(BAD_AGE.format(value=value, oldest=OLDEST_AGE)) from None


# A few nationalities (and combinations) fill most files: each text is parsed once.
@functools.lru_cache(maxsize=4_096)
def parse_nationalities(text: str) -> tuple[str, ...]:
    """ISO 3166-1 codes as alpha-3, in the order given, without repeats."""
    codes: list[str] = []
    for part in text.split(NATIONALITY_SEPARATOR):
        code = _country_alpha_3(part.strip().upper())
        if code is not None and code not in codes:
            codes.append(code)
    return tuple(codes)


@functools.lru_cache(maxsize=4_096)
def _country_alpha_3(code: str) -> str | None:
    if not code or code == ICAO_UNSPECIFIED_NATIONALITY:
        return None
    if code in ICAO_SPECIAL_NATIONALITIES:
        return code
    country = None
    if len(code) == 2 and code.isalpha():
        country = pycountry.countries.get(alpha_2=code)
    elif len(code) == 3 and code.isalpha():
        country = pycountry.countries.get(alpha_3=code)
    if country is None:
        raise ValueError(BAD_COUNTRY.format(value=code))
    return str(country.alpha_3)


def _identifier_values(text: str) -> list[str]:
    return [part.strip() for part in text.split(IDENTIFIER_SEPARATOR) if part.strip()]


def normalise_document(text: str) -> str:
    """A document number as compared: upper-case Latin letters and digits (any
    script's digits, and full-width letters, read as ASCII).

    Raises ``ValueError`` (naming the offending character, never the number) for
    another character, or for a number without a digit or of implausible length.
    """
    value = text.strip()
    if _PLAIN_DOCUMENT.fullmatch(value):
        number = value.upper().translate(_WITHOUT_DOCUMENT_SEPARATORS)
    else:
        number = _document_characters(value)
    if not MIN_DOCUMENT_CHARACTERS <= len(number) <= MAX_DOCUMENT_CHARACTERS or not any(
        character.isdigit() for character in number
    ):
        raise ValueError(BAD_DOCUMENT_LENGTH.format(length=len(number)))
    if len(set(number)) == 1:
        raise ValueError(PLACEHOLDER_NUMBER)
    return number


# Most numbers are plain ASCII letters, digits and separators, which NFKC leaves as
# they are: those skip the character-by-character reading below (the read phase
# spent a third of its time there).
_PLAIN_DOCUMENT = re.compile(r"[0-9A-Za-z \-./]*")
_WITHOUT_DOCUMENT_SEPARATORS = str.maketrans(dict.fromkeys(DOCUMENT_SEPARATORS))
_PLAIN_PHONE = re.compile(r"[0-9 \-./()+]*")
_WITHOUT_PHONE_SEPARATORS = str.maketrans(dict.fromkeys(PHONE_SEPARATORS))


def _document_characters(value: str) -> str:
    """The letters and digits of a document number in any script, as ASCII."""
    characters = []
    for character in unicodedata.normalize("NFKC", value).upper():
        if character in DOCUMENT_SEPARATORS:
            continue
        if character.isdecimal():
            characters.append(str(unicodedata.decimal(character)))
        elif "A" <= character <= "Z":
            characters.append(character)
        else:
            raise ValueError(BAD_DOCUMENT_CHARACTER.format(character=character))
    return "".join(characters)


def normalise_phone(text: str) -> str:
    """A phone number as compared: its last ``PHONE_DIGITS_COMPARED`` digits.

    Raises ``ValueError`` (naming the offending character, never the number) for a
    letter or another character, or for too few or too many digits.
    """
    value = text.strip()
    if _PLAIN_PHONE.fullmatch(value):
        digits = value.translate(_WITHOUT_PHONE_SEPARATORS)
    else:
        digits = _phone_digits(value)
    if not MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS:
        raise ValueError(BAD_PHONE_LENGTH.format(length=len(digits)))
    if len(set(digits)) == 1:
        raise ValueError(PLACEHOLDER_NUMBER)
    return digits[-PHONE_DIGITS_COMPARED:]


def _phone_digits(value: str) -> str:
    """The digits of a phone number in any script, as ASCII."""
    digits = []
    for character in unicodedata.normalize("NFKC", value):
        if character.isdecimal():
            digits.append(str(unicodedata.decimal(character)))
        elif character not in PHONE_SEPARATORS:
            raise ValueError(BAD_PHONE_CHARACTER.format(character=character))
    return "".join(digits)


def parse_documents(text: str) -> tuple[Identifier, ...]:
    """The ``documents`` column: numbers separated by ``|``, normalised."""
    return tuple(
        Identifier(IdentifierKind.DOCUMENT, normalise_document(value))
        for value in _identifier_values(text)
    )


def parse_phones(text: str) -> tuple[Identifier, ...]:
    """The ``phones`` column: numbers separated by ``|``, normalised."""
    return tuple(
        Identifier(IdentifierKind.PHONE, normalise_phone(value))
        for value in _identifier_values(text)
    )


def _split(text: str, separator: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(separator) if part.strip())


# --- parsing one row ------------------------------------------------------------------------------


def record_from_row(row: Mapping[str, str], *, row_number: int) -> LinkageRecord:
    """The record in one CSV row (a mapping from column to text).

    Raises ``RecordInputError`` naming ``row_number`` and the first column at fault.
    """

    def parsed(column: str, parse: Callable[[str], object]) -> object:
        try:
            return parse(row.get(column) or "")
        except ValueError as error:
            raise RecordInputError(str(error), row=row_number, column=column) from None

    # One search of the whole row (almost always clean), then the columns in order.
    if _SURROGATE.search("".join(row.values())):
        for column in (*COLUMNS, *OPTIONAL_COLUMNS):
            if _SURROGATE.search(row.get(column) or ""):
                raise RecordInputError(NOT_UTF8, row=row_number, column=column)
    record_id = (row.get("id") or "").strip()
    if not record_id:
        raise RecordInputError(ID_REQUIRED, row=row_number, column="id")
    birth_date = parsed("birth_date", parse_partial_date)
    age = parsed("age", parse_age)
    age_date = parsed("age_date", parse_partial_date)
    event_date = parsed("event_date", parse_partial_date)
    documents: tuple[Identifier, ...] = parsed("documents", parse_documents)  # type: ignore[assignment]
    phones: tuple[Identifier, ...] = parsed("phones", parse_phones)  # type: ignore[assignment]
    record = LinkageRecord(
        id=record_id,
        names_latin=_split(row.get("names_latin") or "", NAME_SEPARATOR),
        names_original=_split(row.get("names_original") or "", NAME_SEPARATOR),
        sex=parsed("sex", parse_sex),  # type: ignore[arg-type]
        birth_date=birth_date,  # type: ignore[arg-type]
        age=age,  # type: ignore[arg-type]
        age_date=age_date,  # type: ignore[arg-type]
        nationality=parsed("nationality", parse_nationalities),  # type: ignore[arg-type]
        place=(row.get("place") or "").strip() or None,
        route=_split(row.get("route") or "", ROUTE_SEPARATOR),
        event_date=event_date,  # type: ignore[arg-type]
        identifiers=documents + phones,
    )
    if record.age is not None and record.age_reference_date is None:
        raise RecordInputError(AGE_WITHOUT_DATE, row=row_number, column="age_date")
    if (
        record.birth_date is not None
        and record.event_date is not None
        and record.birth_date.earliest > record.event_date.latest
    ):
        raise RecordInputError(
            BIRTH_AFTER_EVENT.format(birth=record.birth_date, event=record.event_date),
            row=row_number,
            column="birth_date",
        )
    return record


# Bytes that are not UTF-8 are decoded as lone surrogates ("surrogateescape"), so the
# reader can name the row and column that hold them instead of failing on the file.
_SURROGATE = re.compile("[\udc80-\udcff]")


# --- reading a file -------------------------------------------------------------------------------

ProgressCallback = Callable[[str, int, int | None], None]
"""Called as ``progress(stage, done, total)``; ``total`` is ``None`` when not known."""

READING_STAGE = "read"


def read_records(
    source: str | Path | IO[bytes],
    *,
    progress: ProgressCallback | None = None,
) -> list[LinkageRecord]:
    """Every record of a CSV file (a path or a binary file object), validated.

    Raises ``RecordInputError`` for the first row at fault: a column missing from the
    header, bytes that are not UTF-8, a bad date, sex, age or country code, a repeated
    id. ``progress`` is told ``("read", rows_read, None)`` every ``PROGRESS_EVERY_ROWS``
    rows and at the end.
    """
    if isinstance(source, str | Path):
        with open(source, "rb") as binary:
            return list(_iter_records(binary, progress))
    return list(_iter_records(source, progress))


def iter_records(
    source: IO[bytes], *, progress: ProgressCallback | None = None
) -> Iterator[LinkageRecord]:
    """``read_records`` one record at a time, for files too large to hold twice."""
    return _iter_records(source, progress)


def _iter_records(binary: IO[bytes], progress: ProgressCallback | None) -> Iterator[LinkageRecord]:
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.reader(text, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise RecordInputError(EMPTY_FILE, row=HEADER_ROW, column=None) from None
    except csv.Error as error:
        raise RecordInputError(BAD_CSV.format(reason=error), row=HEADER_ROW, column=None) from None
    header = [name.strip().casefold() for name in header]
    for index, name in enumerate(header):
        if _SURROGATE.search(name):
            raise RecordInputError(NOT_UTF8, row=HEADER_ROW, column=f"#{index + 1}")
    for column in COLUMNS:
        if column not in header:
            raise RecordInputError(
                MISSING_COLUMN.format(column=column), row=HEADER_ROW, column=column
            )
    first_row_of_id: dict[str, int] = {}
    row_number = HEADER_ROW
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise RecordInputError(
                BAD_CSV.format(reason=error), row=row_number + 1, column=None
            ) from None
        row_number += 1
        if not any(value.strip() for value in values):
            continue  # a blank line
        if len(values) != len(header):
            raise RecordInputError(
                WRONG_FIELD_COUNT.format(found=len(values), expected=len(header)),
                row=row_number,
                column=None,
            )
        record = record_from_row(dict(zip(header, values, strict=True)), row_number=row_number)
        first_row = first_row_of_id.setdefault(record.id, row_number)
        if first_row != row_number:
            raise RecordInputError(
                ID_DUPLICATED.format(value=record.id, first_row=first_row),
                row=row_number,
                column="id",
            )
        yield record
        if progress is not None and len(first_row_of_id) % PROGRESS_EVERY_ROWS == 0:
            progress(READING_STAGE, len(first_row_of_id), None)
    if progress is not None:
        progress(READING_STAGE, len(first_row_of_id), len(first_row_of_id))


def _identifiers_text(record: LinkageRecord, kind: IdentifierKind) -> str:
    return IDENTIFIER_SEPARATOR.join(
        identifier.value for identifier in record.identifiers if identifier.kind is kind
    )


def record_to_row(record: LinkageRecord) -> dict[str, str]:
    """The CSV row of a record: ``record_from_row(record_to_row(r))`` is ``r`` for a
    record read from a file (identifiers that are digests are not phone numbers)."""
    return {
        "id": record.id,
        "names_latin": NAME_SEPARATOR.join(record.names_latin),
        "names_original": NAME_SEPARATOR.join(record.names_original),
        "sex": record.sex.value if record.sex else "",
        "birth_date": str(record.birth_date) if record.birth_date else "",
        "age": str(record.age) if record.age else "",
        "age_date": str(record.age_date) if record.age_date else "",
        "nationality": NATIONALITY_SEPARATOR.join(record.nationality),
        "place": record.place or "",
        "route": f" {ROUTE_SEPARATOR} ".join(record.route),
        "event_date": str(record.event_date) if record.event_date else "",
        "documents": _identifiers_text(record, IdentifierKind.DOCUMENT),
        "phones": _identifiers_text(record, IdentifierKind.PHONE),
    }


def write_records(target: str | Path, records: Iterable[LinkageRecord]) -> None:
    """Write records in the CSV format ``read_records`` reads."""
    with open(target, "w", encoding="utf-8", newline="") as text:
        writer = csv.DictWriter(text, fieldnames=(*COLUMNS, *OPTIONAL_COLUMNS))
        writer.writeheader()
        for record in records:
            writer.writerow(record_to_row(record))
