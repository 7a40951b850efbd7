from django.urls import path

from gradeline.web.accounts import views

urlpatterns = [
    path("log-ind/", views.login_view, name="login"),
    path("log-ud/", views.logout_view, name="logout"),
    path("nulstil/", views.password_reset, name="password_reset"),
    path("nulstil/sendt/", views.password_reset_done, name="password_reset_done"),
    path("nulstil/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("nulstil/faerdig/", views.password_reset_complete, name="password_reset_complete"),
    path("adgangskode/", views.password_change, name="password_change"),
    path("adgangskode/skiftet/", views.password_change_done, name="password_change_done"),
    path("invitationer/", views.invitations, name="invitations"),
    path("tilmeld/<str:token>/", views.signup, name="signup"),
    path("brugere/", views.users, name="users"),
    path("brugere/<int:user_id>/rolle/", views.change_role, name="change_role"),
]
