from django.urls import path

from haven.accounts import admin_views, views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="login"),
    path("sign-in/code/", views.two_factor, name="two_factor"),
    path("sign-in/authenticator/", views.two_factor_enrol, name="two_factor_enrol"),
    path("sign-out/", views.sign_out, name="logout"),
    path("profile/", views.profile, name="profile"),
    path("manage/agencies/", admin_views.agency_list, name="agency_list"),
    path("manage/agencies/new/", admin_views.agency_create, name="agency_create"),
    path("manage/agencies/<str:agency_id>/", admin_views.agency_edit, name="agency_edit"),
    path("manage/users/", admin_views.user_list, name="user_list"),
    path("manage/users/new/", admin_views.user_create, name="user_create"),
    path("manage/users/<str:user_id>/", admin_views.user_edit, name="user_edit"),
    path(
        "manage/users/<str:user_id>/reset-two-factor/",
        admin_views.user_reset_two_factor,
        name="user_reset_two_factor",
    ),
]
