"""Read-only person endpoints of the foundation; case management adds writes."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from haven.accounts import access
from haven.accounts.api import IDEMPOTENCY_PARAMETER, IF_MATCH_PARAMETER
from haven.accounts.roles import Permission
from haven.people import selectors, services
from haven.people.domain.ranking import Agreement, Attribute
from haven.people.models import Sex
from haven.people.vocabulary import AgeEstimateMethod, Gender, ImmigrationStatus, Vulnerability
from haven.platform.api import expected_version_from
from haven.platform.concurrency import etag_for
from haven.platform.idempotency import idempotent_api


class PersonSummaryOutput(serializers.Serializer):
    id = serializers.CharField()
    display_name = serializers.CharField()
    original_name = serializers.CharField()
    sex = serializers.CharField()
    sex_label = serializers.CharField()
    birth_years = serializers.ListField(child=serializers.IntegerField(allow_null=True))
    nationalities = serializers.ListField(child=serializers.CharField())
    version = serializers.IntegerField()


class RankingReasonOutput(serializers.Serializer):
    attribute = serializers.CharField(help_text=" | ".join(a.value for a in Attribute))
    agreement = serializers.CharField(help_text=" | ".join(a.value for a in Agreement))
    weight = serializers.FloatField(help_text="What this comparison added to the rank.")
    label = serializers.CharField(help_text="In the request's language.")


class PersonMatchOutput(serializers.Serializer):
    person = PersonSummaryOutput()
    score = serializers.FloatField(help_text="Name similarity, 0 to 1.")
    matched_on = serializers.ListField(child=serializers.CharField())
    best_variant = serializers.CharField()
    rank = serializers.FloatField(
        help_text="What the results are ordered by: the name score, plus 1 for a phone or "
        "document number found, plus the weights of the reasons."
    )
    reasons = RankingReasonOutput(many=True)


class PersonPageOutput(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    results = PersonSummaryOutput(many=True)


class PersonInput(serializers.Serializer):
    """A person as a client registers or changes them; the service validates
    codes (countries, languages) and dates and names the field at fault."""

    original_name = serializers.CharField(max_length=300, required=False, allow_blank=True)
    name_script = serializers.CharField(max_length=4, required=False, allow_blank=True)
    latin_names = serializers.ListField(
        child=serializers.CharField(max_length=300), max_length=20, required=False
    )
    aliases = serializers.ListField(
        child=serializers.CharField(max_length=300), max_length=20, required=False
    )
    sex = serializers.ChoiceField(choices=Sex.choices, required=False)
    gender = serializers.ChoiceField(choices=Gender.choices, required=False)
    birth_date = serializers.DateField(required=False, allow_null=True)
    birth_year_min = serializers.IntegerField(
        required=False, allow_null=True, min_value=1900, max_value=2100
    )
    birth_year_max = serializers.IntegerField(
        required=False, allow_null=True, min_value=1900, max_value=2100
    )
    age_estimated_on = serializers.DateField(required=False, allow_null=True)
    age_estimate_method = serializers.ChoiceField(choices=AgeEstimateMethod.choices, required=False)
    nationalities = serializers.ListField(
        child=serializers.CharField(max_length=2), max_length=10, required=False
    )
    languages = serializers.ListField(
        child=serializers.CharField(max_length=3), max_length=20, required=False
    )
    vulnerabilities = serializers.ListField(
        child=serializers.ChoiceField(choices=Vulnerability.choices), required=False
    )
    contact = serializers.DictField(required=False)
    documents = serializers.ListField(child=serializers.DictField(), max_length=10, required=False)
    immigration_status = serializers.ChoiceField(choices=ImmigrationStatus.choices, required=False)


class PersonListApi(APIView):
    """Persons the caller may see. With name, phone or document: the
    search-before-create, best matches first."""

    required_permissions = {"GET": Permission.PERSON_LIST, "POST": Permission.PERSON_CREATE}

    @extend_schema(
        responses=PersonPageOutput,
        parameters=[OpenApiParameter("page", int, OpenApiParameter.QUERY, required=False)],
        operation_id="persons_list",
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        page = selectors.person_page(actor=request.user, page_number=params.get("page", 1))
        return Response(
            {
                "count": page.paginator.count,
                "page": page.number,
                "pages": page.paginator.num_pages,
                "results": PersonSummaryOutput(page.object_list, many=True).data,
            }
        )

    @extend_schema(
        request=PersonInput,
        responses={201: PersonSummaryOutput},
        parameters=[IDEMPOTENCY_PARAMETER],
        operation_id="persons_create",
    )
    @idempotent_api
    def post(self, request: Request) -> Response:
        serializer = PersonInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        person = services.person_register(actor=request.user, **serializer.validated_data)
        return Response(PersonSummaryOutput(selectors.summary_of(person)).data, status=201)


class PersonSearchApi(APIView):
    """Search-before-create. The criteria travel in the body, never in a URL,
    so no name, phone or document number reaches a log or a proxy."""

    required_permissions = {"POST": Permission.PERSON_LIST}

    class SearchInput(serializers.Serializer):
        """A name, phone or document number finds the candidates; birth (one of
        birth_date, birth_year, age), sex and nationality only rank them."""

        name = serializers.CharField(max_length=300, required=False, allow_blank=True)
        phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
        document = serializers.CharField(max_length=64, required=False, allow_blank=True)
        birth_date = serializers.DateField(required=False, allow_null=True)
        birth_year = serializers.IntegerField(
            required=False, allow_null=True, min_value=1900, max_value=2100
        )
        age = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=130)
        sex = serializers.ChoiceField(
            choices=Sex.choices, required=False, help_text="unknown: not a criterion"
        )
        nationality = serializers.CharField(max_length=2, required=False, allow_blank=True)

    @extend_schema(
        request=SearchInput, responses=PersonMatchOutput(many=True), operation_id="persons_search"
    )
    def post(self, request: Request) -> Response:
        serializer = self.SearchInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        matches = selectors.person_search(actor=request.user, **serializer.validated_data)
        return Response(PersonMatchOutput(matches, many=True).data)


class PersonDetailApi(APIView):
    required_permissions = {"GET": Permission.PERSON_VIEW, "PATCH": Permission.PERSON_CHANGE}

    class PersonDetailOutput(serializers.Serializer):
        id = serializers.CharField()
        names = serializers.JSONField()
        sex = serializers.CharField()
        birth_date = serializers.CharField(allow_null=True)
        birth_year_min = serializers.IntegerField(allow_null=True)
        birth_year_max = serializers.IntegerField(allow_null=True)
        nationalities = serializers.ListField(child=serializers.CharField())
        version = serializers.IntegerField()

    @extend_schema(responses=PersonDetailOutput, operation_id="persons_retrieve")
    def get(self, request: Request, person_id: str) -> Response:
        person = selectors.person_get(actor=request.user, person_id=person_id)
        response = Response(self.PersonDetailOutput(person).data)
        response["ETag"] = etag_for(person.version)
        return response

    @extend_schema(
        request=PersonInput,
        responses=PersonSummaryOutput,
        parameters=[IF_MATCH_PARAMETER],
        operation_id="persons_partial_update",
    )
    def patch(self, request: Request, person_id: str) -> Response:
        serializer = PersonInput(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        access.access_person_by_id(request.user, person_id, for_change=True)
        person = services.person_update(
            actor=request.user,
            person_id=person_id,
            expected_version=expected_version_from(request),
            changes=dict(serializer.validated_data),
        )
        response = Response(PersonSummaryOutput(selectors.summary_of(person)).data)
        response["ETag"] = etag_for(person.version)
        return response
