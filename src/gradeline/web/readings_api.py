"""``GET /api/recommendations/{rec_id}/readings``: each evidence-profile row's reading (on the read API).

Per row: the guideline's judgement (with its verbatim quote), the computed values with units, the relevance
class with its threshold and the threshold's source, the plain-language statement in Danish and English, and
the erratum codes. Rows without data carry their published 'no data' text and no reading.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Schema

from gradeline.content.pack import cached_pack
from gradeline.evidence.data import Bilingual
from gradeline.evidence.reading import OutcomeReading, outcome_reading
from gradeline.model import Outcome
from gradeline.model.vocabulary import certainty_label, importance_label
from gradeline.web.api import Message, api, json_response, not_found


class Text(Schema):
    """A text in Danish and English (English is unofficial)."""

    da: str
    en: str


class JudgementOut(Schema):
    """What the guideline concluded for the row, and where it says so."""

    finding: str
    source: Literal["sammenfatning", "row_summary", "none"]
    text: Text
    quote: Text | None = None
    section: str | None = None
    seed_line: int | None = None


class ThresholdOut(Schema):
    """The threshold a relevance class was read against; ``kind`` 'smd' is an external convention."""

    value: float | None
    kind: Literal["mcid", "smd"] | None
    external: bool
    source: Text


class Labelled(Schema):
    """A class with its label."""

    value: str
    label: Text


class EstimateOut(Schema):
    """The published estimate as numbers (CI sorted low to high)."""

    measure: str
    point: float
    ci_low: float
    ci_high: float
    published_text: str


class NaturalOut(Schema):
    """Comparator and intervention values on the instrument's scale (computed: comparator + MD)."""

    comparator: Decimal
    intervention: Decimal
    intervention_low: Decimal
    intervention_high: Decimal
    unit: Text


class AbsoluteOut(Schema):
    """Risks per ``per`` patients (computed from the ratio and the baseline risk)."""

    per: int
    comparator: Decimal
    intervention: Decimal
    intervention_low: Decimal
    intervention_high: Decimal
    difference: Decimal
    difference_low: Decimal
    difference_high: Decimal


class ComputedOut(Schema):
    """gradeline's computation; ``natural`` is null when ``natural_withheld`` says why."""

    estimate: EstimateOut
    natural: NaturalOut | None
    natural_withheld: Text | None
    absolute: AbsoluteOut | None
    relevance: Labelled
    threshold: ThresholdOut
    versus_no_effect: Labelled
    agreement_with_row_summary: Labelled
    mode: Literal["agrees", "differs", "inconsistent", "no_direction"]


class RowReadingOut(Schema):
    """One evidence-profile row with its reading (null for rows without data)."""

    outcome_id: str
    name: str
    time_frame: str | None
    importance: int | None
    importance_label: str | None
    importance_text: Text | None
    certainty: str | None
    certainty_text: Text | None
    no_data: str | None
    judgement: JudgementOut | None
    statement: Text | None
    computed_statement: Text | None
    computed: ComputedOut | None
    errata: list[str]
    inconsistent_codes: list[str]


def _text(value: Bilingual) -> dict[str, str]:
    return {"da": value.da, "en": value.en}


def _computed(r: OutcomeReading) -> dict[str, object]:
    t, n, a = r.relevance.threshold, r.natural, r.absolute
    effect = r.outcome.effect
    return {
        "estimate": {
            "measure": r.estimate.measure.value,
            "point": r.estimate.point,
            "ci_low": r.estimate.low,
            "ci_high": r.estimate.high,
            "published_text": effect.text if effect else "",
        },
        "natural": (
            {
                "comparator": str(n.comparator),
                "intervention": str(n.intervention),
                "intervention_low": str(n.intervention_low),
                "intervention_high": str(n.intervention_high),
                "unit": _text(n.unit),
            }
            if n
            else None
        ),
        "natural_withheld": _text(r.natural_withheld_text) if r.natural_withheld_text else None,
        "absolute": (
            {
                "per": a.per,
                **{
                    k: str(getattr(a, k))
                    for k in (
                        "comparator",
                        "intervention",
                        "intervention_low",
                        "intervention_high",
                        "difference",
                        "difference_low",
                        "difference_high",
                    )
                },
            }
            if a
            else None
        ),
        "relevance": {"value": r.relevance.cls, "label": _text(r.relevance_label)},
        "threshold": {
            "value": t.value if t else None,
            "kind": t.kind if t else None,
            "external": bool(t and t.kind == "smd"),
            "source": _text(r.threshold_text),
        },
        "versus_no_effect": {"value": r.relevance.versus_no_effect, "label": _text(r.versus_no_effect_label)},
        "agreement_with_row_summary": {"value": r.agreement, "label": _text(r.agreement_label)},
        "mode": r.mode,
    }


def _labelled(label: Callable[[Any, str], str], code: object | None) -> dict[str, str] | None:
    """A code's printed label in both languages ('low' → {da: 'Lav', en: 'Low'})."""
    return {"da": label(code, "da"), "en": label(code, "en")} if code is not None else None


def row_reading_json(outcome: Outcome, r: OutcomeReading | None) -> dict[str, object]:
    """One row as the endpoint returns it."""
    j = r.judgement if r else None
    return {
        "outcome_id": outcome.id,
        "name": outcome.name,
        "time_frame": outcome.time_frame,
        "importance": outcome.importance,
        "importance_label": outcome.importance_label.value if outcome.importance_label else None,
        "importance_text": _labelled(importance_label, outcome.importance_label),
        "certainty": outcome.certainty.value if outcome.certainty else None,
        "certainty_text": _labelled(certainty_label, outcome.certainty),
        "no_data": outcome.no_data,
        "judgement": (
            {
                "finding": j.finding,
                "source": j.source,
                "text": _text(r.judgement_text),
                "quote": _text(j.quote) if j.quote else None,
                "section": j.section,
                "seed_line": j.seed_line,
            }
            if r and j
            else None
        ),
        "statement": _text(r.statement) if r and r.statement else None,
        "computed_statement": _text(r.computed_statement) if r and r.computed_statement else None,
        "computed": _computed(r) if r else None,
        "errata": sorted({e.code for e in outcome.errata}),
        "inconsistent_codes": r.inconsistent_codes if r else [],
    }


@api.get(
    "/recommendations/{rec_id}/readings",
    response={200: list[RowReadingOut], 404: Message},
    summary="Each outcome row's reading: the guideline's judgement first, then gradeline's computation",
    tags=["evidence"],
)
def list_readings(request: HttpRequest, rec_id: str) -> HttpResponse:
    guideline = cached_pack()
    rec = next((r for r in guideline.recommendations if r.id == rec_id), None)
    if rec is None:
        return not_found("recommendation", rec_id)
    rows = [row_reading_json(o, outcome_reading(o, guideline, rec)) for o in rec.outcomes]
    return json_response(rows)
