"""API for possible duplicate persons: the review queue, one pair side by side,
a decision (If-Match), and a search for new pairs (Idempotency-Key). Thin:
parse, call the service or selector, render. Who may see a pair is decided in
accounts/access.py: both persons must be readable, or the pair does not exist."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from haven.accounts import access
from haven.accounts.api import IDEMPOTENCY_PARAMETER, IF_MATCH_PARAMETER
from haven.accounts.roles import Permission
from haven.platform.api import expected_version_from
from haven.platform.concurrency import etag_for
from haven.platform.idempotency import idempotent_api
from haven.tracing import selectors, services
from haven.tracing.labels import attribute_label, level_label
from haven.tracing.models import CandidateStatus
from haven.tracing.selectors import Evidence


class DuplicatePersonOutput(serializers.Serializer):
    id = serializers.CharField()
    display_name = serializers.CharField()
    original_name = serializers.CharField()
    original_script = serializers.CharField()
    latin_names = serializers.ListField(child=serializers.CharField())
    aliases = serializers.ListField(child=serializers.CharField())
    sex = serializers.CharField()
    sex_label = serializers.CharField()
    birth_date = serializers.CharField()
    birth_years = serializers.ListField(child=serializers.IntegerField(allow_null=True))
    nationalities = serializers.ListField(child=serializers.CharField())
    agency = serializers.CharField()
    registered_on = serializers.DateField()


class DuplicateEvidenceOutput(serializers.Serializer):
    attribute = serializers.CharField(help_text="Stable code of the attribute compared.")
    attribute_label = serializers.SerializerMethodField(
        help_text="The attribute in the language of the request (Accept-Language)."
    )
    level = serializers.CharField(help_text="Stable code of the comparison level.")
    level_label = serializers.SerializerMethodField(
        help_text="The comparison level in the language of the request (Accept-Language)."
    )
    match_weight = serializers.FloatField()

    def get_attribute_label(self, evidence: Evidence) -> str:
        return attribute_label(evidence.attribute)

    def get_level_label(self, evidence: Evidence) -> str:
        return level_label(evidence.level)


class DuplicateDecisionOutput(serializers.Serializer):
    decision = serializers.CharField(help_text="confirmed, rejected or more_information")
    reason = serializers.CharField()
    reviewer = serializers.CharField()
    decided_at = serializers.DateTimeField()


class DuplicateOutput(serializers.Serializer):
    id = serializers.CharField()
    status = serializers.CharField(help_text="proposed, confirmed, rejected or more_information")
    status_label = serializers.CharField()
    match_probability = serializers.FloatField()
    match_weight = serializers.FloatField()
    explanation = DuplicateEvidenceOutput(many=True)
    person_a = DuplicatePersonOutput()
    person_b = DuplicatePersonOutput()
    same_agency = serializers.BooleanField()
    proposed_at = serializers.DateTimeField()
    reviewed_at = serializers.DateTimeField(allow_null=True)
    version = serializers.IntegerField()
    decisions = DuplicateDecisionOutput(many=True)


class DuplicatePageOutput(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    results = DuplicateOutput(many=True)


def _pair_response(request: Request, duplicate_id: object) -> Response:
    pair = selectors.duplicate_get(actor=request.user, candidate_id=duplicate_id)
    response = Response(DuplicateOutput(pair).data)
    response["ETag"] = etag_for(pair.version)
    return response


class PersonDuplicateListApi(APIView):
    """The review queue: pairs whose both persons the caller may open, most
    probable first."""

    required_permissions = {"GET": Permission.PERSON_DEDUPLICATE}

    class DuplicateQueueInput(serializers.Serializer):
        status = serializers.ChoiceField(
            choices=CandidateStatus.choices, required=False, default=CandidateStatus.PROPOSED
        )
        page = serializers.IntegerField(min_value=1, required=False, default=1)

    @extend_schema(
        responses=DuplicatePageOutput,
        parameters=[
            OpenApiParameter(
                "status",
                str,
                OpenApiParameter.QUERY,
                required=False,
                enum=CandidateStatus.values,
            ),
            OpenApiParameter("page", int, OpenApiParameter.QUERY, required=False),
        ],
        operation_id="person_duplicates_list",
    )
    def get(self, request: Request) -> Response:
        query = self.DuplicateQueueInput(data=request.query_params)
        query.is_valid(raise_exception=True)
        page = selectors.duplicate_page(
            actor=request.user,
            status=query.validated_data["status"],
            page_number=query.validated_data["page"],
        )
        return Response(
            {
                "count": page.paginator.count,
                "page": page.number,
                "pages": page.paginator.num_pages,
                "results": DuplicateOutput(page.object_list, many=True).data,
            }
        )


class PersonDuplicateSearchApi(APIView):
    """Search the persons the caller may open for possible duplicates and
    propose new pairs; decided pairs are never proposed again."""

    required_permissions = {"POST": Permission.PERSON_DEDUPLICATE}

    class DuplicateSearchOutput(serializers.Serializer):
        persons = serializers.IntegerField()
        proposed = serializers.IntegerField()
        refreshed = serializers.IntegerField()
        withdrawn = serializers.IntegerField()

    @extend_schema(
        request=None,
        responses={201: DuplicateSearchOutput},
        parameters=[IDEMPOTENCY_PARAMETER],
        operation_id="person_duplicates_search",
    )
    @idempotent_api
    def post(self, request: Request) -> Response:
        result = services.person_duplicates_find(actor=request.user)
        return Response(self.DuplicateSearchOutput(result).data, status=201)


class PersonDuplicateDetailApi(APIView):
    required_permissions = {"GET": Permission.PERSON_DEDUPLICATE}

    @extend_schema(responses=DuplicateOutput, operation_id="person_duplicates_retrieve")
    def get(self, request: Request, duplicate_id: str) -> Response:
        return _pair_response(request, duplicate_id)


class PersonDuplicateReviewApi(APIView):
    """A decision with its reason: confirmed (same person: a link, no merge),
    rejected (never proposed again) or more_information."""

    required_permissions = {"POST": Permission.PERSON_DEDUPLICATE}

    class DuplicateReviewInput(serializers.Serializer):
        decision = serializers.ChoiceField(
            choices=[
                CandidateStatus.CONFIRMED,
                CandidateStatus.REJECTED,
                CandidateStatus.MORE_INFORMATION,
            ]
        )
        reason = serializers.CharField(max_length=5000)

    @extend_schema(
        request=DuplicateReviewInput,
        responses=DuplicateOutput,
        parameters=[IF_MATCH_PARAMETER],
        operation_id="person_duplicates_review",
    )
    def post(self, request: Request, duplicate_id: str) -> Response:
        serializer = self.DuplicateReviewInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        access.access_person_duplicate_by_id(request.user, duplicate_id)
        services.person_duplicate_review(
            actor=request.user,
            candidate_id=duplicate_id,
            expected_version=expected_version_from(request),
            **serializer.validated_data,
        )
        return _pair_response(request, duplicate_id)
