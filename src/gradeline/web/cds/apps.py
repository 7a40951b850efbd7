"""Configures the framework-free CDS Hooks service once Django is ready."""

from django.apps import AppConfig


class CdsConfig(AppConfig):
    """Mount-time configuration of :mod:`gradeline.cdshooks`."""

    name = "gradeline.web.cds"
    label = "gradeline_cds"
    verbose_name = "CDS Hooks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gradeline.web.cds.setup import configure_service

        configure_service()
