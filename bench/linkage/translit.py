"""Renderers for the generator: a name written once in a small phonemic
notation (or, for Cyrillic, in its own script) becomes

* its original script (Arabic, Persian, Ge'ez, Devanagari, Bengali), and
* the Latin spellings that agencies with different habits produce
  (English-, French-, German-, Italian-, Spanish-, Greek-style hearing,
  ISO/BGN scholarly romanisation, a "machine" transliteration of the script).

Latin renderers are stochastic: the generator samples each (name, convention)
many times with a seeded RNG and keeps the sample as that convention's
spelling distribution. Nothing here is used by Haven itself.

Phonemic notation
-----------------
Arabic / Dari (``arabic_*``): consonants ``b t th j H kh d dh r z s sh S D T Z
3 gh f q k l m n h w y '`` (``H`` = ḥ, ``S D T Z`` emphatics, ``3`` = ʿayn,
``'`` = hamza), Persian ``p ch zh g v``; vowels ``a i u e o``, long ``aa ii
uu``; ``@`` = tā' marbūṭa, ``A`` = alif maqṣūra; a doubled consonant is
gemination; ``al-`` prefixes a word with the article; ``+`` joins compound
parts.

Ge'ez (``geez_*``): consonants as above plus ``ts ch sh kh qh zh ny C P x``;
vowel after a consonant gives the order (``e`` 1st/ä, ``u``, ``i``, ``a``,
``E`` 5th/é, none = 6th, ``o``); ``_`` marks where Latin spellings often add an
epenthetic vowel; ``+`` joins compound parts (Gebre+Mariam).

Indic (``indic_*``): ``k kh g gh ng ch chh j jh ny T Th D Dh N t th d dh n p ph
b bh m y r l v w sh Sh s h f z q``; vowels ``a aa i ii u uu R e ai o au``;
``M`` anusvara.
"""

from __future__ import annotations

import functools
import random
import re
import unicodedata

from anyascii import anyascii

# --------------------------------------------------------------------------- helpers

_VOWELS = set("aeiouAEIOU@")


def pick(rng: random.Random, options: tuple | list) -> str:
    """Choose from a tuple of (value, weight) pairs, or a plain tuple of strings."""
    first = options[0]
    if isinstance(first, str):
        return options[int(rng.random() * len(options))]
    total = 0.0
    for _, w in options:
        total += w
    r = rng.random() * total
    for value, w in options:
        r -= w
        if r < 0:
            return value
    return options[-1][0]


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def title_word(word: str) -> str:
    """Capitalise a rendered word, keeping lower-case particles like ``al-``."""
    if not word:
        return word
    parts = word.split("-")
    out = []
    for i, p in enumerate(parts):
        if i == 0 and p in ("al", "el", "ul") and len(parts) > 1:
            out.append(p)
        elif p:
            out.append(p[0].upper() + p[1:])
        else:
            out.append(p)
    return "-".join(out)


@functools.cache
def _token_re(digraphs: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(d) for d in digraphs) + "|.", re.S)


@functools.lru_cache(maxsize=65536)
def _tokenize(word: str, digraphs: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_token_re(digraphs).findall(word))


def tokenize(word: str, digraphs: tuple[str, ...]) -> list[str]:
    """Split a phonemic word into tokens, digraphs first (left to right, longest listed first)."""
    return list(_tokenize(word, digraphs))


# --------------------------------------------------------------------------- Arabic / Dari

AR_DIGRAPHS = ("aa", "ii", "uu", "th", "kh", "dh", "sh", "gh", "ch", "zh")
AR_SUN = {"t", "th", "d", "dh", "r", "z", "s", "sh", "S", "D", "T", "Z", "l", "n"}
AR_VOWEL_TOKS = {"a", "i", "u", "e", "o", "aa", "ii", "uu", "A", "@"}

_AR_LETTERS = {
    "b": "ب",
    "t": "ت",
    "th": "ث",
    "j": "ج",
    "H": "ح",
    "kh": "خ",
    "d": "د",
    "dh": "ذ",
    "r": "ر",
    "z": "ز",
    "s": "س",
    "sh": "ش",
    "S": "ص",
    "D": "ض",
    "T": "ط",
    "Z": "ظ",
    "3": "ع",
    "gh": "غ",
    "f": "ف",
    "q": "ق",
    "k": "ك",
    "l": "ل",
    "m": "م",
    "n": "ن",
    "h": "ه",
    "w": "و",
    "y": "ي",
    "@": "ة",
    "A": "ى",
    "p": "پ",
    "ch": "چ",
    "zh": "ژ",
    "g": "گ",
    "v": "و",
}
_FA_OVERRIDES = {"k": "ک", "y": "ی", "A": "ی", "@": "ه"}


