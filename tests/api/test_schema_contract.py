"""The API keeps the contract its OpenAPI schema states, for every operation.

schemathesis reads the schema drf-spectacular generates in-process and sends
each operation generated requests, schema-valid and invalid, through the WSGI
application. Real staff roles call with bearer tokens, against a database
seeded through the services with agencies, users, persons, intakes and cases,
one of them with a decision. Every answer must:

- never be a server error;
- have a documented status code, and a content type and body that match;
- when it is an error, be an RFC 9457 problem document (``problem_details``);
- refuse a request missing a required header (Idempotency-Key, If-Match);
- refuse the same request once its bearer token is removed (``ignored_auth``).

Each operation runs schemathesis' deterministic coverage cases (boundary
values, missing headers, undeclared methods) as the first role allowed to call
it, then MAX_EXAMPLES fuzzed cases. For those, ``flatmap_case`` also draws a
plan, which ``before_call`` applies: who calls (a role or nobody), whether
identifiers name seeded records, whether the body is one the services accept,
and how Idempotency-Key and If-Match are sent: fresh, reused, current, as
generated, or not at all.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.urls import resolve
from django.utils import timezone
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
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from haven.accounts.models import Agency, AgencyKind
from haven.accounts.roles import Role, role_has_permission
from haven.accounts.services import api_token_create
from haven.cases import services as case_services
from haven.cases.domain.catalogues import catalogue_versions
from haven.cases.models import Case, CaseStatus, ClosureReason, DecisionKind, DecisionOutcome
from haven.intake import services as intake_services
from haven.intake.models import Channel, Intake
from haven.intake.models import ClosureReason as IntakeClosureReason
from haven.people import services as people_services
from haven.people.models import Person, Sex
from haven.platform.idempotency import HEADER as IDEMPOTENCY_HEADER
from haven.platform.problems import PROBLEM_CONTENT_TYPE

MAX_EXAMPLES = 25
IF_MATCH_HEADER = "If-Match"
REUSED_IDEMPOTENCY_KEY = "contract-test-reused-key"

# Who calls a fuzzed case: a role with its own token, or nobody (None).
CALLERS: tuple[str | None, ...] = (
    Role.CASEWORKER,
    Role.HOTLINE_OPERATOR,
    Role.DECISION_MAKER,
    Role.ADMINISTRATOR,
    Role.FIRST_RESPONDER,
    None,
)
# An operation's own caller is the first of these its view allows.
PREFERRED_CALLERS = (
    Role.CASEWORKER,
    Role.HOTLINE_OPERATOR,
    Role.DECISION_MAKER,
    Role.ADMINISTRATOR,
)
# Fields naming a record, with the model whose version If-Match names.
IDENTIFIER_MODELS = {
    "agency_id": Agency,
    "person_id": Person,
    "case_id": Case,
    "intake_id": Intake,
    "reconsideration_of": None,
}


def _openapi_document() -> dict:
    """The schema as /api/schema/ serves it, generated in-process."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))


schema = schemathesis.openapi.from_dict(
    _openapi_document(),
    config=schemathesis.Config.from_dict(
        {
            # Credentials are real tokens the test chooses, never generated ones.
            "generation": {"with-security-parameters": False},
            "checks": {
                "missing_required_header": {
                    # 400 without Idempotency-Key, 428 without If-Match; the
                    # caller and their role are checked before any header.
                    "expected-statuses": [400, 401, 403, 428],
                },
            },
        }
    ),
)
# Every request, the probes of ignored_auth included, goes through the WSGI stack.
schema.app = get_wsgi_application()


