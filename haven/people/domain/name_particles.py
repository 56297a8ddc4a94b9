"""Join or drop the particles of a name so that every spelling yields the same tokens.

"Abd al-Rahman", "Abdulrahman", "Abdel Rahman", "Abdurrahman", "Abdirahman"
and عبد الرحمن all become the one token ``abdulrahman``; "Salah ad-Din" and
"Salaheddine" become ``salahudin``; "Habib Ullah" and "Habibollah" become
``habibulah``; "Gebre Mariam" and "G/Mariam" become ``gebremariam``; and
"Mohammadreza" becomes ``muhamad reza``. Articles (al-, el-, ul-, ad-…), "son or
daughter of" (bin, ben, ibn, bint, ould) and a leading title (Mr, Ato, Alhaji)
are dropped.

Three steps:

1. On the tokens as written: the divine name (-ullah) and -uddin compounds,
   because only the doubled letters tell them apart from names that merely end
   alike (Fadila, Kamala; Medhin, Nordin).
2. On spelling-folded tokens (see ``name_folding``), so each particle is listed
   once: drop titles, kinship words and articles, then join compounds.
3. Split a compound written as one word when both halves are known names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from haven.people.domain.name_folding import fold_spelling


@dataclass(frozen=True)
class KnownNames:
    """Folded spellings from the variant table that some particle rules need.

    ``names`` lose a joined article (Elsayed is El Sayed, Alhassan is Al Hassan),
    which would be unsafe for unknown names (Alexander, Elena). ``compound_heads``
    are the first names of compounds written as one word (Mohammadreza, Alireza).
    """

    names: frozenset[str] = frozenset()
    compound_heads: frozenset[str] = frozenset()


NO_KNOWN_NAMES = KnownNames()


# A named tuple, not a dataclass: several are built per name, and a tuple is
# built several times faster.
class _Part(NamedTuple):
    text: str
    hyphen_before: bool
    after_article: bool = False


def _folded(spellings: Iterable[str]) -> frozenset[str]:
    return frozenset(fold_spelling(spelling) for spelling in spellings)


# --- step 1: compounds recognised on tokens as written ----------------------------------------

_DIVINE_NAME_TOKENS = frozenset({"allah", "ullah", "ollah", "oullah", "ulla", "olla", "alla"})
_DIVINE_NAME_AFTER_ARTICLE = frozenset({"lah", "llah", "lla"})
_WRITTEN_ARTICLES = frozenset({"al", "el", "ul", "ol", "il"})
_DIVINE_NAME_SUFFIX = re.compile(r"^(?P<base>[a-z]{2,}?)(?:ou|[aou])ll(?:ah|a|ahi)h?$")
# Nasreddine, Salahuddin, Alaeddin, Shamsaldin: the doubled d of the assimilated
# article, or the l of the article, tells them apart from Medhin or Nordin.
_DIN_SUFFIX = re.compile(
    r"^(?P<base>[a-z]{3,}?)(?:[aeiou]{1,2}ld|[aeiou]{0,2}dd)(?:in|ine|een|ien)$"
)


def _join_written_compounds(parts: list[_Part]) -> list[_Part]:
    """Join the divine name to the name before it; give -ullah and -uddin one spelling."""
    joined: list[_Part] = []
    for part in parts:
        if joined and _is_divine_name_token(part, joined[-1]):
            if len(joined) > 1 and joined[-1].text in _WRITTEN_ARTICLES:
                joined.pop()  # Ata ul-lah, Abd al-Lah
            head = joined.pop()
            joined.append(_Part(head.text + "ullah", head.hyphen_before))
            continue
        joined.append(_Part(_written_compound(part.text), part.hyphen_before))
    return joined


@functools.lru_cache(maxsize=65_536)
def _written_compound(text: str) -> str:
    if divine_name := _DIVINE_NAME_SUFFIX.match(text):
        return divine_name["base"] + "ullah"
    if din := _DIN_SUFFIX.match(text):
        return din["base"] + "uddin"
    return text


def _is_divine_name_token(part: _Part, previous: _Part) -> bool:
    if part.text in _DIVINE_NAME_TOKENS:
        return True
    return part.text in _DIVINE_NAME_AFTER_ARTICLE and (
        part.hyphen_before or previous.text in _WRITTEN_ARTICLES
    )


# --- step 2: particles of folded tokens ----------------------------------------------------------

_TITLES = _folded(
    ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "ato", "alhaji", "alhajji", "alhaja", "hajia"]
)
_SON_OR_DAUGHTER_OF = _folded(
    ["bin", "ben", "ibn", "ibnu", "bn", "abn", "bint", "binti", "bnt", "ould", "wuld", "wad"]
)
_ARTICLES = _folded(["al", "el", "ul", "ol", "il"])
# An article assimilated to the sun letter that follows it: ad-Din, ar-Rahman, ash-Shami.
_ASSIMILATED_ARTICLE = re.compile(r"^[aeiu](sh|[tdrzsn])$")
_DROPPABLE = _TITLES | _SON_OR_DAUGHTER_OF | _ARTICLES
_ABD_HEAD = re.compile(r"^abd(?:[aeiu]l|[aeiu](?:sh|[tdrzsn]))?$")
# Abdi and Abdu are given names of their own, and heads of a compound only before
# one of the divine attributes (Abdi Rahman, Abdu Karim).
_ABD_LINKED_HEAD = re.compile(r"^abd[iu]$")
_MIN_COMPOUND_TARGET_LENGTH = 3  # Abu Ali, Abdul Haq
_ABU_HEADS = _folded(["abu", "abou", "abo", "abul", "aboul"])
# The divine name after folding: Abdullah, Abd Alah, and Abd al-Lah are all Abdullah.
_DIVINE_NAME_FOLDED = frozenset({"ulah", "alah", "lah"})
_DIVINE_ATTRIBUTES = _folded(
    [
        "rahman", "rahim", "raheem", "karim", "kareem", "aziz", "latif", "hamid", "majid",
        "majeed", "wahab", "wahhab", "razak", "razzaq", "razaq", "halim", "hakim", "salam",
        "jabbar", "qadir", "kadir", "kader", "qader", "malik", "ghani", "hadi", "nasir",
        "nasser", "rauf", "wahid", "samad", "basit", "fattah", "jalil", "qayyum", "hafiz",
        "haq", "haqq", "bari", "khaliq", "mumin", "muhsin", "azim", "rashid", "sattar",
        "shakur", "ghafur", "ghaffar", "mannan", "wadud", "qawi", "ilah", "muttalib", "ali",
    ]
)  # fmt: skip
_DIN_TOKENS = _folded(["din", "dine", "deen"])
_ARTICLE_AND_DIN = re.compile(r"^[aeiu]l?din[e]?$")
_ETHIOPIAN_HEADS = _folded(
    [
        "gebre", "ghebre", "gebra", "wolde", "welde", "walda", "haile", "hayle", "tekle",
        "kidane", "habte", "fikre", "fkre", "berhane", "brhane", "zere", "tesfa",
    ]
)  # fmt: skip
# The second part of Ethiopian and Eritrean compound names: God, Mary, the saints.
_ETHIOPIAN_SACRED_NAMES = _folded(
    [
        "mariam", "maryam", "mariyam", "mikael", "michael", "mikail", "mikhael", "selassie",
        "silassie", "sellassie", "slassie", "yesus", "iyesus", "eyesus", "giorgis", "georgis",
        "giyorgis", "medhin", "medhen", "medhn", "kidan", "egziabher", "egziabeher",
        "igziabher", "kristos", "christos", "amlak", "tsadik", "tensae", "tinsae", "hiwet",
        "hiwot", "yohannes", "gabriel", "gebriel", "rufael", "haimanot", "haymanot", "tsion",
        "tsiyon", "selam", "hawaryat", "libanos", "meskel", "mesqel", "aregawi",
        # as anyascii writes them from Ge'ez script
        "slase", "krstos", "gziabher", "tnsae", "hywet", "tsadk", "tsyon", "amlah",
    ]
)  # fmt: skip

# One-word Abd- compounds (Abdelkader, Abdurrahman, Abdirahman) and Abdullah.
_ABD_COMPOUND = re.compile(r"^abd(?:[aeiu]l|[aeiu](?=sh|[tdrzsn])|[iu])(?P<rest>[a-z]{3,})$")
_ABD_DIVINE_NAME = re.compile(r"^abd[aeiu]?l(?:a|ah|ahi|aye|ai)$")
_JOINED_ARTICLE = re.compile(r"^(?:al|el|ul)(?P<rest>[a-z]{4,})$")


def join_particles(latin_name: str, known: KnownNames) -> tuple[str, ...]:
    """The folded tokens of a name written by ``to_latin``, particles joined or dropped."""
    words = latin_name.split()
    # Most names have no particle at all: their tokens are then a pure function of
    # each word, computed once per distinct word. The rules below give the same
    # tokens for such names, only more slowly.
    lone_words = [_lone_word_pieces(word, known) for word in words]
    if None not in lone_words:
        return tuple(piece for pieces in lone_words for piece in pieces)  # type: ignore[union-attr]
    return _join_particles_in_context(words, known)


def _join_particles_in_context(words: list[str], known: KnownNames) -> tuple[str, ...]:
    written = [
        _Part(text, hyphen_before=position > 0)
        for word in words
        for position, text in enumerate(word.split("-"))
        if text
    ]
    parts = [
        _Part(fold_spelling(part.text), part.hyphen_before)
        for part in _join_written_compounds(written)
    ]
    tokens = [_canonical_compound(token, known.names) for token in _join_folded_particles(parts)]
    return tuple(piece for token in tokens for piece in _split_run_together(token, known))


def _join_folded_particles(parts: list[_Part]) -> list[str]:
    # Everything to drop goes first, so that the joins see the same neighbours when
    # the result is read again: name_tokens(" ".join(name_tokens(x))) == name_tokens(x).
    parts = _drop_particles(parts)
    tokens: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        following = parts[index + 1] if index + 1 < len(parts) else None
        if _joins_din(tokens, part):
            tokens[-1] += "udin"  # Salah ad-Din, Salah Eddine
        elif following is None:
            tokens.append(part.text)
        elif head := _compound_head(part.text, following.text):
            tokens.append(_join_compound(head, following.text))
            index += 1
        elif part.text in _ETHIOPIAN_HEADS and (
            following.hyphen_before or following.text in _ETHIOPIAN_SACRED_NAMES
        ):
            tokens.append(part.text + following.text)
            index += 1
        else:
            tokens.append(part.text)
        index += 1
    return tokens


def _drop_particles(parts: list[_Part]) -> list[_Part]:
    """Drop a leading title, "son/daughter of" between names, and every article
    before a word (marking that word).

    Repeated until nothing changes, because each drop gives other words new
    neighbours (Mr al-Amin; A an-el Nur).
    """
    if not any(_may_be_dropped(part.text) for part in parts):
        return parts
    while True:
        kept = _drop_articles_once(_drop_titles_and_kinship_once(parts))
        if len(kept) == len(parts):
            return kept
        parts = kept


def _may_be_dropped(text: str) -> bool:
    """Whether ``_drop_particles`` can drop this folded token, in some context."""
    return text in _DROPPABLE or bool(_ASSIMILATED_ARTICLE.match(text))


def _drop_titles_and_kinship_once(parts: list[_Part]) -> list[_Part]:
    kept: list[_Part] = []
    for index, part in enumerate(parts):
        has_following = index + 1 < len(parts)
        is_title = not kept and part.text in _TITLES
        is_kinship = bool(kept) and part.text in _SON_OR_DAUGHTER_OF
        if has_following and (is_title or is_kinship):
            continue
        kept.append(part)
    return kept


def _drop_articles_once(parts: list[_Part]) -> list[_Part]:
    kept: list[_Part] = []
    after_article = False
    for index, part in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else None
        previous = parts[index - 1].text if index > 0 else ""
        if following and _is_article(part.text, previous, following):
            after_article = True
            continue
        kept.append(_Part(part.text, part.hyphen_before, after_article or part.after_article))
        after_article = False
    return kept


def _joins_din(tokens: list[str], part: _Part) -> bool:
    # The head must be a name of its own, as in the one-word form (_DIN_SUFFIX).
    if not tokens or len(tokens[-1]) < 3:
        return False
    return (part.after_article and part.text in _DIN_TOKENS) or bool(
        _ARTICLE_AND_DIN.match(part.text)
    )


def _is_article(text: str, previous: str, following: _Part) -> bool:
    if text in _ARTICLES:
        return True
    assimilated = _ASSIMILATED_ARTICLE.match(text)
    if not assimilated or not following.text.startswith(assimilated[1]):
        return False
    # Written apart, "ad", "an", "ar"… are names or words of other languages
    # (Thi An Nguyen) unless the context is Arabic: a hyphen (ad-Din), the Indo-
    # Persian "ud", "ur" forms, or the head of a compound (Abd ar Rahman, Nasr ad Din).
    return (
        following.hyphen_before
        or text.startswith("u")
        or bool(_ABD_HEAD.match(previous))
        or previous in _ABU_HEADS
        or following.text in _DIN_TOKENS
    )


def _compound_head(text: str, following: str) -> str | None:
    """The canonical head if ``text`` starts a compound with ``following`` (Abd, Abu)."""
    if len(following) < _MIN_COMPOUND_TARGET_LENGTH:
        return None
    if _ABD_HEAD.match(text):
        return "abdul"
    if _ABD_LINKED_HEAD.match(text) and following in _DIVINE_ATTRIBUTES:
        return "abdul"
    if text in _ABU_HEADS:
        return "abu"
    return None


def _join_compound(head: str, target: str) -> str:
    if head == "abdul" and target in _DIVINE_NAME_FOLDED:
        return "abdulah"
    joined_article = _JOINED_ARTICLE.match(target)
    if joined_article and head == "abdul":
        target = joined_article["rest"]
    return head + target


def _canonical_compound(token: str, known_names: frozenset[str]) -> str:
    """One token's canonical compound form: abdul-, and no joined article."""
    # Joining can double a letter (abdul + latif), and folding the join can reveal
    # another compound (abdul + la); repeat until nothing changes.
    canonical = fold_spelling(token)
    for _ in range(4):
        rewritten = fold_spelling(_rewrite_compound_once(canonical, known_names))
        if rewritten == canonical:
            break
        canonical = rewritten
    return canonical


