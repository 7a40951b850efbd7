from django.urls import path

from gradeline.web.audit import views

urlpatterns = [
    path("", views.audit_log, name="audit_log"),
    path("log.csv", views.audit_csv, name="audit_csv"),
]
