"""Pack data to form fields and back. Fields a form has no input for travel in its YAML box unchanged."""

from decimal import Decimal
from typing import Any

from gradeline.content.dump import dump_yaml, load_yaml_text
from gradeline.content.translatable import printed_effect
from gradeline.evidence.absolute import RATIO_MEASURES, outcome_absolute_effect
from gradeline.model import EffectMeasure, Guideline, KeyInfo, Outcome, Pico, Recommendation, Scope
from gradeline.model.guideline import Status
from gradeline.model.vocabulary import NEGATIVE_WORDS, change_label, legacy_code
from gradeline.web.authoring.fields import joined, ordered, paragraphs, rest

GUIDELINE_FIELDS = {
    "title": "title",
    "short_code": "short_code",
    "language": "language",
    "publisher": "publisher",
    "version": "version_label",
    "published_year": "published_year",
    "review_interval_years": "review_interval_years",
}
STATUS_FIELDS = {
    "value": "status_value",
    "label": "status_label",
    "note": "status_note",
    "source": "status_source",
}
NOT_IN_GUIDELINE_FORM = {"id", "status", "scope", *GUIDELINE_FIELDS}


def guideline_initial(data: dict[str, Any]) -> dict[str, Any]:
    status = data.get("status") or {}
    return {
        **{form: data.get(key) for key, form in GUIDELINE_FIELDS.items()},
        **{form: status.get(key) for key, form in STATUS_FIELDS.items()},
        "extra": rest(data, NOT_IN_GUIDELINE_FORM),
    }


def guideline_data(old: dict[str, Any], form: dict[str, Any]) -> dict[str, Any]:
    status = {**(old.get("status") or {}), **{key: form[f] for key, f in STATUS_FIELDS.items()}}
    new = {
        **{k: v for k, v in old.items() if k in ("id", "scope")},
        **{key: form[f] for key, f in GUIDELINE_FIELDS.items()},
        "status": ordered(status, Status),
    }
    return ordered(new, Guideline, form["extra"])


SCOPE_FIELDS = ("population", "min_age_exclusive", "max_duration_weeks")


def scope_initial(scope: dict[str, Any]) -> dict[str, Any]:
    return {**{k: scope.get(k) for k in SCOPE_FIELDS}, "extra": rest(scope, set(SCOPE_FIELDS))}


def scope_data(form: dict[str, Any]) -> dict[str, Any]:
    return ordered({k: form[k] for k in SCOPE_FIELDS}, Scope, form["extra"])


KEY_INFO = {
    "benefits_harms": "benefits_harms",
    "certainty": "key_certainty",
    "preferences": "preferences",
    "rationale": "rationale",
}
PICO = ("population", "intervention", "comparison", "outcomes")
PARAGRAPH_FIELDS = ("practical_advice", "background", "summary")
REC_PLAIN = (
    "update_note",
    "id",
    "chapter",
    "title",
    "focused_question",
    "strength",
    "direction",
    "label",
    "text",
    "overall_certainty",
)
NOT_IN_REC_FORM = {*REC_PLAIN, *PARAGRAPH_FIELDS, "key_info", "pico", "outcomes"}


def recommendation_initial(data: dict[str, Any]) -> dict[str, Any]:
    key_info, pico = data.get("key_info") or {}, data.get("pico") or {}
    return {
        **{k: data.get(k) for k in REC_PLAIN},
        **{k: joined(data.get(k)) for k in PARAGRAPH_FIELDS},
        **{form: joined(key_info.get(key)) for key, form in KEY_INFO.items()},
        **{k: pico.get(k) for k in PICO},
        "extra": {**rest(data, NOT_IN_REC_FORM), **_other_key_info(key_info)},
    }


def _other_key_info(key_info: dict[str, Any]) -> dict[str, Any]:
    other = {k: v for k, v in key_info.items() if k not in KEY_INFO}
    return {"key_info": other} if other else {}


def recommendation_data(old: dict[str, Any], form: dict[str, Any]) -> dict[str, Any]:
    extra = dict(form["extra"])
    key_info = {key: paragraphs(form[f]) for key, f in KEY_INFO.items()}
    key_info.update(extra.pop("key_info", None) or {})
    new = {
        **{k: form[k] for k in REC_PLAIN},
        **{k: paragraphs(form[k]) for k in PARAGRAPH_FIELDS},
        "key_info": ordered(key_info, KeyInfo),
        "pico": ordered({k: form[k] for k in PICO}, Pico),
        "outcomes": old.get("outcomes") or [],
    }
    data = ordered(new, Recommendation, extra)
    data.setdefault("key_info", {})  # required, even when every part is empty
    return data


ROW_PLAIN = (
    "id",
    "name",
    "name_en",
    "time_frame",
    "importance",
    "importance_label",
    "measured_with",
    "better",
    "participants",
    "studies",
    "study_design",
    "certainty",
    "summary",
    "no_data",
)
NOT_IN_ROW_FORM = {*ROW_PLAIN, "scale", "comparator", "effect"}


