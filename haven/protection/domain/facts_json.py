"""The JSON facts format (documented in docs/rules.md), read into CaseFacts.

Every problem is reported with the path of the field ("detentions[0].started_on"),
what was expected and what was found. Unknown fields are refused, so a misspelt
field cannot silently hide a decision from the rules.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from haven.protection.domain.assistance_items import ASSISTANCE_ITEM_BY_ID
from haven.protection.domain.errors import FactsInvalid, Problem
from haven.protection.domain.facts import (
    AgeAssessment,
    AgeAssessmentOutcome,
    AgeEstimate,
    Assistance,
    CaseFacts,
    Charge,
    ChargeStatus,
    ChildMeasures,
    Decision,
    DecisionOutcome,
    DeprivationOfLiberty,
    Detention,
    Exploitation,
    ExploitationForm,
    Identification,
    Person,
    Proceedings,
    Removal,
    ResidencePermit,
    ResidencePermitDecision,
    VoluntaryReturn,
)
from haven.protection.domain.json_reader import (
    IDENTIFIER_PATTERN,
    SLUG_PATTERN,
    ObjectReader,
    describe_found,
    is_country_code,
    join_path,
)

SCHEMA_VERSION = 1
ASSISTANCE_ITEM_EXPECTED = "an assistance item id (" + ", ".join(ASSISTANCE_ITEM_BY_ID) + ")"


def _after(
    problems: list[Problem], path: str, later: date | None, earlier: date | None, expected: str
) -> None:
    if later is not None and earlier is not None and later < earlier:
        problems.append(Problem(path, expected, str(later)))


def _has_problem_under(problems: list[Problem], path: str) -> bool:
    """Whether a problem was already reported inside ``path`` (to avoid a second, derived one)."""
    return any(problem.path.startswith(path) for problem in problems)


def _person(reader: ObjectReader | None, problems: list[Problem]) -> Person:
    if reader is None:
        return Person()
    nationalities = []
    for path, code in reader.items("nationalities", "country codes"):
        if isinstance(code, str) and is_country_code(code):
            nationalities.append(code)
        else:
            problems.append(
                Problem(
                    path, 'an ISO 3166-1 alpha-2 country code such as "AL"', describe_found(code)
                )
            )
    stateless = reader.boolean("stateless")
    if stateless and nationalities:
        problems.append(
            Problem(
                join_path(reader.path, "stateless"), "false when nationalities are given", "true"
            )
        )
    birth_date = reader.date("birth_date")
    birth_date_disputed = reader.boolean("birth_date_disputed")

    estimate = None
    estimate_reader = reader.object("age_estimate")
    if estimate_reader is not None:
        min_years = estimate_reader.integer("min_years", minimum=0, maximum=120, required=True)
        max_years = estimate_reader.integer("max_years", minimum=0, maximum=120, required=True)
        estimated_on = estimate_reader.date("estimated_on", required=True)
        if min_years is not None and max_years is not None and max_years < min_years:
            estimate_reader.problem(
                "max_years", f"a number of years no smaller than min_years ({min_years})", max_years
            )
        estimate_reader.finish()
        if min_years is not None and max_years is not None and estimated_on is not None:
            estimate = AgeEstimate(min_years, max_years, estimated_on)

    assessment = None
    assessment_reader = reader.object("age_assessment")
    if assessment_reader is not None:
        outcome = assessment_reader.choice("outcome", AgeAssessmentOutcome)
        concluded_on = assessment_reader.date("concluded_on")
        assessed_birth_date = assessment_reader.date("assessed_birth_date")
        if (outcome is None) != (concluded_on is None) and not _has_problem_under(
            problems, assessment_reader.path
        ):
            expected = "a date together with an outcome (leave both out while pending)"
            if concluded_on is None:
                assessment_reader.problem("concluded_on", expected)
            else:
                assessment_reader.problem("concluded_on", expected, concluded_on.isoformat())
        assessment_reader.finish()
        assessment = AgeAssessment(outcome, concluded_on, assessed_birth_date)

    asylum_sought = reader.boolean("asylum_sought")
    fears_own_state = reader.boolean("fears_own_state")
    reader.finish()
    return Person(
        nationalities=tuple(nationalities),
        stateless=stateless,
        birth_date=birth_date,
        birth_date_disputed=birth_date_disputed,
        age_estimate=estimate,
        age_assessment=assessment,
        asylum_sought=asylum_sought,
        fears_own_state=fears_own_state,
    )


def _exploitation(reader: ObjectReader | None, problems: list[Problem]) -> Exploitation:
    if reader is None:
        return Exploitation()
    indicators = []
    for path, indicator in reader.items("indicators", "indicator codes"):
        if isinstance(indicator, str) and SLUG_PATTERN.fullmatch(indicator):
            indicators.append(indicator)
        else:
            problems.append(
                Problem(
                    path,
                    'an indicator code in lower case, such as "debt-bondage"',
                    describe_found(indicator),
                )
            )
    forms = []
    form_expected = "one of " + ", ".join(f'"{form.value}"' for form in ExploitationForm)
    for path, form in reader.items("forms", "forms of exploitation"):
        try:
            forms.append(ExploitationForm(form))
        except ValueError:
            problems.append(Problem(path, form_expected, describe_found(form)))
    began_on = reader.date("began_on")
    reader.finish()
    return Exploitation(tuple(indicators), tuple(forms), began_on)


def _decision(reader: ObjectReader | None) -> Decision | None:
    if reader is None:
        return None
    outcome = reader.choice("outcome", DecisionOutcome, required=True)
    decided_on = reader.date("decided_on", required=outcome not in (None, DecisionOutcome.PENDING))
    if outcome is DecisionOutcome.PENDING and decided_on is not None:
        reader.problem("decided_on", "no date while the outcome is pending", decided_on.isoformat())
    reader.finish()
    if outcome is None:
        return None
    return Decision(outcome, decided_on)


def _identification(reader: ObjectReader | None, problems: list[Problem]) -> Identification:
    if reader is None:
        return Identification()
    referred_on = reader.date("referred_on")
    reasonable = _decision(reader.object("reasonable_grounds"))
    conclusive = _decision(reader.object("conclusive_grounds"))
    reader.finish()
    path = reader.path
    if reasonable is not None:
        _after(
            problems,
            join_path(path, "reasonable_grounds.decided_on"),
            reasonable.decided_on,
            referred_on,
            "a date on or after referred_on",
        )
    if conclusive is not None and conclusive.outcome is not DecisionOutcome.PENDING:
        if reasonable is None or reasonable.outcome is not DecisionOutcome.POSITIVE:
            problems.append(
                Problem(
                    join_path(path, "reasonable_grounds"),
                    "a positive reasonable-grounds decision before any conclusive decision",
                    reasonable.outcome.value if reasonable else "nothing",
                )
            )
        else:
            _after(
                problems,
                join_path(path, "conclusive_grounds.decided_on"),
                conclusive.decided_on,
                reasonable.decided_on,
                "a date on or after the reasonable-grounds decision",
            )
    return Identification(referred_on, reasonable, conclusive)


def _identifier(reader: ObjectReader, index: int) -> str:
    given = reader.text(
        "id",
        pattern=IDENTIFIER_PATTERN,
        expected="a short identifier of letters, digits, '-', '_' or '.'",
    )
    return given if given is not None else str(index + 1)


def _unique_ids(problems: list[Problem], list_path: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for index, identifier in enumerate(ids):
        if identifier in seen:
            problems.append(
                Problem(f"{list_path}[{index}].id", "an id not used by another entry", identifier)
            )
        seen.add(identifier)


def _detentions(top: ObjectReader, problems: list[Problem]) -> tuple[Detention, ...]:
    detentions = []
    for index, (path, element) in enumerate(top.items("detentions", "detentions")):
        reader = ObjectReader.of(element, path, problems)
        if reader is None:
            continue
        identifier = _identifier(reader, index)
        kind = reader.choice("kind", DeprivationOfLiberty, required=True)
        started_on = reader.date("started_on", required=True)
        ended_on = reader.date("ended_on")
        _after(
            problems,
            join_path(path, "ended_on"),
            ended_on,
            started_on,
            "a date on or after started_on",
        )
        detention_fields = {
            "consular_rights_informed_on": reader.date("consular_rights_informed_on"),
            "consular_notification_requested_on": reader.date("consular_notification_requested_on"),
            "consulate_notified_on": reader.date("consulate_notified_on"),
        }
        opposes = reader.boolean("opposes_consular_action")
        reader.finish()
        if kind is not None and started_on is not None:
            detentions.append(
                Detention(
                    identifier,
                    kind,
                    started_on,
                    ended_on,
                    opposes_consular_action=opposes,
                    **detention_fields,
                )
            )
    _unique_ids(problems, "detentions", [d.id for d in detentions])
    return tuple(detentions)


def _charges(top: ObjectReader, problems: list[Problem]) -> tuple[Charge, ...]:
    charges = []
    for index, (path, element) in enumerate(top.items("charges", "charges")):
        reader = ObjectReader.of(element, path, problems)
        if reader is None:
            continue
        identifier = _identifier(reader, index)
        offence = reader.text(
            "offence", required=True, expected="a short description of the offence"
        )
        status = reader.choice("status", ChargeStatus) or ChargeStatus.PENDING
        compelled = reader.optional_boolean("compelled_by_trafficking")
        linked = reader.boolean("linked_to_exploitation")
        smuggled = reader.boolean("for_having_been_smuggled")
        review_recorded_on = reader.date("review_recorded_on")
        reader.finish()
        if offence is not None:
            charges.append(
                Charge(identifier, offence, status, compelled, linked, smuggled, review_recorded_on)
            )
    _unique_ids(problems, "charges", [c.id for c in charges])
    return tuple(charges)


def _assistance(reader: ObjectReader | None, problems: list[Problem]) -> Assistance:
    if reader is None:
        return Assistance()
    delivered: dict[str, date] = {}
    delivered_reader = reader.object("delivered")
    if delivered_reader is not None:
        for item_id in ASSISTANCE_ITEM_BY_ID:
            day = delivered_reader.date(item_id)
            if day is not None:
                delivered[item_id] = day
        delivered_reader.finish()  # reports unknown item ids
    declined = set()
    for path, item_id in reader.items("declined", "assistance item ids"):
        if isinstance(item_id, str) and item_id in ASSISTANCE_ITEM_BY_ID:
            declined.add(item_id)
        else:
            problems.append(Problem(path, ASSISTANCE_ITEM_EXPECTED, describe_found(item_id)))
    reader.finish()
    return Assistance(delivered, frozenset(declined))


def _residence_permit(reader: ObjectReader | None) -> ResidencePermit | None:
    if reader is None:
        return None
    decision = reader.choice("decision", ResidencePermitDecision, required=True)
    decided_on = reader.date(
        "decided_on",
        required=decision not in (None, ResidencePermitDecision.PENDING),
    )
    reader.finish()
    if decision is None:
        return None
    return ResidencePermit(decision, decided_on)


def parse_facts(data: Any) -> CaseFacts:
    """Validates facts given as a parsed JSON value; raises FactsInvalid listing every problem."""
    problems: list[Problem] = []
    top = ObjectReader.of(data, "", problems)
    if top is None:
        raise FactsInvalid(problems)

    version = top.integer("schema_version", minimum=SCHEMA_VERSION, maximum=SCHEMA_VERSION)
    del version  # only one version exists; the field is there so a later one can be told apart
    case_opened_on = top.date("case_opened_on", required=True)
    jurisdiction_country = top.country("jurisdiction_country", required=True)
    person = _person(top.object("person"), problems)
    exploitation = _exploitation(top.object("exploitation"), problems)
    identification = _identification(top.object("identification"), problems)
    detentions = _detentions(top, problems)
    charges = _charges(top, problems)
    smuggled = top.boolean("smuggled")

    removal_reader = top.object("removal")
    removal = Removal()
    if removal_reader is not None:
        removal = Removal(removal_reader.date("planned_on"))
        removal_reader.finish()

    voluntary_return = VoluntaryReturn()
    return_reader = top.object("voluntary_return")
    if return_reader is not None:
        voluntary_return = VoluntaryReturn(
            requested_by_person=return_reader.boolean("requested_by_person"),
            planned_on=return_reader.date("planned_on"),
            voluntary=return_reader.optional_boolean("voluntary"),
            risk_assessment_completed_on=return_reader.date("risk_assessment_completed_on"),
            consular_access_offered_on=return_reader.date("consular_access_offered_on"),
            reintegration_support_arranged_on=return_reader.date(
                "reintegration_support_arranged_on"
            ),
        )
        return_reader.finish()

    proceedings = Proceedings()
    proceedings_reader = top.object("proceedings")
    if proceedings_reader is not None:
        proceedings = Proceedings(
            ongoing=proceedings_reader.boolean("ongoing"),
            participates_as_witness=proceedings_reader.boolean("participates_as_witness"),
            witness_protection_in_place_on=proceedings_reader.date(
                "witness_protection_in_place_on"
            ),
            assistance_conditional_on_cooperation=proceedings_reader.boolean(
                "assistance_conditional_on_cooperation"
            ),
        )
        proceedings_reader.finish()

    child_measures = ChildMeasures()
    child_reader = top.object("child_measures")
    if child_reader is not None:
        child_measures = ChildMeasures(
            guardian_appointed_on=child_reader.date("guardian_appointed_on"),
            best_interests_assessed_on=child_reader.date("best_interests_assessed_on"),
        )
        child_reader.finish()

    assistance = _assistance(top.object("assistance"), problems)
    residence_permit = _residence_permit(top.object("residence_permit"))
    top.finish()

    if problems:
        raise FactsInvalid(problems)
    assert case_opened_on is not None and jurisdiction_country is not None
    return CaseFacts(
        case_opened_on=case_opened_on,
        jurisdiction_country=jurisdiction_country,
        person=person,
        exploitation=exploitation,
        identification=identification,
        detentions=detentions,
        charges=charges,
        smuggled=smuggled,
        removal=removal,
        voluntary_return=voluntary_return,
        proceedings=proceedings,
        child_measures=child_measures,
        assistance=assistance,
        residence_permit=residence_permit,
    )


def parse_facts_text(text: str) -> CaseFacts:
    """Validates facts given as JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FactsInvalid(
            [Problem("", "valid JSON", f"{error.msg} at line {error.lineno}, column {error.colno}")]
        ) from None
    return parse_facts(data)


def read_facts(source: str | Mapping[str, Any]) -> CaseFacts:
    """Facts from JSON text or from an already parsed mapping."""
    return parse_facts_text(source) if isinstance(source, str) else parse_facts(source)
