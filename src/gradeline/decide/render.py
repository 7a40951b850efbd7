"""Plans out: a JSON-able dict and plain terminal text; plans in: a patient-context JSON file."""

import json
import textwrap
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from gradeline.content.errors import PackError
from gradeline.content.pack import cached_pack
from gradeline.content.packs import pack_or_active
from gradeline.decide.context import PatientContext
from gradeline.decide.engine import ContextError, make_plan
from gradeline.decide.plan import AdviceStatus, Applicability, Citation, Plan
from gradeline.decide.rules import Rules, load_rules


class PlanInputError(ValueError):
    """A patient-context file cannot be turned into a plan; the message is one sentence for the user."""


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain JSON types (strings, numbers, lists, dicts)."""
    return plan.model_dump(mode="json")


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=100, initial_indent=indent, subsequent_indent=indent)


def _source(citation: Citation) -> str:
    parts = [f"retningslinjen afsnit {citation.section}"] if citation.section else []
    return "; ".join(parts + citation.external)


def plan_to_text(plan: Plan, trace: bool = False) -> str:
    """The plan as plain text for a terminal (Danish). With ``trace`` the explanation trace is added."""
    out = [plan.status_notice, plan.clinician_decides, ""]
    out.append(f"TRIAGE: {plan.triage.label} – {plan.triage.time_frame}")
    out.append(f"OMFANG: {plan.scope.label}")
    for heading, lines in (
        ("Gør nu", plan.summary.do_now),
        ("Drøft", plan.summary.discuss),
        ("Undgå rutinemæssigt", plan.summary.avoid),
        ("Gælder ikke", plan.summary.not_applicable),
    ):
        if lines:
            out.append(_wrap(f"{heading}: " + " | ".join(line.text for line in lines), ""))
    out += ["", "DETALJER", "Omfang, begrundelse:"]
    for reason in plan.scope.reasons:
        mark = {"met": "✓", "unknown": "?", "not_met": "✗"}[reason.status.value]
        out.append(_wrap(f"{mark} {reason.text}"))
    for refer in plan.scope.refer_to:
        out.append(_wrap(f"→ {refer}"))
    out += ["", "Triage, fund og handling:"]
    for action in plan.triage.actions:
        out.append(_wrap(f"→ {action}"))
    for finding in plan.triage.findings:
        out.append(_wrap(f"! {finding.group_name}: {finding.question} ({_source(finding.citation)})"))
    for finding in plan.triage.risk_factors:
        out.append(_wrap(f"· Risikofaktor ({finding.group_name}): {finding.question}"))
    for label, unanswered in (
        ("Ikke vurderet", plan.triage.red_flags_not_assessed()),
        ("Risikofaktorer ikke besvaret", plan.triage.risk_factors_not_asked()),
    ):
        if unanswered:
            out.append(_wrap(f"? {label} ({len(unanswered)}): " + "; ".join(f.question for f in unanswered)))
    out.append(_wrap(plan.triage.caveat))
    out += ["", "ANBEFALINGER"]
    for rec in plan.recommendations:
        star = "★ " if rec.highlighted else ""
        out.append(
            f"{star}{rec.chapter}. {rec.title} "
            f"[{rec.strength_icon} {rec.strength_label}, {rec.strength_colour}] – {rec.action_label}"
        )
        out.append(_wrap(rec.text, "    "))
        if rec.applicability is not Applicability.APPLIES:
            out.append(_wrap(f"({rec.applicability_note})", "    "))
        if rec.highlight_because:
            out.append(_wrap(f"Fremhævet: {rec.highlight_because}", "    "))
        for caution in rec.cautions:
            out.append(_wrap(f"! {caution.status.value.upper()}: {caution.text}", "      "))
        for advice in rec.advice:
            mark = "»" if advice.highlighted else "-"
            prefix = "AFKLAR: " if advice.status is AdviceStatus.ASK else ""
            out.append(_wrap(f"{mark} {prefix}{advice.text} [{advice.because}]", "      "))
    if plan.follow_up:
        out += ["", "OPFØLGNING"]
        out += [_wrap(f"{item.text} ({_source(item.citation)})") for item in plan.follow_up]
    out += ["", "FORTÆL PATIENTEN"]
    for item in plan.tell_patient:
        out.append(_wrap(f"{item.topic}: {item.text}"))
    if plan.startback is not None:
        sb = plan.startback
        result = (
            f"total {sb.total}, psykosocial delscore {sb.psychosocial_subscale}, gruppe {sb.risk_group}"
            if sb.complete
            else "ufuldstændig (" + ", ".join(sb.missing) + ")"
        )
        out += ["", f"STarT Back (kun information): {result}", _wrap(sb.note), _wrap(sb.licence)]
    out += ["", "JOURNALNOTAT", plan.journal_note, "", "JOURNAL NOTE (ENGLISH)", plan.journal_note_en]
    if trace:
        out += ["", "FORKLARING (input -> regel -> retningslinje)"]
        for step in plan.trace:
            cited = step.citation
            where = [f"anbefaling {cited.recommendation_id}"] if cited.recommendation_id else []
            # A rule resting on outside sources only names them (there is no guideline section to give).
            where += [f"afsnit {cited.section}"] if cited.section else cited.external
            out.append(
                _wrap(f"{', '.join(step.inputs)} -> {step.rule} -> {step.conclusion} [{', '.join(where)}]")
            )
    return "\n".join(out)


def _first_problem(error: ValidationError) -> str:
    item = error.errors()[0]
    field = ".".join(str(part) for part in item["loc"]) or "the top level"
    more = len(error.errors()) - 1
    extra = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"{field}: {item['msg']}{extra}"


def plan_from_json_file(path: Path | str, rules: Rules | None = None) -> Plan:
    """Read a patient context (JSON) and make its plan with the bundled guideline and rules.

    Raises PlanInputError (a ValueError) with a one-sentence message on any bad input.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PlanInputError(f"{path}: no such file.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanInputError(f"{path}: cannot be read ({exc.__class__.__name__}).") from None
    except json.JSONDecodeError as exc:
        raise PlanInputError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    if not isinstance(data, dict):
        raise PlanInputError(f"{path}: the patient context must be a JSON object of answers.")
    try:
        context = PatientContext.model_validate(data)
    except ValidationError as exc:
        raise PlanInputError(f"{path}: {_first_problem(exc)}.") from None
    try:
        guideline = cached_pack()
        rules = rules or load_rules(pack_or_active(None))
        return make_plan(context, guideline, rules)
    except ContextError as exc:
        raise PlanInputError(f"{path}: {exc}.") from None
    except PackError as exc:
        raise PlanInputError(
            f"the guideline's content or rules cannot be read: {str(exc).splitlines()[0]}"
        ) from None
