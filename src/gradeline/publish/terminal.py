"""Layer 1 and layer 2 for the terminal (rich renderables)."""

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from gradeline.model import Guideline, Outcome, Recommendation, StrengthLevel
from gradeline.model.vocabulary import certainty_label, importance_label

# The terminal's own words in each pack language (a language without its own falls back to English).
HEADINGS: dict[str, dict[str, str]] = {
    "da": {
        "since": "siden",
        "profile": "Evidensprofil",
        "outcome": "Outcome\nTidsramme",
        "importance": "Vigtighed",
        "measured": "Målt med / deltagere",
        "comparison": "Sammenligning",
        "intervention": "Intervention",
        "certainty": "Tiltro",
        "summary": "Sammendrag",
        "measured_with": "Målt med:",
        "scale": "Skala:",
        "patients_in": "patienter i",
        "study": "studie",
        "studies": "studier",
        "question": "Fokuseret spørgsmål:",
    },
    "en": {
        "since": "since",
        "profile": "Evidence profile",
        "outcome": "Outcome\nTime frame",
        "importance": "Importance",
        "measured": "Measured with / participants",
        "comparison": "Comparison",
        "intervention": "Intervention",
        "certainty": "Certainty",
        "summary": "Summary",
        "measured_with": "Measured with:",
        "scale": "Scale:",
        "patients_in": "patients in",
        "study": "study",
        "studies": "studies",
        "question": "Focused question:",
    },
}


def _words(guideline: Guideline) -> dict[str, str]:
    return HEADINGS.get(guideline.language, HEADINGS["en"])


def status_banner(guideline: Guideline) -> Panel:
    """The guideline's status, shown before anything else."""
    status = guideline.status
    since = f" {_words(guideline)['since']} {status.since_year}" if status.since_year else ""
    title = Text(f"{status.label.upper()}{since}", style="bold")
    return Panel(Text(status.note), title=title, border_style="bold yellow")


def strength_badge(level: StrengthLevel) -> Text:
    """Icon and label on the level's colour, so strength never depends on colour alone."""
    dark_text = level.colour in {"yellow"}
    style = f"bold {'black' if dark_text else 'white'} on {level.colour_hex}"
    return Text(f" {level.icon} {level.label} ", style=style)


def recommendation_card(guideline: Guideline, rec: Recommendation) -> Panel:
    """Layer 1 for one recommendation: strength, text, practical advice (italic) and update note."""
    level = guideline.strength_level(rec)
    parts: list[RenderableType] = [strength_badge(level), Text(rec.text, style="bold")]
    parts += [Text(paragraph, style="italic") for paragraph in rec.practical_advice]
    if rec.update_note:
        parts.append(Text(rec.update_note, style="dim"))
    return Panel(
        Group(*parts),
        title=f"{rec.chapter}. {rec.title}",
        title_align="left",
        subtitle=f"gradeline show {rec.id}",
        border_style=level.colour_hex,
    )


def layer_one(guideline: Guideline) -> Group:
    """The front page: status, title and every recommendation card."""
    cards = [recommendation_card(guideline, rec) for rec in guideline.recommendations]
    heading = Text(f"{guideline.title}\n{guideline.publisher}, {guideline.version}", style="bold")
    return Group(status_banner(guideline), heading, *cards, status_banner(guideline))


def _effect_cell(outcome: Outcome) -> str:
    lines = []
    if outcome.effect:
        lines.append(outcome.effect.text)
    if outcome.absolute:
        lines.append(outcome.absolute.text)
    if outcome.no_data:
        lines.append(outcome.no_data)
    return "\n".join(lines)


def _arm_cell(outcome: Outcome, which: str) -> str:
    arm = outcome.comparator if which == "comparator" else outcome.intervention
    return f"{arm.value} {arm.unit}".strip() if arm else ""


def evidence_table(rec: Recommendation, language: str = "da") -> Table:
    """The evidence profile as a Summary-of-Findings table, headed in ``language`` (the pack's)."""
    words = HEADINGS.get(language, HEADINGS["en"])
    header = rec.sof_header
    table = Table(title=f"{words['profile']} — {rec.title}", show_lines=True, expand=True)
    table.add_column(words["outcome"], ratio=3)
    table.add_column(words["importance"], ratio=1)
    table.add_column(words["measured"], ratio=3)
    table.add_column(f"{words['comparison']}\n{header.comparator if header else ''}", ratio=2)
    table.add_column(f"{words['intervention']}\n{header.intervention if header else ''}", ratio=3)
    table.add_column(words["certainty"], ratio=1)
    table.add_column(words["summary"], ratio=3)
    for outcome in rec.outcomes:
        name = outcome.name + (f" ({outcome.name_en})" if outcome.name_en else "")
        label = importance_label(outcome.importance_label, language) if outcome.importance_label else ""
        importance = f"{outcome.importance or ''} {label}".strip()
        measured = []
        if outcome.measured_with:
            measured.append(f"{words['measured_with']} {outcome.measured_with}")
        if outcome.scale:
            measured.append(f"{words['scale']} {outcome.scale.min} — {outcome.scale.max}")
        if outcome.participants is not None or outcome.studies is not None:
            studies = outcome.studies or 0
            noun = words["study"] if studies == 1 else words["studies"]
            measured.append(f"{outcome.participants or '–'} {words['patients_in']} {studies} {noun}")
        errata = [f"⚠ {e.code}: {e.explanation}" for e in outcome.errata]
        table.add_row(
            f"{name}\n{outcome.time_frame or ''}",
            importance,
            "\n".join(measured),
            _arm_cell(outcome, "comparator"),
            "\n".join(filter(None, [_arm_cell(outcome, "intervention"), _effect_cell(outcome), *errata])),
            certainty_label(outcome.certainty, language) if outcome.certainty else "",
            outcome.summary or "",
        )
    return table


def layer_two(guideline: Guideline, rec: Recommendation) -> Group:
    """One recommendation with its evidence profile and footnotes."""
    footnotes = [Text(f"{f.number}. {f.text}", style="dim") for f in rec.footnotes]
    certainty = rec.overall_certainty_text or ""
    return Group(
        status_banner(guideline),
        recommendation_card(guideline, rec),
        Text(f"{_words(guideline)['question']} {rec.focused_question}"),
        Text(certainty, style="bold"),
        evidence_table(rec, guideline.language),
        *footnotes,
    )