def _rewrite_compound_once(token: str, known_names: frozenset[str]) -> str:
    if _ABD_DIVINE_NAME.match(token):
        return "abdulah"
    if abd := _ABD_COMPOUND.match(token):
        return "abdul" + abd["rest"]
    joined_article = _JOINED_ARTICLE.match(token)
    if joined_article and joined_article["rest"] in known_names:
        return joined_article["rest"]
    return token


# --- step 3: compounds written as one word ------------------------------------------------------

_MIN_SPLIT_PART = 3


def _split_run_together(token: str, known: KnownNames) -> tuple[str, ...]:
    """Split a compound written as one word into its two names: Mohammadreza,
    محمدرضا → mohammad reza; Alireza; Fatimazahra. Both must be known names."""
    if token in known.names:
        return (token,)
    for cut in range(len(token) - _MIN_SPLIT_PART, _MIN_SPLIT_PART - 1, -1):
        head, tail = token[:cut], token[cut:]
        if head in known.compound_heads and tail in known.names:
            return head, tail
    return (token,)


# --- tokens no particle rule touches -------------------------------------------------------------

_JOINED_OR_DROPPED = (
    _TITLES | _SON_OR_DAUGHTER_OF | _ARTICLES | _DIN_TOKENS | _ABU_HEADS | _ETHIOPIAN_HEADS
)
_JOINED_OR_DROPPED_PATTERNS = (_ASSIMILATED_ARTICLE, _ARTICLE_AND_DIN, _ABD_HEAD, _ABD_LINKED_HEAD)


