"""Decision-support pages under /beslutningsstoette/ (names kept from before the app existed)."""

from django.urls import path

from gradeline.web.decide import views

urlpatterns = [
    path("", views.decide, name="decide"),
    path("patientinformation/", views.handout, name="handout"),
    path("patientinformation/pdf/", views.handout_pdf, name="handout_pdf"),
]
