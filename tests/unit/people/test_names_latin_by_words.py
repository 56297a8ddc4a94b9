"""Linkage transliterates names one word at a time (cached); it must equal ``to_latin``."""

from hypothesis import given, settings
from hypothesis import strategies as st

from haven.people.domain.name_script import to_latin
from haven.people.domain.names import _latin_by_words

_NAME_CHARACTERS = st.characters(
    codec="utf-8",
    categories=("L", "M", "N", "P", "S", "Z", "Cf"),
)


@settings(max_examples=500)
@given(st.text(_NAME_CHARACTERS, max_size=40))
def test_word_by_word_is_to_latin(text):
    assert _latin_by_words(text) == to_latin(text)


def test_word_by_word_on_scripts_and_abbreviations():
    for text in (
        "عبد الرحمن  بن يوسف",
        "G/Mariam W/ro Tsega",
        "O'Brien -- Jean-Pierre -",
        "ተስፋዬ ገብረመድህን",
        "Юрий\u00a0Наталья",
        "Mohammed\u200bAli 3rd",
    ):
        assert _latin_by_words(text) == to_latin(text)
