"""Seeded generator of migrant-style linkage data (benchmark only).

    .venv/bin/python -m bench.linkage.generate --size 10000 [--seed 0] [--jobs link,dedupe]
        [--out bench/linkage/out/data]

Writes, in the canonical Haven linkage input format (CSV, UTF-8, header
``id,names_latin,names_original,sex,birth_date,age,age_date,nationality,place,route,event_date,
documents,phones``; several names, documents or phones separated by ``|``; a route is
places separated by ``>``):

* job ``link``: ``missing.csv`` (missing-person reports; event_date = date went
  missing) and ``found.csv`` (found alive or deceased; event_date = date found,
  never before the person's missing report), ``link_truth.csv``
  (missing_id, found_id), ``link_meta.csv`` (per record: person, family,
  nationality, tradition, agency, role) and ``link_labels.csv`` (a small
  "reviewed" sample drawn with a separate seed);
* job ``dedupe``: ``persons.csv`` (records of the same people made by several
  agencies), ``dedupe_truth.csv`` (id, entity_id, family_id, ...) and
  ``dedupe_labels.csv``.

Same (seed, size, GENERATOR_VERSION) -> byte-identical files. ``size`` is
the total number of records of a job (missing + found for ``link``).

What makes it hard, on purpose: names drawn per nationality from Arabic,
Dari/Pashto, Ge'ez, Cyrillic, Bengali, Devanagari and Latin pools with the
tradition's structure (given + father + grandfather chains, patronymics,
Spanish double surnames, Bangladeshi "Md", single names); each agency's
romanisation habits (English/French/German/Italian/Spanish/Greek/Turkish
hearing, ISO/BGN, machine transliteration, Ukrainian national vs ICAO vs
Russian forms); surname-first registration, dropped grandfathers, typos,
order swaps, missing fields; ages estimated with noise and 1 January
placeholder dates; Ethiopian-calendar slips; siblings (same father and
grandfather, born within two years, often on the same route) and namesakes
as near-miss distractors.

Version 2 adds document and phone numbers (``identities.py`` states the rates
assumed and why: many people hold no document, phones change along the route,
families and travel groups share a phone, document numbers carry typing and
OCR errors). They are drawn from a random stream of their own, so every other
column is the same as in version 1; ``--no-identifiers`` leaves the two columns
empty (a separate dataset directory), to measure linkage on names, dates and
places only.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import hashlib
import json
import random
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bench.linkage import identities as I
from bench.linkage import pools as P
from bench.linkage import translit as T
from bench.linkage import world as W

GENERATOR_VERSION = "2"
COLUMNS = [
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
    "documents",
    "phones",
]
DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "data"

EPOCH_START = date(2015, 1, 1).toordinal()
EPOCH_END = date(2025, 6, 30).toordinal()
LATEST_FOUND = date(2025, 12, 31).toordinal()
HEARING = {"en", "fr", "de", "it", "es", "el", "tr", "am"}
SAMPLES = 24  # renderings sampled per (name, convention)


def dataset_dir(out: Path, seed: int, size: int, identifiers: bool = True) -> Path:
    suffix = "" if identifiers else "-noids"
    return out / f"v{GENERATOR_VERSION}-seed{seed}-n{size}{suffix}"


# =========================================================================== lexicon


@dataclass
class Pool:
    kind: str  # arabic dari geez beng deva cyr latin
    items: tuple  # phonemic forms / native strings
    native: tuple  # original-script strings
    extras: tuple  # per item: hand-known Latin spellings
    lang: str = ""  # uk / ru for Cyrillic
    variants: dict = field(default_factory=dict)  # latin: name -> spelling variants


def _phon_pool(kind: str, entries: tuple, script: str = "") -> Pool:
    items = tuple(e.phon for e in entries)
    if kind in ("arabic", "dari"):
        native = tuple(e.native or T.arabic_script(e.phon, kind == "dari") for e in entries)
    elif kind == "geez":
        native = tuple(e.native or T.geez_script(e.phon) for e in entries)
    else:
        native = tuple(e.native or T.indic_script(e.phon, script) for e in entries)
    return Pool(kind, items, native, tuple(e.extras for e in entries))


def _cyr_pool(names, lang: str) -> Pool:
    names = tuple(names)
    return Pool("cyr", names, names, tuple(() for _ in names), lang)


def _latin_pool(names, variants: dict) -> Pool:
    names = tuple(names)
    return Pool("latin", names, names, tuple(() for _ in names), variants=variants)


def build_pools() -> dict[str, Pool]:
    pools = {
        "ar_m": _phon_pool("arabic", P.ARABIC_MALE),
        "ar_f": _phon_pool("arabic", P.ARABIC_FEMALE),
        "ar_fam": _phon_pool("arabic", P.ARABIC_FAMILY),
        "fa_m": _phon_pool("dari", P.DARI_MALE),
        "fa_f": _phon_pool("dari", P.DARI_FEMALE),
        "fa_fam": _phon_pool("dari", P.DARI_FAMILY),
        "gz_m": _phon_pool("geez", P.GEEZ_MALE),
        "gz_f": _phon_pool("geez", P.GEEZ_FEMALE),
        "bn_m": _phon_pool("beng", P.BENGALI_MALE, "Beng"),
        "bn_f": _phon_pool("beng", P.BENGALI_FEMALE, "Beng"),
        "bn_fam": _phon_pool("beng", P.BENGALI_FAMILY, "Beng"),
        "bn_fsuf": _phon_pool("beng", P.BENGALI_FEMALE_SUFFIX, "Beng"),
        "bn_md": _phon_pool("beng", (P.BENGALI_MD,), "Beng"),
        "np_m": _phon_pool("deva", P.NEPALI_MALE, "Deva"),
        "np_f": _phon_pool("deva", P.NEPALI_FEMALE, "Deva"),
        "np_mid_m": _phon_pool("deva", P.NEPALI_MIDDLE_MALE, "Deva"),
        "np_mid_f": _phon_pool("deva", P.NEPALI_MIDDLE_FEMALE, "Deva"),
        "np_fam": _phon_pool("deva", P.NEPALI_FAMILY, "Deva"),
        "uk_m": _cyr_pool((x[0] for x in P.UKRAINIAN_MALE), "uk"),
        "uk_f": _cyr_pool((x[0] for x in P.UKRAINIAN_FEMALE), "uk"),
        "uk_patr_m": _cyr_pool((x[1] for x in P.UKRAINIAN_MALE), "uk"),
        "uk_patr_f": _cyr_pool((x[2] for x in P.UKRAINIAN_MALE), "uk"),
        "uk_sur_m": _cyr_pool(P.UKRAINIAN_SURNAMES, "uk"),
        "uk_sur_f": _cyr_pool((P.feminine_surname(s) for s in P.UKRAINIAN_SURNAMES), "uk"),
        "ru_m": _cyr_pool((x[0] for x in P.RUSSIAN_MALE), "ru"),
        "ru_f": _cyr_pool(P.RUSSIAN_FEMALE, "ru"),
        "ru_patr_m": _cyr_pool((x[1] for x in P.RUSSIAN_MALE), "ru"),
        "ru_patr_f": _cyr_pool((x[2] for x in P.RUSSIAN_MALE), "ru"),
        "ru_sur_m": _cyr_pool(P.RUSSIAN_SURNAMES, "ru"),
        "ru_sur_f": _cyr_pool((P.feminine_surname(s) for s in P.RUSSIAN_SURNAMES), "ru"),
        # Ukrainian surnames as a Russian-speaking registrar writes them
        "uk_sur_ru_m": _cyr_pool((P.uk_to_ru_spelling(s) for s in P.UKRAINIAN_SURNAMES), "ru"),
        "uk_sur_ru_f": _cyr_pool(
            (P.uk_to_ru_spelling(P.feminine_surname(s)) for s in P.UKRAINIAN_SURNAMES), "ru"
        ),
        "ng_m": _latin_pool(P.NIGERIAN_MALE, P.NIGERIAN_VARIANTS),
        "ng_f": _latin_pool(P.NIGERIAN_FEMALE, P.NIGERIAN_VARIANTS),
        "ng_sur": _latin_pool(P.NIGERIAN_SURNAMES, P.NIGERIAN_VARIANTS),
        "es_m": _latin_pool(P.SPANISH_MALE, P.SPANISH_VARIANTS),
        "es_f": _latin_pool(P.SPANISH_FEMALE, P.SPANISH_VARIANTS),
        "es_sur": _latin_pool(P.SPANISH_SURNAMES, P.SPANISH_VARIANTS),
    }
    return pools


def _ru_index(names: tuple, name: str) -> int:
    return names.index(name) if name in names else 0


class Lexicon:
    """Spelling distributions per (pool, convention, dialect), built lazily and seeded."""

    def __init__(self, seed: int):
        self.seed = seed
        self.pools = build_pools()
        self._tables: dict[tuple, list[tuple[str, ...]]] = {}
        self._natives: dict[str, list[tuple[str, ...]]] = {}
        ru_m = self.pools["ru_m"].items
        ru_f = self.pools["ru_f"].items
        # Ukrainian -> Russian cognates (for registrations in Russian form)
        self.uk_to_ru = {
            "uk_m": ("ru_m", [_ru_index(ru_m, x[3]) for x in P.UKRAINIAN_MALE]),
            "uk_f": ("ru_f", [_ru_index(ru_f, x[1]) for x in P.UKRAINIAN_FEMALE]),
            "uk_patr_m": ("ru_patr_m", [_ru_index(ru_m, x[3]) for x in P.UKRAINIAN_MALE]),
            "uk_patr_f": ("ru_patr_f", [_ru_index(ru_m, x[3]) for x in P.UKRAINIAN_MALE]),
            "uk_sur_m": ("uk_sur_ru_m", list(range(len(P.UKRAINIAN_SURNAMES)))),
            "uk_sur_f": ("uk_sur_ru_f", list(range(len(P.UKRAINIAN_SURNAMES)))),
        }

    def spellings(self, pool: str, conv: str, dialect: str | None, idx: int) -> tuple[str, ...]:
        """The spelling sample of one name under one convention (built on first use)."""
        key = (pool, conv, dialect)
        t = self._tables.get(key)
        if t is None:
            t = [None] * len(self.pools[pool].items)
            self._tables[key] = t
        s = t[idx]
        if s is None:
            s = t[idx] = self._build(pool, conv, dialect, idx)
        return s

    def _build(self, pool_key: str, conv: str, dialect: str | None, i: int) -> tuple[str, ...]:
        pool = self.pools[pool_key]
        # one RNG per (name, convention): results do not depend on the order of first use
        rng = random.Random(f"{self.seed}:{pool_key}:{conv}:{dialect}:{i}")
        item = pool.items[i]
        if pool.kind in ("arabic", "dari"):
            s = [
                T.render_arabic(item, conv, rng, dialect, pool.kind == "dari")
                for _ in range(SAMPLES)
            ]
        elif pool.kind == "geez":
            s = [T.render_geez(item, conv, rng) for _ in range(SAMPLES)]
        elif pool.kind in ("beng", "deva"):
            script = "Beng" if pool.kind == "beng" else "Deva"
            s = [T.render_indic(item, conv, rng, script) for _ in range(SAMPLES)]
        elif pool.kind == "cyr":
            s = [
                T.cyr_to_latin(item, conv, pool.lang, rng)
                for _ in range(SAMPLES if conv == "en_loose" else 1)
            ]
        else:  # latin: conv is "acc" (accents kept) or "plain"
            s = []
            variants = pool.variants.get(item, ())
            for _ in range(SAMPLES):
                v = item
                if variants and rng.random() < 0.12:
                    v = variants[int(rng.random() * len(variants))]
                if conv == "plain":
                    v = strip_accents(v)
                s.append(v)
        extras = pool.extras[i]
        if extras and conv in HEARING:
            copies = max(1, round(SAMPLES * 0.3 / len(extras)))
            for e in extras:
                s.extend([e] * copies)
        return tuple(s)

    def natives(self, pool_key: str) -> list[tuple[str, ...]]:
        t = self._natives.get(pool_key)
        if t is None:
            pool = self.pools[pool_key]
            rng = random.Random(f"{self.seed}:{pool_key}:native")
            t = [tuple(native_noise(n, pool.kind, rng) for _ in range(12)) for n in pool.native]
            self._natives[pool_key] = t
        return t


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_GZ_HOMOPHONES = ((0x1200, 0x1210, 0x1280), (0x1230, 0x1220), (0x12A0, 0x12D0), (0x1338, 0x1340))


def native_noise(s: str, kind: str, rng: random.Random) -> str:
    """Spelling variation inside the original script (how people actually type it)."""
    r = rng.random
    if kind in ("arabic", "dari"):
        if r() < 0.3:
            s = s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
        if r() < 0.15:
            s = s.replace("ة", "ه")
        if r() < 0.15:
            s = s.replace("ى", "ي")
        if kind == "dari" and r() < 0.2:
            s = s.replace("ی", "ي").replace("ک", "ك")
    elif kind == "geez":
        out = []
        for ch in s:
            cp = ord(ch)
            if r() < 0.1:
                for group in _GZ_HOMOPHONES:
                    for base in group:
                        if base <= cp < base + 8:
                            other = group[int(r() * len(group))]
                            cp = other + (cp - base)
                            break
            out.append(chr(cp))
        s = "".join(out)
    elif kind in ("beng", "deva"):
        off = 0x80 if kind == "beng" else 0
        if r() < 0.1:
            s = s.replace(chr(0x93F + off), chr(0x940 + off))
        elif r() < 0.1:
            s = s.replace(chr(0x940 + off), chr(0x93F + off))
        if r() < 0.08:
            s = s.replace(chr(0x941 + off), chr(0x942 + off))
    elif kind == "cyr":
        if r() < 0.7:
            s = s.replace("ё", "е").replace("Ё", "Е")
    elif kind == "latin":
        if r() < 0.3:
            s = strip_accents(s)
    return s


# =========================================================================== people


class Zipf:
    """Draw an index in [0, n) with weight 1 / (i + 1) ** s."""

    def __init__(self, n: int, s: float = 0.9):
        acc = 0.0
        self.cum = []
        for i in range(n):
            acc += 1.0 / (i + 1) ** s
            self.cum.append(acc)
        self.total = acc

    def draw(self, rng: random.Random) -> int:
        return bisect.bisect_left(self.cum, rng.random() * self.total)


@dataclass(slots=True)
class Family:
    fid: int
    nat: str
    trad: str
    route: str
    base_year: int
    father: int = -1
    grandfather: int = -1
    ggf: int = -1
    family: int = -1  # family / tribal name or surname index
    maternal: int = -1
    md: bool = False
    used_given: set = field(default_factory=set)


@dataclass(slots=True)
class Person:
    pid: int
    fam: Family
    sex: str
    dob: int  # ordinal
    parts: list  # [(role, pool, idx)]
    doc: list | None  # document spelling per part
    knows_dob: bool
    dialect: str | None


CHAIN = ("father", "grandfather", "ggf")
KEYBOARD = {
    "a": "qwsz",
    "b": "vghn",
    "c": "xdfv",
    "d": "serfcx",
    "e": "wsdr",
    "f": "drtgvc",
    "g": "ftyhbv",
    "h": "gyujnb",
    "i": "ujko",
    "j": "huikmn",
    "k": "jiolm",
    "l": "kop",
    "m": "njk",
    "n": "bhjm",
    "o": "iklp",
    "p": "ol",
    "q": "wa",
    "r": "edft",
    "s": "awedxz",
    "t": "rfgy",
    "u": "yhji",
    "v": "cfgb",
    "w": "qase",
    "x": "zsdc",
    "y": "tghu",
    "z": "asx",
}


def typo(s: str, rng: random.Random) -> str:
    n = len(s)
    if n < 3:
        return s
    i = 1 + int(rng.random() * (n - 1))
    op = rng.random()
    ch = s[i]
    if op < 0.35:
        near = KEYBOARD.get(ch.lower())
        if not near:
            return s
        c = near[int(rng.random() * len(near))]
        return s[:i] + (c.upper() if ch.isupper() else c) + s[i + 1 :]
    if op < 0.6:
        return s[:i] + s[i + 1 :]
    if op < 0.75:
        return s[:i] + ch + s[i:]
    if i + 1 < n:
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    return s[: i - 1] + s[i] + s[i - 1]


class Generator:
    def __init__(self, seed: int, size: int, identifiers: bool = True):
        self.seed = seed
        self.size = size
        self.identifiers = identifiers
        # whether the last record's names were copied from the person's document
        # (an agency that copies the spelling copies the number too)
        self.spelled_from_document = False
        self.lex = Lexicon(seed)
        self.zipf: dict[str, Zipf] = {k: Zipf(len(p.items)) for k, p in self.lex.pools.items()}
        nats = list(W.NATIONALITIES)
        self.nat_codes = nats
        self.nat_cum = []
        acc = 0.0
        for n in nats:
            acc += W.NATIONALITIES[n][1]
            self.nat_cum.append(acc)
        self.routes_by_nat: dict[str, tuple[list[str], list[float]]] = {}
        for nat in nats:
            names, cum, acc = [], [], 0.0
            for rname, (weights, _places) in W.ROUTES.items():
                if nat in weights:
                    acc += weights[nat]
                    names.append(rname)
                    cum.append(acc)
            self.routes_by_nat[nat] = (names, cum)
        self.fid = 0
        self.pid = 0

    # ---------------------------------------------------------------- drawing helpers
    def choose_weighted(self, rng, pairs):
        total = 0.0
        for _, w in pairs:
            total += w
        r = rng.random() * total
        for v, w in pairs:
            r -= w
            if r < 0:
                return v
        return pairs[-1][0]

    def draw_nat(self, rng) -> str:
        return self.nat_codes[bisect.bisect_left(self.nat_cum, rng.random() * self.nat_cum[-1])]

    def draw_route(self, rng, nat: str) -> str:
        names, cum = self.routes_by_nat[nat]
        return names[bisect.bisect_left(cum, rng.random() * cum[-1])]

    def draw(self, rng, pool: str) -> int:
        return self.zipf[pool].draw(rng)

    @staticmethod
    def draw_age(rng) -> int:
        r = rng.random()
        if r < 0.05:
            return 4 + int(rng.random() * 9)
        if r < 0.17:
            return 13 + int(rng.random() * 5)
        if r < 0.50:
            return 18 + int(rng.random() * 8)
        if r < 0.78:
            return 26 + int(rng.random() * 10)
        if r < 0.95:
            return 36 + int(rng.random() * 15)
        return 51 + int(rng.random() * 20)

    # ---------------------------------------------------------------- families and persons
    def new_family(self, rng, nat: str, event_year: int) -> Family:
        trad = W.NATIONALITIES[nat][0]
        self.fid += 1
        fam = Family(
            self.fid, nat, trad, self.draw_route(rng, nat), event_year - self.draw_age(rng)
        )
        d = self.draw
        if trad == "arabic":
            fam.father, fam.grandfather, fam.ggf = d(rng, "ar_m"), d(rng, "ar_m"), d(rng, "ar_m")
            p_family = {"SY": 1.0, "IQ": 0.45}.get(nat, 0.15)
            if rng.random() < p_family:
                fam.family = d(rng, "ar_fam")
        elif trad == "geez":
            fam.father, fam.grandfather = d(rng, "gz_m"), d(rng, "gz_m")
        elif trad == "dari":
            fam.father = d(rng, "fa_m")
            if rng.random() < 0.6:
                fam.family = d(rng, "fa_fam")
        elif trad == "cyr_uk":
            fam.father, fam.family = d(rng, "uk_m"), d(rng, "uk_sur_m")
        elif trad == "cyr_ru":
            fam.father, fam.family = d(rng, "ru_m"), d(rng, "ru_sur_m")
        elif trad == "bengali":
            fam.family = d(rng, "bn_fam")
            fam.md = rng.random() < 0.7
        elif trad == "nepali":
            fam.family = d(rng, "np_fam")
        elif trad == "nigerian":
            fam.family = d(rng, "ng_sur")
        elif trad == "spanish":
            fam.family, fam.maternal = d(rng, "es_sur"), d(rng, "es_sur")
        return fam

    def new_person(self, rng, fam: Family, sex: str | None = None) -> Person:
        self.pid += 1
        sex = sex or ("M" if rng.random() < 0.62 else "F")
        m = sex == "M"
        d = self.draw
        trad = fam.trad

        def given(pool):
            for _ in range(6):
                g = d(rng, pool)
                if (pool, g) not in fam.used_given:
                    break
            fam.used_given.add((pool, g))
            return g

        if trad == "arabic":
            parts = [
                ("given", "ar_m" if m else "ar_f", given("ar_m" if m else "ar_f")),
                ("father", "ar_m", fam.father),
                ("grandfather", "ar_m", fam.grandfather),
                ("ggf", "ar_m", fam.ggf),
            ]
            if fam.family >= 0:
                parts.append(("family", "ar_fam", fam.family))
        elif trad == "geez":
            parts = [
                ("given", "gz_m" if m else "gz_f", given("gz_m" if m else "gz_f")),
                ("father", "gz_m", fam.father),
                ("grandfather", "gz_m", fam.grandfather),
            ]
        elif trad == "dari":
            parts = [
                ("given", "fa_m" if m else "fa_f", given("fa_m" if m else "fa_f")),
                ("father", "fa_m", fam.father),
            ]
            if fam.family >= 0:
                parts.append(("family", "fa_fam", fam.family))
        elif trad in ("cyr_uk", "cyr_ru"):
            pre = "uk" if trad == "cyr_uk" else "ru"
            g = f"{pre}_m" if m else f"{pre}_f"
            parts = [
                ("given", g, given(g)),
                ("patronymic", f"{pre}_patr_{'m' if m else 'f'}", fam.father),
                ("surname", f"{pre}_sur_{'m' if m else 'f'}", fam.family),
            ]
        elif trad == "bengali":
            g = "bn_m" if m else "bn_f"
            parts = []
            if m and fam.md:
                parts.append(("prefix", "bn_md", 0))
            parts.append(("given", g, given(g)))
            if m or rng.random() < 0.4:
                fam_idx = fam.family if rng.random() < 0.6 else d(rng, "bn_fam")
                parts.append(("family", "bn_fam", fam_idx))
            else:
                parts.append(("family", "bn_fsuf", d(rng, "bn_fsuf")))
        elif trad == "nepali":
            g = "np_m" if m else "np_f"
            mid = "np_mid_m" if m else "np_mid_f"
            parts = [
                ("given", g, given(g)),
                ("middle", mid, d(rng, mid)),
                ("family", "np_fam", fam.family),
            ]
        elif trad == "nigerian":
            g = "ng_m" if m else "ng_f"
            parts = [("given", g, given(g))]
            if rng.random() < 0.5:
                parts.append(("middle", g, d(rng, g)))
            parts.append(("surname", "ng_sur", fam.family))
        else:  # spanish
            g = "es_m" if m else "es_f"
            parts = [
                ("given", g, given(g)),
                ("surname", "es_sur", fam.family),
                ("maternal", "es_sur", fam.maternal),
            ]
        year = fam.base_year + int(rng.random() * 5) - 2
        dob = date(year, 1, 1).toordinal() + int(rng.random() * 365)
        nat_info = W.NATIONALITIES[fam.nat]
        person = Person(
            self.pid, fam, sex, dob, parts, None, rng.random() < nat_info[3], nat_info[2]
        )
        if rng.random() < nat_info[4]:
            person.doc = [
                self.spell(rng, person, role, pool, idx, "doc") for role, pool, idx in parts
            ]
        return person

    def father_of(self, rng, child: Person) -> Person:
        """The child's father as a person: a near-miss that shares two names, shifted."""
        fam = child.fam
        self.fid += 1
        dad_fam = Family(self.fid, fam.nat, fam.trad, fam.route, fam.base_year - 25)
        pool = "ar_m" if fam.trad == "arabic" else "gz_m"
        dad_fam.father = fam.grandfather
        dad_fam.grandfather = fam.ggf if fam.ggf >= 0 else self.draw(rng, pool)
        dad_fam.ggf = self.draw(rng, pool) if fam.trad == "arabic" else -1
        dad_fam.family, dad_fam.maternal, dad_fam.md = fam.family, -1, fam.md
        p = self.new_person(rng, dad_fam, "M")
        # his given name is the child's father's name
        for k, (role, pool, _idx) in enumerate(p.parts):
            if role == "given" and fam.father >= 0:
                p.parts[k] = (role, pool, fam.father)
        return p

    # ---------------------------------------------------------------- rendering
    def conv_for(self, person: Person, style: str, pool: str) -> tuple[str, str | None]:
        kind = self.lex.pools[pool].kind
        if kind in ("arabic", "dari"):
            return W.STYLE_TO_CONV["arabic"][style], person.dialect
        if kind == "geez":
            return W.STYLE_TO_CONV["geez"][style], None
        if kind == "cyr":
            return W.STYLE_TO_CONV["cyr"][style], None
        if kind in ("beng", "deva"):
            return W.STYLE_TO_CONV["indic"][style], None
        return "plain", None

    def spell(
        self, rng, person: Person, role: str, pool: str, idx: int, style: str, accents: float = 0.0
    ) -> str:
        kind = self.lex.pools[pool].kind
        if style == "doc":
            if kind == "cyr":
                conv = "ua_national" if person.fam.trad == "cyr_uk" else "icao"
            elif kind == "latin":
                conv = "plain"
            else:
                conv = "en"
            dialect = None
        elif kind == "latin":
            conv, dialect = ("acc" if rng.random() < accents else "plain"), None
        else:
            if style == "ru_form" and pool in self.lex.uk_to_ru:
                pool, mapping = self.lex.uk_to_ru[pool]
                idx = mapping[idx]
            conv, dialect = self.conv_for(person, style, pool)
            if dialect is not None and (conv not in HEARING or rng.random() < 0.3):
                dialect = None
        t = self.lex.spellings(pool, conv, dialect, idx)
        return t[int(rng.random() * len(t))]

    def render_names(self, rng, person: Person, agency: W.Agency, ctx: str) -> tuple[str, str]:
        r = rng.random
        parts = person.parts
        trad = person.fam.trad
        # --- which parts this agency records
        k = (
            2
            if r() < agency.chain[0]
            else (3 if r() < agency.chain[1] / (1 - agency.chain[0] + 1e-9) else 4)
        )
        chain_seen = 0
        keep = []
        for j, (role, _pool, _idx) in enumerate(parts):
            if role in CHAIN:
                chain_seen += 1
                if trad == "dari":
                    if r() < 0.55:
                        keep.append(j)
                elif chain_seen < k:
                    keep.append(j)
            elif role == "family":
                if trad == "arabic":
                    if r() < 0.75:
                        keep.append(j)
                elif trad == "dari":
                    if r() < 0.7:
                        keep.append(j)
                else:
                    if r() < 0.97:
                        keep.append(j)
            elif role == "patronymic":
                if r() < agency.patronymic:
                    keep.append(j)
            elif role == "prefix":
                if r() < 0.75:
                    keep.append(j)
            elif role == "middle":
                if r() < 0.6:
                    keep.append(j)
            elif role == "maternal":
                if r() < agency.maternal:
                    keep.append(j)
            else:
                keep.append(j)
        # Italian / Greek habit: given + the last name heard, the middle ones dropped
        if agency.style in ("it", "el") and len(keep) >= 3 and r() < 0.3:
            keep = [keep[0], keep[-1]]
        if len(keep) >= 3 and r() < 0.03:  # a name forgotten
            del keep[1 + int(r() * (len(keep) - 1))]
        order = list(keep)
        surname_first = len(order) >= 2 and r() < agency.surname_first
        if surname_first:
            order = [order[-1]] + order[:-1]
        elif len(order) >= 2 and r() < 0.04:  # two names swapped
            i = int(r() * (len(order) - 1))
            order[i], order[i + 1] = order[i + 1], order[i]
        # --- spellings
        toks = []
        use_doc = person.doc is not None and r() < agency.doc
        self.spelled_from_document = use_doc
        for j in order:
            role, pool, idx = parts[j]
            if use_doc:
                s = person.doc[j]
            else:
                s = self.spell(rng, person, role, pool, idx, agency.style, agency.accents)
            if trad == "spanish" and role == "given" and " " in s and r() < 0.25:
                s = s.split(" ")[0]
            if r() < agency.typo:
                s = typo(s, rng)
            toks.append(s)
        if surname_first and r() < agency.caps:
            toks[0] = toks[0].upper()
        elif r() < agency.caps * 0.25:
            toks = [t.upper() for t in toks]
        latin = " ".join(toks)
        if r() < agency.alias:  # a second spelling, as the person's document has it or in English
            alt = []
            for j in keep[:3]:
                role, pool, idx = parts[j]
                if person.doc is not None:
                    alt.append(person.doc[j])
                else:
                    alt.append(self.spell(rng, person, role, pool, idx, "en"))
            alias = " ".join(alt)
            if alias.lower() != latin.lower():
                latin = latin + "|" + alias
        # --- original script
        original = ""
        kind0 = self.lex.pools[parts[0][1]].kind
        if r() < agency.original:
            nat_parts = []
            for j in keep:
                role, pool, idx = parts[j]
                if agency.style == "ru_form" and pool in self.lex.uk_to_ru:
                    pool, mapping = self.lex.uk_to_ru[pool]
                    idx = mapping[idx]
                variants = self.lex.natives(pool)[idx]
                nat_parts.append(variants[int(r() * len(variants))])
            if trad in ("cyr_uk", "cyr_ru") and r() < 0.5:  # Surname Given Patronymic
                nat_parts = [nat_parts[-1]] + nat_parts[:-1]
            original = " ".join(nat_parts)
        if agency.style == "machine" and original and kind0 != "latin" and r() < 0.3:
            latin = ""  # only the original script was typed in
        return latin, original

    def render_record(
        self,
        rng,
        person: Person,
        agency: W.Agency,
        ctx: str,
        event: int,
        place: str,
        route: list[str],
    ) -> list[str]:
        r = rng.random
        latin, original = self.render_names(rng, person, agency, ctx)
        if ctx == "deceased" and r() < 0.1:
            latin, original = "", ""  # unidentified body
        # sex
        sex = person.sex
        x = r()
        if x < (0.08 if ctx == "deceased" else 0.02):
            sex = ""
        elif x < (0.085 if ctx == "deceased" else 0.025):
            sex = "F" if sex == "M" else "M"
        birth_date, age, age_date = self.render_age(rng, person, agency, ctx, event)
        # nationality
        nat = person.fam.nat
        x = r()
        if x < 0.05:
            nat = ""
        elif x < 0.08:
            alts = W.NATIONALITY_CONFUSION.get(nat, (nat,))
            nat = alts[int(r() * len(alts))]
        # place and route
        if place and r() < 0.08:
            place_s = ""
        else:
            variants = W.PLACES[place][1]
            place_s = (
                variants[0] if r() >= agency.place_spelling else variants[int(r() * len(variants))]
            )
        route_s = ">".join(route)
        ev = "" if r() < 0.02 else date.fromordinal(event).isoformat()
        if not ev and age and not age_date:  # an age always comes with the date it was given
            age_date = date.fromordinal(event).isoformat()
        return [latin, original, sex, birth_date, age, age_date, nat, place_s, route_s, ev]

    def render_age(
        self, rng, person: Person, agency: W.Agency, ctx: str, event: int
    ) -> tuple[str, str, str]:
        r = rng.random
        ev = date.fromordinal(event)
        dob = date.fromordinal(person.dob)
        true_age = ev.year - dob.year - ((ev.month, ev.day) < (dob.month, dob.day))
        exact = False
        if ctx == "deceased":
            exact = person.doc is not None and r() < 0.25
        elif ctx == "missing":
            exact = person.knows_dob or r() < 0.45  # the family often knows it
            exact = exact and r() < 0.92
        else:
            exact = person.knows_dob and r() < 0.9
        if exact:
            y, m, d = dob.year, dob.month, dob.day
            x = r()
            if x < 0.03 and d <= 12 and d != m:
                m, d = d, m  # day/month swapped
            elif x < 0.04:
                y += 1 if r() < 0.5 else -1
            elif x < 0.07 and person.fam.nat in ("ER", "ET") and ctx in ("missing", "found"):
                y -= 8 if m < 9 else 7  # Ethiopian-calendar year taken as Gregorian
            if r() < 0.02:
                return "", "", ""
            if m == 2 and d == 29 and not (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)):
                d = 28  # a 29 February moved to a common year: the form takes the 28th
            bd = f"{y:04d}-{m:02d}-{d:02d}"
            if r() < 0.15:
                return bd, str(true_age), ev.isoformat()
            return bd, "", ""
        # an estimate
        if ctx == "deceased":
            est = true_age + round(rng.gauss(0, 4))
            if r() < 0.5:
                est = 5 * round(est / 5)
        elif ctx == "missing":
            est = true_age + round(rng.gauss(0, 1))
        else:
            if true_age < 18 and r() < 0.5:
                est = true_age + round(rng.gauss(1.5, 2))  # minors assessed older
            else:
                est = true_age + round(rng.gauss(0, 1.5))
            if r() < 0.15:
                est = 5 * round(est / 5)
        est = max(0, est)
        if r() < 0.07:
            return "", "", ""
        if r() < agency.placeholder:
            year = ev.year - est
            if r() < 0.45:
                return f"{year:04d}-01-01", str(est), ev.isoformat() if r() < 0.95 else ""
            return f"{year:04d}-01-01", "", ""
        return "", str(est), ev.isoformat() if r() < 0.95 else ""

    def agency_at(self, rng, place: str) -> W.Agency:
        country = W.PLACES[place][0]
        return W.AGENCIES[self.choose_weighted(rng, W.COUNTRY_AGENCIES[country])]

    def tracing_agency(self, rng) -> W.Agency:
        return W.AGENCIES[self.choose_weighted(rng, W.TRACING_AGENCIES)]

    # ================================================================ jobs
    def link(self) -> dict:
        rng = random.Random(f"{self.seed}:link:{self.size}")
        r = rng.random
        n_missing_target = round(self.size * 0.4)
        n_found_target = self.size - n_missing_target
        missing: list[tuple] = []  # (row, meta)
        found: list[tuple] = []
        truth: list[tuple[int, int]] = []  # indexes into missing / found
        relatives: list[tuple[int, int]] = []  # (missing index, found index) near misses
        ids = I.Identities(self.seed, f"link:{self.size}", self.identifiers)

        def found_record(person, ctx_role, d_found, j, route_places, role):
            place = route_places[j]
            agency = self.agency_at(rng, place)
            ctx = "deceased" if r() < 0.25 else "found"
            route = route_places[: j + 1] if r() < (0.2 if ctx == "deceased" else 0.5) else []
            row = self.render_record(rng, person, agency, ctx, d_found, place, route)
            row += ids.found_record(person, ctx == "deceased", self.spelled_from_document)
            found.append(
                (
                    row,
                    (
                        person.pid,
                        person.fam.fid,
                        person.fam.nat,
                        person.fam.trad,
                        agency.code,
                        role + ("/deceased" if ctx == "deceased" else ""),
                    ),
                )
            )
            return len(found) - 1

        while len(missing) < n_missing_target:
            d_miss = EPOCH_START + int(r() * (EPOCH_END - 120 - EPOCH_START))
            nat = self.draw_nat(rng)
            fam = self.new_family(rng, nat, date.fromordinal(d_miss).year)
            n_sib = self.choose_weighted(rng, ((1, 0.35), (2, 0.35), (3, 0.2), (4, 0.1)))
            members = [self.new_person(rng, fam) for _ in range(n_sib)]
            n_lost = 2 if n_sib > 1 and r() < 0.06 else 1
            places = list(W.ROUTES[fam.route][1])
            k = 1 + int(r() * (len(places) - 2))  # last seen
            for p in members[:n_lost]:
                n_reports = 2 if r() < 0.1 else 1
                report_idx, report_dates = [], []
                for q in range(n_reports):
                    d = d_miss + (int(r() * 11) - 5 if q and r() < 0.3 else 0)
                    agency = self.tracing_agency(rng)
                    x = r()
                    route = places if x < 0.6 else (places[: k + 1] if x < 0.85 else [])
                    row = self.render_record(rng, p, agency, "missing", d, places[k], route)
                    row += ids.missing_report(p)
                    missing.append((row, (p.pid, fam.fid, nat, fam.trad, agency.code, "missing")))
                    report_idx.append(len(missing) - 1)
                    report_dates.append(d)
                if r() < 0.6:
                    n_f = 2 if r() < 0.15 else 1
                    last = max(report_dates)
                    for _ in range(n_f):
                        lag = int(rng.expovariate(1 / 120)) if r() > 0.1 else int(r() * 7)
                        d_found = min(last + min(lag, 1100), LATEST_FOUND)
                        x = r()
                        j = (
                            k
                            if x < 0.4
                            else (
                                min(k + 1, len(places) - 1)
                                if x < 0.75
                                else k + int(r() * (len(places) - k))
                            )
                        )
                        fi = found_record(p, "found", d_found, j, places, "match")
                        for mi in report_idx:
                            truth.append((mi, fi))
            # relatives as near-miss distractors among the found
            for s in members[n_lost:]:
                if r() < 0.35:
                    d_found = min(d_miss + int(rng.expovariate(1 / 150)), LATEST_FOUND)
                    j = min(len(places) - 1, k + int(r() * 3))
                    fi = found_record(s, "found", d_found, j, places, "relative")
                    relatives.append((len(missing) - 1, fi))
            if fam.trad in ("arabic", "geez") and r() < 0.05:
                dad = self.father_of(rng, members[0])
                fi = found_record(
                    dad,
                    "found",
                    min(d_miss + int(rng.expovariate(1 / 150)), LATEST_FOUND),
                    min(len(places) - 1, k + 1),
                    places,
                    "father",
                )
                relatives.append((len(missing) - 1, fi))
        while len(found) < n_found_target:  # people nobody reported missing (here)
            d = EPOCH_START + int(r() * (EPOCH_END - EPOCH_START))
            nat = self.draw_nat(rng)
            fam = self.new_family(rng, nat, date.fromordinal(d).year)
            places = list(W.ROUTES[fam.route][1])
            j = 1 + int(r() * (len(places) - 1))
            for _ in range(2 if r() < 0.2 else 1):
                p = self.new_person(rng, fam)
                found_record(p, "found", d + int(r() * 30), j, places, "other")
        return {"missing": missing, "found": found, "truth": truth, "relatives": relatives}

    def dedupe(self) -> dict:
        rng = random.Random(f"{self.seed}:dedupe:{self.size}")
        r = rng.random
        records: list[tuple] = []
        ids = I.Identities(self.seed, f"dedupe:{self.size}", self.identifiers)
        while len(records) < self.size:
            d0 = EPOCH_START + int(r() * (EPOCH_END - 400 - EPOCH_START))
            nat = self.draw_nat(rng)
            fam = self.new_family(rng, nat, date.fromordinal(d0).year)
            n_members = self.choose_weighted(rng, ((1, 0.62), (2, 0.26), (3, 0.12)))
            places = list(W.ROUTES[fam.route][1])
            for _ in range(n_members):
                p = self.new_person(rng, fam)
                n_rec = self.choose_weighted(
                    rng, ((1, 0.5), (2, 0.22), (3, 0.12), (4, 0.08), (5, 0.05), (6, 0.03))
                )
                stops = sorted(1 + int(r() * (len(places) - 1)) for _ in range(n_rec))
                d = d0 + int(r() * 20)
                for j in stops:
                    d += int(rng.expovariate(1 / 40))
                    if r() < 0.12:
                        agency = W.AGENCIES["UNHCR" if r() < 0.6 else "IOM"]
                    else:
                        agency = self.agency_at(rng, places[j])
                    route = places[: j + 1] if r() < 0.4 else []
                    row = self.render_record(rng, p, agency, "dedupe", d, places[j], route)
                    row += ids.agency_record(
                        p,
                        agency.code,
                        self.spelled_from_document,
                        fam.route,
                        date.fromordinal(d).year,
                    )
                    records.append((row, (p.pid, fam.fid, nat, fam.trad, agency.code)))
        return {"records": records}


