"""The services we offer, as discovery lists them (titles and descriptions from the pack's cds/cards.yaml)."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gradeline.cdshooks import hooks, prefetch
from gradeline.cdshooks.request import HookRequest
from gradeline.cdshooks.texts import CardTexts
from gradeline.model import Guideline

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


HOOKS: tuple[tuple[str, Handler], ...] = (
    ("patient-view", hooks.patient_view),
    ("order-select", hooks.order_hook),
    ("order-sign", hooks.order_hook),
)


def has_cds(pack_dir: Path) -> bool:
    """Whether a pack carries CDS data (cds/cards.yaml and value sets); a pack without offers no services."""
    return (Path(pack_dir) / "cds" / "cards.yaml").is_file() and (Path(pack_dir) / "valuesets").is_dir()


def services_for(guideline: Guideline, pack_dir: Path) -> tuple[ServiceDefinition, ...]:
    """The guideline's services, named by its short code ('<short code>-<hook>'); none without CDS data."""
    if not has_cds(pack_dir):
        return ()
    prefix = guideline.short_code.lower()
    return tuple(
        ServiceDefinition(f"{prefix}-{hook}", hook, dict(prefetch.TEMPLATES), handler)
        for hook, handler in HOOKS
    )
