"""Configuring the CDS service from Django settings (``GRADELINE_CDS_HOOKS``)."""

from django.conf import settings

from gradeline.cdshooks import service
from gradeline.web.cds.store import DatabaseFeedbackStore, DatabaseReplayCache


def configure_service() -> service.CdsService:
    """Trusted clients, CORS and development mode from settings; feedback and seen JWT ids in the database.

    With no trusted client configured every call is refused (401): the safe default.
    """
    config = dict(getattr(settings, "GRADELINE_CDS_HOOKS", {}) or {})
    return service.configure(config, store=DatabaseFeedbackStore(), replay=DatabaseReplayCache())
