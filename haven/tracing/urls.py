from django.urls import path

from haven.tracing import views

app_name = "tracing"
urlpatterns = [
    path("reports/", views.report_list, name="report_list"),
    path("reports/<str:report_id>/", views.report_detail, name="report_detail"),
    path("reports/<str:report_id>/reply/", views.report_reply, name="report_reply"),
    path("found/new/", views.found_create, name="found_create"),
    path("found/<str:found_id>/consent/", views.found_consent, name="found_consent"),
    path("linkage/run/", views.linkage_run, name="linkage_run"),
    path("candidates/<str:candidate_id>/review/", views.candidate_review, name="candidate_review"),
    path(
        "candidates/<str:candidate_id>/whereabouts/", views.whereabouts_disclose, name="whereabouts"
    ),
    path("duplicates/", views.duplicate_queue, name="duplicate_queue"),
    path("duplicates/search/", views.duplicate_search, name="duplicate_search"),
    path("duplicates/<str:duplicate_id>/", views.duplicate_detail, name="duplicate_detail"),
    path("duplicates/<str:duplicate_id>/review/", views.duplicate_review, name="duplicate_review"),
]
