from django.urls import path

from haven.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("ask/", views.ask, name="ask"),
    path("missing-relative/", views.missing, name="missing"),
    path("sent/", views.sent, name="sent"),
    path("rights/", views.rights_list, name="rights"),
    path("rights/<slug:slug>/", views.rights_detail, name="rights_detail"),
    path("follow/", views.follow, name="follow"),
    path("follow/request/", views.request_status, name="request"),
    path("follow/end/", views.follow_end, name="follow_end"),
]
