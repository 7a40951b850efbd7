"""The services we offer, as discovery lists them."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gradeline.cdshooks import hooks, prefetch
from gradeline.cdshooks.request import HookRequest

Handler = Callable[[HookRequest, hooks.HookEnv], list[hooks.Issued]]
NOT_IN_FORCE = "Bygger på en retningslinje der ikke længere er gældende (ikke gældende siden 2023)."


@dataclass(frozen=True)
class ServiceDefinition:
    """One CDS service: id, hook, texts, prefetch templates and handler."""

    id: str
    hook: str
    title: str
    description: str
    prefetch: dict[str, str]
    handler: Handler

    def discovery(self) -> dict[str, Any]:
        """The discovery entry (only non-empty members)."""
        return {
            "hook": self.hook,
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "prefetch": dict(self.prefetch),
            "usageRequirements": (
                "Kald skal bære en signeret JWT (ES384/RS384) fra en godkendt udsteder. " + NOT_IN_FORCE
            ),
        }


SERVICES: tuple[ServiceDefinition, ...] = (
    ServiceDefinition(
        id="nkr-lrs-patient-view",
        hook="patient-view",
        title="Nyopståede lænderygsmerter: retningslinjens plan",
        description=(
            "Viser et overblik over den nationale kliniske retningslinje for nyopståede lænderygsmerter, når "
            "patienten har registreret lænderygsmerter inden for retningslinjens målgruppe. " + NOT_IN_FORCE
        ),
        prefetch=dict(prefetch.TEMPLATES),
        handler=hooks.patient_view,
    ),
    ServiceDefinition(
        id="nkr-lrs-order-select",
        hook="order-select",
        title="Nyopståede lænderygsmerter: billeddiagnostik og smertestillende (valg af ordination)",
        description=(
            "Advarer ved valg af MR-scanning eller røntgen af lænden uden registrerede røde flag og giver "
            "retningslinjens råd ved opioider, NSAID og paracetamol. " + NOT_IN_FORCE
        ),
        prefetch=dict(prefetch.TEMPLATES),
        handler=hooks.order_hook,
    ),
    ServiceDefinition(
        id="nkr-lrs-order-sign",
        hook="order-sign",
        title="Nyopståede lænderygsmerter: billeddiagnostik og smertestillende (signering)",
        description=(
            "Advarer ved signering af MR-scanning eller røntgen af lænden uden registrerede røde flag "
            "og giver retningslinjens råd ved opioider, NSAID og paracetamol. " + NOT_IN_FORCE
        ),
        prefetch=dict(prefetch.TEMPLATES),
        handler=hooks.order_hook,
    ),
)