def arabic_script(phon: str, persian: bool = False) -> str:
    """Original-script spelling from the phonemic form (short vowels unwritten)."""
    letters = dict(_AR_LETTERS)
    if persian:
        letters.update(_FA_OVERRIDES)
    ya = letters["y"]
    words_out = []
    for word in phon.split():
        article = word.startswith("al-")
        if article:
            word = word[3:]
        if article and word == "laah":
            words_out.append("الله")
            continue
        out = []
        for part_i, part in enumerate(word.split("+")):
            toks = tokenize(part, AR_DIGRAPHS)
            prev = None
            for i, t in enumerate(toks):
                initial = i == 0 and part_i == 0
                if t in ("a", "u", "e", "o", "i"):
                    if initial:
                        if persian:
                            out.append("ا")
                        else:
                            out.append("إ" if t in ("i", "e") else "أ")
                elif t == "aa":
                    out.append("آ" if initial else "ا")
                elif t == "ii":
                    out.append(("ا" if persian else "إ") + ya if initial else ya)
                elif t == "uu":
                    out.append(("ا" if persian else "أ") + "و" if initial else "و")
                elif t == "'":
                    nxt = toks[i + 1] if i + 1 < len(toks) else None
                    if initial:
                        out.append("إ" if nxt in ("i", "ii") else "أ")
                    elif prev in ("i", "ii") or nxt in ("i", "ii"):
                        out.append("ئ")
                    elif prev in ("u", "uu") or nxt in ("u", "uu"):
                        out.append("ؤ")
                    elif nxt is None:
                        out.append("ء")
                    else:
                        out.append("أ")
                elif t == prev:  # gemination: one letter (shadda unwritten)
                    pass
                else:
                    out.append(letters.get(t, ""))
                prev = t
        body = "".join(out)
        words_out.append(("ال" + body) if article else body)
    return " ".join(words_out)


# Latin options per convention for each phonemic token: tuples of (spelling, weight).
_AR_BASE: dict[str, tuple] = {
    "b": (("b", 1),),
    "t": (("t", 1),),
    "th": (("th", 0.7), ("t", 0.15), ("s", 0.15)),
    "j": (("j", 1),),
    "H": (("h", 1),),
    "kh": (("kh", 1),),
    "d": (("d", 1),),
    "dh": (("dh", 0.5), ("z", 0.35), ("th", 0.15)),
    "r": (("r", 1),),
    "z": (("z", 1),),
    "s": (("s", 0.85), ("ss", 0.15)),
    "sh": (("sh", 1),),
    "S": (("s", 0.9), ("ss", 0.1)),
    "D": (("d", 0.8), ("dh", 0.2)),
    "T": (("t", 1),),
    "Z": (("z", 0.6), ("dh", 0.4)),
    "3": (("", 1),),
    "gh": (("gh", 1),),
    "f": (("f", 1),),
    "q": (("q", 0.6), ("k", 0.4)),
    "k": (("k", 1),),
    "l": (("l", 1),),
    "m": (("m", 1),),
    "n": (("n", 1),),
    "h": (("h", 1),),
    "w": (("w", 1),),
    "y": (("y", 1),),
    "'": (("", 0.85), ("'", 0.15)),
    "p": (("p", 1),),
    "ch": (("ch", 1),),
    "zh": (("zh", 0.7), ("j", 0.3)),
    "g": (("g", 1),),
    "v": (("v", 0.6), ("w", 0.4)),
    "a": (("a", 0.92), ("e", 0.08)),
    "i": (("i", 0.88), ("e", 0.12)),
    "a_last": (("a", 0.6), ("e", 0.4)),
    "a_init": (("a", 0.97), ("e", 0.03)),
    "u": (("u", 0.55), ("o", 0.4), ("ou", 0.05)),
    "e": (("e", 0.8), ("a", 0.2)),
    "o": (("o", 0.7), ("u", 0.3)),
    "aa": (("a", 0.85), ("aa", 0.15)),
    "ii": (("i", 0.75), ("ee", 0.2), ("ie", 0.05)),
    "uu": (("u", 0.6), ("ou", 0.25), ("oo", 0.15)),
    "A": (("a", 0.9), ("aa", 0.1)),
    "@": (("a", 0.7), ("ah", 0.3)),
    "ay": (("ai", 0.35), ("ay", 0.25), ("ei", 0.25), ("ey", 0.15)),
    "aw": (("aw", 0.5), ("ou", 0.3), ("o", 0.2)),
    "gem": (("double", 0.65), ("single", 0.35)),
    "final_ii": (("i", 0.7), ("y", 0.2), ("ee", 0.1)),
    # article inside a compound ("3abd al-raHmaan") and standalone ("al-tamiimii")
    "art_in": (
        ("ul", 0.3),
        ("ul ", 0.12),
        ("el", 0.2),
        ("el ", 0.13),
        ("al", 0.08),
        (" al ", 0.07),
        ("assim", 0.1),
    ),
    "art_first": (
        ("al-", 0.3),
        ("al ", 0.15),
        ("el-", 0.08),
        ("el ", 0.07),
        ("al", 0.1),
        ("", 0.3),
    ),
    "join": (("", 0.7), (" ", 0.25), ("-", 0.05)),
    "fr_final_e": (("", 1),),
}

