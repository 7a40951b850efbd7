"""Django app configuration for the reading layers."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "gradeline.web"
    label = "gradeline_web"
    verbose_name = "gradeline"
