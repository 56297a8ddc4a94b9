from django.urls import path

from haven.tracing import views

app_name = "tracing"
urlpatterns = [
    path("reports/", views.report_list, name="report_list"),
    path("reports/<str:report_id>/", views.report_detail, name="report_detail"),
    path("reports/<str:report_id>/reply/", views.report_reply, name="report_reply"),
]
