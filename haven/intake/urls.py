from django.urls import path

from haven.intake import views

app_name = "intake"
urlpatterns = [
    path("", views.intake_queue, name="queue"),
    path("new/", views.intake_create, name="create"),
    path("<str:intake_id>/", views.intake_detail, name="detail"),
    path("<str:intake_id>/open-case/", views.intake_open_case, name="open_case"),
    path("<str:intake_id>/attach/", views.intake_attach, name="attach"),
    path("<str:intake_id>/close/", views.intake_close, name="close"),
]