# =========================================================================== writing


def _shuffle_ids(rng, items: list, prefix: str, width: int) -> tuple[list, dict]:
    order = list(range(len(items)))
    rng.shuffle(order)
    ids = {}
    out = []
    for new, old in enumerate(order):
        rid = f"{prefix}{new + 1:0{width}d}"
        ids[old] = rid
        out.append((rid, items[old]))
    return out, ids


def _write_csv(path: Path, header: list[str], rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def write_link(gen: Generator, d: Path) -> dict:
    data = gen.link()
    rng = random.Random(f"{gen.seed}:link-ids")
    width = max(6, len(str(gen.size)))
    missing, mids = _shuffle_ids(rng, data["missing"], "M", width)
    found, fids = _shuffle_ids(rng, data["found"], "F", width)
    _write_csv(d / "missing.csv", COLUMNS, ([rid] + row for rid, (row, _m) in missing))
    _write_csv(d / "found.csv", COLUMNS, ([rid] + row for rid, (row, _m) in found))
    truth = sorted((mids[m], fids[f]) for m, f in data["truth"])
    _write_csv(d / "link_truth.csv", ["missing_id", "found_id"], truth)
    meta_header = [
        "id",
        "file",
        "person_id",
        "family_id",
        "nationality",
        "tradition",
        "agency",
        "role",
    ]
    meta = [[rid, "missing", *m] for rid, (_row, m) in missing]
    meta += [[rid, "found", *m] for rid, (_row, m) in found]
    _write_csv(d / "link_meta.csv", meta_header, meta)
    # a small reviewed sample, drawn with its own seed: matches and near misses
    lrng = random.Random(gen.seed + 1_000_003)
    pos = lrng.sample(truth, min(120, len(truth)))
    rel = [(mids[m], fids[f]) for m, f in data["relatives"]]
    neg = lrng.sample(rel, min(50, len(rel)))
    truth_set = set(truth)
    by_nat: dict[str, list[str]] = {}
    for rid, (_row, m) in found:
        by_nat.setdefault(m[2], []).append(rid)
    while len(neg) < 80:
        rid, (_row, m) = missing[int(lrng.random() * len(missing))]
        cands = by_nat.get(m[2], [])
        if cands:
            f = cands[int(lrng.random() * len(cands))]
            if (rid, f) not in truth_set:
                neg.append((rid, f))
    labels = [(a, b, 1) for a, b in pos] + [(a, b, 0) for a, b in neg]
    labels.sort()
    _write_csv(d / "link_labels.csv", ["left_id", "right_id", "is_match"], labels)
    with_match = len({m for m, _ in truth})
    return {
        "missing": len(missing),
        "found": len(found),
        "true_pairs": len(truth),
        "reports_with_match": with_match,
        "found_deceased": sum(1 for _, (_r, m) in found if m[5].endswith("/deceased")),
        "found_relatives": sum(
            1 for _, (_r, m) in found if m[5].startswith(("relative", "father"))
        ),
        "labels": len(labels),
        **_identifier_counts([row for _rid, (row, _m) in missing], "missing"),
        **_identifier_counts([row for _rid, (row, _m) in found], "found"),
    }


def _identifier_counts(rows: list[list[str]], name: str) -> dict:
    """How many records carry a document or phone number (the last two columns)."""
    return {
        f"{name}_with_document": sum(1 for row in rows if row[-2]),
        f"{name}_with_phone": sum(1 for row in rows if row[-1]),
    }


def write_dedupe(gen: Generator, d: Path) -> dict:
    data = gen.dedupe()
    rng = random.Random(f"{gen.seed}:dedupe-ids")
    width = max(6, len(str(gen.size)))
    recs, _ids = _shuffle_ids(rng, data["records"], "P", width)
    _write_csv(d / "persons.csv", COLUMNS, ([rid] + row for rid, (row, _m) in recs))
    _write_csv(
        d / "dedupe_truth.csv",
        ["id", "entity_id", "family_id", "nationality", "tradition", "agency"],
        ([rid, *m] for rid, (_row, m) in recs),
    )
    by_entity: dict[int, list[str]] = {}
    by_family: dict[int, set] = {}
    for rid, (_row, m) in recs:
        by_entity.setdefault(m[0], []).append(rid)
        by_family.setdefault(m[1], set()).add(m[0])
    lrng = random.Random(gen.seed + 1_000_003)
    multi = [v for v in by_entity.values() if len(v) >= 2]
    pos = []
    for v in lrng.sample(multi, min(120, len(multi))):
        a, b = lrng.sample(v, 2)
        pos.append((min(a, b), max(a, b)))
    neg = []
    fams = [sorted(v) for v in by_family.values() if len(v) >= 2]
    for ents in lrng.sample(fams, min(50, len(fams))):
        a = lrng.choice(by_entity[ents[0]])
        b = lrng.choice(by_entity[ents[1]])
        neg.append((min(a, b), max(a, b)))
    all_ids = [rid for rid, _ in recs]
    ent_of = {rid: m[0] for rid, (_row, m) in recs}
    while len(neg) < 80:
        a, b = lrng.sample(all_ids, 2)
        if ent_of[a] != ent_of[b]:
            neg.append((min(a, b), max(a, b)))
    labels = sorted([(a, b, 1) for a, b in pos] + [(a, b, 0) for a, b in neg])
    _write_csv(d / "dedupe_labels.csv", ["left_id", "right_id", "is_match"], labels)
    sizes = [len(v) for v in by_entity.values()]
    return {
        "records": len(recs),
        "entities": len(by_entity),
        "true_pairs": sum(n * (n - 1) // 2 for n in sizes),
        "entities_with_duplicates": sum(1 for n in sizes if n > 1),
        "labels": len(labels),
        **_identifier_counts([row for _rid, (row, _m) in recs], "records"),
    }


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def generate(
    size: int,
    seed: int = 0,
    jobs=("link", "dedupe"),
    out: Path = DEFAULT_OUT,
    force: bool = False,
    identifiers: bool = True,
) -> Path:
    """Generate (or reuse) the dataset directory for (seed, size); returns its path.
    ``identifiers=False``: the documents and phones columns stay empty."""
    d = dataset_dir(out, seed, size, identifiers)
    manifest_path = d / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    todo = [j for j in jobs if force or j not in manifest.get("jobs", {})]
    if not todo:
        return d
    d.mkdir(parents=True, exist_ok=True)
    manifest.setdefault("generator_version", GENERATOR_VERSION)
    manifest.update({"seed": seed, "size": size, "identifiers": identifiers})
    manifest.setdefault("jobs", {})
    for job in todo:
        gen = Generator(seed, size, identifiers)
        t0 = time.perf_counter()
        stats = write_link(gen, d) if job == "link" else write_dedupe(gen, d)
        stats["seconds"] = round(time.perf_counter() - t0, 1)
        files = (
            ["missing.csv", "found.csv", "link_truth.csv", "link_meta.csv", "link_labels.csv"]
            if job == "link"
            else ["persons.csv", "dedupe_truth.csv", "dedupe_labels.csv"]
        )
        stats["sha256"] = {f: _sha256(d / f) for f in files}
        manifest["jobs"][job] = stats
        manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True))
        print(
            f"generated {job} size={size} seed={seed} in {stats['seconds']} s -> {d}",
            file=sys.stderr,
        )
    return d


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", default="link,dedupe")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--force", action="store_true", help="regenerate even if present")
    ap.add_argument(
        "--no-identifiers",
        action="store_true",
        help="leave the documents and phones columns empty (names, dates and places only)",
    )
    args = ap.parse_args(argv)
    d = generate(
        args.size,
        args.seed,
        tuple(args.jobs.split(",")),
        args.out,
        args.force,
        identifiers=not args.no_identifiers,
    )
    print(d)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
