"""Layer 2, computed beside published: per evidence-profile row the absolute effect, relevance, the
plain-language statement and whether the reading agrees with the published summary; and the outcome plot.

Everything is computed by ``gradeline.evidence``; this module only picks the language and formats.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.safestring import SafeString, mark_safe

from gradeline.evidence.absolute import outcome_absolute_effect
from gradeline.evidence.data import Lang
from gradeline.evidence.fmt import TO, absolute_text, number, per_label
from gradeline.evidence.plot import outcome_plot_svg, text_alternative
from gradeline.evidence.reading import OutcomeReading, recommendation_readings
from gradeline.model import Guideline, Recommendation

PER_CHOICES = (1000, 100)
UI: dict[Lang, dict[str, str]] = {
    "da": {
        "natural": "{without} uden, {with_} med ({low} {to} {high}) {unit}",
    },
    "en": {
        "natural": "{without} without, {with_} with ({low} {to} {high}) {unit}",
    },
}


LABELS: dict[Lang, dict[str, str]] = {
    "da": {
        "computed": "Beregnet",
        "computed_sub": "retningslinjens vurdering først, derefter gradelines beregning",
        "absolute": "Absolut effekt",
        "natural": "I naturlige enheder",
        "relevance": "Klinisk relevans",
        "no_effect": "Mod ingen effekt",
        "statement": "I klart sprog",
        "judgement": "Retningslinjens vurdering",
        "computed_reading": "Beregnet læsning",
        "quote_source": "Sammenfatningen, afsnit {section}, linje {line} i kildeteksten",
        "agreement": "Sammenlignet med sammenfatningen",
        "disagrees": "Den beregnede læsning afviger fra sammenfatningen, som gælder",
        "absolute_mismatch": "Den beregnede absolutte effekt afviger fra den publicerede",
        "hint": "Under hver række med data står først retningslinjens egen vurdering (citeret fra "
        "sammenfatningen), derefter gradelines beregnede læsning med dens tærskel og kilde. De publicerede "
        "tal ændres ikke; hvor de er indbyrdes uoverensstemmende, gives ingen beregnet retning.",
        "per_choice": "Absolutte effekter",
        "plot": "Udfaldsfigur",
        "plot_text": "Figuren i ord",
        "aid_short": "Beslutningshjælp",
        "per_link": "per {n}",
        "aid": "Beslutningshjælp til samtalen med patienten",
        "aid_lead": "Udfaldene i naturlige enheder og ikonrækker, sikkerheden i ord og de praktiske "
        "forhold – "
        "til brug sammen med patienten, på skærm eller printet på A4.",
        "disagreement_summary": "For {n} af rækkerne afviger gradelines beregnede læsning fra den "
        "publicerede sammenfatning; sammenfatningen gælder, og begge vises i tabellen.",
    },
    "en": {
        "computed": "Computed",
        "computed_sub": "the guideline's judgement first, then gradeline's computation",
        "absolute": "Absolute effect",
        "natural": "In natural units",
        "relevance": "Clinical relevance",
        "no_effect": "Against no effect",
        "statement": "In plain language",
        "judgement": "The guideline's judgement",
        "computed_reading": "Computed reading",
        "quote_source": "The Sammenfatning, section {section}, line {line} of the source text (unofficial "
        "translation)",
        "agreement": "Compared with the summary",
        "disagrees": "The computed reading differs from the summary, which stands",
        "absolute_mismatch": "The computed absolute effect differs from the published one",
        "hint": "Under each row with data is first the guideline's own judgement (quoted from its summary), "
        "then gradeline's computed reading with its threshold and source. The published numbers are not "
        "changed; where they are inconsistent, no computed direction is given.",
        "per_choice": "Absolute effects",
        "plot": "Outcome plot",
        "plot_text": "The figure in words",
        "aid_short": "Decision aid",
        "per_link": "per {n}",
        "aid": "Decision aid for the conversation with the patient",
        "aid_lead": "The outcomes in natural units and icon arrays, certainty in words and the practical "
        "issues – to use together with the patient, on screen or printed on A4.",
        "disagreement_summary": "For {n} of the rows gradeline's computed reading differs from the published "
        "summary; the summary stands, and both are shown in the table.",
    },
}


def language(code: str) -> Lang:
    """The evidence layer's language for a Django language code (Danish unless English)."""
    return "en" if code.startswith("en") else "da"


