from django.urls import path

from gradeline.web.discussion import views

urlpatterns = [
    path("<slug:rec_id>/", views.post_comment, name="post_comment"),
    path("kommentar/<int:comment_id>/rediger/", views.edit_comment, name="edit_comment"),
    path("kommentar/<int:comment_id>/status/", views.set_status, name="comment_status"),
    path("kommentar/<int:comment_id>/skjul/", views.hide_comment, name="hide_comment"),
    path("kommentar/<int:comment_id>/vis/", views.unhide_comment, name="unhide_comment"),
    path("kommentar/<int:comment_id>/historik/", views.history, name="comment_history"),
]
