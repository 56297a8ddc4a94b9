"""Write a name from any script in lowercase ASCII Latin.

This is the first stage of name normalisation (see ``names.py``). It keeps
letters, spaces and hyphens, and turns every script into Latin with
``anyascii``, after script-specific clean-up that ``anyascii`` cannot do on its
own:

* Arabic script (Arabic, Persian, Dari, Pashto, Urdu) is written without short
  vowels, so the long-vowel letters و and ي decide how a Latin spelling can
  line up with it. They are written ``u``/``i`` where they are vowels and
  ``w``/``y`` where they are consonants; letter forms that writers use
  interchangeably are unified first.
* Turkish, Balkan and Baltic letters with a caron or cedilla are written as the
  digraph an English-language form uses (``ş`` → ``sh``), not as the bare letter.
* Ethiopian and Eritrean abbreviations (``G/Mariam`` = Gebremariam) are expanded.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

# NFKC would expand these ligatures into whole phrases ("peace be upon him").
_HONORIFIC_LIGATURES = {ord(character): None for character in "\ufdfa\ufdfb\ufdfd"}

# Apostrophes and quotation marks join the letters around them (O'Brien, Sa'id).
_JOINING_PUNCTUATION = frozenset("'`\"´‘’‚‛“”„‟′″ʹʺʻʼʽˈ")

# Letters written with a digraph by the spellings these names are usually compared
# with: Turkish, Kurdish, Albanian, Bosnian, Croatian, Serbian, Czech, Romanian.
_LATIN_DIGRAPHS = str.maketrans(
    {"š": "sh", "ş": "sh", "ș": "sh", "ž": "zh", "č": "ch", "ç": "ch", "ć": "ch", "đ": "dj"}
)

_ARABIC_RUN = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+")
# Short vowels, shadda, sukun, dagger alef, Quranic annotation marks and tatweel.
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_ALEF = "\u0627"
_ARABIC_WAW = "\u0648"
_ARABIC_YEH = "\u064a"
_ARABIC_AIN = "\u0639"
_ARABIC_HEH = "\u0647"
# Letters that writers use interchangeably are unified before transliteration:
# alef with hamza or madda, and alef wasla, are alef; hamza and its seats on waw
# and yeh are a glottal stop, which Latin spellings leave out; alef maqsura, the
# Persian and Urdu yeh forms are yeh; ta marbuta and the heh forms are heh;
# keheh is kaf.
_ARABIC_LETTER_UNIFICATION = str.maketrans(
    {
        "\u0623": _ARABIC_ALEF,  # أ
        "\u0625": _ARABIC_ALEF,  # إ
        "\u0622": _ARABIC_ALEF,  # آ
        "\u0671": _ARABIC_ALEF,  # ٱ
        "\u0672": _ARABIC_ALEF,
        "\u0673": _ARABIC_ALEF,
        "\u0675": _ARABIC_ALEF,
        "\u0621": None,  # ء
        "\u0624": None,  # ؤ
        "\u0626": None,  # ئ
        "\u0649": _ARABIC_YEH,  # ى alef maqsura
        "\u06cc": _ARABIC_YEH,  # ی Persian yeh
        "\u06d2": _ARABIC_YEH,  # ے Urdu yeh barree
        "\u06d3": _ARABIC_YEH,
        "\u06cd": _ARABIC_YEH,  # ۍ Pashto
        "\u06d0": _ARABIC_YEH,  # ې Pashto
        "\u0629": _ARABIC_HEH,  # ة ta marbuta
        "\u06c3": _ARABIC_HEH,  # ۃ Urdu ta marbuta
        "\u06c1": _ARABIC_HEH,  # ہ Urdu heh goal
        "\u06be": _ARABIC_HEH,  # ھ Urdu aspiration heh
        "\u06c0": _ARABIC_HEH,  # ۀ Persian heh with yeh
        "\u06a9": "\u0643",  # ک keheh
    }
)
_ARABIC_ARTICLE = "\u0627\u0644"  # ال
_ARABIC_ABD = "\u0639\u0628\u062f"  # عبد
_ARABIC_ALLAH = frozenset({"\u0627\u0644\u0644\u0647", "\u0644\u0644\u0647"})  # الله, لله

# Ethiopian and Eritrean abbreviations of the first part of a compound name.
# W/ro (Mrs), W/rt and W/t (Miss), from Latin or Ge'ez (ወ/ሮ) spellings.
_ETHIOPIAN_TITLES = re.compile(r"(?<![a-z])we?/(?:ro|rt|t)(?![a-z])")
_ETHIOPIAN_ABBREVIATION = re.compile(r"(?<![a-z])(ge|g|we|wo|w|ha|h|te|t|ki|k)/(?=[a-z])")
_ETHIOPIAN_EXPANSIONS = {
    "g": "gebre",
    "ge": "gebre",
    "w": "wolde",
    "we": "wolde",
    "wo": "wolde",
    "h": "haile",
    "ha": "haile",
    "t": "tekle",
    "te": "tekle",
    "k": "kidane",
    "ki": "kidane",
}

_NOT_NAME_ASCII = re.compile(r"[^a-z/\- ]+")
_HYPHEN_RUN = re.compile(r"-{2,}")
_LOOSE_HYPHEN = re.compile(r"(?<![a-z])-|-(?![a-z])")
_SPACES = re.compile(r" {2,}")


def to_latin(text: str) -> str:
    """Return ``text`` as lowercase ASCII letters, single spaces and inner hyphens.

    Digits, symbols, emoji and punctuation separate words; apostrophes join them.
    The result is a fixed point: ``to_latin(to_latin(x)) == to_latin(x)``.
    """
    text = unicodedata.normalize("NFKC", text.translate(_HONORIFIC_LIGATURES))
    text = "".join(_keep_name_character(character) for character in text.casefold())
    text = _ARABIC_RUN.sub(lambda run: _arabic_to_latin(run.group()), text)
    text = anyascii(text.translate(_LATIN_DIGRAPHS)).lower()
    text = _NOT_NAME_ASCII.sub("", text)
    text = _expand_ethiopian_abbreviations(text).replace("/", " ")
    text = _LOOSE_HYPHEN.sub(" ", _HYPHEN_RUN.sub("-", text))
    return _SPACES.sub(" ", text).strip()


def _keep_name_character(character: str) -> str:
    category = unicodedata.category(character)
    if category[0] in "LM":
        return character
    if character in _JOINING_PUNCTUATION or category == "Cf":
        return ""
    if category == "Pd":
        return "-"
    if character == "/":
        return character
    return " "


def _expand_ethiopian_abbreviations(text: str) -> str:
    text = _ETHIOPIAN_TITLES.sub(" ", text)
    return _ETHIOPIAN_ABBREVIATION.sub(lambda match: _ETHIOPIAN_EXPANSIONS[match[1]], text)


def _arabic_to_latin(run: str) -> str:
    """Transliterate one run of Arabic-script letters (one word, or words joined by ZWNJ)."""
    word = _ARABIC_MARKS.sub("", run)
    if word in _ARABIC_ALLAH:
        return " allah "
    if word.startswith(_ARABIC_ABD) and len(word) > len(_ARABIC_ABD) + 2:
        # عبدالله, عبدالرحمن: the compound is often written as one word (but عبده,
        # Abduh, is a name of its own).
        return " abd " + _arabic_to_latin(word[len(_ARABIC_ABD) :])
    # The article is written with a bare alef; إلياس (Elias) is not al-yas.
    if word.startswith((_ARABIC_ARTICLE, "\u0671\u0644")) and len(word) > 3:
        rest = word[2:].translate(_ARABIC_LETTER_UNIFICATION)
        return " al-" + _arabic_letters_to_latin(rest) + " "
    return " " + _arabic_letters_to_latin(word.translate(_ARABIC_LETTER_UNIFICATION)) + " "


def _arabic_letters_to_latin(word: str) -> str:
    latin: list[str] = []
    previous_is_vowel = False
    for index in range(len(word)):
        sound, previous_is_vowel = _arabic_letter_sound(word, index, previous_is_vowel)
        if sound.startswith("h") and latin and latin[-1].endswith(("s", "z")):
            # سهيل is Suhail, not Shil; زهير is Zuhair, not Jir (zh is a Latin digraph).
            sound = "a" + sound
        latin.append(sound)
    return "".join(latin)


def _arabic_letter_sound(word: str, index: int, previous_is_vowel: bool) -> tuple[str, bool]:
    """The Latin letters for ``word[index]``, and whether they are a vowel."""
    letter = word[index]
    following = word[index + 1] if index + 1 < len(word) else ""
    if letter == _ARABIC_ALEF:
        return "a", True
    if letter in (_ARABIC_WAW, _ARABIC_YEH):
        is_vowel = _is_long_vowel(index, following, previous_is_vowel)
        return {_ARABIC_WAW: "uw", _ARABIC_YEH: "iy"}[letter][0 if is_vowel else 1], is_vowel
    if letter == _ARABIC_AIN:
        # Latin spellings write ain as a vowel (Ali, Omar, Saad, Yaqub) and leave it
        # out at the end of a word (Rabi, Rabie).
        return ("a" if following else ""), index == 0
    if letter == _ARABIC_HEH and not following and index > 1 and word[index - 1] != _ARABIC_ALEF:
        # Ta marbuta (unified with heh) and the Persian feminine ending (فاطمه).
        return "a", True
    return anyascii(letter), False


def _is_long_vowel(index: int, following: str, previous_is_vowel: bool) -> bool:
    """Waw and yeh are consonants at the start of a word, next to an alef or a
    vowel, and before another waw or yeh (عويس Uwais); elsewhere they are long vowels."""
    if index == 0 or previous_is_vowel:
        return False
    return following not in (_ARABIC_ALEF, _ARABIC_WAW, _ARABIC_YEH)
