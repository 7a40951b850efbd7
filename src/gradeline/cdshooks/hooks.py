"""The hook logic: which cards a patient-view, order-select or order-sign request gets."""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gradeline.cdshooks import prefetch
from gradeline.cdshooks.cards import Links, card, delete_suggestion, link, quote, replace_suggestion
from gradeline.cdshooks.medication import medication_concepts
from gradeline.cdshooks.request import HookRequest, draft_entries, draft_orders, reference
from gradeline.cdshooks.texts import CardTexts
from gradeline.cdshooks.valuesets import Terminology, ValueSet
from gradeline.fhir.patient import PatientFacts, Scope, Verdict, patient_facts, scope
from gradeline.model import Guideline

DECISION_SUPPORT = "/beslutningsstoette/"


@dataclass(frozen=True)
class HookEnv:
    """Everything a hook needs besides the request."""

    guideline: Guideline
    terminology: Terminology
    links: Links
    fetcher: prefetch.FhirFetcher | None
    today: dt.date
    texts: CardTexts


@dataclass(frozen=True)
class Issued:
    """A card with the recommendation it carries (for the feedback log)."""

    card: dict[str, Any]
    recommendation: str


FINDING_TYPES = ("Condition", "Observation")


@dataclass(frozen=True)
class Record:
    """What the record says, and whether the observations could be read at all."""

    facts: PatientFacts
    scope: Scope
    observations_read: bool


def _facts(request: HookRequest, env: HookEnv, extra: Sequence[Any] = ()) -> Record:
    """Facts from the Patient, Conditions (problem list and diagnoses), Observations, and every Condition or
    Observation in draftOrders; ``extra`` adds concepts such as the orders' reasonCodes."""
    patient = prefetch.resource(request, "patient", "Patient", env.fetcher)
    conditions = prefetch.resources(request, "conditions", "Condition", env.fetcher)
    observations = prefetch.optional_resources(request, "observations", "Observation", env.fetcher)
    drafted = [r for _, r in draft_entries(request.context) if r.get("resourceType") in FINDING_TYPES]
    findings = [*conditions, *(observations or []), *drafted]
    facts = patient_facts(patient, findings, env.terminology, env.today, extra)
    return Record(facts, scope(facts, env.guideline, env.today, env.terminology), observations is not None)


def _reason_codes(orders: Sequence[Mapping[str, Any]]) -> list[Any]:
    """The reasonCodes of every draft order (a red flag coded on any order counts)."""
    return [c for order in orders for c in _order_concepts(order)]


def _known_medications(request: HookRequest) -> list[tuple[str | None, Mapping[str, Any]]]:
    """Medications in draftOrders and in any prefetched Bundle or resource."""
    known = [(url, r) for url, r in draft_entries(request.context) if r.get("resourceType") == "Medication"]
    for value in request.prefetch.values():
        if isinstance(value, Mapping) and value.get("resourceType") == "Medication":
            known.append((None, value))
        elif isinstance(value, Mapping) and value.get("resourceType") == "Bundle":
            entries = value.get("entry", [])
            for entry in entries if isinstance(entries, list) else []:
                item = entry.get("resource") if isinstance(entry, Mapping) else None
                if isinstance(item, Mapping) and item.get("resourceType") == "Medication":
                    url = entry.get("fullUrl")
                    known.append((url if isinstance(url, str) else None, item))
    return known


