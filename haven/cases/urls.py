from django.urls import path

from haven.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("deadlines/", views.my_deadlines, name="deadlines"),
    path("<str:case_id>/", views.case_detail, name="detail"),
    path("<str:case_id>/circumstances/", views.case_facts_edit, name="facts"),
    path("<str:case_id>/status/", views.case_status_change, name="status"),
    path("<str:case_id>/submit/", views.case_submit, name="submit"),
    path("<str:case_id>/removal/", views.removal_plan, name="removal"),
    path("<str:case_id>/decisions/new/", views.decision_create, name="decision_create"),
    path("<str:case_id>/detentions/new/", views.detention_create, name="detention_create"),
    path("<str:case_id>/charges/new/", views.charge_create, name="charge_create"),
    path(
        "<str:case_id>/age-assessments/new/",
        views.age_assessment_create,
        name="age_assessment_create",
    ),
    path("<str:case_id>/return-plan/", views.return_plan_edit, name="return_plan"),
    path("<str:case_id>/assistance/new/", views.assistance_create, name="assistance_create"),
    path("<str:case_id>/screenings/new/", views.screening_create, name="screening_create"),
    path("<str:case_id>/exploitation/", views.exploitation_edit, name="exploitation"),
]
