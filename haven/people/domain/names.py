"""Compare names across scripts, romanisations and translations.

The same person is "Mohamed" in a police record, "Muhammad" at the NGO and
محمد on their own form; "Tesfaye Gebremariam" to one agency and "Gebre Mariam
Tesfay" to the next. Two features rest on this module:

* **search-before-create** stores ``search_keys`` (short strings, HMAC'd by the
  caller) for every name and looks up the keys of a query; a record sharing a
  key is a candidate, ranked with ``name_similarity``;
* **record linkage** (Splink) compares the per-token columns of ``name_features``.

The pipeline, each stage a pure function:

1. ``normalise_name``: NFKC, case folding, script clean-up (Arabic letter forms,
   short vowels and tatweel; Ethiopian abbreviations), transliteration of every
   script to ASCII with ``anyascii``.
2. ``name_tokens``: spelling conventions folded per token (``name_folding``), and
   particles joined or dropped (``name_particles``): Abd al-Rahman, Abdulrahman
   and عبد الرحمن are the one token ``abdulrahman``.
3. ``token_key``: the consonant skeleton of a token (Mohamed, محمد → ``mhmd``);
   ``phonetic_key``: its metaphone code.
4. ``canonical_token``: the variant-table name a token is a spelling or
   translation of (Joseph → ``yusuf``); the table (``name_variants``) also keeps
   apart the frequent names whose skeletons collide (Muhammad/Mahmoud).

Nothing here imports Django: these functions run in the web app, in batch
linkage on Spark workers, and in tests alike.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import jellyfish
from rapidfuzz.distance import JaroWinkler

from haven.people.domain.name_folding import consonant_skeleton as _consonant_skeleton
from haven.people.domain.name_folding import fold_spelling
from haven.people.domain.name_particles import NO_KNOWN_NAMES, KnownNames, join_particles
from haven.people.domain.name_script import to_latin
from haven.people.domain.name_variants import COMPOUND_HEAD_GROUPS, VARIANT_GROUPS

__all__ = [
    "GROUP_KEY_PREFIX",
    "KEY_SCHEME_VERSION",
    "PAIR_KEY_SEPARATOR",
    "NameFeatures",
    "VariantTableError",
    "canonical_token",
    "name_features",
    "name_similarity",
    "name_similarity_to",
    "name_tokens",
    "normalise_name",
    "phonetic_key",
    "search_keys",
    "search_keys_for_tokens",
    "token_key",
]

# Stored search keys are a function of this module and its variant table. Bump the
# version with any change that alters a key, and recompute the stored keys.
KEY_SCHEME_VERSION = 1

# A key naming a variant-table group starts with this; a bare key is a skeleton.
GROUP_KEY_PREFIX = "="
# A key for two tokens of one name joins their keys in sorted order with this.
PAIR_KEY_SEPARATOR = "+"
# Pair keys grow with the square of the token count; longer names are cut here.
MAX_TOKENS_FOR_SEARCH_KEYS = 12
MAX_TOKENS_FOR_SIMILARITY = 8

# Token similarity floors and ceilings, in [0, 1].
SAME_GROUP_SIMILARITY = 0.95
SAME_SKELETON_SIMILARITY = 0.9
SAME_PHONETIC_KEY_SIMILARITY = 0.85
INITIAL_SIMILARITY = 0.8
# Two tokens that are each a known spelling of a different name (Hassan, Hussein)
# are different names, however alike they look.
KNOWN_DIFFERENT_NAMES_CEILING = 0.6
# Each name part present on one side only (a father's name left out) costs this factor.
MISSING_PART_FACTOR = 0.9
# Names with different token counts are also compared with their parts run together
# (Abdi Rahman / Abdirahman), when the run-together forms are this alike at least.
RUN_TOGETHER_MIN_SIMILARITY = 0.9
RUN_TOGETHER_FACTOR = 0.95

VARIANT_TABLE_ENTRY_NOT_ONE_TOKEN = "variant table: {spelling!r} of {group!r} yields {tokens}"
VARIANT_TABLE_ENTRY_UNSTABLE = (
    "variant table: {spelling!r} of {group!r} yields {tokens} once known names are applied"
)


# A pure function of one token, called for every token of every name linkage reads.
consonant_skeleton = functools.lru_cache(maxsize=262_144)(_consonant_skeleton)


class VariantTableError(ValueError):
    """The variant table has an entry the normalisation pipeline cannot use."""


# --- public API -----------------------------------------------------------------------------------


def normalise_name(text: str) -> str:
    """The name in lowercase ASCII Latin: any script transliterated, diacritics and
    punctuation removed, words separated by single spaces (hyphens kept inside words).

    Idempotent; never raises. ``normalise_name("ʿAbd al-Raḥmān")`` is ``"abd al-rahman"``,
    ``normalise_name("عبد الرحمن")`` is ``"abd al-rhmn"``.
    """
    return to_latin(text)


def name_tokens(text: str) -> tuple[str, ...]:
    """The name's tokens, spelling conventions folded and particles joined or dropped.

    ``name_tokens("Abd al-Rahman ibn Yousef")`` is ``("abdulrahman", "yusef")``.
    Order is kept; comparisons that should ignore it use ``name_similarity`` or
    ``search_keys``.
    """
    return _tokens_of_latin(to_latin(text))


def token_key(token: str) -> str:
    """The consonant skeleton of one token (Mohamed, Muhammad, محمد → ``mhmd``).

    ``token`` is one item of ``name_tokens``; any other string is normalised and
    read as one token. Coarse on purpose: use it to block candidates, not to decide.
    """
    return consonant_skeleton(_as_token(token))


def phonetic_key(token: str) -> str:
    """The metaphone code of one folded token (``""`` for an empty token)."""
    return _phonetic_key(_as_token(token))


# A pure function of one token (the variant table is indexed once), called for
# every token of every name linkage reads.
@functools.lru_cache(maxsize=262_144)
def canonical_token(token: str) -> str:
    """The name a token is a spelling or translation of, for linkage columns.

    A spelling in the variant table gives its group (Joseph, يوسف → ``yusuf``); an
    unlisted spelling whose skeleton only one group uses gives that group; any other
    token is returned folded.
    """
    folded = _as_token(token)
    groups = _groups_of(folded)
    return next(iter(groups)) if len(groups) == 1 else folded


def search_keys(text: str) -> frozenset[str]:
    """The keys to store for a name in a search index, and to look up for a query.

    Two spellings of a name share at least one key: every token gives one key
    (usually), and every two tokens give a pair key, so a name missing a part, or
    with its parts reordered, still shares the keys of the parts it has. A query
    with two or more tokens can look up pair keys (those containing
    ``PAIR_KEY_SEPARATOR``) first, which are far more selective than token keys.
    Deterministic for a given ``KEY_SCHEME_VERSION``.
    """
    return search_keys_for_tokens(name_tokens(text))


def search_keys_for_tokens(tokens: Sequence[str]) -> frozenset[str]:
    """``search_keys`` of a name already split by ``name_tokens``.

    Subset-stable: the keys of some of a name's tokens are a subset of the keys of
    all of them (for names of up to ``MAX_TOKENS_FOR_SEARCH_KEYS`` tokens).
    """
    keys_per_token = list(map(_token_search_keys, tokens[:MAX_TOKENS_FOR_SEARCH_KEYS]))
    keys: set[str] = set().union(*keys_per_token)
    for first_keys, second_keys in combinations(keys_per_token, 2):
        keys.update(_pair_key(first, second) for first in first_keys for second in second_keys)
    return frozenset(keys)


def name_similarity(first: str, second: str) -> float:
    """How alike two names are, in [0, 1]: symmetric, 1.0 for identical input.

    Tokens are paired to maximise the total similarity, so order does not matter;
    a part present in only one name (a father's or grandfather's name) lowers the
    score by ``MISSING_PART_FACTOR`` rather than ruling the pair out.
    """
    return name_similarity_to(first)(second)


def name_similarity_to(first: str) -> Callable[[str], float]:
    """``name_similarity(first, ·)`` with ``first`` normalised once, for comparing
    one name (a search query) with many."""
    first_tokens = name_tokens(first)[:MAX_TOKENS_FOR_SIMILARITY]

    def similarity(second: str) -> float:
        if first == second:
            return 1.0
        second_tokens = name_tokens(second)[:MAX_TOKENS_FOR_SIMILARITY]
        if not first_tokens or not second_tokens:
            return 0.0
        if first_tokens == second_tokens:
            return 1.0
        return _tokens_similarity(first_tokens, second_tokens)

    return similarity


@dataclass(frozen=True)
class NameFeatures:
    """Per-name columns for record linkage (Splink arrays and exact-match columns)."""

    normalised: str
    tokens: tuple[str, ...]
    canonical_tokens: tuple[str, ...]
    token_keys: tuple[str, ...]
    phonetic_keys: tuple[str, ...]
    # Canonical tokens sorted and joined: equal for reordered spellings of one name.
    sorted_canonical: str


def name_features(text: str) -> NameFeatures:
    """Every derived form of a name that linkage compares, computed once."""
    normalised = _latin_by_words(text)
    tokens = _tokens_of_latin(normalised)
    # map over the cached per-token functions: linkage calls this for every
    # distinct name, and a generator per column costs more than the lookups.
    canonical = tuple(map(canonical_token, tokens))
    return NameFeatures(
        normalised=normalised,
        tokens=tokens,
        canonical_tokens=canonical,
        token_keys=tuple(map(consonant_skeleton, tokens)),
        phonetic_keys=tuple(map(_phonetic_key, tokens)),
        sorted_canonical=" ".join(sorted(canonical)),
    )


# --- tokens ---------------------------------------------------------------------------------------

_NOT_TOKEN_LETTER = re.compile(r"[^a-z]+")


def _latin_by_words(text: str) -> str:
    """``to_latin(text)``, one whitespace-separated word at a time, each cached.

    ``to_latin`` treats every word on its own (letters are cleaned up, Arabic runs
    and Ethiopian abbreviations end at a space), so this is the same string; it is
    faster because linkage sees few distinct words in many distinct names.
    """
    return " ".join(latin for latin in map(_latin_word, text.split()) if latin)


@functools.lru_cache(maxsize=262_144)
def _latin_word(word: str) -> str:
    return to_latin(word)


def _tokens_of_latin(latin: str) -> tuple[str, ...]:
    return join_particles(latin, _variant_index().known)


@functools.lru_cache(maxsize=65_536)
def _as_token(token: str) -> str:
    return fold_spelling(_NOT_TOKEN_LETTER.sub("", to_latin(token)))


@functools.lru_cache(maxsize=65_536)
def _phonetic_key(folded: str) -> str:
    return jellyfish.metaphone(folded) if folded else ""


# --- the variant table ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _VariantIndex:
    groups_by_member: Mapping[str, frozenset[str]]
    groups_by_skeleton: Mapping[str, frozenset[str]]
    known: KnownNames


@functools.cache
def _variant_index() -> _VariantIndex:
    """Index the variant table once, checking that every entry is usable."""
    members: dict[str, set[str]] = {}
    spelling_tokens: list[tuple[str, str, tuple[str, ...]]] = []
    for group, spellings in VARIANT_GROUPS.items():
        for spelling in spellings:
            tokens = join_particles(to_latin(spelling), NO_KNOWN_NAMES)
            if len(tokens) != 1:
                raise VariantTableError(
                    VARIANT_TABLE_ENTRY_NOT_ONE_TOKEN.format(
                        spelling=spelling, group=group, tokens=tokens
                    )
                )
            members.setdefault(tokens[0], set()).add(group)
            spelling_tokens.append((group, spelling, tokens))
    known = KnownNames(
        names=frozenset(members),
        compound_heads=frozenset(
            member for member, groups in members.items() if groups & set(COMPOUND_HEAD_GROUPS)
        ),
    )
    for group, spelling, tokens in spelling_tokens:
        with_known_names = join_particles(to_latin(spelling), known)
        if with_known_names != tokens:
            raise VariantTableError(
                VARIANT_TABLE_ENTRY_UNSTABLE.format(
                    spelling=spelling, group=group, tokens=with_known_names
                )
            )
    return _VariantIndex(
        groups_by_member={member: frozenset(groups) for member, groups in members.items()},
        groups_by_skeleton=_groups_by_skeleton(members),
        known=known,
    )


def _groups_by_skeleton(members: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    by_skeleton: dict[str, set[str]] = {}
    for member, groups in members.items():
        by_skeleton.setdefault(consonant_skeleton(member), set()).update(groups)
    return {skeleton: frozenset(groups) for skeleton, groups in by_skeleton.items()}


def _groups_of(folded: str) -> frozenset[str]:
    """Groups a listed spelling belongs to; else the groups using its skeleton."""
    index = _variant_index()
    listed = index.groups_by_member.get(folded)
    if listed is not None:
        return listed
    return index.groups_by_skeleton.get(consonant_skeleton(folded), frozenset())


# --- search keys ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=65_536)
def _token_search_keys(token: str) -> frozenset[str]:
    """A listed spelling keys on its group(s) only, so Mahmoud is not found for محمد.
    An unlisted spelling keys on every group sharing its skeleton, or on the skeleton."""
    if len(token) < 2:  # an initial matches too much to be a key
        return frozenset()
    groups = _groups_of(token)
    if groups:
        return frozenset(GROUP_KEY_PREFIX + group for group in groups)
    return frozenset({consonant_skeleton(token)})


def _pair_key(first: str, second: str) -> str:
    # The two keys in sorted order, without building a list: called for every two
    # keys of every name linkage reads.
    if second < first:
        first, second = second, first
    return first + PAIR_KEY_SEPARATOR + second


# --- similarity -----------------------------------------------------------------------------------


def _tokens_similarity(first: Sequence[str], second: Sequence[str]) -> float:
    # A fixed order of the two names makes the float arithmetic, and so the score, symmetric.
    shorter, longer = sorted((first, second), key=lambda tokens: (len(tokens), tokens))
    matrix = [[_token_similarity(a, b) for b in longer] for a in shorter]
    paired = _best_assignment_total(matrix) / len(shorter)
    score = paired * MISSING_PART_FACTOR ** (len(longer) - len(shorter))
    if len(shorter) != len(longer):
        run_together = JaroWinkler.normalized_similarity("".join(shorter), "".join(longer))
        if run_together >= RUN_TOGETHER_MIN_SIMILARITY:
            score = max(score, RUN_TOGETHER_FACTOR * run_together)
    return min(1.0, max(0.0, score))


def _best_assignment_total(matrix: list[list[float]]) -> float:
    """Largest total similarity pairing each row with a distinct column (rows <= columns).

    Exact dynamic programming over subsets of columns; names have few tokens.
    """
    best_by_used_columns: dict[int, float] = {0: 0.0}
    for row in matrix:
        next_best: dict[int, float] = {}
        for used, total in best_by_used_columns.items():
            for column, similarity in enumerate(row):
                if used & (1 << column):
                    continue
                key = used | (1 << column)
                candidate = total + similarity
                if candidate > next_best.get(key, -1.0):
                    next_best[key] = candidate
        best_by_used_columns = next_best
    return max(best_by_used_columns.values())


@functools.lru_cache(maxsize=262_144)
def _token_similarity(first: str, second: str) -> float:
    if first == second:
        return 1.0
    similarity = JaroWinkler.normalized_similarity(first, second)
    index = _variant_index()
    first_groups = index.groups_by_member.get(first, frozenset())
    second_groups = index.groups_by_member.get(second, frozenset())
    if first_groups & second_groups:
        return max(similarity, SAME_GROUP_SIMILARITY)
    if first_groups and second_groups:
        return min(similarity, KNOWN_DIFFERENT_NAMES_CEILING)
    if consonant_skeleton(first) == consonant_skeleton(second):
        return max(similarity, SAME_SKELETON_SIMILARITY)
    if _phonetic_key(first) == _phonetic_key(second):
        return max(similarity, SAME_PHONETIC_KEY_SIMILARITY)
    if _is_initial_of(first, second) or _is_initial_of(second, first):
        return max(similarity, INITIAL_SIMILARITY)
    return similarity


def _is_initial_of(initial: str, token: str) -> bool:
    return len(initial) == 1 and len(token) > 1 and token.startswith(initial)
