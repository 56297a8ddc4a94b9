"""/api/v1/: every view declares required_permissions per method."""

from django.urls import path

from haven.accounts.api import AgencyDetailApi, AgencyListApi, MeApi
from haven.cases.api import (
    CaseDetailApi,
    CaseListApi,
    CaseObligationsApi,
    CaseStatusApi,
    DeadlinesApi,
    DecisionListApi,
    IntakeBatchApi,
    IntakeListApi,
    IntakeTriageApi,
    ScreeningCreateApi,
)
from haven.people.api import PersonDetailApi, PersonListApi, PersonSearchApi
from haven.tracing.api import (
    PersonDuplicateDetailApi,
    PersonDuplicateListApi,
    PersonDuplicateReviewApi,
    PersonDuplicateSearchApi,
)

app_name = "api"
urlpatterns = [
    path("me/", MeApi.as_view(), name="me"),
    path("agencies/", AgencyListApi.as_view(), name="agency_list"),
    path("agencies/<int:agency_id>/", AgencyDetailApi.as_view(), name="agency_detail"),
    path("persons/", PersonListApi.as_view(), name="person_list"),
    path("persons/search/", PersonSearchApi.as_view(), name="person_search"),
    path("persons/<str:person_id>/", PersonDetailApi.as_view(), name="person_detail"),
    path("intakes/", IntakeListApi.as_view(), name="intake_list"),
    path("intakes/batch/", IntakeBatchApi.as_view(), name="intake_batch"),
    path("intakes/<str:intake_id>/triage/", IntakeTriageApi.as_view(), name="intake_triage"),
    path("cases/", CaseListApi.as_view(), name="case_list"),
    path("cases/<str:case_id>/", CaseDetailApi.as_view(), name="case_detail"),
    path("cases/<str:case_id>/status/", CaseStatusApi.as_view(), name="case_status"),
    path("cases/<str:case_id>/obligations/", CaseObligationsApi.as_view(), name="case_obligations"),
    path("cases/<str:case_id>/decisions/", DecisionListApi.as_view(), name="decision_list"),
    path("cases/<str:case_id>/screenings/", ScreeningCreateApi.as_view(), name="screening_create"),
    path("deadlines/", DeadlinesApi.as_view(), name="deadlines"),
    path("person-duplicates/", PersonDuplicateListApi.as_view(), name="person_duplicate_list"),
    path(
        "person-duplicates/search/",
        PersonDuplicateSearchApi.as_view(),
        name="person_duplicate_search",
    ),
    path(
        "person-duplicates/<str:duplicate_id>/",
        PersonDuplicateDetailApi.as_view(),
        name="person_duplicate_detail",
    ),
    path(
        "person-duplicates/<str:duplicate_id>/review/",
        PersonDuplicateReviewApi.as_view(),
        name="person_duplicate_review",
    ),
]
