"""``{% for line in screening.summary|screening_lines %}``: a stored screening
summary in the reader's language; ``{{ screening.catalogue|catalogue_title }}``
its catalogue's title. ``{% translate indicator.question %}`` does the same for
the catalogues' own text on the form."""

from django import template
from django.utils.translation import gettext

from haven.cases.classification import screening_lines
from haven.cases.domain.catalogues import get_catalogue
from haven.cases.domain.errors import CatalogueUnknown

register = template.Library()
register.filter("screening_lines", screening_lines)


@register.filter
def catalogue_title(version: str) -> str:
    """A catalogue's title in the reader's language; its version if unknown."""
    try:
        return gettext(get_catalogue(version).title)
    except CatalogueUnknown:  # a catalogue withdrawn since the screening
        return version