def outcome_initial(row: dict[str, Any], language: str) -> dict[str, Any]:
    scale, comparator, effect = row.get("scale") or {}, row.get("comparator") or {}, row.get("effect") or {}
    initial = {k: row.get(k) for k in ROW_PLAIN}
    initial.update(scale_min=scale.get("min"), scale_max=scale.get("max"))
    initial.update(comparator_value=comparator.get("value"), comparator_unit=comparator.get("unit"))
    extra = rest(row, NOT_IN_ROW_FORM)
    if effect:
        initial.update(
            measure=effect.get("measure"),
            point=_signed(effect.get("point")),
            ci_low=_signed(effect.get("ci_first")),
            ci_high=_signed(effect.get("ci_second")),
        )
        parts = [effect.get(k) or {} for k in ("point", "ci_first", "ci_second")]
        generated = _generated_text(effect.get("measure"), parts, language)
        initial["effect_text"] = "" if effect.get("text") == generated else effect.get("text")
        without = {k: v for k, v in row.items() if k != "absolute"}
        if _same(derived_absolute(without, language), row.get("absolute")):
            extra.pop("absolute", None)  # derived again on save, so it follows the estimate
    initial["extra"] = extra
    return initial


def _generated_text(measure: Any, parts: list[dict[str, Any]], language: str) -> str | None:
    try:
        return effect_text(EffectMeasure(measure), parts, language)
    except (ValueError, KeyError):
        return None


def _same(a: Any, b: Any) -> bool:
    """Equal as the pack's YAML reads them (a Decimal and the number it prints are the same)."""
    return a is not None and load_yaml_text(dump_yaml(a)) == b


def _signed(printed: dict[str, Any] | None) -> Any:
    if not printed:
        return None
    value = printed.get("value")
    negative = legacy_code("change", printed.get("direction")) in NEGATIVE_WORDS
    return Decimal(str(value)).copy_negate() if negative else value


def printed(value: Decimal, ratio: bool, counts: bool = False) -> dict[str, Any]:
    """A signed number as the pack prints it: magnitude and direction word (none for ratios); '-0' is
    '0 lavere', as some rows print a zero difference."""
    if ratio:
        return {"value": value}
    words = ("fewer", "more") if counts else ("lower", "higher")
    return {"value": abs(value), "direction": words[0] if value.is_signed() else words[1]}


def _shown(part: dict[str, Any]) -> str:
    """A printed number with its direction word in Danish, the words the published texts are written in."""
    direction = part.get("direction")
    return f"{part['value']} {change_label(str(direction), 'da')}" if direction else str(part["value"])


def effect_text(measure: EffectMeasure, parts: list[dict[str, Any]], language: str) -> str:
    """The effect as a pack in ``language`` prints it: 'MD 0.56 lavere (CI 95% 0.24 lavere — 0.87 lavere)',
    or in English 'MD 0.56 lower (95% CI 0.24 lower — 0.87 lower)'."""
    name = "Relative risiko" if measure == EffectMeasure.RR else measure.value
    point, first, second = (_shown(p) for p in parts)
    return printed_effect(f"{name} {point} (CI 95% {first} — {second})", language)


def outcome_data(form: dict[str, Any], language: str) -> dict[str, Any]:
    """The row from the form: the estimate is entered once; its printed text and, for a ratio with a risk per
    1,000, the absolute effects are derived from it unless the row's YAML box gives them as printed."""
    extra = dict(form["extra"])
    row: dict[str, Any] = {k: form[k] for k in ROW_PLAIN}
    if form["scale_min"] is not None or form["scale_max"] is not None:
        row["scale"] = {"min": form["scale_min"], "max": form["scale_max"]}
    if form["comparator_value"] is not None:
        row["comparator"] = {"value": form["comparator_value"], "unit": form["comparator_unit"] or ""}
    if form["measure"]:
        measure = EffectMeasure(form["measure"])
        ratio = measure in RATIO_MEASURES
        parts = [printed(form[k], ratio) for k in ("point", "ci_low", "ci_high")]
        row["effect"] = {
            "measure": measure.value,
            "point": parts[0],
            "ci_first": parts[1],
            "ci_second": parts[2],
            "text": form["effect_text"] or effect_text(measure, parts, language),
        }
    row = ordered(row, Outcome, extra)
    if "effect" in row and "absolute" not in extra:
        derived = derived_absolute(row, language)
        if derived is not None:
            row["absolute"] = derived
    return ordered(row, Outcome, extra)


def derived_absolute(row: dict[str, Any], language: str) -> dict[str, Any] | None:
    """Absolute effects per 1,000 computed from the row's ratio and comparator risk (None if it has none)."""
    try:
        outcome = Outcome.model_validate(
            {**row, "absolute": None, "seed_lines": row.get("seed_lines") or [1]}
        )
    except Exception:  # an incomplete row: the loader reports it on save
        return None
    estimate = outcome_absolute_effect(outcome)
    if estimate is None:
        return None
    pairs = (
        (estimate.difference, estimate.difference_exact),
        (estimate.difference_low, estimate.difference_low_exact),
        (estimate.difference_high, estimate.difference_high_exact),
    )
    parts = [{"value": abs(shown), "direction": "fewer" if exact < 0 else "more"} for shown, exact in pairs]
    point, first, second = (_shown(p) for p in parts)
    text = printed_effect(f"{point} per 1.000 (CI 95% {first} — {second})", language)
    return {"point": parts[0], "ci_first": parts[1], "ci_second": parts[2], "text": text}
