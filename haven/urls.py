from django.urls import include, path

from haven.platform.api import SchemaDocsView, SchemaView

urlpatterns = [
    path("", include("haven.web.urls")),
    path("accounts/", include("haven.accounts.urls")),
    path("persons/", include("haven.people.urls")),
    path("intake/", include("haven.intake.urls")),
    path("help/", include("haven.portal.urls")),
    path("tracing/", include("haven.tracing.urls")),
    path("manage/rights/", include("haven.rights.urls")),
    path("cases/", include("haven.cases.urls")),
    path("audit/", include("haven.audit.urls")),
    path("api/v1/", include("haven.api_urls")),
    path("api/schema/", SchemaView.as_view(), name="schema"),
    path("api/docs/", SchemaDocsView.as_view(url_name="schema"), name="api_docs"),
]

handler400 = "haven.web.errors.handler400"
handler403 = "haven.web.errors.handler403"
handler404 = "haven.web.errors.handler404"
handler500 = "haven.web.errors.handler500"
