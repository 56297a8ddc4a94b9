from django.urls import path

from haven.people import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("search/", views.person_search_page, name="search"),
    path("new/", views.person_register, name="register"),
    path("<str:person_id>/", views.person_detail, name="detail"),
    path("<str:person_id>/open-case/", views.person_open_case, name="open_case"),
]