_AR_CONV: dict[str, dict[str, tuple]] = {
    "en": {},
    "fr": {
        "u": (("ou", 0.7), ("o", 0.25), ("u", 0.05)),
        "uu": (("ou", 0.9), ("u", 0.1)),
        "sh": (("ch", 0.85), ("sh", 0.15)),
        "j": (("dj", 0.45), ("j", 0.55)),
        "w": (("ou", 0.5), ("w", 0.5)),
        "y": (("y", 0.7), ("i", 0.3)),
        "ii": (("i", 0.95), ("ie", 0.05)),
        "s": (("s", 0.6), ("ss", 0.4)),
        "ay": (("ai", 0.4), ("ei", 0.45), ("ay", 0.15)),
        "aw": (("aou", 0.3), ("ou", 0.7)),
        "art_in": (("el", 0.4), ("el ", 0.25), ("assim", 0.3), ("al", 0.05)),
        "art_first": (("el ", 0.35), ("el-", 0.2), ("al ", 0.1), ("", 0.35)),
        "fr_final_e": (("e", 0.5), ("", 0.5)),
        "@": (("a", 0.9), ("e", 0.1)),
        "q": (("k", 0.6), ("q", 0.4)),
        "gem": (("double", 0.5), ("single", 0.5)),
        "final_ii": (("i", 0.8), ("y", 0.2)),
        "zh": (("j", 1),),
        "v": (("v", 1),),
    },
    "de": {
        "sh": (("sch", 0.7), ("sh", 0.3)),
        "j": (("dsch", 0.3), ("dj", 0.2), ("j", 0.5)),
        "y": (("j", 0.5), ("y", 0.5)),
        "kh": (("ch", 0.5), ("kh", 0.5)),
        "ay": (("ai", 0.5), ("ei", 0.5)),
        "uu": (("u", 0.8), ("uh", 0.2)),
        "ii": (("i", 0.6), ("ie", 0.4)),
        "z": (("s", 0.4), ("z", 0.6)),
        "w": (("w", 1),),
        "art_in": (("ul", 0.35), ("el", 0.35), ("al", 0.15), (" al ", 0.15)),
        "ch": (("tsch", 0.6), ("ch", 0.4)),
        "v": (("w", 0.7), ("v", 0.3)),
    },
    "it": {
        "kh": (("kh", 0.6), ("ch", 0.2), ("h", 0.2)),
        "sh": (("sh", 0.6), ("sc", 0.2), ("s", 0.2)),
        "j": (("j", 0.6), ("gi", 0.4)),
        "w": (("w", 0.6), ("u", 0.4)),
        "y": (("y", 0.6), ("i", 0.4)),
        "gh": (("gh", 0.6), ("g", 0.4)),
        "ii": (("i", 1),),
        "uu": (("u", 0.8), ("ou", 0.2)),
        "h": (("h", 0.8), ("", 0.2)),
        "H": (("h", 0.85), ("", 0.15)),
        "q": (("k", 0.5), ("q", 0.3), ("ch", 0.2)),
        "ay": (("ai", 0.6), ("ei", 0.4)),
        "gem": (("double", 0.8), ("single", 0.2)),
    },
    "es": {
        "kh": (("j", 0.6), ("kh", 0.4)),
        "sh": (("ch", 0.4), ("sh", 0.6)),
        "j": (("y", 0.5), ("j", 0.5)),
        "w": (("u", 0.4), ("w", 0.6)),
        "gh": (("g", 0.7), ("gh", 0.3)),
        "h": (("h", 0.6), ("j", 0.2), ("", 0.2)),
        "H": (("h", 0.6), ("j", 0.25), ("", 0.15)),
        "z": (("z", 0.6), ("s", 0.4)),
        "ii": (("i", 1),),
        "uu": (("u", 1),),
        "ay": (("ai", 0.5), ("ei", 0.5)),
        "gem": (("double", 0.3), ("single", 0.7)),
        "q": (("k", 0.5), ("q", 0.5)),
    },
    "el": {  # heard, written in Greek, romanised (ELOT 743)
        "kh": (("ch", 0.8), ("kh", 0.2)),
        "H": (("ch", 0.35), ("h", 0.35), ("", 0.3)),
        "h": (("ch", 0.2), ("", 0.5), ("h", 0.3)),
        "sh": (("s", 0.6), ("sh", 0.4)),
        "j": (("tz", 0.6), ("j", 0.4)),
        "w": (("ou", 0.6), ("v", 0.2), ("w", 0.2)),
        "u": (("ou", 0.6), ("o", 0.3), ("u", 0.1)),
        "uu": (("ou", 0.8), ("u", 0.2)),
        "b": (("b", 0.85), ("mp", 0.15)),
        "d": (("d", 0.85), ("nt", 0.15)),
        "gh": (("g", 1),),
        "y": (("i", 0.6), ("y", 0.4)),
        "ii": (("i", 1),),
        "gem": (("double", 0.3), ("single", 0.7)),
        "q": (("k", 1),),
        "ch": (("ts", 0.6), ("ch", 0.4)),
    },
    "tr": {  # Turkish registration habits
        "j": (("c", 0.8), ("j", 0.2)),
        "sh": (("s", 0.5), ("sh", 0.5)),
        "ch": (("c", 1),),
        "kh": (("h", 0.8), ("kh", 0.2)),
        "w": (("v", 0.6), ("w", 0.4)),
        "th": (("s", 0.9), ("th", 0.1)),
        "dh": (("z", 1),),
        "q": (("k", 1),),
        "gh": (("g", 1),),
        "a_last": (("e", 0.6), ("a", 0.4)),
        "u": (("u", 0.7), ("o", 0.3)),
        "ii": (("i", 1),),
        "uu": (("u", 1),),
        "ay": (("ey", 0.6), ("ay", 0.4)),
        "@": (("e", 0.5), ("a", 0.5)),
        "Z": (("z", 1),),
        "D": (("d", 1),),
        "gem": (("double", 0.4), ("single", 0.6)),
    },
    "iso": {  # ISO 233 / BGN-PCGN, folded to ASCII
        "th": (("th", 1),),
        "dh": (("dh", 1),),
        "s": (("s", 1),),
        "S": (("s", 1),),
        "D": (("d", 1),),
        "Z": (("z", 1),),
        "q": (("q", 1),),
        "'": (("'", 0.4), ("", 0.6)),
        "3": (("'", 0.35), ("", 0.65)),
        "a": (("a", 1),),
        "i": (("i", 1),),
        "u": (("u", 1),),
        "aa": (("a", 1),),
        "a_last": (("a", 1),),
        "a_init": (("a", 1),),
        "ii": (("i", 1),),
        "uu": (("u", 1),),
        "A": (("a", 1),),
        "@": (("a", 0.8), ("ah", 0.2)),
        "ay": (("ay", 1),),
        "aw": (("aw", 1),),
        "gem": (("double", 1),),
        "final_ii": (("i", 1),),
        "art_in": ((" al-", 0.7), (" al ", 0.15), ("assim_iso", 0.15)),
        "art_first": (("al-", 0.9), ("", 0.1)),
        "join": (("", 0.6), (" ", 0.4)),
        "e": (("e", 1),),
        "o": (("o", 1),),
        "zh": (("zh", 1),),
        "v": (("v", 1),),
    },
}

