from django.apps import AppConfig


class AuthoringConfig(AppConfig):
    name = "gradeline.web.authoring"
    label = "gradeline_authoring"
    verbose_name = "gradeline authoring"
