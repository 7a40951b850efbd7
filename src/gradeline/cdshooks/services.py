"""The services we offer, as discovery lists them (titles and descriptions from the pack's cds/cards.yaml)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gradeline.cdshooks import hooks, prefetch
from gradeline.cdshooks.request import HookRequest
from gradeline.cdshooks.texts import CardTexts

Handler = Callable[[HookRequest, hooks.HookEnv], list[hooks.Issued]]


@dataclass(frozen=True)
class ServiceDefinition:
    """One CDS service: id, hook, prefetch templates and handler."""

    id: str
    hook: str
    prefetch: dict[str, str]
    handler: Handler

    def discovery(self, texts: CardTexts) -> dict[str, Any]:
        """The discovery entry in the client's language (only non-empty members)."""
        notice = texts.t("service_not_in_force")
        return {
            "hook": self.hook,
            "id": self.id,
            "title": texts.t(f"title_{self.id}"),
            "description": texts.t(f"description_{self.id}", not_in_force=notice),
            "prefetch": dict(self.prefetch),
            "usageRequirements": texts.t("service_usage", not_in_force=notice),
        }


SERVICES: tuple[ServiceDefinition, ...] = (
    ServiceDefinition("nkr-lrs-patient-view", "patient-view", dict(prefetch.TEMPLATES), hooks.patient_view),
    ServiceDefinition("nkr-lrs-order-select", "order-select", dict(prefetch.TEMPLATES), hooks.order_hook),
    ServiceDefinition("nkr-lrs-order-sign", "order-sign", dict(prefetch.TEMPLATES), hooks.order_hook),
)