# Spoken-dialect effects on names heard (not on ISO or machine renderings).
_DIALECT_SUBS = {
    "eg": {
        "j": (("g", 0.85), ("j", 0.15)),
        "th": (("s", 0.5), ("t", 0.3), ("th", 0.2)),
        "dh": (("z", 0.7), ("dh", 0.3)),
        "q": (("q", 0.5), ("'", 0.2), ("k", 0.3)),
    },
    "sd": {
        "q": (("g", 0.55), ("q", 0.3), ("k", 0.15)),
        "th": (("s", 0.4), ("th", 0.6)),
        "dh": (("z", 0.5), ("dh", 0.5)),
    },
    "ly": {"q": (("g", 0.45), ("q", 0.4), ("k", 0.15))},
    "iq": {"q": (("g", 0.25), ("q", 0.55), ("k", 0.2)), "dh": (("dh", 0.5), ("z", 0.5))},
    "sy": {
        "q": (("'", 0.3), ("q", 0.5), ("k", 0.2)),
        "th": (("s", 0.3), ("t", 0.2), ("th", 0.5)),
        "dh": (("z", 0.6), ("dh", 0.4)),
    },
    "af": {
        "th": (("s", 0.8), ("th", 0.2)),
        "dh": (("z", 0.9), ("dh", 0.1)),
        "S": (("s", 1),),
        "D": (("z", 0.7), ("d", 0.3)),
        "Z": (("z", 1),),
        "3": (("", 1),),
        "q": (("q", 0.5), ("gh", 0.2), ("k", 0.3)),
        "w": (("w", 0.5), ("v", 0.5)),
    },
}


def _ar_table(conv: str) -> dict[str, tuple]:
    table = dict(_AR_BASE)
    table.update(_AR_CONV.get(conv, {}))
    return table


_AR_TABLES = {c: _ar_table(c) for c in ("en", "fr", "de", "it", "es", "el", "tr", "iso")}


def render_arabic(
    phon: str, conv: str, rng: random.Random, dialect: str | None = None, persian: bool = False
) -> str:
    """One stochastic Latin rendering of an Arabic/Dari phonemic name."""
    if conv == "machine":
        return " ".join(title_word(w) for w in anyascii(arabic_script(phon, persian)).split())
    table = _AR_TABLES.get(conv, _AR_TABLES["en"])
    dsubs = _DIALECT_SUBS.get(dialect or "", {}) if conv != "iso" else {}
    words = phon.split()
    pieces: list[str] = []
    for wi, word in enumerate(words):
        article = word.startswith("al-")
        if article:
            word = word[3:]
        toks = tokenize(word.replace("+", ""), AR_DIGRAPHS)
        # dialect substitution on consonants
        if dsubs:
            toks = [pick(rng, dsubs[t]) if t in dsubs else t for t in toks]
            toks = [t for t in toks if t != ""]
        sep_before = " " if wi else ""
        if article:
            first = toks[0] if toks else ""
            if wi == 0:
                form = pick(rng, table["art_first"])
                if form in ("al-", "el-", "al ", "el ", "al") and first in AR_SUN and conv == "iso":
                    form = (
                        "a" + _latin_cons(first, table, rng) + "-" if rng.random() < 0.3 else form
                    )
                pieces.append(sep_before + form)
                sep_before = ""
            else:
                form = pick(rng, table["art_in"])
                if form == "assim":
                    if first in AR_SUN:
                        c = _latin_cons(first, table, rng)
                        pieces.append(("e" if conv == "fr" else pick(rng, ("u", "e", "a"))) + c)
                    else:
                        pieces.append("el" if conv == "fr" else "ul")
                    sep_before = ""
                elif form == "assim_iso":
                    c = _latin_cons(first, table, rng) if first in AR_SUN else "l"
                    pieces.append(" a" + c + "-")
                    sep_before = ""
                else:
                    pieces.append(form)
                    sep_before = ""
        pieces.append(sep_before + _render_ar_word(toks, table, rng, conv))
    text = "".join(pieces)
    return " ".join(title_word(w) for w in text.split())


def _latin_cons(tok: str, table: dict, rng: random.Random) -> str:
    opts = table.get(tok)
    return pick(rng, opts) if opts else tok


def _render_ar_word(toks: list[str], table: dict, rng: random.Random, conv: str) -> str:
    out = []
    n = len(toks)
    last_vowel = max((k for k, x in enumerate(toks) if x in AR_VOWEL_TOKS), default=-1)
    i = 0
    while i < n:
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < n else None
        if (
            t == "a"
            and nxt in ("y", "w")
            and (i + 2 >= n or toks[i + 2] not in AR_VOWEL_TOKS)
            and not (i + 2 < n and toks[i + 2] == nxt)
        ):
            out.append(pick(rng, table["ay" if nxt == "y" else "aw"]))
            i += 2
            continue
        initial = all(x in ("3", "'") for x in toks[:i])
        if t == "a" and (initial or (i == last_vowel and nxt is not None)):
            out.append(pick(rng, table["a_init" if initial else "a_last"]))
            i += 1
            continue
        if t == "ii" and nxt is None:
            out.append(pick(rng, table["final_ii"]))
            i += 1
            continue
        if nxt == t and t not in AR_VOWEL_TOKS:  # gemination
            c = pick(rng, table[t]) if t in table else t
            if pick(rng, table["gem"]) == "double" and c and len(c) == 1:
                out.append(c + c)
            else:
                out.append(c)
            i += 2
            continue
        if t in table:
            c = pick(rng, table[t])
            if (
                conv == "fr"
                and t == "s"
                and out
                and i + 1 < n
                and nxt in AR_VOWEL_TOKS
                and toks[i - 1] in AR_VOWEL_TOKS
                and c == "s"
            ):
                c = "ss" if rng.random() < 0.7 else "s"
            out.append(c)
        else:
            out.append(t)
        i += 1
    if conv == "fr" and n >= 2 and toks[-1] in ("n", "m") and toks[-2] == "aa":
        out.append(pick(rng, table["fr_final_e"]))
    word = "".join(out)
    if conv == "tr" and word.endswith("d") and rng.random() < 0.5:
        word = word[:-1] + "t"
    return word[1:] if word.startswith("ss") else word


