"""API for the caller's own account and for agencies."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from haven.accounts import access, services
from haven.accounts.models import AgencyKind
from haven.accounts.roles import Permission
from haven.platform.api import expected_version_from
from haven.platform.concurrency import etag_for
from haven.platform.idempotency import HEADER as IDEMPOTENCY_HEADER
from haven.platform.idempotency import idempotent_api

IDEMPOTENCY_PARAMETER = OpenApiParameter(
    IDEMPOTENCY_HEADER,
    str,
    OpenApiParameter.HEADER,
    required=True,
    description=str(_("A unique value per intended creation; a retry reuses it.")),
)
IF_MATCH_PARAMETER = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    required=True,
    description=str(_('The ETag of the version being changed, e.g. W/"3".')),
)


class AgencyOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=AgencyKind.choices)
    country = serializers.CharField()
    contact_email = serializers.EmailField(allow_blank=True)
    is_active = serializers.BooleanField()
    receives_portal_requests = serializers.BooleanField()
    version = serializers.IntegerField()


class MeApi(APIView):
    required_permissions = {"GET": Permission.HOME_VIEW}

    class MeOutput(serializers.Serializer):
        id = serializers.IntegerField()
        username = serializers.CharField()
        role = serializers.CharField()
        agency = AgencyOutput(allow_null=True)

    @extend_schema(responses=MeOutput, operation_id="me_retrieve")
    def get(self, request: Request) -> Response:
        return Response(self.MeOutput(request.user).data)


class AgencyListApi(APIView):
    required_permissions = {"GET": Permission.AGENCY_VIEW_OWN, "POST": Permission.AGENCY_MANAGE}

    class Input(serializers.Serializer):
        name = serializers.CharField(max_length=200)
        kind = serializers.ChoiceField(choices=AgencyKind.choices)
        country = serializers.CharField(min_length=2, max_length=2)
        contact_email = serializers.EmailField(required=False, default="", allow_blank=True)

    @extend_schema(responses=AgencyOutput(many=True), operation_id="agencies_list")
    def get(self, request: Request) -> Response:
        agencies = access.agencies_visible_to(request.user).order_by("name")
        return Response(AgencyOutput(agencies, many=True).data)

    @extend_schema(
        request=Input,
        responses={201: AgencyOutput},
        parameters=[IDEMPOTENCY_PARAMETER],
        operation_id="agencies_create",
    )
    @idempotent_api
    def post(self, request: Request) -> Response:
        serializer = self.Input(data=request.data)
        serializer.is_valid(raise_exception=True)
        agency = services.agency_create(actor=request.user, **serializer.validated_data)
        response = Response(AgencyOutput(agency).data, status=status.HTTP_201_CREATED)
        return response


class AgencyDetailApi(APIView):
    required_permissions = {"GET": Permission.AGENCY_VIEW_OWN, "PATCH": Permission.AGENCY_MANAGE}

    class Input(serializers.Serializer):
        name = serializers.CharField(max_length=200, required=False)
        kind = serializers.ChoiceField(choices=AgencyKind.choices, required=False)
        country = serializers.CharField(min_length=2, max_length=2, required=False)
        contact_email = serializers.EmailField(required=False, allow_blank=True)
        is_active = serializers.BooleanField(required=False)
        receives_portal_requests = serializers.BooleanField(required=False)

    @extend_schema(responses=AgencyOutput, operation_id="agencies_retrieve")
    def get(self, request: Request, agency_id: int) -> Response:
        agency = access.access_agency_by_id(request.user, agency_id)
        response = Response(AgencyOutput(agency).data)
        response["ETag"] = etag_for(agency.version)
        return response

    @extend_schema(
        request=Input,
        responses=AgencyOutput,
        parameters=[IF_MATCH_PARAMETER],
        operation_id="agencies_partial_update",
    )
    def patch(self, request: Request, agency_id: int) -> Response:
        serializer = self.Input(data=request.data)
        serializer.is_valid(raise_exception=True)
        # Scope first: an agency out of reach answers 404 before any precondition.
        access.access_agency_by_id(request.user, agency_id, for_change=True)
        agency = services.agency_update(
            actor=request.user,
            agency_id=agency_id,
            expected_version=expected_version_from(request),
            changes=dict(serializer.validated_data),
        )
        response = Response(AgencyOutput(agency).data)
        response["ETag"] = etag_for(agency.version)
        return response
