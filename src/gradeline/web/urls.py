"""URL map: layer 1 at /, layer 2 at /anbefalinger/<slug>/, chapters, glossary, search, language, API."""

from django.urls import path, re_path

from gradeline.web import views
from gradeline.web.cds.views import cds_services
from gradeline.web.fhir import views as fhir_views
from gradeline.web.api import api

urlpatterns = [
    path("", views.home, name="home"),
    path("anbefalinger/<slug:rec_id>/", views.recommendation, name="recommendation"),
    path("kapitler/<slug:chapter_slug>/", views.chapter, name="chapter"),
    path("ordliste/", views.glossary, name="glossary"),
    path("soeg/", views.search, name="search"),
    path("sprog/<str:language>/", views.set_language, name="set_language"),
    path("api/", api.urls),
    path("cds-services", cds_services, name="cds_services"),
    re_path(r"^cds-services/(?P<rest>.*)$", cds_services),
    re_path(r"^fhir/(?P<version>R5|R4B)/$", fhir_views.bundle, name="fhir_bundle"),
    re_path(r"^fhir/(?P<version>R5|R4B)/(?P<resource_type>[A-Za-z]+)/?$", fhir_views.search, name="fhir_search"),
    re_path(
        r"^fhir/(?P<version>R5|R4B)/(?P<resource_type>[A-Za-z]+)/(?P<resource_id>[A-Za-z0-9\-.]{1,64})$",
        fhir_views.read,
        name="fhir_read",
    ),
]

handler404 = "gradeline.web.views.not_found"
handler500 = "gradeline.web.views.server_error"
