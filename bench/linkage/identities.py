"""Document and phone numbers of the generated people, and the habits of writing them.

Every number is synthetic (drawn at random; country calling codes only shape how
a number is written). The rates are assumptions, chosen before measuring from
what caseworkers and the literature say about irregular migrants; they were not
tuned to any result:

* **Identity documents** (passport, national identity card): held by the people
  the world already gives a document (``world.NATIONALITIES``, 20 % of Eritreans
  to 90 % of Ukrainians; those people's names are sometimes spelled from it). An
  agency that copies the name from the document copies its number too
  (``DOCUMENT_WHEN_SPELLED_FROM_IT`` = 0.9); otherwise the number is written in
  ``DOCUMENT_OTHERWISE`` = 0.2 of records (documents are hidden, held by a
  smuggler or an employer, or not asked for). A missing person's family gives it
  in 0.15 of reports (a photo of the passport at home); it is found on a body in
  0.15 of deceased records.
* **Registration numbers** (UNHCR-style, or an asylum claim's): given at the
  first record a UN agency makes, and at another agency's record with
  ``REGISTRATION_ELSEWHERE`` = 0.1 (a claim lodged); later records carry it with
  ``REGISTRATION_CARRIED`` = 0.5 (the certificate shown). Missing-person
  reports and found records of the link job carry none (registration there is
  not modelled).
* **Phones**: ``HAS_PHONE`` = 0.7 of people hold one (a phone is the route's
  lifeline, but many lose it, have it taken, or share); a family travelling
  together shares one phone with ``FAMILY_SHARES_PHONE`` = 0.25. An agency
  writes a phone in ``PHONE_WRITTEN`` = 0.4 of records; the number written is a
  new SIM's with ``NEW_SIM`` = 0.35 per leg (a new country, a new SIM), and, with
  ``GROUP_PHONE`` = 0.1, the phone of the travel group's contact (one of
  ``GROUP_PHONES_PER_ROUTE_YEAR`` numbers per route and year: unrelated people
  who share a number, near misses that blocking caps). A family gives the
  missing person's phone in ``REPORT_PHONE`` = 0.6 of reports (the number they
  last called from); it is written on 0.4 of found-alive records and read from a
  phone found on 0.1 of bodies.
* **Errors**: a document number is mistyped (a similar character read by OCR:
  0/O, 1/I, 5/S, 8/B; a digit mistyped; two neighbours swapped) in
  ``DOCUMENT_ERROR`` = 0.04 of the records that write it. Phones and documents
  are written in every format agencies use (spaces, dashes, with or without the
  country code or trunk prefix, lower case), which readers must normalise.

Draws come from a random stream of their own, so the rest of a record (names,
dates, places) is the same with or without identifiers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

DOCUMENT_WHEN_SPELLED_FROM_IT = 0.9
DOCUMENT_OTHERWISE = 0.2
REPORT_DOCUMENT = 0.15
DECEASED_DOCUMENT = 0.15
REGISTRATION_ELSEWHERE = 0.1
REGISTRATION_CARRIED = 0.5
HAS_PHONE = 0.7
FAMILY_SHARES_PHONE = 0.25
PHONE_WRITTEN = 0.4
NEW_SIM = 0.35
GROUP_PHONE = 0.1
GROUP_PHONES_PER_ROUTE_YEAR = 3
REPORT_PHONE = 0.6
FOUND_PHONE = 0.4
DECEASED_PHONE = 0.1
DOCUMENT_ERROR = 0.04

UN_AGENCIES = frozenset({"UNHCR", "IOM"})

CALLING_CODES = {
    "SD": "249",
    "SY": "963",
    "IQ": "964",
    "EG": "20",
    "LY": "218",
    "ER": "291",
    "ET": "251",
    "AF": "93",
    "UA": "380",
    "RU": "7",
    "NG": "234",
    "CO": "57",
    "VE": "58",
    "BD": "880",
    "NP": "977",
}
OCR_CONFUSIONS = {"0": "O", "O": "0", "1": "I", "I": "1", "5": "S", "S": "5", "8": "B", "B": "8"}
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


@dataclass
class _Holder:
    """What one person holds: their numbers as issued, and their phone now."""

    document: str | None = None
    registration: str | None = None
    phone: str | None = None
    records_written: int = 0


@dataclass
class Identities:
    """The identifiers of one job's people, drawn from a stream of their own."""

    seed: int
    job: str
    enabled: bool = True
    rng: random.Random = field(init=False)
    _holders: dict[int, _Holder] = field(default_factory=dict)
    _family_phones: dict[int, str | None] = field(default_factory=dict)
    _group_phones: dict[tuple[str, int], list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(f"{self.seed}:{self.job}:identifiers")

    # ------------------------------------------------------------ what people hold
    def _holder(self, person) -> _Holder:
        holder = self._holders.get(person.pid)
        if holder is None:
            r = self.rng.random
            holder = _Holder()
            if person.doc is not None:
                holder.document = self._new_document()
            if r() < HAS_PHONE:
                if person.fam.fid not in self._family_phones:
                    shared = r() < FAMILY_SHARES_PHONE
                    self._family_phones[person.fam.fid] = self._new_phone() if shared else None
                holder.phone = self._family_phones[person.fam.fid] or self._new_phone()
            self._holders[person.pid] = holder
        return holder

    def _digits(self, count: int) -> str:
        return "".join(str(int(self.rng.random() * 10)) for _ in range(count))

    def _new_document(self) -> str:
        r = self.rng.random
        x = r()
        if x < 0.6:  # a passport: one or two letters and 7 digits
            letters = LETTERS[int(r() * len(LETTERS))]
            if r() < 0.4:
                letters += LETTERS[int(r() * len(LETTERS))]
            return letters + self._digits(7)
        return self._digits(10 if x < 0.85 else 12)  # a national identity card

    def _new_registration(self, year: int) -> str:
        return f"{self._digits(3)}-{year % 100:02d}C{self._digits(5)}"

    def _new_phone(self) -> str:
        return ("9" if self.rng.random() < 0.6 else "7") + self._digits(8)

    def _group_phone(self, route: str, year: int) -> str:
        phones = self._group_phones.setdefault(
            (route, year), [self._new_phone() for _ in range(GROUP_PHONES_PER_ROUTE_YEAR)]
        )
        return phones[int(self.rng.random() * len(phones))]

    # ------------------------------------------------------------ how they are written
    def _written_document(self, number: str) -> str:
        r = self.rng.random
        if r() < DOCUMENT_ERROR:
            number = self._mistyped(number)
        x = r()
        if x < 0.15 and len(number) > 6:
            number = f"{number[:3]} {number[3:]}"
        elif x < 0.25 and len(number) > 6:
            number = f"{number[:2]}-{number[2:]}"
        if r() < 0.1:
            number = number.lower()
        return number

    def _mistyped(self, number: str) -> str:
        r = self.rng.random
        positions = [i for i, c in enumerate(number) if c.isalnum()]
        i = positions[int(r() * len(positions))]
        c = number[i]
        x = r()
        if c in OCR_CONFUSIONS and x < 0.5:
            replacement = OCR_CONFUSIONS[c]
        elif c.isdigit() and x < 0.8:
            replacement = str((int(c) + 1 + int(r() * 9)) % 10)
        elif i + 1 < len(number) and number[i + 1].isalnum() and number[i + 1] != c:
            return number[:i] + number[i + 1] + c + number[i + 2 :]
        else:
            replacement = LETTERS[int(r() * len(LETTERS))] if c.isalpha() else c
        return number[:i] + replacement + number[i + 1 :]

    def _written_phone(self, national: str, nationality: str) -> str:
        r = self.rng.random
        code = CALLING_CODES.get(nationality, "000")
        x = r()
        if x < 0.35:
            return f"+{code} {national[:3]} {national[3:6]} {national[6:]}"
        if x < 0.5:
            return f"00{code}{national}"
        if x < 0.8:
            return f"0{national[:3]}-{national[3:6]}-{national[6:]}"
        return f"0{national}"

    # ------------------------------------------------------------ records
    def agency_record(
        self, person, agency_code: str, spelled_from_document: bool, route: str, year: int
    ) -> list[str]:
        """``documents`` and ``phones`` of an agency's record of the person (de-duplication)."""
        if not self.enabled:
            return ["", ""]
        holder = self._holder(person)
        r = self.rng.random
        documents = []
        if holder.document is not None and r() < (
            DOCUMENT_WHEN_SPELLED_FROM_IT if spelled_from_document else DOCUMENT_OTHERWISE
        ):
            documents.append(holder.document)
        if holder.registration is not None:
            if r() < REGISTRATION_CARRIED:
                documents.append(holder.registration)
        elif agency_code in UN_AGENCIES or r() < REGISTRATION_ELSEWHERE:
            holder.registration = self._new_registration(year)
            documents.append(holder.registration)
        phones = []
        if holder.phone is not None:
            if holder.records_written and r() < NEW_SIM:
                holder.phone = self._new_phone()
            if r() < PHONE_WRITTEN:
                phone = self._group_phone(route, year) if r() < GROUP_PHONE else holder.phone
                phones.append(phone)
        holder.records_written += 1
        return self._columns(documents, phones, person.fam.nat)

    def missing_report(self, person) -> list[str]:
        """What a family gives of the missing person's numbers."""
        if not self.enabled:
            return ["", ""]
        holder = self._holder(person)
        r = self.rng.random
        documents = [holder.document] if holder.document and r() < REPORT_DOCUMENT else []
        phones = [holder.phone] if holder.phone and r() < REPORT_PHONE else []
        return self._columns(documents, phones, person.fam.nat)

    def found_record(self, person, deceased: bool, spelled_from_document: bool) -> list[str]:
        """The numbers on a found person's record (alive: asked; deceased: found on the body)."""
        if not self.enabled:
            return ["", ""]
        holder = self._holder(person)
        r = self.rng.random
        if deceased:
            document_rate, phone_rate = DECEASED_DOCUMENT, DECEASED_PHONE
        else:
            document_rate = (
                DOCUMENT_WHEN_SPELLED_FROM_IT if spelled_from_document else DOCUMENT_OTHERWISE
            )
            phone_rate = FOUND_PHONE
        documents = [holder.document] if holder.document and r() < document_rate else []
        phone = holder.phone
        if phone is not None and r() < NEW_SIM:
            phone = self._new_phone()  # a new SIM since the family last heard
        phones = [phone] if phone is not None and r() < phone_rate else []
        return self._columns(documents, phones, person.fam.nat)

    def _columns(self, documents: list[str], phones: list[str], nationality: str) -> list[str]:
        return [
            "|".join(self._written_document(number) for number in documents),
            "|".join(self._written_phone(number, nationality) for number in phones),
        ]
