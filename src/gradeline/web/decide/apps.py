"""The decision-support app (templates under ``decide/``)."""

from django.apps import AppConfig


class DecideConfig(AppConfig):
    """Decision-support pages and API."""

    name = "gradeline.web.decide"
    label = "gradeline_decide"
    verbose_name = "Decision support"
