"""haven.kernel.citations.Citation, as the rules use it."""

from __future__ import annotations

import pytest

from haven.kernel.citations import Citation

COE = "Council of Europe Convention on Action against Trafficking in Human Beings"


def test_a_citation_reads_as_source_and_paragraph():
    citation = Citation("IPU-118", "op.21", COE, "art. 13")

    assert str(citation) == "IPU-118 op.21"
    assert citation.instrument_reference == f"{COE} art. 13"
    assert citation.describe() == f"IPU-118 op.21 ({COE} art. 13)"


def test_a_citation_without_an_article_describes_itself_as_the_paragraph():
    citation = Citation("IOM-IDM-2009", "§13")

    assert citation.instrument_reference is None
    assert citation.describe() == "IOM-IDM-2009 §13"


def test_citations_are_frozen_values():
    citation = Citation("IPU-145", "op.24")

    assert citation == Citation("IPU-145", "op.24")
    assert len({citation, Citation("IPU-145", "op.24")}) == 1
    with pytest.raises(AttributeError):
        citation.paragraph = "op.25"  # type: ignore[misc]


@pytest.mark.parametrize(
    "arguments",
    [
        ("", "op.1"),
        ("IPU-118", " "),
        ("IPU-118", "op.1", COE, None),
        ("IPU-118", "op.1", None, "art. 1"),
    ],
)
def test_an_incomplete_citation_is_refused(arguments):
    with pytest.raises(ValueError):
        Citation(*arguments)
