"""The API keeps the contract its OpenAPI schema states, for every operation.

schemathesis reads the schema drf-spectacular generates in-process and sends
each operation generated requests (schema-valid and invalid) through the WSGI
application, as real staff roles holding bearer tokens, against a database
seeded with agencies, users, persons, intakes and a case with a decision.
Every response must:

- never be a server error;
- have a documented status code, content type and body;
- when it is an error, be an RFC 9457 problem document (``problem_details``);
- reject a request missing a required header (Idempotency-Key, If-Match);
- refuse the request once the bearer token is removed (``ignored_auth``).

Two phases run per operation: schemathesis' deterministic coverage cases
(boundary values, missing headers, undeclared methods) as the role that may
call the operation, then up to MAX_EXAMPLES fuzzed ones. For those a
hypothesis strategy (``flatmap_case`` below) also draws who calls (a role or
nobody), whether path and body identifiers name seeded records, and how the
Idempotency-Key and If-Match headers are sent: fresh, reused, stale, current
or missing.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.urls import resolve
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation.meta import CoveragePhaseData
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    missing_required_header,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from haven.accounts.models import Agency
from haven.accounts.roles import Role, role_has_permission
from haven.accounts.services import api_token_create
from haven.cases import services as case_services
from haven.cases.models import Case, DecisionKind, DecisionOutcome
from haven.intake.models import Channel, Intake
from haven.people import services as people_services
from haven.people.models import Person
from haven.platform.idempotency import HEADER as IDEMPOTENCY_HEADER
from haven.platform.problems import PROBLEM_CONTENT_TYPE

MAX_EXAMPLES = 25
IF_MATCH_HEADER = "If-Match"
REPEATED_IDEMPOTENCY_KEY = "contract-test-repeated-key"

# Who may call: one token per role; None is an anonymous caller.
CALLERS: tuple[str | None, ...] = (
    Role.CASEWORKER,
    Role.HOTLINE_OPERATOR,
    Role.DECISION_MAKER,
    Role.ADMINISTRATOR,
    Role.FIRST_RESPONDER,
    None,
)
# The role an operation's coverage cases run as: the first allowed to call it.
PREFERRED_CALLERS = (Role.CASEWORKER, Role.HOTLINE_OPERATOR, Role.DECISION_MAKER,
                     Role.ADMINISTRATOR)
# Path and body fields that name a record, and the model whose version If-Match names.
IDENTIFIER_FIELDS = {
    "agency_id": Agency,
    "person_id": Person,
    "case_id": Case,
    "intake_id": Intake,
    "reconsideration_of": None,
}


def _openapi_document() -> dict:
    """The schema exactly as /api/schema/ serves it, generated in-process."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))


schema = schemathesis.openapi.from_dict(
    _openapi_document(),
    config=schemathesis.Config.from_dict(
        {
            # Credentials are the test's to choose (real tokens), not generated.
            "generation": {"with-security-parameters": False},
            "checks": {
                "missing_required_header": {
                    # 400 for Idempotency-Key, 428 for If-Match; authentication
                    # and role are decided before headers are read.
                    "expected-statuses": [400, 401, 403, 428],
                },
            },
        }
    ),
)
# Requests, including the probes of ignored_auth, go through the real WSGI stack.
schema.app = get_wsgi_application()


def problem_details(ctx, response, case) -> None:  # type: ignore[no-untyped-def]
    """Every error answer is an RFC 9457 problem document with Haven's code."""
    if response.status_code < 400:
        return
    content_type = (response.headers.get("content-type") or [""])[0]
    assert content_type.split(";")[0].strip() == PROBLEM_CONTENT_TYPE, (
        f"error {response.status_code} answered with Content-Type {content_type!r}"
    )
    body = response.json()
    assert isinstance(body, dict), f"problem body is not an object: {body!r}"
    for member, kind in (("type", str), ("title", str), ("status", int), ("detail", str),
                         ("code", str)):
        assert isinstance(body.get(member), kind), f"problem lacks {member}: {body!r}"
    assert body["status"] == response.status_code, body
    assert body["type"].endswith("/" + body["code"]), body
    assert body["title"] and body["detail"] and body["code"], body


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
    missing_required_header,
    unsupported_method,
    ignored_auth,
    problem_details,
]


