"""The rules table: every rule the engine applies, in the order obligations are listed.

A rule is data (an id, a title, its citations) plus a plain function from a case to its
obligations. Adding a rule means writing the function and adding one line here.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from haven.protection.domain.context import Rule
from haven.protection.domain.rules import (
    assistance,
    child,
    consular,
    criminal_justice,
    removal,
    residence_permit,
    voluntary_return,
)

RULES: tuple[Rule, ...] = (
    child.RULE,
    assistance.RULE,
    removal.REMOVAL_STAY_RULE,
    removal.RECOVERY_PERIOD_RULE,
    residence_permit.RULE,
    consular.INFORMATION_RULE,
    consular.NOTIFICATION_RULE,
    criminal_justice.NON_PUNISHMENT_RULE,
    criminal_justice.SMUGGLED_RULE,
    voluntary_return.RULE,
    criminal_justice.WITNESS_RULE,
)

RULE_BY_ID: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in RULES})
assert len(RULE_BY_ID) == len(RULES), "rule ids must be unique"