# --------------------------------------------------------------------------- Ge'ez

GZ_DIGRAPHS = ("ts", "ch", "sh", "kh", "qh", "zh", "ny")
_GZ_BASE = {
    "h": 0x1200,
    "l": 0x1208,
    "H": 0x1210,
    "m": 0x1218,
    "r": 0x1228,
    "s": 0x1230,
    "sh": 0x1238,
    "q": 0x1240,
    "qh": 0x1250,
    "b": 0x1260,
    "v": 0x1268,
    "t": 0x1270,
    "ch": 0x1278,
    "x": 0x1280,
    "n": 0x1290,
    "ny": 0x1298,
    "'": 0x12A0,
    "k": 0x12A8,
    "kh": 0x12B8,
    "w": 0x12C8,
    "3": 0x12D0,
    "z": 0x12D8,
    "zh": 0x12E0,
    "y": 0x12E8,
    "d": 0x12F0,
    "j": 0x1300,
    "g": 0x1308,
    "T": 0x1320,
    "C": 0x1328,
    "P": 0x1330,
    "ts": 0x1338,
    "f": 0x1348,
    "p": 0x1350,
}
_GZ_ORDER = {"e": 0, "u": 1, "i": 2, "a": 3, "E": 4, "o": 6}
GZ_ABBREV = {
    "gebre": "G/",
    "wolde": "W/",
    "welde": "W/",
    "hayle": "H/",
    "tekhle": "T/",
    "kidane": "K/",
    "habte": "H/",
    "gebre'": "G/",
}


def geez_script(phon: str, tigrinya: bool = True) -> str:
    words = []
    for word in phon.split():
        toks = [t for t in tokenize(word.replace("+", ""), GZ_DIGRAPHS) if t != "_"]
        out = []
        i = 0
        n = len(toks)
        while i < n:
            t = toks[i]
            if t in _GZ_ORDER:  # vowel without consonant: glottal carrier
                base = _GZ_BASE["'"]
                if t == "a" and tigrinya and i == 0:
                    out.append(chr(base + 3))
                else:
                    out.append(chr(base + _GZ_ORDER[t]))
                i += 1
                continue
            if i + 1 < n and toks[i + 1] == t:  # gemination is not written
                i += 1
                continue
            base = _GZ_BASE.get(t)
            if base is None:
                i += 1
                continue
            nxt = toks[i + 1] if i + 1 < n else None
            if nxt in _GZ_ORDER:
                out.append(chr(base + _GZ_ORDER[nxt]))
                i += 2
            else:
                out.append(chr(base + 5))
                i += 1
        words.append("".join(out))
    return " ".join(words)


_GZ_LAT = {
    "h": (("h", 1),),
    "l": (("l", 1),),
    "H": (("h", 1),),
    "m": (("m", 1),),
    "r": (("r", 1),),
    "s": (("s", 1),),
    "sh": (("sh", 1),),
    "q": (("k", 0.75), ("q", 0.25)),
    "qh": (("kh", 0.5), ("k", 0.35), ("h", 0.15)),
    "b": (("b", 1),),
    "v": (("v", 0.7), ("b", 0.3)),
    "t": (("t", 1),),
    "ch": (("ch", 1),),
    "x": (("kh", 0.6), ("h", 0.4)),
    "n": (("n", 1),),
    "ny": (("ny", 0.7), ("ni", 0.3)),
    "'": (("", 1),),
    "k": (("k", 1),),
    "kh": (("k", 0.6), ("kh", 0.3), ("h", 0.1)),
    "w": (("w", 1),),
    "3": (("", 1),),
    "z": (("z", 1),),
    "zh": (("zh", 0.6), ("j", 0.4)),
    "y": (("y", 1),),
    "d": (("d", 1),),
    "j": (("j", 1),),
    "g": (("g", 0.9), ("gh", 0.1)),
    "T": (("t", 1),),
    "C": (("ch", 1),),
    "P": (("p", 1),),
    "ts": (("ts", 0.7), ("s", 0.2), ("tz", 0.1)),
    "f": (("f", 1),),
    "p": (("p", 1),),
    "e": (("e", 0.92), ("a", 0.08)),
    "u": (("u", 1),),
    "i": (("i", 0.9), ("e", 0.1)),
    "a": (("a", 1),),
    "E": (("e", 0.95), ("ie", 0.05)),
    "o": (("o", 1),),
    "_": (("i", 0.55), ("e", 0.3), ("", 0.15)),
    "final_y": (("y", 0.7), ("i", 0.3)),
    "gem": (("double", 0.5), ("single", 0.5)),
    "join": (("", 0.72), (" ", 0.23), ("abbrev", 0.05)),
}
_GZ_CONV = {
    "en": {},
    "it": {
        "g_soft": (("gh", 0.7), ("g", 0.3)),
        "final_y": (("i", 0.7), ("y", 0.3)),
        "_": (("e", 0.5), ("i", 0.35), ("", 0.15)),
        "ch": (("c", 0.4), ("ch", 0.6)),
        "ny": (("gn", 0.4), ("ny", 0.6)),
        "gem": (("double", 0.7), ("single", 0.3)),
        "k": (("k", 0.7), ("ch", 0.1), ("c", 0.2)),
        "ts": (("ts", 0.5), ("z", 0.3), ("s", 0.2)),
    },
    "fr": {
        "u": (("ou", 0.7), ("u", 0.3)),
        "_": (("e", 0.6), ("i", 0.25), ("", 0.15)),
        "sh": (("ch", 0.7), ("sh", 0.3)),
        "final_y": (("i", 0.5), ("y", 0.5)),
        "j": (("dj", 0.5), ("j", 0.5)),
    },
    "de": {
        "sh": (("sch", 0.6), ("sh", 0.4)),
        "y": (("j", 0.4), ("y", 0.6)),
        "final_y": (("i", 0.6), ("j", 0.2), ("y", 0.2)),
        "ch": (("tsch", 0.5), ("ch", 0.5)),
        "ts": (("z", 0.4), ("ts", 0.6)),
    },
    "am": {
        "e": (("e", 0.6), ("a", 0.4)),
        "final_y": (("y", 0.5), ("ye", 0.3), ("i", 0.2)),
        "_": (("i", 0.6), ("e", 0.2), ("", 0.2)),
    },
}


