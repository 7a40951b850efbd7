"""URL map: layer 1 at /, layer 2 at /anbefalinger/<slug>/, chapters, glossary, search, language, API."""

from django.urls import path

from gradeline.web import views
from gradeline.web.api import api

urlpatterns = [
    path("", views.home, name="home"),
    path("anbefalinger/<slug:rec_id>/", views.recommendation, name="recommendation"),
    path("kapitler/<slug:chapter_slug>/", views.chapter, name="chapter"),
    path("ordliste/", views.glossary, name="glossary"),
    path("soeg/", views.search, name="search"),
    path("sprog/<str:language>/", views.set_language, name="set_language"),
    path("api/", api.urls),
]

handler404 = "gradeline.web.views.not_found"
handler500 = "gradeline.web.views.server_error"
