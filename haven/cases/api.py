"""API for intakes, cases, decisions and obligations. Thin: parse, call the
service or selector, render. Creations need Idempotency-Key; updates If-Match."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from haven.accounts import access
from haven.accounts.api import IDEMPOTENCY_PARAMETER, IF_MATCH_PARAMETER
from haven.accounts.roles import Permission
from haven.cases import selectors, services
from haven.cases.classification import screening_lines
from haven.cases.models import (
    CaseStatus,
    ClosureReason,
    DecisionKind,
    DecisionOutcome,
)
from haven.intake import services as intake_services
from haven.intake.models import STAFF_CHANNELS, Channel
from haven.intake.models import ClosureReason as IntakeClosureReason
from haven.platform.api import expected_version_from
from haven.platform.api_fields import TextField
from haven.platform.concurrency import etag_for
from haven.platform.fast_input import FastInput
from haven.platform.idempotency import idempotent_api

PAGE_PARAMETER = OpenApiParameter("page", int, OpenApiParameter.QUERY, required=False)


class CitationOutput(serializers.Serializer):
    reference = serializers.CharField()
    instrument = serializers.CharField(allow_null=True)
    article = serializers.CharField(allow_null=True)


class ObligationOutput(serializers.Serializer):
    """``id`` and ``rule`` are stable; ``title``, ``explanation``, ``warnings`` and
    ``period_ends_with`` are in the request's language (Accept-Language)."""

    id = serializers.CharField(source="obligation.obligation_id")
    rule = serializers.CharField(source="obligation.rule_id")
    title = serializers.CharField()
    status = serializers.CharField()
    explanation = serializers.CharField()
    due_on = serializers.DateField(source="obligation.due_on", allow_null=True)
    period_starts_on = serializers.DateField(source="obligation.period_starts_on", allow_null=True)
    period_ends_on = serializers.DateField(source="obligation.period_ends_on", allow_null=True)
    period_ends_with = serializers.CharField(allow_blank=True)
    citations = CitationOutput(source="obligation.citations", many=True)
    warnings = serializers.ListField(child=serializers.CharField())


class DecisionOutput(serializers.Serializer):
    id = serializers.CharField()
    kind = serializers.ChoiceField(choices=DecisionKind.choices)
    outcome = serializers.ChoiceField(choices=DecisionOutcome.choices)
    threshold = serializers.CharField()
    reasons = serializers.CharField()
    decided_on = serializers.DateField()
    decided_by = serializers.CharField(source="decided_by.username")
    reconsideration_of = serializers.CharField(source="reconsideration_of_id", allow_null=True)


class CaseOutput(serializers.Serializer):
    id = serializers.CharField(source="case.id")
    reference = serializers.CharField(source="case.reference")
    person_id = serializers.CharField(source="case.person_id")
    agency = serializers.CharField(source="case.agency.name")
    status = serializers.ChoiceField(source="case.status", choices=CaseStatus.choices)
    opened_on = serializers.DateField(source="case.opened_on")
    closed_on = serializers.DateField(source="case.closed_on", allow_null=True)
    submitted_for_identification_on = serializers.DateField(
        source="case.submitted_for_identification_on", allow_null=True
    )
    policy = serializers.CharField(source="case.policy")
    version = serializers.IntegerField(source="case.version")
    obligations = ObligationOutput(many=True)
    decisions = DecisionOutput(many=True)


class CaseOpenedOutput(serializers.Serializer):
    """What opening a case answers: the whole case (as CaseOutput) to those
    who may read it; only its id and reference to those who open cases without
    reading them (a hotline operator triaging an intake)."""

    id = serializers.CharField()
    reference = serializers.CharField()
    person_id = serializers.CharField(required=False)
    agency = serializers.CharField(required=False)
    status = serializers.ChoiceField(choices=CaseStatus.choices, required=False)
    opened_on = serializers.DateField(required=False)
    closed_on = serializers.DateField(allow_null=True, required=False)
    submitted_for_identification_on = serializers.DateField(allow_null=True, required=False)
    policy = serializers.CharField(required=False)
    version = serializers.IntegerField(required=False)
    obligations = ObligationOutput(many=True, required=False)
    decisions = DecisionOutput(many=True, required=False)


