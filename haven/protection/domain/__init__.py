"""The protection rules engine: pure Python, no Django.

From a case's facts, a jurisdiction policy and a date, ``evaluate`` derives the
obligations owed to the person, each with a status, dates, a plain explanation and
its citations. ``removal_allowed`` says whether a removal on a date would breach a
removal stay. Policies are data files in ``policies/``, validated at load; none may
go below the international minimum. See docs/rules.md.
"""

from haven.protection.domain.engine import RemovalCheck, RemovalReason, evaluate, removal_allowed
from haven.protection.domain.errors import (
    FactsInvalid,
    PolicyBelowMinimum,
    PolicyInvalid,
    PolicyUnknown,
    Problem,
)
from haven.protection.domain.facts import CaseFacts
from haven.protection.domain.facts_json import parse_facts, parse_facts_text
from haven.protection.domain.json_api import evaluate_json, obligation_to_dict, rules_catalogue
from haven.protection.domain.obligations import Obligation, ObligationStatus, Period
from haven.protection.domain.policy import JurisdictionPolicy, PolicySettings
from haven.protection.domain.policy_loader import (
    bundled_policy,
    bundled_policy_names,
    international_policy,
    load_policy,
)
from haven.protection.domain.rules import RULES

__all__ = [
    "RULES",
    "CaseFacts",
    "FactsInvalid",
    "JurisdictionPolicy",
    "Obligation",
    "ObligationStatus",
    "Period",
    "PolicyBelowMinimum",
    "PolicyInvalid",
    "PolicySettings",
    "PolicyUnknown",
    "Problem",
    "RemovalCheck",
    "RemovalReason",
    "bundled_policy",
    "bundled_policy_names",
    "evaluate",
    "evaluate_json",
    "international_policy",
    "load_policy",
    "obligation_to_dict",
    "parse_facts",
    "parse_facts_text",
    "removal_allowed",
    "rules_catalogue",
]