def _scope_note(verdict: Scope, env: HookEnv) -> str:
    t = env.texts.t
    if verdict.verdict is Verdict.UNKNOWN:
        limits, missing = env.guideline.scope, ", ".join(verdict.reasons_in(env.texts.language))
        return t(
            "scope_unknown",
            age=limits.min_age_exclusive,
            weeks=limits.max_duration_weeks,
            missing=missing,
        )
    days = verdict.duration_days
    when = ""
    if days is not None:
        when = t("onset_days", n=days) if days < 14 else t("onset_weeks", n=days // 7)
    return t("scope_in", when=when)


def patient_view(request: HookRequest, env: HookEnv) -> list[Issued]:
    """An info card with the guideline's plan when the patient has an in-scope problem recorded."""
    record = _facts(request, env)
    facts, verdict = record.facts, record.scope
    if verdict.verdict is Verdict.OUT_OF_SCOPE:
        return []
    g = env.guideline
    if (
        facts.red_flags
    ):  # no recommendation (least of all the one against imaging) applies: name the flags only
        names = ", ".join(f["display"] for f in facts.red_flags)
        detail = [_scope_note(verdict, env), env.texts.t("red_flags_recorded", names=names)]
    else:
        texts = env.texts
        plan = [f"- **{texts.rec_label(r)}:** {texts.rec_title(r)}" for r in g.recommendations]
        detail = [
            _scope_note(verdict, env),
            *_observations_note(record, env),
            texts.t("plan_heading"),
            "\n".join(plan),
        ]
    overview = g.recommendations[0]
    built = card(
        summary=env.texts.t("view_summary", year=g.published_year, status=env.texts.t("not_in_force")),
        indicator="info",
        detail=detail,
        texts=env.texts,
        rec=overview,
        links=env.links,
        extra_links=[
            link(env.texts.t("link_overview"), env.links.url("/")),
            link(env.texts.t("link_decision_support"), env.links.url(DECISION_SUPPORT)),
        ],
    )
    built["links"] = built["links"][1:]  # the overview and form links say it all for this card
    return [Issued(built, "guideline")]


def _observations_note(record: Record, env: HookEnv) -> list[str]:
    return [] if record.observations_read else [env.texts.t("observations_unread")]


def _selected(request: HookRequest, orders: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    if request.hook != "order-select":
        return orders
    chosen = set(request.context.get("selections", []))
    return [o for o in orders if reference(o) in chosen]


def _order_concepts(order: Mapping[str, Any]) -> list[Any]:
    reasons = order.get("reasonCode", [])
    return list(reasons) if isinstance(reasons, list) else []


def _imaging_card(order: Mapping[str, Any], request: HookRequest, env: HookEnv, record: Record) -> Issued:
    verdict = record.scope
    g = env.guideline
    imaging = env.terminology.imaging
    rec = g.recommendation(str(imaging.recommendation))
    texts, t = env.texts, env.texts.t
    modality = env.terminology.imaging.find_in(order.get("code"))
    what = t("modality_MR") if modality and modality.extra.get("modality") == "MR" else t("modality_X-ray")
    ref = reference(order)
    patient = request.patient_id
    suggestions = [delete_suggestion(t("imaging_remove", what=what), ref, recommended=True)]
    for alternative in imaging.extra.get("alternatives", []):
        other = g.recommendation(str(alternative["recommendation"]))
        suggestions.append(replace_suggestion(t(alternative["label"]), ref, patient, other, env.links, texts))
    advice = texts.advice(rec)
    advice = [advice[i] for i in imaging.extra.get("card_advice", range(len(advice))) if i < len(advice)]
    return Issued(
        card(
            summary=t("imaging_summary", what=what, status=t("not_in_force")),
            indicator="warning" if verdict.verdict is Verdict.IN_SCOPE else "info",
            detail=[_scope_note(verdict, env), *_observations_note(record, env), quote(texts, rec), *advice],
            texts=texts,
            rec=rec,
            links=env.links,
            extra_links=[link(t("link_decision_support"), env.links.url(DECISION_SUPPORT))],
            suggestions=suggestions,
            override_reasons=env.terminology.imaging_override,
        ),
        rec.id,
    )


def _analgesic_card(
    order: Mapping[str, Any], group: ValueSet, request: HookRequest, env: HookEnv, record: Record
) -> Issued:
    verdict = record.scope
    g = env.guideline
    rec = g.recommendation(str(group.recommendation))
    texts, t = env.texts, env.texts.t
    ref = reference(order)
    name = t(f"group_{group.id}")
    suggestions = [delete_suggestion(t("analgesic_remove", group=name), ref, recommended=False)]
    alternative = group.extra.get("alternative")
    if isinstance(alternative, Mapping):
        other = g.recommendation(str(alternative["recommendation"]))
        patient = request.patient_id
        suggestions.append(replace_suggestion(t(alternative["label"]), ref, patient, other, env.links, texts))
    indicator = str(group.extra.get("indicator", "info")) if verdict.verdict is Verdict.IN_SCOPE else "info"
    return Issued(
        card(
            summary=t("analgesic_summary", group=name, status=t("not_in_force")),
            indicator=indicator,
            detail=[
                _scope_note(verdict, env),
                *_observations_note(record, env),
                quote(texts, rec),
                t("practical_advice"),
                *texts.advice(rec),
            ],
            texts=texts,
            rec=rec,
            links=env.links,
            suggestions=suggestions,
            override_reasons=env.terminology.analgesic_override,
        ),
        rec.id,
    )


def order_hook(request: HookRequest, env: HookEnv) -> list[Issued]:
    """order-select / order-sign: cards for imaging and analgesic orders (the pack's value sets say which)."""
    every = draft_orders(request.context)
    medications = _known_medications(request)
    judged = env.terminology.imaging.extra.get("card_modalities")
    relevant: list[tuple[Mapping[str, Any], ValueSet | None]] = []
    for order in _selected(request, every):
        kind = order.get("resourceType")
        if kind in ("ServiceRequest", "ProcedureRequest", "DiagnosticOrder"):
            hit = env.terminology.imaging.find_in(order.get("code"))
            if hit is not None and (not judged or hit.extra.get("modality") in judged):
                relevant.append((order, None))
        elif kind in ("MedicationRequest", "MedicationOrder"):
            for concept in medication_concepts(order, medications):
                group = env.terminology.analgesic_group(concept)
                if group is not None:
                    relevant.append((order, group))
                    break
    if not relevant:
        return []  # no prefetch needed, no 412 for orders we do not judge
    record = _facts(request, env, _reason_codes(every))
    if record.scope.verdict is Verdict.OUT_OF_SCOPE or record.facts.red_flags:
        return []  # a coded red flag anywhere silences every card that discourages imaging or treatment
    issued = []
    for order, group in relevant:
        if group is None:
            issued.append(_imaging_card(order, request, env, record))
        else:
            issued.append(_analgesic_card(order, group, request, env, record))
    return issued
