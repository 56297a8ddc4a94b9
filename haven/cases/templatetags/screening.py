"""``{% for line in screening.summary|screening_lines %}``: a stored screening
summary in the reader's language; ``{% translate indicator.question %}`` does
the same for the catalogues' own text."""

from django import template

from haven.cases.classification import screening_lines

register = template.Library()
register.filter("screening_lines", screening_lines)
