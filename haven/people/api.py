"""Read-only person endpoints of the foundation; case management adds writes."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from haven.accounts.roles import Permission
from haven.people import selectors
from haven.platform.concurrency import etag_for


class PersonSummaryOutput(serializers.Serializer):
    id = serializers.CharField()
    display_name = serializers.CharField()
    original_name = serializers.CharField()
    sex = serializers.CharField()
    birth_years = serializers.ListField(child=serializers.IntegerField(allow_null=True))
    nationalities = serializers.ListField(child=serializers.CharField())
    version = serializers.IntegerField()


class PersonPageOutput(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    results = PersonSummaryOutput(many=True)


class PersonListApi(APIView):
    required_permissions = {"GET": Permission.PERSON_LIST}

    @extend_schema(
        responses=PersonPageOutput,
        parameters=[OpenApiParameter("page", int, OpenApiParameter.QUERY, required=False)],
        operation_id="persons_list",
    )
    def get(self, request: Request) -> Response:
        page = selectors.person_page(
            actor=request.user, page_number=request.query_params.get("page", 1)
        )
        return Response(
            {
                "count": page.paginator.count,
                "page": page.number,
                "pages": page.paginator.num_pages,
                "results": PersonSummaryOutput(page.object_list, many=True).data,
            }
        )


class PersonDetailApi(APIView):
    required_permissions = {"GET": Permission.PERSON_VIEW}

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
