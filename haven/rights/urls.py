from django.urls import path

from haven.rights import views

app_name = "rights"
urlpatterns = [
    path("", views.page_list, name="list"),
    path("<str:page_id>/", views.page_edit, name="edit"),
]