# --- the seeded world ----------------------------------------------------------


@dataclass
class World:
    tokens: dict[str, str]
    identifiers: dict[str, list[str]]


@dataclass(frozen=True)
class Plan:
    """How one generated case is sent; coverage cases get the default plan."""

    caller: str | None
    idempotency: str = "fresh"  # fresh | repeated | generated | missing
    precondition: str = "current"  # current | generated | missing


_world: World | None = None
_plans: dict[str, Plan] = {}


@pytest.fixture
def world(cast):  # type: ignore[no-untyped-def]
    """Persons, cases, an intake queue and a decision, made through the services."""
    global _world
    caseworker = cast[Role.CASEWORKER]
    hotline = cast[Role.HOTLINE_OPERATOR]
    decider = cast[Role.DECISION_MAKER]
    selam = people_services.person_register(
        actor=caseworker, original_name="ሰላም ተስፋይ", name_script="Ethi",
        latin_names=["Selam Tesfay"], sex="female", nationalities=["ER"],
        birth_year_min=2000, birth_year_max=2002,
    )
    ion = people_services.person_register(
        actor=caseworker, latin_names=["Ion Popescu"], sex="male", nationalities=["MD"],
    )
    caller_of_hotline = people_services.person_register(
        actor=hotline, latin_names=["Amina Yusuf"], sex="female", nationalities=["NG"],
    )
    submitted = case_services.case_open(actor=caseworker, person_id=selam.pk)
    submitted = case_services.case_submit_for_identification(
        actor=caseworker, case_id=submitted.pk, expected_version=submitted.version
    )
    decision = case_services.decision_record(
        actor=decider, case_id=submitted.pk, kind=DecisionKind.REASONABLE_GROUNDS,
        outcome=DecisionOutcome.POSITIVE, threshold="Reasonable grounds to believe",
        reasons="Indicators of forced labour in the account.", decided_on=date.today(),
    )
    unsubmitted = case_services.case_open(actor=caseworker, person_id=ion.pk)
    intakes = [
        case_services.intake_create(actor=hotline, channel=Channel.HOTLINE,
                                    account="Called from a farm.", in_danger=True),
        case_services.intake_create(actor=caseworker, channel=Channel.SELF_REFERRAL,
                                    anonymous=True),
    ]
    _world = World(
        tokens={
            role: api_token_create(actor=None, user=user, name="contract test").secret
            for role, user in cast.items()
        },
        identifiers={
            "agency_id": [str(pk) for pk in Agency.objects.values_list("pk", flat=True)],
            "person_id": [str(selam.pk), str(ion.pk), str(caller_of_hotline.pk)],
            "case_id": [str(submitted.pk), str(unsubmitted.pk)],
            "intake_id": [str(intake.pk) for intake in intakes],
            "reconsideration_of": [str(decision.pk)],
        },
    )
    yield _world
    _world = None
    _plans.clear()


