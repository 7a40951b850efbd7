"""The plan in one screen, line by line in Danish and English: what to do now, discuss and avoid, and which
recommendations each line stands for. Expected lines are written out by hand from the pack's wording."""

from typing import Any

import pytest

from gradeline.decide import Rules, make_plan
from gradeline.decide.plan import SummaryLine
from gradeline.model import Guideline
from tests.decide.conftest import context_of

CONSIDER = ["vanlig-aktivitet", "patientuddannelse", "ledmobilisering", "superviseret-fysisk-traening"]
CONSIDER_DA = "Overvej: Vanlig aktivitet; Patientuddannelse; Ledmobilisering; Superviseret fysisk træning"
CONSIDER_EN = "Consider: Vanlig aktivitet; Patientuddannelse; Ledmobilisering; Superviseret fysisk træning"
CAREFUL_DA = "Tilbyd kun efter nøje overvejelse"
CAREFUL_EN = "Offer only after careful consideration"
WANTS_MEDICINE = "Patienten ønsker smertestillende medicin."


def line(text: str, text_en: str, *ids: str) -> SummaryLine:
    return SummaryLine(text=text, text_en=text_en, recommendation_ids=list(ids))


def summary_of(guideline: Guideline, rules: Rules, answers: dict[str, Any]) -> Any:
    return make_plan(context_of(answers), guideline, rules).summary


def test_nothing_answered_asks_for_red_flags_and_scope_first(guideline: Guideline, rules: Rules) -> None:
    summary = summary_of(guideline, rules, {})
    assert summary.do_now == [
        # 22 red-flag items that can raise triage (the two asked risk factors do not count).
        line(
            "Besvar de røde flag, der ikke er vurderet, før planen bruges (22 spørgsmål)",
            "Answer the red flags not yet assessed before using the plan (22 questions)",
        ),
        line(
            "Afklar omfang: Alder i hele år; Varighed af den aktuelle smerteepisode; Smerter i lænd og/eller "
            "balder (Th12 til inferiore glutealfold), med eller uden udstråling til ben; Er der fundet en "
            "specifik årsag til smerterne?; Kliniske tegn på lumbal nerverodspåvirkning; Smerter efter nylig "
            "rygoperation; Bækkensmerter relateret til graviditet eller post-partum forløbet",
            "Clarify scope: Age; Duration of the current episode; Pain in the low back and/or buttocks (Th12 "
            "to the inferior gluteal fold), with or without leg radiation; Has a specific cause been found?; "
            "Clinical signs of lumbar nerve-root involvement; Pain after recent spinal surgery; Pelvic pain "
            "related to pregnancy or the post-partum period",
        ),
        line(CONSIDER_DA, CONSIDER_EN, *CONSIDER),
    ]
    assert summary.discuss == []
    assert summary.avoid == [
        line(
            "Tilbyd ikke rutinemæssigt: Gruppespecifik intervention; Rutinemæssig billeddiagnostisk "
            "udredning "
            "med MR scanning eller røntgenundersøgelse",
            "Do not offer routinely: Gruppespecifik intervention; Rutinemæssig billeddiagnostisk udredning "
            "med MR scanning eller røntgenundersøgelse",
            "gruppespecifik-intervention",
            "billeddiagnostik",
        ),
        line(
            f"{CAREFUL_DA}: Akupunktur; Paracetamol; Opioider; NSAID",
            f"{CAREFUL_EN}: Akupunktur; Paracetamol; Opioider; NSAID",
            "akupunktur",
            "paracetamol",
            "opioider",
            "nsaid",
        ),
    ]
    assert summary.not_applicable == []


