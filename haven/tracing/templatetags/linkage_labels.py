"""``{{ evidence.attribute|linkage_attribute }}``, ``{{ evidence.level|linkage_level }}``."""

from django import template

from haven.tracing import labels

register = template.Library()
register.filter("linkage_attribute", labels.attribute_label)
register.filter("linkage_level", labels.level_label)
