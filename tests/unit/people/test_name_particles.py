"""The shortcut of ``join_particles`` for names without particles gives the rules' tokens."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from haven.people.domain.name_particles import (
    NO_KNOWN_NAMES,
    _join_particles_in_context,
    join_particles,
)
from haven.people.domain.names import _variant_index, normalise_name

PROPERTY_SETTINGS = settings(max_examples=1000, deadline=None)

# Every kind of word a particle rule looks at, next to names that no rule touches,
# written apart, hyphenated or run together.
LATIN_PIECES = [
    "al", "el", "ul", "il", "ad", "ar", "as", "ash", "an", "ud", "ur", "abd", "abdu", "abdi",
    "abdel", "abu", "abou", "abul", "bin", "ibn", "bint", "ben", "ould", "mr", "ato", "alhaji",
    "din", "deen", "dine", "eddine", "uddin", "ullah", "allah", "ollah", "lah", "llah", "alla",
    "gebre", "wolde", "haile", "mariam", "selassie", "medhin", "rahman", "karim", "ali", "haq",
    "mohammadreza", "alireza", "hasan", "hassan", "nasreddine", "abdelkader", "abdullah",
    "elsayed", "alhassan", "fatimazahra", "thi", "nguyen", "tesfaye", "yusuf", "maryam", "x",
]  # fmt: skip

latin_names = st.lists(
    st.tuples(st.sampled_from(LATIN_PIECES), st.sampled_from([" ", "-", "", " -", "--"])),
    max_size=7,
).map(lambda pieces: normalise_name("".join(piece + separator for piece, separator in pieces)))


@PROPERTY_SETTINGS
@given(latin_names | st.text().map(normalise_name))
def test_shortcut_gives_the_tokens_of_the_rules(latin: str) -> None:
    for known in (_variant_index().known, NO_KNOWN_NAMES):
        assert join_particles(latin, known) == _join_particles_in_context(latin.split(), known)
