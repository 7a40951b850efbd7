"""Write to the audit log."""

from typing import Any

from gradeline.web.audit.models import Action, AuditEntry


def record(actor: Any, action: Action, target: str, **detail: Any) -> AuditEntry:
    """Add an entry: ``actor`` is the user who acted (or None for the system)."""
    signed_in = actor is not None and actor.is_authenticated
    return AuditEntry.objects.create(
        actor=actor if signed_in else None,
        actor_name=actor.get_username() if signed_in else "system",
        action=action,
        target=target[:200],
        detail=detail,
    )