@functools.lru_cache(maxsize=65_536)
def _lone_word_pieces(word: str, known: KnownNames) -> tuple[str, ...] | None:
    """The tokens ``join_particles`` gives for a word (hyphenated or not) that no
    rule joins to or drops with its neighbours, or ``None`` if a rule might."""
    pieces: list[str] = []
    for text in word.split("-"):
        if not text:
            continue
        token_pieces = _lone_token_pieces(text, known)
        if token_pieces is None:
            return None
        pieces.extend(token_pieces)
    return tuple(pieces)


def _lone_token_pieces(text: str, known: KnownNames) -> tuple[str, ...] | None:
    """The tokens ``join_particles`` gives for a written token that no rule joins to
    or drops with its neighbours, or ``None`` if a rule might.

    Such a token is not a divine name as written, and once folded it is none of
    the particles, heads or din forms that ``_drop_particles`` and
    ``_join_folded_particles`` look at. A name made only of such tokens has no
    article or kinship word to drop and no head to join, so every token passes
    through those steps unchanged, whatever its neighbours (hyphens only matter
    next to a particle).
    """
    if text in _DIVINE_NAME_TOKENS or text in _DIVINE_NAME_AFTER_ARTICLE:
        return None
    folded = fold_spelling(_written_compound(text))
    if folded in _JOINED_OR_DROPPED or any(
        pattern.match(folded) for pattern in _JOINED_OR_DROPPED_PATTERNS
    ):
        return None
    return _split_run_together(_canonical_compound(folded, known.names), known)