def render_geez(phon: str, conv: str, rng: random.Random) -> str:
    if conv in ("machine", "iso"):
        return " ".join(title_word(w) for w in anyascii(geez_script(phon)).split())
    table = dict(_GZ_LAT)
    table.update(_GZ_CONV.get(conv, {}))
    words_out = []
    for word in phon.split():
        parts = word.split("+")
        rendered_parts = []
        abbreviated = False
        for pi, part in enumerate(parts):
            if pi == 0 and len(parts) > 1:
                how = pick(rng, table["join"])
                if how == "abbrev" and part in GZ_ABBREV:
                    rendered_parts.append(GZ_ABBREV[part])
                    abbreviated = True
                    continue
            rendered_parts.append(_render_gz_part(part, table, rng))
        if len(parts) > 1 and not abbreviated:
            how = pick(rng, table["join"])
            sep = " " if how == " " else ""
            text = sep.join(rendered_parts)
        else:
            text = "".join(rendered_parts)
        if abbreviated:
            words_out.append(text[:2] + text[2:3].upper() + text[3:])
        else:
            words_out.extend(title_word(w) for w in text.split())
    return " ".join(words_out)


def _render_gz_part(part: str, table: dict, rng: random.Random) -> str:
    toks = tokenize(part, GZ_DIGRAPHS)
    out = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < n else None
        if t == "y" and nxt is None and i > 0 and toks[i - 1] in ("a", "e"):
            out.append(pick(rng, table["final_y"]))
            i += 1
            continue
        if t == "g" and "g_soft" in table and nxt in ("e", "i", "E", "_"):
            out.append(pick(rng, table["g_soft"]))
            i += 1
            continue
        if nxt == t and t not in _GZ_ORDER:
            c = pick(rng, table[t])
            out.append(c + c if pick(rng, table["gem"]) == "double" and len(c) == 1 else c)
            i += 2
            continue
        if i == 0 and t == "E":
            out.append("e")
            i += 1
            continue
        opts = table.get(t)
        out.append(pick(rng, opts) if opts else t)
        i += 1
    return "".join(out)


# --------------------------------------------------------------------------- Indic

IN_DIGRAPHS = (
    ".",
    "chh",
    "aa",
    "ii",
    "uu",
    "ai",
    "au",
    "kh",
    "gh",
    "ng",
    "ch",
    "jh",
    "ny",
    "Th",
    "Dh",
    "th",
    "dh",
    "ph",
    "bh",
    "sh",
    "Sh",
)
_IN_CONS = {
    "k": 0x15,
    "kh": 0x16,
    "g": 0x17,
    "gh": 0x18,
    "ng": 0x19,
    "ch": 0x1A,
    "chh": 0x1B,
    "j": 0x1C,
    "jh": 0x1D,
    "ny": 0x1E,
    "T": 0x1F,
    "Th": 0x20,
    "D": 0x21,
    "Dh": 0x22,
    "N": 0x23,
    "t": 0x24,
    "th": 0x25,
    "d": 0x26,
    "dh": 0x27,
    "n": 0x28,
    "p": 0x2A,
    "ph": 0x2B,
    "b": 0x2C,
    "bh": 0x2D,
    "m": 0x2E,
    "y": 0x2F,
    "r": 0x30,
    "l": 0x32,
    "v": 0x35,
    "w": 0x35,
    "sh": 0x36,
    "Sh": 0x37,
    "s": 0x38,
    "h": 0x39,
    "f": 0x2B,
    "z": 0x1C,
    "q": 0x15,
}
_IN_INDEP = {
    "a": 0x05,
    "aa": 0x06,
    "i": 0x07,
    "ii": 0x08,
    "u": 0x09,
    "uu": 0x0A,
    "R": 0x0B,
    "e": 0x0F,
    "ai": 0x10,
    "o": 0x13,
    "au": 0x14,
}
_IN_MATRA = {
    "aa": 0x3E,
    "i": 0x3F,
    "ii": 0x40,
    "u": 0x41,
    "uu": 0x42,
    "R": 0x43,
    "e": 0x47,
    "ai": 0x48,
    "o": 0x4B,
    "au": 0x4C,
}
_IN_VOWELS = set(_IN_INDEP)


