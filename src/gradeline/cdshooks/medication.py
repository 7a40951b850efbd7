"""What a MedicationRequest orders: ``medicationCodeableConcept``, or ``medicationReference`` resolved to a
Medication that is contained in the order, sits in the draftOrders Bundle, or was prefetched (the shape Epic
sends). A Medication's ``code`` and its ingredients' codes all count."""

from collections.abc import Iterable, Mapping
from typing import Any

Resource = Mapping[str, Any]
Known = Iterable[tuple[str | None, Resource]]  # (Bundle fullUrl or None, Medication)


def _target(reference: str, order: Resource, known: Known) -> Resource | None:
    if reference.startswith("#"):
        contained = order.get("contained")
        for item in contained if isinstance(contained, list) else []:
            if isinstance(item, Mapping) and item.get("id") == reference[1:]:
                return item
        return None
    for full_url, item in known:
        local = f"Medication/{item.get('id')}"
        if reference in (local, full_url) or reference.endswith("/" + local):
            return item
    return None


def medication_concepts(order: Resource, known: Known) -> list[Mapping[str, Any]]:
    """The CodeableConcepts naming what the order prescribes ([] when nothing resolves)."""
    concept = order.get("medicationCodeableConcept")
    if isinstance(concept, Mapping):
        return [concept]
    reference = order.get("medicationReference")
    ref = reference.get("reference") if isinstance(reference, Mapping) else None
    medication = _target(ref, order, known) if isinstance(ref, str) else None
    if medication is None or medication.get("resourceType") != "Medication":
        return []
    found = [medication.get("code")]
    for ingredient in medication.get("ingredient", []) or []:
        if isinstance(ingredient, Mapping):
            found.append(ingredient.get("itemCodeableConcept"))
    return [c for c in found if isinstance(c, Mapping)]
