"""A guideline's URLs, mounted under ``/<slug>/``: layer 1, recommendations, chapters, glossary, search, API,
FHIR and CDS Hooks (see docs/guidelines.md)."""

from django.urls import include, path, re_path

from gradeline.web import aid_views, monitoring, readings_api, views  # noqa: F401 (readings_api adds API routes)
from gradeline.web.api import api
from gradeline.web.cds.views import cds_services
from gradeline.web.decide import api as decide_api  # noqa: F401 (adds POST /api/plan and the catalogue)
from gradeline.web.fhir import views as fhir_views
from gradeline.web.reading import peers_api  # noqa: F401 (adds GET /api/recommendations/{id}/peers)
from gradeline.web.reading import views as reading_views

urlpatterns = [
    path("", reading_views.home, name="home"),
    path("anbefalinger/<slug:rec_id>/", views.recommendation, name="recommendation"),
    path("anbefalinger/<slug:rec_id>/beslutningshjaelp/", aid_views.decision_aid, name="decision_aid"),
    path(
        "anbefalinger/<slug:rec_id>/beslutningshjaelp/pdf/",
        aid_views.decision_aid_pdf,
        name="decision_aid_pdf",
    ),
    path("beslutningsstoette/", include("gradeline.web.decide.urls")),
    path("kapitler/<slug:chapter_slug>/", views.chapter, name="chapter"),
    path("ordliste/", views.glossary, name="glossary"),
    path("soeg/", reading_views.search, name="search"),
    path("sprog/<str:language>/", views.set_language, name="set_language"),
    path("api/", api.urls),
    path("konto/", include("gradeline.web.accounts.urls")),
    path("diskussion/", include("gradeline.web.discussion.urls")),
    path("udgaver/", include("gradeline.web.editions.urls")),
    path("revision/", include("gradeline.web.audit.urls")),
    path("redaktion/", include("gradeline.web.authoring.urls")),
    path("monitorering/", monitoring.overview, name="monitoring"),
    path("monitorering/<slug:indicator_id>/", monitoring.indicator, name="monitoring_indicator"),
    path("cds-services", cds_services, name="cds_services"),
    re_path(r"^cds-services/(?P<rest>.*)$", cds_services),
    re_path(r"^fhir/(?P<version>R5|R4B)/$", fhir_views.bundle, name="fhir_bundle"),
    re_path(
        r"^fhir/(?P<version>R5|R4B)/(?P<resource_type>[A-Za-z]+)/?$", fhir_views.search, name="fhir_search"
    ),
    re_path(
        r"^fhir/(?P<version>R5|R4B)/(?P<resource_type>[A-Za-z]+)/(?P<resource_id>[A-Za-z0-9\-.]{1,64})$",
        fhir_views.read,
        name="fhir_read",
    ),
]

handler404 = "gradeline.web.views.not_found"
handler500 = "gradeline.web.views.server_error"