class CaseSummaryOutput(serializers.Serializer):
    id = serializers.CharField()
    reference = serializers.CharField()
    person_name = serializers.CharField()
    status = serializers.CharField()
    agency = serializers.CharField()
    caseworker = serializers.CharField()
    opened_on = serializers.DateField()
    overdue = serializers.IntegerField()


class CasePageOutput(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    results = CaseSummaryOutput(many=True)


def _case_response(request: Request, case_id: object, code: int = 200) -> Response:
    casefile = selectors.case_get(actor=request.user, case_id=case_id)
    response = Response(CaseOutput(casefile).data, status=code)
    response["ETag"] = etag_for(casefile.case.version)
    return response


class CaseListApi(APIView):
    """Cases the caller may see; open a case for a person found by search."""

    required_permissions = {"GET": Permission.CASE_LIST, "POST": Permission.CASE_CREATE}

    class CaseOpenInput(serializers.Serializer):
        person_id = serializers.UUIDField()

    @extend_schema(
        responses=CasePageOutput,
        operation_id="cases_list",
        parameters=[
            PAGE_PARAMETER,
            OpenApiParameter(
                "status", str, OpenApiParameter.QUERY, required=False, enum=CaseStatus.values
            ),
            OpenApiParameter("overdue", bool, OpenApiParameter.QUERY, required=False),
        ],
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        page = selectors.case_page(
            actor=request.user,
            status=params.get("status", ""),
            overdue_only=params.get("overdue") in ("true", "1"),
            page_number=params.get("page", 1),
        )
        return Response(
            {
                "count": page.paginator.count,
                "page": page.number,
                "pages": page.paginator.num_pages,
                "results": CaseSummaryOutput(page.object_list, many=True).data,
            }
        )

    @extend_schema(
        request=CaseOpenInput,
        responses={201: CaseOpenedOutput},
        parameters=[IDEMPOTENCY_PARAMETER],
        operation_id="cases_create",
    )
    @idempotent_api
    def post(self, request: Request) -> Response:
        serializer = self.CaseOpenInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        case = services.case_open(
            actor=request.user, person_id=serializer.validated_data["person_id"]
        )
        if not access.has_permission(request.user, Permission.CASE_VIEW):
            return Response(
                {"id": str(case.pk), "reference": case.reference}, status=status.HTTP_201_CREATED
            )
        return _case_response(request, case.pk, status.HTTP_201_CREATED)


class CaseDetailApi(APIView):
    required_permissions = {"GET": Permission.CASE_VIEW, "PATCH": Permission.CASE_CHANGE}

    class CaseFactsInput(serializers.Serializer):
        policy = serializers.CharField(max_length=40, required=False)
        asylum_sought = serializers.BooleanField(required=False)
        fears_own_state = serializers.BooleanField(required=False)
        smuggled = serializers.BooleanField(required=False)
        stateless = serializers.BooleanField(required=False)
        proceedings_ongoing = serializers.BooleanField(required=False)
        participates_as_witness = serializers.BooleanField(required=False)
        witness_protection_on = serializers.DateField(required=False, allow_null=True)
        assistance_conditional_on_cooperation = serializers.BooleanField(required=False)
        guardian_appointed_on = serializers.DateField(required=False, allow_null=True)
        best_interests_assessed_on = serializers.DateField(required=False, allow_null=True)

    @extend_schema(responses=CaseOutput, operation_id="cases_retrieve")
    def get(self, request: Request, case_id: str) -> Response:
        return _case_response(request, case_id)

    @extend_schema(
        request=CaseFactsInput,
        responses=CaseOutput,
        parameters=[IF_MATCH_PARAMETER],
        operation_id="cases_partial_update",
    )
    def patch(self, request: Request, case_id: str) -> Response:
        serializer = self.CaseFactsInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        access.access_case_by_id(request.user, case_id, for_change=True)
        services.case_update_facts(
            actor=request.user,
            case_id=case_id,
            expected_version=expected_version_from(request),
            changes=dict(serializer.validated_data),
        )
        return _case_response(request, case_id)


class CaseStatusApi(APIView):
    required_permissions = {"POST": Permission.CASE_CHANGE}

    class CaseStatusInput(serializers.Serializer):
        status = serializers.ChoiceField(choices=CaseStatus.choices)
        closure_reason = serializers.ChoiceField(
            choices=ClosureReason.choices, required=False, default=""
        )
        closure_note = serializers.CharField(max_length=5000, required=False, default="")

    @extend_schema(
        request=CaseStatusInput,
        responses=CaseOutput,
        parameters=[IF_MATCH_PARAMETER],
        operation_id="cases_status_change",
    )
    def post(self, request: Request, case_id: str) -> Response:
        serializer = self.CaseStatusInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        access.access_case_by_id(request.user, case_id, for_change=True)
        services.case_change_status(
            actor=request.user,
            case_id=case_id,
            expected_version=expected_version_from(request),
            **serializer.validated_data,
        )
        return _case_response(request, case_id)


class CaseObligationsApi(APIView):
    required_permissions = {"GET": Permission.CASE_VIEW}

    @extend_schema(responses=ObligationOutput(many=True), operation_id="cases_obligations")
    def get(self, request: Request, case_id: str) -> Response:
        casefile = selectors.case_get(actor=request.user, case_id=case_id)
        return Response(ObligationOutput(casefile.obligations, many=True).data)


class DecisionListApi(APIView):
    required_permissions = {"GET": Permission.CASE_VIEW, "POST": Permission.DECISION_RECORD}

    class DecisionInput(serializers.Serializer):
        kind = serializers.ChoiceField(choices=DecisionKind.choices)
        outcome = serializers.ChoiceField(choices=DecisionOutcome.choices)
        threshold = serializers.CharField(max_length=200)
        reasons = serializers.CharField(max_length=20_000)
        decided_on = serializers.DateField()
        reconsideration_of = serializers.UUIDField(required=False, allow_null=True)

    @extend_schema(responses=DecisionOutput(many=True), operation_id="decisions_list")
    def get(self, request: Request, case_id: str) -> Response:
        casefile = selectors.case_get(actor=request.user, case_id=case_id)
        return Response(DecisionOutput(casefile.decisions, many=True).data)

    @extend_schema(
        request=DecisionInput,
        responses={201: DecisionOutput},
        parameters=[IDEMPOTENCY_PARAMETER],
        operation_id="decisions_create",
    )
    @idempotent_api
    def post(self, request: Request, case_id: str) -> Response:
        serializer = self.DecisionInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        decision = services.decision_record(
            actor=request.user, case_id=case_id, **serializer.validated_data
        )
        return Response(DecisionOutput(decision).data, status=status.HTTP_201_CREATED)


class ScreeningCreateApi(APIView):
    required_permissions = {"POST": Permission.CASE_CHANGE}

    class ScreeningInput(serializers.Serializer):
        catalogue = serializers.CharField(max_length=60)
        answers = serializers.DictField(child=serializers.DictField())
        completed = serializers.BooleanField(default=False)

    class ScreeningOutput(serializers.Serializer):
        id = serializers.CharField()
        catalogue = serializers.CharField()
        completed = serializers.BooleanField()
        summary = serializers.SerializerMethodField(
            help_text="Counts and indicator ids, and the summary's sentences (lines) in "
            "the language of the request (Accept-Language)."
        )

        def get_summary(self, screening: Any) -> dict[str, Any]:
            stored = dict(screening.summary or {})
            lines = screening_lines(stored)
            stored.pop("messages", None)  # message ids and parameters: internal
            return {**stored, "lines": lines}

    @extend_schema(
        request=ScreeningInput,
        responses={201: ScreeningOutput},
        parameters=[IDEMPOTENCY_PARAMETER],
        operation_id="screenings_create",
    )
    @idempotent_api
    def post(self, request: Request, case_id: str) -> Response:
        serializer = self.ScreeningInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        screening = services.screening_save(
            actor=request.user, case_id=case_id, **serializer.validated_data
        )
        return Response(self.ScreeningOutput(screening).data, status=status.HTTP_201_CREATED)


class DeadlinesApi(APIView):
    required_permissions = {"GET": Permission.DEADLINES_VIEW}

    class DeadlineOutput(serializers.Serializer):
        case_id = serializers.CharField()
        case_reference = serializers.CharField()
        obligation_id = serializers.CharField()
        title = serializers.CharField(help_text="In the request's language.")
        status = serializers.CharField()
        due_on = serializers.DateField(allow_null=True)
        period_ends_on = serializers.DateField(allow_null=True)

    @extend_schema(responses=DeadlineOutput(many=True), operation_id="deadlines_list")
    def get(self, request: Request) -> Response:
        return Response(
            self.DeadlineOutput(selectors.my_deadlines(actor=request.user), many=True).data
        )


class IntakeOutput(serializers.Serializer):
    id = serializers.CharField()
    channel = serializers.ChoiceField(choices=Channel.choices)
    received_at = serializers.DateTimeField()
    status = serializers.CharField()
    anonymous = serializers.BooleanField()
    in_danger = serializers.BooleanField()
    detained = serializers.BooleanField()
    language = serializers.CharField()
    case_id = serializers.CharField(allow_null=True)
    version = serializers.IntegerField()


class IntakeContactInput(serializers.Serializer):
    name = TextField(max_length=200, required=False, allow_blank=True)
    phone = TextField(max_length=40, required=False, allow_blank=True)
    safe_time = TextField(max_length=200, required=False, allow_blank=True)
    safe_channel = TextField(max_length=200, required=False, allow_blank=True)


class IntakePersonInput(serializers.Serializer):
    name = TextField(max_length=300, required=False, allow_blank=True)
    sex = TextField(max_length=10, required=False, allow_blank=True)
    age = TextField(max_length=40, required=False, allow_blank=True)
    nationality = TextField(max_length=2, required=False, allow_blank=True)


class IntakeListApi(APIView):
    required_permissions = {"GET": Permission.INTAKE_TRIAGE, "POST": Permission.INTAKE_CREATE}

    class IntakeInput(serializers.Serializer):
        channel = serializers.ChoiceField(choices=STAFF_CHANNELS)
        account = TextField(max_length=20_000, required=False, default="", allow_blank=True)
        anonymous = serializers.BooleanField(default=False)
        # Declared as fields (not re-validated in validate_*) so a batch builds
        # them once for all its items.
        contact = IntakeContactInput(required=False)
        person_details = IntakePersonInput(required=False)
        language = TextField(max_length=3, required=False, default="", allow_blank=True)
        in_danger = serializers.BooleanField(default=False)
        detained = serializers.BooleanField(default=False)
        agency_id = serializers.IntegerField(required=False, allow_null=True)

    @extend_schema(
        responses=IntakeOutput(many=True), parameters=[PAGE_PARAMETER], operation_id="intakes_list"
    )
    def get(self, request: Request) -> Response:
        page = selectors.intake_queue(
            actor=request.user, page_number=request.query_params.get("page", 1)
        )
        return Response(IntakeOutput(page.object_list, many=True).data)

    @extend_schema(
        request=IntakeInput,
        responses={201: IntakeOutput},
        parameters=[IDEMPOTENCY_PARAMETER],
        operation_id="intakes_create",
    )
    @idempotent_api
    def post(self, request: Request) -> Response:
        validated = _INTAKE_FAST_INPUT.validate(request.data)
        if validated is None:  # something to refuse or coerce: DRF decides and explains
            serializer = self.IntakeInput(data=request.data)
            serializer.is_valid(raise_exception=True)
            validated = serializer.validated_data
        intake = intake_services.intake_create(actor=request.user, **validated)
        return Response(IntakeOutput(intake).data, status=status.HTTP_201_CREATED)


_INTAKE_FAST_INPUT = FastInput(IntakeListApi.IntakeInput)


class IntakeBatchItemInput(IntakeListApi.IntakeInput):
    client_reference = serializers.UUIDField(
        help_text="The sender's own id for this intake: sent again, in any batch, "
        "it is not created twice."
    )


class IntakeBatchInput(serializers.Serializer):
    intakes = IntakeBatchItemInput(
        many=True, min_length=1, max_length=intake_services.MAX_INTAKES_AT_ONCE
    )


_BATCH_FAST_INPUT = FastInput(IntakeBatchInput)


class IntakeBatchItemOutput(serializers.Serializer):
    client_reference = serializers.UUIDField()
    id = serializers.CharField()
    created = serializers.BooleanField(help_text="False when an earlier batch created it.")


class IntakeBatchOutput(serializers.Serializer):
    intakes = IntakeBatchItemOutput(many=True)


class IntakeBatchApi(APIView):
    """Intakes sent together (an outreach device syncing what it recorded
    offline): created in one transaction, all or none."""

    required_permissions = {"POST": Permission.INTAKE_CREATE}

    @extend_schema(
        request=IntakeBatchInput,
        responses={201: IntakeBatchOutput},
        parameters=[IDEMPOTENCY_PARAMETER],
        operation_id="intakes_create_many",
    )
    @idempotent_api
    def post(self, request: Request) -> Response:
        validated = _BATCH_FAST_INPUT.validate(request.data)
        if validated is None:  # something to refuse or coerce: DRF decides and explains
            serializer = IntakeBatchInput(data=request.data)
            serializer.is_valid(raise_exception=True)
            validated = serializer.validated_data
        results = intake_services.intakes_create_many(
            actor=request.user, items=validated["intakes"]
        )
        # IntakeBatchOutput's shape, built directly: a serializer per item
        # cost as much as validating it.
        output = {
            "intakes": [
                {
                    "client_reference": str(result.client_reference),
                    "id": str(result.intake_id),
                    "created": result.created,
                }
                for result in results
            ]
        }
        return Response(output, status=status.HTTP_201_CREATED)


class IntakeTriageApi(APIView):
    required_permissions = {"POST": Permission.INTAKE_TRIAGE}

    class TriageInput(serializers.Serializer):
        action = serializers.ChoiceField(choices=["open_case", "attach", "close"])
        person_id = serializers.UUIDField(required=False)
        case_id = serializers.UUIDField(required=False)
        reason = serializers.ChoiceField(choices=IntakeClosureReason.choices, required=False)

    @extend_schema(
        request=TriageInput,
        responses=IntakeOutput,
        parameters=[IF_MATCH_PARAMETER],
        operation_id="intakes_triage",
    )
    def post(self, request: Request, intake_id: str) -> Response:
        serializer = self.TriageInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        access.access_intake_by_id(request.user, intake_id, for_triage=True)
        version = expected_version_from(request)
        if data["action"] == "open_case":
            services.intake_open_case(
                actor=request.user,
                intake_id=intake_id,
                expected_version=version,
                person_id=data.get("person_id"),
            )
        elif data["action"] == "attach":
            services.intake_attach(
                actor=request.user,
                intake_id=intake_id,
                expected_version=version,
                case_id=data.get("case_id"),
            )
        else:
            services.intake_close(
                actor=request.user,
                intake_id=intake_id,
                expected_version=version,
                reason=data.get("reason", ""),
            )
        intake = access.access_intake_by_id(request.user, intake_id)
        response = Response(IntakeOutput(intake).data)
        response["ETag"] = etag_for(intake.version)
        return response