def problem_details(ctx, response, case) -> None:  # type: ignore[no-untyped-def]
    """Every error answer is an RFC 9457 problem document carrying Haven's code."""
    if response.status_code < 400:
        return
    content_type = (response.headers.get("content-type") or [""])[0]
    assert content_type.split(";")[0].strip() == PROBLEM_CONTENT_TYPE, (
        f"{response.status_code} answered as {content_type!r}, not {PROBLEM_CONTENT_TYPE}"
    )
    try:
        body = response.json()
    except ValueError:
        raise AssertionError(
            f"{response.status_code} answered with a body that is not JSON"
        ) from None
    assert isinstance(body, dict), f"the problem is not an object: {body!r}"
    for member, kind in (
        ("type", str),
        ("title", str),
        ("status", int),
        ("detail", str),
        ("code", str),
    ):
        assert isinstance(body.get(member), kind) and body[member], f"no {member}: {body!r}"
    assert body["status"] == response.status_code, f"status differs from the answer's: {body!r}"
    assert body["type"].endswith("/" + body["code"]), f"type does not name the code: {body!r}"


# Not negative_data_rejection yet: the API still accepts some input its schema
# calls invalid (DRF takes 0 for false and for "0", Django's paginator takes
# page=null for page 1, the cases list ignores an unknown status filter).
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    missing_required_header,
    unsupported_method,
    ignored_auth,
    problem_details,
]


# --- the seeded world ----------------------------------------------------------


@dataclass
class World:
    tokens: dict[str, str]
    identifiers: dict[str, list[object]]


@dataclass(frozen=True)
class Plan:
    """How one case is sent. Coverage cases get the defaults: only the header a
    coverage case is about stays as schemathesis generated it."""

    caller: str | None
    idempotency: str = "fresh"  # fresh | reused | generated | missing
    precondition: str = "current"  # current | generated | missing
    path_parameters: dict = field(default_factory=dict)  # seeded records to name
    body_fields: dict = field(default_factory=dict)
    body: dict | None = None  # a well-formed body instead of the generated one


# The hooks below read the world, and pass each case's plan to before_call.
_world: World | None = None
_plans: dict[str, Plan] = {}


