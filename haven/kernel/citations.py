"""Citations: where a rule, an indicator or a screen comes from.

Haven exists because a handful of intergovernmental texts ask States to do things
(see shared/sources/README.md). Anything the system tells a user because a text
asks for it carries a ``Citation`` so the user can always ask "why?" and get the
paragraph, and, where there is one, the binding international article that the
paragraph points to.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Citation:
    """One paragraph of a source text, optionally with the international article it rests on.

    ``source`` is a short name from shared/sources/README.md ("IPU-118", "IPU-145",
    "IOM-IDM-2009", "OAS-2007", "DURBAN-WG-2010"); ``paragraph`` is written the way that
    README writes it ("op.21", "§13", "§4(c)").
    """

    source: str
    paragraph: str
    instrument: str | None = None
    article: str | None = None

    def __post_init__(self) -> None:
        if not self.source.strip() or not self.paragraph.strip():
            raise ValueError("a citation needs both a source and a paragraph")
        # An article without its instrument (or the reverse) cannot be looked up.
        if (self.instrument is None) != (self.article is None):
            raise ValueError("give an international instrument together with its article")

    def __str__(self) -> str:
        return f"{self.source} {self.paragraph}"

    @property
    def instrument_reference(self) -> str | None:
        """ "Council of Europe Convention … art. 13", or None when no article is cited."""
        if self.instrument is None:
            return None
        return f"{self.instrument} {self.article}"

    def describe(self) -> str:
        """The paragraph and, in brackets, the article: the form shown to users."""
        reference = self.instrument_reference
        return str(self) if reference is None else f"{self} ({reference})"
