from django.urls import path

from haven.intake import views

app_name = "intake"
urlpatterns = [
    path("", views.intake_queue, name="queue"),
    path("new/", views.intake_create, name="create"),
    path("files/<str:file_id>/", views.attachment_download, name="file"),
    path("<str:intake_id>/", views.intake_detail, name="detail"),
    path("<str:intake_id>/open-case/", views.intake_open_case, name="open_case"),
    path("<str:intake_id>/attach/", views.intake_attach, name="attach"),
    path("<str:intake_id>/close/", views.intake_close, name="close"),
    path("<str:intake_id>/reply/", views.intake_reply, name="reply"),
    path("<str:intake_id>/consents/", views.consent_create, name="consent_create"),
    path(
        "<str:intake_id>/consents/<str:consent_id>/withdraw/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
]
