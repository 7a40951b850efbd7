from django.urls import path

from gradeline.web.authoring import views

urlpatterns = [
    path("", views.drafts, name="authoring_drafts"),
    path("<slug:slug>/", views.draft_home, name="authoring_draft"),
    path("<slug:slug>/afgraensning/", views.scope, name="authoring_scope"),
    path("<slug:slug>/ordliste/", views.glossary, name="authoring_glossary"),
    path("<slug:slug>/anbefalinger/ny/", views.recommendation, name="authoring_rec_new"),
    path("<slug:slug>/anbefalinger/<slug:rec_id>/", views.recommendation, name="authoring_rec"),
    path("<slug:slug>/anbefalinger/<slug:rec_id>/evidens/ny/", views.outcome, name="authoring_outcome_new"),
    path(
        "<slug:slug>/anbefalinger/<slug:rec_id>/evidens/<slug:outcome_id>/",
        views.outcome,
        name="authoring_outcome",
    ),
    path("<slug:slug>/filer/", views.files, name="authoring_files"),
    path("<slug:slug>/publicer/", views.publish, name="authoring_publish"),
    path("<slug:slug>/eksport.zip", views.export, name="authoring_export"),
    path("<slug:slug>/live/", views.live, name="authoring_live"),
]