def per_from(raw: str | None) -> int:
    """The 'per' denominator asked for (?per=100), else 1,000."""
    return 100 if raw == "100" else 1000


@dataclass(frozen=True)
class RowReading:
    """The computed reading of one row, as text in one language."""

    reading: OutcomeReading
    absolute: str | None
    natural: str | None
    threshold: str
    relevance: str
    versus_no_effect: str
    statement: str | None
    agreement: str
    agreement_kind: str
    absolute_mismatch: bool
    judgement: str = ""
    computed: str | None = None
    quote: str | None = None
    quote_lang: str = "da"
    quote_source: str | None = None
    natural_withheld: str | None = None

    @property
    def disagrees(self) -> bool:
        return self.reading.disagrees


def _plain(value: Decimal, lang: Lang) -> str:
    return number(value.normalize() if value == value.to_integral_value() else value, lang)


def _natural(r: OutcomeReading, lang: Lang) -> str | None:
    n = r.natural
    if n is None:
        return None
    stat = f" ({n.statistic.get(lang)})" if n.statistic else ""
    return (
        UI[lang]["natural"].format(
            without=_plain(n.comparator, lang),
            with_=_plain(n.intervention, lang),
            low=_plain(n.intervention_low, lang),
            high=_plain(n.intervention_high, lang),
            to=TO[lang],
            unit=n.unit.get(lang),
        )
        + stat
    )


def row_reading(r: OutcomeReading, lang: Lang, per: int = 1000) -> RowReading:
    """One row's reading as text; absolute effects per ``per`` (100 gets one decimal)."""
    absolute = r.absolute if per == 1000 else outcome_absolute_effect(r.outcome, per=per, places=1)
    return RowReading(
        reading=r,
        absolute=absolute_text(absolute, lang) if absolute is not None else None,
        natural=_natural(r, lang),
        threshold=r.threshold_text.get(lang),
        relevance=r.relevance_label.get(lang),
        versus_no_effect=r.versus_no_effect_label.get(lang),
        statement=r.statement.get(lang) if r.statement else None,
        agreement=r.agreement_label.get(lang),
        agreement_kind=r.agreement,
        absolute_mismatch=r.absolute_matches_published is False,
        judgement=r.judgement_text.get(lang),
        computed=r.computed_text.get(lang) if r.computed_text else None,
        quote=r.judgement.quote.get(lang) if r.judgement.quote else None,
        quote_lang=lang,
        quote_source=(
            LABELS[lang]["quote_source"].format(
                section=(r.judgement.section or "").split(".")[0], line=r.judgement.seed_line
            )
            if r.judgement.quote
            else None
        ),
        natural_withheld=r.natural_withheld_text.get(lang) if r.natural_withheld_text else None,
    )


@dataclass(frozen=True)
class EvidenceReadings:
    """What layer 2 shows beside the published profile."""

    rows: dict[str, RowReading]
    per: int
    per_text: str
    plot_svg: SafeString
    plot_text: list[str]
    ui: dict[str, str]

    @property
    def per_links(self) -> list[tuple[int, str, bool]]:
        """(per, label, current) for the per-1,000 / per-100 switch."""
        lang: Lang = "en" if self.ui is LABELS["en"] else "da"
        return [(n, per_label(n, lang), n == self.per) for n in PER_CHOICES]

    @property
    def disagreements(self) -> list[RowReading]:
        return [row for row in self.rows.values() if row.disagrees]

    @property
    def has_absolute(self) -> bool:
        return any(row.absolute for row in self.rows.values())

    @property
    def disagreement_summary(self) -> str:
        return self.ui["disagreement_summary"].format(n=len(self.disagreements))


def evidence_readings(rec: Recommendation, guideline: Guideline, lang: Lang, per: int) -> EvidenceReadings:
    """Every row with an estimate, read in ``lang`` with absolute effects per ``per``."""
    readings = recommendation_readings(rec, guideline)
    return EvidenceReadings(
        rows={r.outcome.id: row_reading(r, lang, per) for r in readings},
        per=per,
        per_text=per_label(per, lang),
        plot_svg=mark_safe(
            outcome_plot_svg(rec, guideline, lang, published=True) if readings else ""
        ),  # built from escaped parts
        plot_text=text_alternative(readings, lang, published=True) if readings else [],
        ui=LABELS[lang],
    )