@pytest.fixture
def requests_keep_the_connection():  # type: ignore[no-untyped-def]
    """As django.test.Client does: a request ending must not close the test's
    database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# --- how fuzzed cases are sent ---------------------------------------------------


def _declares_header(case, name: str) -> bool:  # type: ignore[no-untyped-def]
    return any(
        parameter.name == name
        for parameter in case.operation.iter_parameters()
        if parameter.location.name == "HEADER"
    )


def _preferred_caller(case) -> str:  # type: ignore[no-untyped-def]
    """The first of PREFERRED_CALLERS the view lets call this method."""
    sample_path = case.path
    for parameter in case.operation.iter_parameters():
        if parameter.location.name == "PATH":
            sample_path = sample_path.replace("{" + parameter.name + "}", "1")
    view = resolve(sample_path).func.view_class
    required = view.required_permissions.get(case.method.upper())
    return next(
        (role for role in PREFERRED_CALLERS if role_has_permission(role, required)),
        PREFERRED_CALLERS[0],
    )


def _known_identifier(name: str) -> st.SearchStrategy[str]:
    assert _world is not None
    return st.sampled_from(_world.identifiers[name])


@schema.hook
def flatmap_case(context, case):  # type: ignore[no-untyped-def]
    """Draw how a fuzzed case is sent, and sometimes aim it at seeded records."""
    if _world is None:
        return st.just(case)
    path_names = [name for name in case.path_parameters or {} if name in IDENTIFIER_FIELDS]
    body_names = (
        [name for name in case.body if name in _world.identifiers]
        if isinstance(case.body, dict) else []
    )

    def maybe_known(names: list[str]) -> st.SearchStrategy[dict[str, str]]:
        return st.fixed_dictionaries(
            {}, optional={name: _known_identifier(name) for name in names}
        )

    def apply(choices) -> object:  # type: ignore[no-untyped-def]
        caller, idempotency, precondition, path_values, body_values = choices
        case.path_parameters.update(path_values)
        if body_values:
            case.body.update(body_values)
        _plans[case.id] = Plan(caller, idempotency, precondition)
        return case

    return st.tuples(
        st.one_of(st.just(_preferred_caller(case)), st.sampled_from(CALLERS)),
        st.sampled_from(["fresh", "fresh", "repeated", "generated", "missing"]),
        st.sampled_from(["current", "current", "generated", "missing"]),
        maybe_known(path_names),
        maybe_known(body_names),
    ).map(apply)


def _targets_header(case, name: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether this coverage case is about the header itself (missing, malformed)."""
    data = case.meta.phase.data if case.meta is not None else None
    return isinstance(data, CoveragePhaseData) and (data.parameter or "").lower() == name.lower()


def _current_version_tag(case) -> str:  # type: ignore[no-untyped-def]
    for name, value in (case.path_parameters or {}).items():
        model = IDENTIFIER_FIELDS.get(name)
        if model is not None and _world is not None and str(value) in _world.identifiers[name]:
            version = model.objects.filter(pk=value).values_list("version", flat=True).first()
            return f'W/"{version}"'
    return 'W/"1"'


def _prepare(case, plan: Plan) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Apply the plan to the case's headers; return the credentials to send."""
    assert _world is not None
    headers = case.headers
    if _declares_header(case, IDEMPOTENCY_HEADER) and not _targets_header(case,
                                                                        IDEMPOTENCY_HEADER):
        if plan.idempotency == "fresh":
            headers[IDEMPOTENCY_HEADER] = f"contract-{uuid.uuid4().hex}"
        elif plan.idempotency == "repeated":
            headers[IDEMPOTENCY_HEADER] = REPEATED_IDEMPOTENCY_KEY
        elif plan.idempotency == "missing":
            headers.pop(IDEMPOTENCY_HEADER, None)
    if _declares_header(case, IF_MATCH_HEADER) and not _targets_header(case, IF_MATCH_HEADER):
        if plan.precondition == "current":
            headers[IF_MATCH_HEADER] = _current_version_tag(case)
        elif plan.precondition == "missing":
            headers.pop(IF_MATCH_HEADER, None)
    if plan.caller is None:
        return {}
    return {"Authorization": f"Bearer {_world.tokens[plan.caller]}"}


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    # The seeded world is shared, on purpose, by all examples of one operation.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_operation_keeps_the_contract(case, world, requests_keep_the_connection):  # type: ignore[no-untyped-def]
    plan = _plans.pop(case.id, None) or Plan(caller=_preferred_caller(case))
    credentials = _prepare(case, plan)
    case.call_and_validate(headers=credentials, checks=CHECKS)
