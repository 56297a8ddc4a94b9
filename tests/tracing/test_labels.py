"""Every attribute and comparison level the engine can name has a translatable
label, and the review pages show it in the reader's language."""

from __future__ import annotations

from django.utils import translation

from haven.tracing import labels
from haven.tracing.domain import settings as model


def test_every_level_the_engine_names_has_a_label():
    levels = {model.UNKNOWN_LABEL}
    for attribute in model.ATTRIBUTES:
        levels |= set(model.level_labels(attribute))
    assert levels - set(labels.LEVEL_LABELS) == set()
    assert set(model.ATTRIBUTES) == set(labels.ATTRIBUTE_LABELS)


def test_labels_follow_the_active_language():
    with translation.override("fr"):
        assert labels.level_label("same date of birth") == "même date de naissance"
        assert labels.attribute_label(model.SEX) == "Sexe"
    with translation.override("en"):
        assert labels.level_label("same date of birth") == "same date of birth"


def test_an_unknown_level_is_shown_as_it_comes():
    assert labels.level_label("a level added later") == "a level added later"