def indic_script(phon: str, script: str) -> str:
    """Devanagari (``Deva``) or Bengali (``Beng``) spelling of an Indic phonemic name."""
    block = 0x900 if script == "Deva" else 0x980
    out_words = []
    for word in phon.split():
        toks = tokenize(word.replace("+", ""), IN_DIGRAPHS)
        out = []
        n = len(toks)
        for i, t in enumerate(toks):
            prev = toks[i - 1] if i else None
            nxt = toks[i + 1] if i + 1 < n else None
            if t == ".":
                continue
            if t == "M":
                out.append(chr(block + 0x02))
            elif t in _IN_VOWELS:
                if prev is None or prev in _IN_VOWELS or prev == "M":
                    if (
                        script == "Beng"
                        and t != "a"
                        and prev is not None
                        and prev in _IN_VOWELS
                        and False
                    ):
                        pass
                    out.append(chr(block + _IN_INDEP[t]))
                elif t != "a":
                    out.append(chr(block + _IN_MATRA[t]))
            else:
                code = _IN_CONS.get(t)
                if code is None:
                    continue
                if script == "Beng":
                    if t in ("v", "w"):
                        code = 0x2C
                    if t == "y" and prev in _IN_VOWELS and prev is not None:
                        out.append("\u09df")  # য়
                        code = None
                    if t == "ng" and nxt is None:
                        out.append("\u0982")  # ং
                        code = None
                if code is not None:
                    out.append(chr(block + code))
                    if script == "Deva" and t in ("f", "z", "q"):
                        out.append("\u093c")  # nukta
                if nxt is not None and nxt not in _IN_VOWELS and nxt not in ("M", "."):
                    out.append(chr(block + 0x4D))  # virama: consonant cluster
        out_words.append("".join(out))
    return " ".join(out_words)


_IN_LAT = {
    "k": (("k", 1),),
    "kh": (("kh", 0.85), ("k", 0.15)),
    "g": (("g", 1),),
    "gh": (("gh", 0.8), ("g", 0.2)),
    "ng": (("ng", 1),),
    "ch": (("ch", 1),),
    "chh": (("chh", 0.5), ("ch", 0.5)),
    "j": (("j", 1),),
    "jh": (("jh", 0.7), ("j", 0.3)),
    "ny": (("n", 1),),
    "T": (("t", 1),),
    "Th": (("th", 0.7), ("t", 0.3)),
    "D": (("d", 1),),
    "Dh": (("dh", 0.7), ("d", 0.3)),
    "N": (("n", 1),),
    "t": (("t", 1),),
    "th": (("th", 0.75), ("t", 0.25)),
    "d": (("d", 1),),
    "dh": (("dh", 0.8), ("d", 0.2)),
    "n": (("n", 1),),
    "p": (("p", 1),),
    "ph": (("ph", 0.7), ("f", 0.3)),
    "b": (("b", 1),),
    "bh": (("bh", 0.8), ("b", 0.2)),
    "m": (("m", 1),),
    "y": (("y", 1),),
    "r": (("r", 1),),
    "l": (("l", 1),),
    "v": (("v", 0.6), ("b", 0.25), ("w", 0.15)),
    "w": (("w", 0.7), ("v", 0.3)),
    "sh": (("sh", 0.75), ("s", 0.25)),
    "Sh": (("sh", 0.7), ("s", 0.3)),
    "s": (("s", 1),),
    "h": (("h", 1),),
    "f": (("f", 0.8), ("ph", 0.2)),
    "z": (("z", 0.7), ("j", 0.3)),
    "q": (("q", 0.3), ("k", 0.7)),
    "M": (("n", 0.7), ("m", 0.3)),
    "a": (("a", 0.95), ("u", 0.05)),
    "aa": (("a", 0.85), ("aa", 0.15)),
    "i": (("i", 0.92), ("e", 0.08)),
    "ii": (("i", 0.6), ("ee", 0.4)),
    "u": (("u", 0.9), ("o", 0.1)),
    "uu": (("u", 0.6), ("oo", 0.4)),
    "R": (("ri", 1),),
    "e": (("e", 1),),
    "ai": (("ai", 0.7), ("ei", 0.2), ("ay", 0.1)),
    "o": (("o", 1),),
    "au": (("au", 0.5), ("ou", 0.4), ("ow", 0.1)),
    "gem": (("double", 0.6), ("single", 0.4)),
}
_IN_CONV = {
    "en": {},
    "beng": {
        "a": (("a", 0.65), ("o", 0.35)),
        "v": (("b", 0.7), ("v", 0.3)),
        "s": (("s", 0.88), ("sh", 0.12)),
        "u": (("u", 0.8), ("o", 0.2)),
        "j": (("j", 0.7), ("z", 0.3)),
        "z": (("z", 0.5), ("j", 0.5)),
    },
    "fr": {"u": (("ou", 0.7), ("u", 0.3)), "uu": (("ou", 1),), "sh": (("ch", 0.6), ("sh", 0.4))},
    "de": {
        "y": (("j", 0.5), ("y", 0.5)),
        "sh": (("sch", 0.6), ("sh", 0.4)),
        "v": (("w", 0.6), ("v", 0.4)),
    },
}