@pytest.fixture
def world(cast):  # type: ignore[no-untyped-def]
    """Records made through the services, as tests/cases/conftest.py makes them."""
    global _world
    caseworker = cast[Role.CASEWORKER]
    hotline = cast[Role.HOTLINE_OPERATOR]
    selam = people_services.person_register(
        actor=caseworker,
        original_name="ሰላም ተስፋይ",
        name_script="Ethi",
        latin_names=["Selam Tesfay"],
        sex="female",
        nationalities=["ER"],
        birth_year_min=2000,
        birth_year_max=2002,
    )
    ion = people_services.person_register(
        actor=caseworker,
        latin_names=["Ion Popescu"],
        sex="male",
        nationalities=["MD"],
    )
    amina = people_services.person_register(
        actor=hotline,
        latin_names=["Amina Yusuf"],
        sex="female",
        nationalities=["NG"],
    )
    submitted = case_services.case_open(actor=caseworker, person_id=selam.pk)
    submitted = case_services.case_submit_for_identification(
        actor=caseworker, case_id=submitted.pk, expected_version=submitted.version
    )
    decision = case_services.decision_record(
        actor=cast[Role.DECISION_MAKER],
        case_id=submitted.pk,
        kind=DecisionKind.REASONABLE_GROUNDS,
        outcome=DecisionOutcome.POSITIVE,
        threshold="Reasonable grounds to believe",
        reasons="Indicators of forced labour in the account.",
        decided_on=timezone.localdate(),
    )
    not_submitted = case_services.case_open(actor=caseworker, person_id=ion.pk)
    intakes = [
        intake_services.intake_create(
            actor=hotline, channel=Channel.HOTLINE, account="Called from a farm.", in_danger=True
        ),
        intake_services.intake_create(
            actor=caseworker, channel=Channel.SELF_REFERRAL, anonymous=True
        ),
    ]
    _world = World(
        tokens={
            role: api_token_create(actor=None, user=user, name="contract test").secret
            for role, user in cast.items()
        },
        identifiers={
            "agency_id": list(Agency.objects.values_list("pk", flat=True)),
            "person_id": [str(person.pk) for person in (selam, ion, amina)],
            "case_id": [str(submitted.pk), str(not_submitted.pk)],
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


# --- how cases are sent ------------------------------------------------------------


def _operation_id(case) -> str:  # type: ignore[no-untyped-def]
    return case.operation.definition.raw["operationId"]


def _declares_header(case, name: str) -> bool:  # type: ignore[no-untyped-def]
    return any(
        parameter.get("in") == "header" and parameter.get("name") == name
        for parameter in case.operation.definition.raw.get("parameters", [])
    )


def _own_caller(case) -> str:  # type: ignore[no-untyped-def]
    """The first role, of PREFERRED_CALLERS and then any, the operation's view lets call it."""
    path = case.path
    for name in case.path_parameters or {}:
        path = path.replace("{" + name + "}", "1")
    required = resolve(path).func.view_class.required_permissions.get(case.method.upper())
    return next(
        (role for role in (*PREFERRED_CALLERS, *Role) if role_has_permission(role, required)),
        PREFERRED_CALLERS[0],
    )


def _well_formed_body(operation_id: str, world: World) -> st.SearchStrategy[dict] | None:
    """Bodies the services accept, for the writes that random bodies almost
    never get past validation (real codes, today's date, a known catalogue)."""
    text = st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=30)
    known = world.identifiers
    bodies = {
        "persons_create": st.fixed_dictionaries(
            {
                "latin_names": st.lists(text, min_size=1, max_size=2),
                "sex": st.sampled_from(Sex.values),
            },
            optional={
                "nationalities": st.lists(
                    st.sampled_from(["ER", "NG", "MD", "UA"]), max_size=2, unique=True
                )
            },
        ),
        "agencies_create": st.fixed_dictionaries(
            {
                "name": text,
                "kind": st.sampled_from(AgencyKind.values),
                "country": st.sampled_from(["MT", "IT", "GR"]),
            },
        ),
        "cases_status_change": st.fixed_dictionaries(
            {"status": st.sampled_from(CaseStatus.values)},
            optional={"closure_reason": st.sampled_from(ClosureReason.values)},
        ),
        "decisions_create": st.fixed_dictionaries(
            {
                "kind": st.sampled_from(DecisionKind.values),
                "outcome": st.sampled_from(DecisionOutcome.values),
                "threshold": text,
                "reasons": text,
                "decided_on": st.just(timezone.localdate().isoformat()),
            },
            optional={"reconsideration_of": st.sampled_from(known["reconsideration_of"])},
        ),
        "screenings_create": st.fixed_dictionaries(
            {
                "catalogue": st.sampled_from(catalogue_versions()),
                "answers": st.just({}),
                "completed": st.booleans(),
            },
        ),
        "intakes_triage": st.one_of(
            st.fixed_dictionaries(
                {"action": st.just("close"), "reason": st.sampled_from(IntakeClosureReason.values)}
            ),
            st.fixed_dictionaries(
                {"action": st.just("open_case"), "person_id": st.sampled_from(known["person_id"])}
            ),
            st.fixed_dictionaries(
                {"action": st.just("attach"), "case_id": st.sampled_from(known["case_id"])}
            ),
        ),
    }
    return bodies.get(operation_id)


def _some_known(names: list[str], world: World) -> st.SearchStrategy[dict[str, object]]:
    """For each identifier: name a seeded record, or keep what was generated (None).
    Seeded records come first because hypothesis draws first branches more often."""
    choices = [st.one_of(st.sampled_from(world.identifiers[name]), st.none()) for name in names]
    return st.tuples(*choices).map(
        lambda values: {
            name: value for name, value in zip(names, values, strict=True) if value is not None
        }
    )


@schema.hook
def flatmap_case(context, case):  # type: ignore[no-untyped-def]
    """Draw how a fuzzed case is sent (see the module docstring)."""
    world = _world
    if world is None:
        return st.just(case)
    path_names = [name for name in case.path_parameters or {} if name in IDENTIFIER_MODELS]
    body_names = (
        [name for name in case.body if name in IDENTIFIER_MODELS]
        if isinstance(case.body, dict)
        else []
    )
    well_formed = _well_formed_body(_operation_id(case), world)
    body = st.tuples(_some_known(body_names, world), st.none())
    if well_formed is not None:
        body = st.one_of(st.tuples(st.just({}), well_formed), body)

    def remember(choices) -> object:  # type: ignore[no-untyped-def]
        caller, idempotency, precondition, path_parameters, (body_fields, new_body) = choices
        _plans[case.id] = Plan(
            caller, idempotency, precondition, path_parameters, body_fields, new_body
        )
        return case

    return st.tuples(
        st.one_of(st.just(_own_caller(case)), st.sampled_from(CALLERS)),
        st.sampled_from(["fresh", "fresh", "fresh", "reused", "generated", "missing"]),
        st.sampled_from(["current", "current", "generated", "missing"]),
        _some_known(path_names, world),
        body,
    ).map(remember)


def _is_about(case, header: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether this is a coverage case about the header itself (missing, malformed)."""
    data = case.meta.phase.data if case.meta is not None else None
    return isinstance(data, CoveragePhaseData) and (data.parameter or "").lower() == header.lower()


def _current_version_tag(case, world: World) -> str:  # type: ignore[no-untyped-def]
    for name, value in (case.path_parameters or {}).items():
        model = IDENTIFIER_MODELS.get(name)
        if model is not None and value in world.identifiers[name]:
            version = model.objects.values_list("version", flat=True).get(pk=value)
            return f'W/"{version}"'
    return 'W/"1"'


@schemathesis.hook  # schemathesis offers before_call only globally
def before_call(context, case, kwargs):  # type: ignore[no-untyped-def]
    """Apply the case's plan. Edits made here, unlike edits made before
    Case.call, are revalidated: a restored header makes a negative case positive."""
    world, plan = _world, _plans.pop(case.id, None)  # None for any other schema's cases
    if world is None or plan is None:
        return
    case.path_parameters.update(plan.path_parameters)
    if plan.body is not None:
        case.body = plan.body
    elif plan.body_fields:
        case.body.update(plan.body_fields)
    headers = case.headers
    if _declares_header(case, IDEMPOTENCY_HEADER) and not _is_about(case, IDEMPOTENCY_HEADER):
        if plan.idempotency == "fresh":
            headers[IDEMPOTENCY_HEADER] = f"contract-{uuid.uuid4().hex}"
        elif plan.idempotency == "reused":
            headers[IDEMPOTENCY_HEADER] = REUSED_IDEMPOTENCY_KEY
        elif plan.idempotency == "missing":
            headers.pop(IDEMPOTENCY_HEADER, None)
    if _declares_header(case, IF_MATCH_HEADER) and not _is_about(case, IF_MATCH_HEADER):
        if plan.precondition == "current":
            headers[IF_MATCH_HEADER] = _current_version_tag(case, world)
        elif plan.precondition == "missing":
            headers.pop(IF_MATCH_HEADER, None)


# schemathesis 4.32 under pytest 9.2 gives all its per-operation items one node
# id unless the test is also parametrized, and pytest-xdist then runs only one
# of them. The language parameter keeps the ids distinct (and could add "ar").
@pytest.mark.parametrize("language", ["en"])
@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    # The seeded world is shared, on purpose, by all the examples of an operation.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_operation_keeps_the_contract(case, language, world, requests_keep_the_connection):  # type: ignore[no-untyped-def]
    plan = _plans.setdefault(case.id, Plan(caller=_own_caller(case)))
    # The token goes with the request, not the case, so that ignored_auth can remove it.
    headers = {"Accept-Language": language}
    if plan.caller is not None:
        headers["Authorization"] = f"Bearer {world.tokens[plan.caller]}"
    case.call_and_validate(headers=headers, checks=CHECKS)
