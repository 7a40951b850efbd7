from django.urls import path, re_path

from gradeline.web.editions import views

urlpatterns = [
    path("", views.editions, name="editions"),
    path("publicer/", views.publish, name="publish_edition"),
    path("aktuel/", views.current, name="edition_current"),
    path("aktuel/<str:document>", views.current_document, name="edition_current_document"),
    path("<int:major>.<int:minor>/", views.edition, name="edition"),
    path("<int:major>.<int:minor>/<str:document>", views.edition_document, name="edition_document"),
    re_path(r"^forskel/(?P<old>\d+\.\d+)/(?P<new>\d+\.\d+)/$", views.compare, name="edition_diff"),
]
