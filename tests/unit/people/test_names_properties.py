"""Properties of name normalisation that must hold for any text at all."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from haven.people.domain.names import (
    MAX_TOKENS_FOR_SEARCH_KEYS,
    canonical_token,
    name_features,
    name_similarity,
    name_tokens,
    normalise_name,
    phonetic_key,
    search_keys,
    search_keys_for_tokens,
    token_key,
)

PROPERTY_SETTINGS = settings(max_examples=400, deadline=None)

# Pieces of real naming practice, so that properties also exercise particles,
# abbreviations and every script the module must handle, not only random text.
NAME_PIECES = [
    "Mohamed", "محمد", "Мухаммад", "Abd", "al-", "Abdel", "ar-Rahman", "الرحمن", "عبد",
    "عبدالله", "ibn", "bin", "Ben", "Abu", "Abou", "ad-Din", "Eddine", "Ullah", "ollah",
    "Gebre", "Mariam", "G/", "W/ro", "ገብረ", "ማርያም", "ተስፋዬ", "Юрий", "Олександр", "राजेश",
    "রহিম", "Hüseyin", "Ayşe", "O'Brien", "Jean-Pierre", "El", "Elsayed", "An", "Nguyen",
    "Mr", "Alhaji", "Yusuf", "Joseph", "Aliya", "ﷺ", "😀", "-", "/", "  ", "\t", "\u200c",
]  # fmt: skip

any_text = st.text()
name_like_text = st.lists(st.sampled_from(NAME_PIECES), max_size=7).map(" ".join) | st.lists(
    st.sampled_from(NAME_PIECES) | st.text(max_size=3), max_size=6
).map("".join)
names = any_text | name_like_text


@PROPERTY_SETTINGS
@given(names)
def test_no_function_raises_on_any_text(text: str) -> None:
    normalise_name(text)
    search_keys(text)
    name_similarity(text, "Mohamed")
    name_features(text)
    for token in (text, *name_tokens(text)):
        token_key(token)
        phonetic_key(token)
        canonical_token(token)


@PROPERTY_SETTINGS
@given(names)
def test_normalise_name_is_idempotent_plain_ascii(text: str) -> None:
    normalised = normalise_name(text)

    assert normalise_name(normalised) == normalised
    assert re.fullmatch(r"(?:[a-z]+(?:-[a-z]+)*(?: [a-z]+(?:-[a-z]+)*)*)?", normalised)


@PROPERTY_SETTINGS
@given(names)
def test_name_tokens_are_stable_when_read_again(text: str) -> None:
    tokens = name_tokens(text)

    assert name_tokens(" ".join(tokens)) == tokens
    assert name_tokens(normalise_name(text)) == tokens
    assert all(re.fullmatch(r"[a-z]+", token) for token in tokens)


@PROPERTY_SETTINGS
@given(names)
def test_search_keys_are_a_function_of_the_tokens(text: str) -> None:
    tokens = name_tokens(text)

    assert search_keys(text) == search_keys_for_tokens(tokens)
    assert search_keys(normalise_name(text)) == search_keys(text)


@PROPERTY_SETTINGS
@given(names, st.data())
def test_search_keys_of_some_tokens_are_a_subset_of_the_keys_of_all(
    text: str, data: st.DataObject
) -> None:
    tokens = name_tokens(text)[:MAX_TOKENS_FOR_SEARCH_KEYS]
    kept = data.draw(st.lists(st.booleans(), min_size=len(tokens), max_size=len(tokens)))
    some_tokens = [token for token, keep in zip(tokens, kept, strict=True) if keep]

    assert search_keys_for_tokens(some_tokens) <= search_keys_for_tokens(tokens)


@PROPERTY_SETTINGS
@given(names)
def test_search_keys_do_not_depend_on_token_order(text: str) -> None:
    tokens = name_tokens(text)[:MAX_TOKENS_FOR_SEARCH_KEYS]

    assert search_keys_for_tokens(tokens[::-1]) == search_keys_for_tokens(tokens)


@PROPERTY_SETTINGS
@given(names, names)
def test_similarity_is_symmetric_and_bounded(first: str, second: str) -> None:
    similarity = name_similarity(first, second)

    assert 0.0 <= similarity <= 1.0
    assert similarity == name_similarity(second, first)


@PROPERTY_SETTINGS
@given(names)
def test_similarity_of_a_name_with_itself_is_one(text: str) -> None:
    assert name_similarity(text, text) == 1.0
    if name_tokens(text):
        assert name_similarity(text, normalise_name(text)) == 1.0
