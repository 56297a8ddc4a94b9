from django.urls import path

from haven.people import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("<str:person_id>/", views.person_detail, name="detail"),
]