def render_indic(phon: str, conv: str, rng: random.Random, script: str) -> str:
    if conv in ("machine", "iso"):
        return " ".join(title_word(w) for w in anyascii(indic_script(phon, script)).split())
    table = dict(_IN_LAT)
    if script == "Beng":
        table.update(_IN_CONV["beng"])
    table.update(_IN_CONV.get(conv, {}))
    words = []
    for word in phon.split():
        toks = tokenize(word.replace("+", "").replace(".", ""), IN_DIGRAPHS)
        out = []
        i = 0
        n = len(toks)
        while i < n:
            t = toks[i]
            if i + 1 < n and toks[i + 1] == t and t not in _IN_VOWELS:
                c = pick(rng, table[t])
                out.append(c + c if pick(rng, table["gem"]) == "double" and len(c) == 1 else c)
                i += 2
                continue
            opts = table.get(t)
            out.append(pick(rng, opts) if opts else t)
            i += 1
        words.append(title_word("".join(out)))
    return " ".join(words)


# --------------------------------------------------------------------------- Cyrillic

_CYR_COMMON = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "і": "i",
    "ї": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "'": "",
    "’": "",
}
# scheme -> (mapping overrides, word-initial overrides)
_CYR_SCHEMES: dict[str, tuple[dict, dict]] = {
    # Ukrainian national system (2010), used in Ukrainian passports
    "ua_national": (
        {"г": "h", "и": "y", "є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia"},
        {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"},
    ),
    # ICAO Doc 9303 (Russian passports since 2013)
    "icao": ({"й": "i", "ъ": "ie", "ю": "iu", "я": "ia", "х": "kh", "ц": "ts"}, {}),
    # BGN/PCGN
    "bgn": (
        {"й": "y", "ю": "yu", "я": "ya", "ё": "yo", "є": "ye", "ї": "yi", "ы": "y", "ь": ""},
        {"е": "ye"},
    ),
    "fr": (
        {
            "у": "ou",
            "ш": "ch",
            "ж": "j",
            "ч": "tch",
            "щ": "chtch",
            "й": "i",
            "ю": "iou",
            "я": "ia",
            "х": "kh",
            "ё": "io",
            "є": "ie",
            "ї": "ii",
        },
        {"е": "ie", "ю": "iou"},
    ),
    "de": (
        {
            "в": "w",
            "ж": "sh",
            "з": "s",
            "й": "j",
            "х": "ch",
            "ц": "z",
            "ч": "tsch",
            "ш": "sch",
            "щ": "schtsch",
            "ю": "ju",
            "я": "ja",
            "ё": "jo",
            "є": "je",
            "ї": "ji",
            "с": "s",
        },
        {"е": "je"},
    ),
    "pl": (
        {
            "в": "w",
            "ж": "z",
            "й": "j",
            "х": "ch",
            "ц": "c",
            "ч": "cz",
            "ш": "sz",
            "щ": "szcz",
            "ю": "ju",
            "я": "ja",
            "ё": "io",
            "є": "je",
            "ї": "ji",
            "ы": "y",
        },
        {"е": "je"},
    ),
    # ISO 9 with diacritics folded ("machine" output of many databases)
    "iso9": (
        {
            "ж": "z",
            "й": "j",
            "х": "h",
            "ц": "c",
            "ч": "c",
            "ш": "s",
            "щ": "s",
            "ю": "u",
            "я": "a",
            "ё": "e",
            "є": "e",
            "ї": "i",
            "ы": "y",
            "э": "e",
        },
        {},
    ),
    "en_loose": ({"й": "y", "ю": "yu", "я": "ya", "х": "kh", "ё": "yo", "є": "ye", "ї": "yi"}, {}),
}
_UK_LETTERS = {"г": "h", "и": "y"}  # Ukrainian values where a scheme is language-aware


def cyr_to_latin(native: str, scheme: str, lang: str, rng: random.Random | None = None) -> str:
    mapping = dict(_CYR_COMMON)
    over, initial = _CYR_SCHEMES[scheme]
    mapping.update(over)
    if lang == "uk" and scheme in ("bgn", "fr", "de", "pl", "en_loose"):
        mapping.update({"г": "h", "и": "y"})
        if scheme == "de":
            mapping["и"] = "y"
        if scheme == "pl":
            mapping["г"] = "h"
    if lang == "ru" and scheme == "ua_national":
        mapping["и"] = "i"
        mapping["г"] = "g"
    words = []
    for word in native.split():
        low = word.lower()
        out = []
        for i, ch in enumerate(low):
            prev = low[i - 1] if i else ""
            if i == 0 and ch in initial:
                out.append(initial[ch])
                continue
            if scheme == "bgn" and ch == "е" and prev in "аеёиоуыэюяіїєъь":
                out.append("ye")
                continue
            if (
                scheme in ("de", "fr")
                and ch == "с"
                and prev
                and prev in "аеиоуыэюяі"
                and i + 1 < len(low)
                and low[i + 1] in "аеиоуыэюяі"
            ):
                out.append("ss")
                continue
            if scheme == "en_loose" and rng is not None:
                if ch == "й" and i == len(low) - 1:
                    out.append("y" if rng.random() < 0.6 else "i")
                    continue
                if ch == "х" and rng.random() < 0.25:
                    out.append("h")
                    continue
                if ch == "ж" and rng.random() < 0.2:
                    out.append("j")
                    continue
            if ch == "з" and prev == "" and scheme == "de":
                out.append("s")
                continue
            if lang == "uk" and ch == "г" and prev == "з" and scheme == "ua_national":
                out.append("gh")
                continue
            out.append(mapping.get(ch, ch))
        text = "".join(out)
        if scheme == "en_loose":
            text = text.replace("iy", "y" if rng is not None and rng.random() < 0.4 else "iy")
        words.append(text[:1].upper() + text[1:] if text else text)
    return " ".join(words)
