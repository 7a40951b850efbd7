"""The site's URL map: the guideline index at ``/``, the guideline list at ``/api/guidelines``, and every
guideline's routes (mounted under ``/<slug>/`` by :mod:`gradeline.web.guidelines.prefix`; unprefixed, they
redirect to the default guideline or, for accounts, the language switch and the audit log, answer here)."""

from django.urls import path

from gradeline.web.guideline_urls import urlpatterns as guideline_patterns
from gradeline.web.guidelines import views as guideline_views

urlpatterns = [
    path("", guideline_views.index, name="index"),
    path("api/guidelines", guideline_views.guideline_list, name="guideline_list"),
    *guideline_patterns,
]

handler404 = "gradeline.web.views.not_found"
handler500 = "gradeline.web.views.server_error"