@pytest.mark.parametrize(
    ("answers", "medicine_lines"),
    [
        (
            {"pregnant_or_postpartum": "yes", "pregnancy_related_pelvic_pain": "no", "pregnant": "yes"},
            [
                line(
                    "Opioider: afklar 2 forsigtighedsspørgsmål før eventuel brug",
                    "Opioider: ask 2 safety questions before any use",
                    "opioider",
                ),
                line(
                    "NSAID: undgå – Gravid – NSAID frarådes under hele graviditeten og er kontraindiceret "
                    "i 3. "
                    "trimester.",
                    "NSAID: avoid – Pregnant – NSAIDs are discouraged throughout pregnancy and "
                    "contraindicated "
                    "in the third trimester.",
                    "nsaid",
                ),
            ],
        ),
        (
            {
                "age_years": 70,
                "heart_disease": "yes",
                "renal_impairment": "yes",
                "pregnant": "no",
                "peptic_ulcer_or_gi_bleeding": "no",
                "takes_anticoagulants": "no",
                "drives_or_operates_machinery": "yes",
                "dependency_history": "no",
            },
            [
                line(
                    "Opioider: forsigtighed – Bilkørsel/maskiner – stærkt smertestillende medicin er "
                    "trafikfarlig "
                    "(rød advarselstrekant); vejled om kørsel.",
                    "Opioider: caution – Driving/machinery – strong painkillers impair driving (red warning "
                    "triangle); advise on driving.",
                    "opioider",
                ),
                line(
                    "NSAID: forsigtighed – Kendt hjerte-kar-sygdom – bivirkningsprofilen for NSAID er udtalt "
                    "(kapitel 12).; 65 år eller ældre – bivirkningsprofilen for NSAID er udtalt hos ældre "
                    "(kapitel 12).; Nedsat nyrefunktion – særligt udsat for bivirkninger af NSAID (NSAID "
                    "hæmmer "
                    "COX-1, som opretholder nyregennemblødningen).",
                    "NSAID: caution – Known cardiovascular disease – the adverse-effect profile of NSAIDs is "
                    "pronounced (chapter 12).; Aged 65 or older – the adverse-effect profile of NSAIDs is "
                    "pronounced in older people (chapter 12).; Reduced kidney function – particularly "
                    "exposed "
                    "to NSAID adverse effects (NSAIDs inhibit COX-1, which maintains renal perfusion).",
                    "nsaid",
                ),
            ],
        ),
    ],
    ids=["pregnant", "older-heart-kidney-driver"],
)
def test_a_wanted_medicine_is_discussed_with_one_safety_line_each(
    guideline: Guideline, rules: Rules, answers: dict[str, Any], medicine_lines: list[SummaryLine]
) -> None:
    wanted = {"base": "screened", "severe_pain_acute_phase": "yes", "wants_medication": "yes", **answers}
    summary = summary_of(guideline, rules, wanted)
    opioid, nsaid = medicine_lines
    assert summary.discuss == [
        line(f"{CAREFUL_DA}: Paracetamol – {WANTS_MEDICINE}", f"{CAREFUL_EN}: Paracetamol", "paracetamol"),
        line(f"{CAREFUL_DA}: Opioider – {WANTS_MEDICINE}", f"{CAREFUL_EN}: Opioider", "opioider"),
        opioid,
        line(f"{CAREFUL_DA}: NSAID – {WANTS_MEDICINE}", f"{CAREFUL_EN}: NSAID", "nsaid"),
        nsaid,
    ]
    assert summary.do_now == [line(CONSIDER_DA, CONSIDER_EN, *CONSIDER)]
    assert summary.avoid[1] == line(f"{CAREFUL_DA}: Akupunktur", f"{CAREFUL_EN}: Akupunktur", "akupunktur")


def test_only_the_unknown_scope_answers_are_to_be_clarified(guideline: Guideline, rules: Rules) -> None:
    summary = summary_of(guideline, rules, {"base": "screened", "age_years": None})
    assert summary.do_now == [
        line("Afklar omfang: Alder i hele år", "Clarify scope: Age"),
        line(CONSIDER_DA, CONSIDER_EN, *CONSIDER),
    ]


def test_out_of_scope_refers_on_in_both_languages_and_lists_what_does_not_apply(
    guideline: Guideline, rules: Rules
) -> None:
    summary = summary_of(
        guideline, rules, {"base": "screened", "age_years": 15, "red_flags": {"fever": "yes"}}
    )
    # The triage action stands for the work-up of the suspected cause; the under-16 referral is added.
    assert summary.do_now == [
        line(
            "Rettidig udredning ved mistanke om en specifik årsag; overvej billeddiagnostik (kapitel 6, "
            "praktiske "
            "råd).",
            "Timely work-up when a specific cause is suspected; consider imaging (chapter 6, practical "
            "advice).",
        ),
        line(
            "Retningslinjen omfatter ikke patienter under 16 år; vurder efter anden relevant vejledning.",
            "The guideline does not cover patients under 16; assess by other relevant guidance.",
        ),
    ]
    assert summary.discuss == [] and summary.avoid == []
    assert [(n.text, n.recommendation_ids) for n in summary.not_applicable] == [
        ("3. Vanlig aktivitet", ["vanlig-aktivitet"]),
        ("4. Patientuddannelse", ["patientuddannelse"]),
        ("5. Gruppespecifik intervention", ["gruppespecifik-intervention"]),
        (
            "6. Rutinemæssig billeddiagnostisk udredning med MR scanning eller røntgenundersøgelse",
            ["billeddiagnostik"],
        ),
        ("7. Ledmobilisering", ["ledmobilisering"]),
        ("8. Superviseret fysisk træning", ["superviseret-fysisk-traening"]),
        ("9. Akupunktur", ["akupunktur"]),
        ("10. Paracetamol", ["paracetamol"]),
        ("11. Opioider", ["opioider"]),
        ("12. NSAID", ["nsaid"]),
    ]


def test_medicine_safety_is_discussed_when_its_advice_applies_though_not_wanted(
    guideline: Guideline, rules: Rules
) -> None:
    answers = {"base": "screened", "severe_pain_acute_phase": "yes", "pregnant": "yes"}
    assert [d.text for d in summary_of(guideline, rules, answers).discuss] == [
        "Opioider: afklar 2 forsigtighedsspørgsmål før eventuel brug",
        "NSAID: undgå – Gravid – NSAID frarådes under hele graviditeten og er kontraindiceret i 3. "
        "trimester.",
    ]
