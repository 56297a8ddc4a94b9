"""Everything a screening shows can be read in the reader's language: the
catalogues' titles, cautions, labels and questions, and every sentence of a
summary, are message ids that makemessages extracts, with matching
placeholders; the English lines are those messages rendered untranslated."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import haven.cases.domain as domain_package
from haven.cases.domain import catalogues
from haven.cases.domain.indicators import (
    COMBINATION_BRANCH_LABELS,
    DIMENSION_LABELS,
    STRENGTH_LABELS,
    AnswerValue,
    summarise,
)
from haven.kernel.i18n import english
from tests.unit import i18n_markers as markers

MSGIDS = markers.extracted_msgids(Path(domain_package.__file__).parent)


def test_every_catalogue_text_shown_on_the_form_is_marked_for_translation():
    for catalogue in catalogues.CATALOGUES.values():
        shown = [catalogue.title, *([catalogue.caution] if catalogue.caution else [])]
        for indicator in catalogue.indicators:
            shown += [indicator.label, indicator.question]
        assert [text for text in shown if text not in MSGIDS] == [], catalogue.version
    labels = [*DIMENSION_LABELS.values(), *STRENGTH_LABELS.values()]
    assert [label for label in labels if label not in MSGIDS] == []
    assert all(label in MSGIDS for label in COMBINATION_BRANCH_LABELS.values())


@st.composite
def screenings(draw):  # type: ignore[no-untyped-def]
    catalogue = draw(st.sampled_from(tuple(catalogues.CATALOGUES.values())))
    answered = draw(st.lists(st.sampled_from(catalogue.indicator_ids), unique=True))
    values = st.sampled_from(list(AnswerValue))
    return catalogue, {indicator_id: draw(values) for indicator_id in answered}


@settings(max_examples=200, deadline=None)
@given(screenings(), st.booleans())
def test_every_sentence_of_a_summary_is_marked_for_translation(screening, child):
    catalogue, answers = screening
    summary = summarise(catalogue, answers, person_is_child=child)

    messages = summary.messages()

    for line in messages:
        markers.assert_translatable(line, MSGIDS)
    assert summary.lines() == tuple(english(line) for line in messages)
    assert summary.lines()[-1] == summary.notice
