"""/api/v1/: every view declares required_permissions per method."""

from django.urls import path

from haven.accounts.api import AgencyDetailApi, AgencyListApi, MeApi
from haven.people.api import PersonDetailApi, PersonListApi

app_name = "api"
urlpatterns = [
    path("me/", MeApi.as_view(), name="me"),
    path("agencies/", AgencyListApi.as_view(), name="agency_list"),
    path("agencies/<int:agency_id>/", AgencyDetailApi.as_view(), name="agency_detail"),
    path("persons/", PersonListApi.as_view(), name="person_list"),
    path("persons/<str:person_id>/", PersonDetailApi.as_view(), name="person_detail"),
]
