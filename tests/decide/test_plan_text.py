"""The plan as terminal text (Danish): the lines a clinician reads, in order, with their marks and wrapping.

Three patients: in scope and pregnant with severe pain, wanting medicine ("medicine"); worked up for red flags
("work_up"); nothing answered ("unknown"). Every expected line is written out by hand from the pack's wording.
"""

from typing import Any

import pytest

from gradeline.decide import PatientContext, Rules, make_plan
from gradeline.decide.plan import Plan
from gradeline.decide.render import plan_to_text
from gradeline.model import Guideline
from tests.decide.conftest import context_of

PATIENTS: dict[str, dict[str, Any]] = {
    "medicine": {
        "base": "screened",
        "pregnant_or_postpartum": "yes",
        "pregnancy_related_pelvic_pain": "no",
        "pregnant": "yes",
        "severe_pain_acute_phase": "yes",
        "wants_medication": "yes",
    },
    "work_up": {
        "base": "screened",
        "red_flags": {"suspected_listhesis": "yes", "night_or_rest_pain": "yes", "major_trauma": "yes"},
    },
    "unknown": {},
}
NOTICE = (
    "Retningslinjen er IKKE GÆLDENDE (Sundhedsstyrelsen, 2023; senest fagligt gennemgået 2019). Planen "
    "viser, "
    "hvad den historiske retningslinje anbefalede – ikke aktuel anbefalet behandling."
)
DECIDER = (
    "Klinikeren træffer beslutningen sammen med patienten. Planen er beslutningsstøtte og erstatter ikke "
    "klinisk vurdering."
)
CAVEAT = [
    "  Enkelte røde flag har kun beskeden diagnostisk værdi: de fleste ændrer kun lidt på sandsynligheden",
    "  for alvorlig sygdom (Downie et al. 2013). Kun tidligere cancer øgede sandsynligheden for",
    "  malignitet mærkbart (ca. 33 %), og først flere samtidige fund gav høj sandsynlighed for fraktur",
    "  (ca. 90 %). Alvorlig patologi findes hos 1-5 % af patienter med lænderygsmerter i primærsektoren.",
    "  Røde flag understøtter den kliniske vurdering; de erstatter den ikke.",
]
MET = [
    "  ✓ Alder over 16 år (»Denne retningslinje omfatter patienter over 16 år«).",
    "  ✓ Varighed højst 12 uger (nyopståede smerter, uanset tidligere episoder).",
    "  ✓ Smerter i lænd og/eller balder; udstråling til ben udelukker ikke.",
    "  ✓ Ingen specifik årsag fundet (uspecifikke lænderygsmerter).",
    "  ✓ Ingen kliniske tegn på nerverodspåvirkning.",
    "  ✓ Ingen nylig rygoperation.",
    "  ✓ Ingen graviditetsrelaterede bækkensmerter.",
]
NOT_APPLICABLE = "    (Patienten er ikke omfattet af retningslinjen; anbefalingen gælder ikke.)"


@pytest.fixture
def plans(guideline: Guideline, rules: Rules) -> dict[str, Plan]:
    return {name: make_plan(context_of(answers), guideline, rules) for name, answers in PATIENTS.items()}


def lines_of(plan: Plan, trace: bool = False) -> list[str]:
    return plan_to_text(plan, trace=trace).splitlines()


def block(lines: list[str], first: str, size: int) -> list[str]:
    """``size`` lines from the line that equals (or, ending in '…', starts with) ``first``."""
    if first.endswith("…"):
        start = next(i for i, line in enumerate(lines) if line.startswith(first[:-1]))
    else:
        start = lines.index(first)
    return lines[start : start + size]


def test_the_text_opens_with_status_decider_triage_and_scope(plans: dict[str, Plan]) -> None:
    assert lines_of(plans["medicine"])[:5] == [
        NOTICE,
        DECIDER,
        "",
        "TRIAGE: Rutine: alle røde flag er besvaret, ingen kræver udredning – Ingen hastende udredning; "
        "følg op "
        "som beskrevet under opfølgning",
        "OMFANG: Omfattet af retningslinjen",
    ]
    assert lines_of(plans["work_up"])[3:5] == [
        "TRIAGE: Rettidig udredning ved mistanke om alvorlig patologi – rettidigt – kilderne angiver ingen "
        "fast "
        "tidsramme; vurderes klinisk",
        "OMFANG: Ikke omfattet af retningslinjen",
    ]


def test_summary_lines_are_headed_joined_by_bars_and_wrapped_flush_left(plans: dict[str, Plan]) -> None:
    assert lines_of(plans["medicine"])[5:15] == [
        "Gør nu: Overvej: Vanlig aktivitet; Patientuddannelse; Ledmobilisering; Superviseret fysisk træning",
        "Drøft: Tilbyd kun efter nøje overvejelse: Paracetamol – Patienten ønsker smertestillende medicin. |",
        "Tilbyd kun efter nøje overvejelse: Opioider – Patienten ønsker smertestillende medicin. | Opioider:",
        "afklar 2 forsigtighedsspørgsmål før eventuel brug | Tilbyd kun efter nøje overvejelse: NSAID –",
        "Patienten ønsker smertestillende medicin. | NSAID: undgå – Gravid – NSAID frarådes under hele",
        "graviditeten og er kontraindiceret i 3. trimester.",
        "Undgå rutinemæssigt: Tilbyd ikke rutinemæssigt: Gruppespecifik intervention; Rutinemæssig",
        "billeddiagnostisk udredning med MR scanning eller røntgenundersøgelse | Tilbyd kun efter nøje",
        "overvejelse: Akupunktur",
        "",
    ]


def test_out_of_scope_summary_says_what_to_do_and_what_does_not_apply(plans: dict[str, Plan]) -> None:
    assert lines_of(plans["work_up"])[5:12] == [
        "Gør nu: Rettidig udredning ved mistanke om en specifik årsag; overvej billeddiagnostik (kapitel 6,",
        "praktiske råd).",
        "Gælder ikke: 3. Vanlig aktivitet | 4. Patientuddannelse | 5. Gruppespecifik intervention | 6.",
        "Rutinemæssig billeddiagnostisk udredning med MR scanning eller røntgenundersøgelse | 7.",
        "Ledmobilisering | 8. Superviseret fysisk træning | 9. Akupunktur | 10. Paracetamol | 11. Opioider |",
        "12. NSAID",
        "",
    ]


def test_scope_reasons_are_marked_met_or_not_met_with_the_referral(plans: dict[str, Plan]) -> None:
    assert block(lines_of(plans["work_up"]), "DETALJER", 13) == [
        "DETALJER",
        "Omfang, begrundelse:",
        *MET,
        "  ✗ Fund, der rejser mistanke om alvorlig patologi (se triage); klinikeren har ansvar for rettidig",
        "  udredning.",
        "  → Rettidig udredning af den mistænkte specifikke årsag (uden for denne retningslinje).",
        "",
    ]
    assert block(lines_of(plans["medicine"]), "Omfang, begrundelse:", 10)[1:] == [
        *MET,
        "  ✓ Ingen røde flag, der kræver udredning.",
        "",
    ]


def test_unknown_scope_answers_are_marked_with_a_question_mark(plans: dict[str, Plan]) -> None:
    assert block(lines_of(plans["unknown"]), "Omfang, begrundelse:", 3)[1:] == [
        "  ? Alder ukendt – retningslinjen omfatter kun patienter over 16 år.",
        "  ? Varighed ukendt – retningslinjen omfatter smerter af op til 12 ugers varighed.",
    ]


def test_triage_block_gives_actions_findings_with_sources_risk_factors_and_caveat(
    plans: dict[str, Plan],
) -> None:
    assert block(lines_of(plans["work_up"]), "Triage, fund og handling:", 13) == [
        "Triage, fund og handling:",
        "  → Rettidig udredning ved mistanke om en specifik årsag; overvej billeddiagnostik (kapitel 6,",
        "  praktiske råd).",
        "  ! Traume med påvist eller mistænkt fraktur: Betydende traume (f.eks. fald fra højde,",
        "  trafikulykke)? (retningslinjen afsnit 2; Downie A et al. BMJ 2013;347:f7095)",
        "  ! Olistese: Klinisk mistanke om væsentlig olistese? (retningslinjen afsnit 6)",
        "  · Risikofaktor (Cancer): Konstante smerter eller natlige smerter/hvilesmerter?",
        *CAVEAT,
        "",
    ]


def test_a_finding_with_outside_sources_only_names_them(guideline: Guideline, rules: Rules) -> None:
    plan = make_plan(context_of({"base": "screened", "red_flags": {"fever": "yes"}}), guideline, rules)
    assert block(lines_of(plan), "  ! Infektion: Feber?…", 3) == [
        "  ! Infektion: Feber? (Gloucestershire acute back pain pathway, red flags",
        "  (g-care.glos.nhs.uk/pathway/71/resource/3); eTG complete, Assessment of back and neck pain (red-",
        "  flag table))",
    ]


def test_unanswered_red_flags_are_counted_and_named(plans: dict[str, Plan]) -> None:
    assert block(lines_of(plans["unknown"]), "  ? Ikke vurderet…", 2) == [
        "  ? Ikke vurderet (22): Nyopstået vandladnings- eller afføringsforstyrrelse (retention, "
        "inkontinens,",
        "  ændret fornemmelse)?; Nedsat eller ændret følesans i skridtet (ridebukseanæstesi)?; Bilaterale",
    ]
    assert block(lines_of(plans["unknown"]), "  ? Risikofaktorer ikke besvaret…", 2) == [
        "  ? Risikofaktorer ikke besvaret (2): Konstante smerter eller natlige smerter/hvilesmerter?;",
        "  Thorakale smerter?",
    ]
    assert not any("Ikke vurderet (" in line for line in lines_of(plans["medicine"]))


def test_recommendations_show_strength_action_applicability_and_why_highlighted(
    plans: dict[str, Plan],
) -> None:
    text = lines_of(plans["work_up"])
    assert block(text, "ANBEFALINGER", 5) == [
        "ANBEFALINGER",
        "3. Vanlig aktivitet [↑ Svag anbefaling, yellow] – Overvej",
        "    Overvej at opfordre patienter med nyopståede lænderygsmerter til opretholdelse af vanlig",
        "    aktivitet frem for aflastning, herunder sengeleje.",
        NOT_APPLICABLE,
    ]
    assert block(text, "★ 6.…", 8) == [
        "★ 6. Rutinemæssig billeddiagnostisk udredning med MR scanning eller røntgenundersøgelse [↓ Svag "
        "anbefaling mod, orange] – Tilbyd ikke rutinemæssigt",
        "    Tilbyd ikke rutinemæssig billeddiagnostisk udredning med MR scanning eller røntgenundersøgelse",
        "    til patienter med nyopståede lænderygsmerter, da der ikke er påvist en gavnlig effekt.",
        "    (Patienten udredes for mistænkt alvorlig patologi; kun råd om udredningen vises.)",
        "    Fremhævet: Patienten ønsker scanning, eller der er fund, som kapitel 6 nævner som grund til at",
        "    overveje billeddiagnostik.",
        "      » Overvej henvisning til røntgenundersøgelse eller MR scanning, hvis der under "
        "patientforløbet",
        "      opstår mistanke om væsentlig patologi, som kræver anden behandling end skitseret i denne",
    ]


def test_a_recommendation_that_applies_has_no_applicability_note(plans: dict[str, Plan]) -> None:
    assert block(lines_of(plans["medicine"]), "3. Vanlig aktivitet…", 4) == [
        "3. Vanlig aktivitet [↑ Svag anbefaling, yellow] – Overvej",
        "    Overvej at opfordre patienter med nyopståede lænderygsmerter til opretholdelse af vanlig",
        "    aktivitet frem for aflastning, herunder sengeleje.",
        "      - Behandling af patienter med nyopståede lænderygsmerter bør som minimum omfatte information",
    ]


def test_borderline_recommendations_say_they_apply_only_if_the_patient_is_in_scope(
    plans: dict[str, Plan],
) -> None:
    assert block(lines_of(plans["unknown"]), "4. Patientuddannelse…", 4)[3] == (
        "    (Gælder kun hvis de ukendte svar viser, at patienten er omfattet af retningslinjen.)"
    )


def test_medicine_cautions_come_before_its_advice_avoid_first(plans: dict[str, Plan]) -> None:
    assert block(lines_of(plans["medicine"]), "★ 12. NSAID…", 15)[4:] == [
        "    Fremhævet: Patienten ønsker smertestillende medicin.",
        "      ! AVOID: Gravid – NSAID frarådes under hele graviditeten og er kontraindiceret i 3. "
        "trimester.",
        "      ! ASK: Kendt hjerte-kar-sygdom eller hjertesvigt?",
        "      ! ASK: Nedsat nyrefunktion?",
        "      ! ASK: Mavesår eller blødning fra mave-tarm-kanalen (nu eller tidligere)?",
        "      ! ASK: Tager patienten blodfortyndende eller pladehæmmende medicin?",
        "      ! GENERAL: NSAID har en række velbeskrevne bivirkninger; bivirkningsprofilen er udtalt hos",
        "      ældre og patienter med kendt hjertekarsygdom. Kun en kortere periode, revurderes løbende.",
        "      » Ved svære smerter i den akutte fase kan det i dialogen med patienten overvejes om NSAID i",
        "      tillæg til vanlig behandling vil være hensigtsmæssigt i en kort periode. [Svære smerter i den",
        "      akutte fase (klinikerens vurdering).]",
    ]


def test_advice_that_depends_on_an_unknown_answer_says_clarify(guideline: Guideline, rules: Rules) -> None:
    plan = make_plan(context_of({"base": "screened", "severe_pain_acute_phase": "unknown"}), guideline, rules)
    assert block(lines_of(plan), "10. Paracetamol…", 9)[-2:] == [
        "      - AFKLAR: Ved svære smerter i den akutte fase kan det i dialogen med patienten overvejes om",
        "      paracetamol i tillæg til vanlig behandling vil være hensigtsmæssigt i en kort periode. Valget",
    ]


def test_follow_up_names_its_sources(plans: dict[str, Plan]) -> None:
    assert block(lines_of(plans["medicine"]), "OPFØLGNING", 14) == [
        "OPFØLGNING",
        "  Vurder patienten igen, hvis der ikke er bedring efter 4 uger – manglende effekt af 4 ugers",
        "  relevant behandling eller 4 uger med udtalt funktionsbegrænsning regnes som et rødt flag. (Danske",
        "  henvisningsretningslinjer for billeddiagnostik, columna",
        "  (bdretningslinjer.dk/anbefalinger/columna.aspx); Gloucestershire acute back pain pathway, red",
        "  flags (g-care.glos.nhs.uk/pathway/71/resource/3))",
        "  Smertestillende medicin ordineres kun for en kortere periode og revurderes løbende (kapitel 10 og",
        "  12). (retningslinjen afsnit 10)",
        "  Søg læge samme dag ved nyopståede problemer med at lade vandet eller holde på afføringen,",
        "  følelsesløshed i skridtet, føleforstyrrelser eller svaghed i begge ben, eller tiltagende",
        "  kraftnedsættelse i benene. (BMJ Best Practice, Cauda equina syndrome",
        "  (bestpractice.bmj.com/topics/en-gb/3000164); Gloucestershire acute back pain pathway, red flags",
        "  (g-care.glos.nhs.uk/pathway/71/resource/3))",
        "",
    ]


def test_follow_up_follows_the_recommendations_after_a_blank_line(plans: dict[str, Plan]) -> None:
    text = lines_of(plans["medicine"])
    assert text[text.index("OPFØLGNING") - 1] == ""


def test_no_follow_up_heading_without_follow_up(plans: dict[str, Plan]) -> None:
    bare = plans["medicine"].model_copy(update={"follow_up": []})
    assert "OPFØLGNING" not in lines_of(bare)


def test_what_to_tell_the_patient_is_headed_by_topic(plans: dict[str, Plan]) -> None:
    assert block(lines_of(plans["medicine"]), "FORTÆL PATIENTEN", 3) == [
        "FORTÆL PATIENTEN",
        "  Det naturlige forløb: Hos personer med nyopståede lænderygsmerter falder smerteintensiteten i",
        "  gennemsnit over de første 6-12 uger, uanset hvilken behandling patienterne modtager (3,4)",
    ]
    assert block(lines_of(plans["work_up"]), "FORTÆL PATIENTEN", 4) == [
        "FORTÆL PATIENTEN",
        "  Henvisning/videre forløb: Rettidig udredning af den mistænkte specifikke årsag (uden for denne",
        "  retningslinje).",
        "",
    ]


def test_both_journal_notes_close_the_text_danish_first(plans: dict[str, Plan]) -> None:
    text = lines_of(plans["work_up"])
    danish = block(text, "JOURNALNOTAT", 9)
    assert text[text.index("JOURNALNOTAT") - 1] == ""
    assert danish[1:3] == [
        "Lænderygsmerter, beslutningsstøtte efter National klinisk retningslinje for behandling af "
        "nyopståede "
        "lænderygsmerter (2016 (gennemgået 2019); ikke gældende).",
        "Alder: 40 år. Varighed: 3 uger. Smerteintensitet (NRS 0-10): 5.",
    ]
    assert danish[-2:] == ["Beslutning truffet af klinikeren sammen med patienten.", ""]
    english = block(text, "JOURNAL NOTE (ENGLISH)", 8)
    assert english[2] == "Age: 40 years. Duration: 3 weeks. Pain intensity (NRS 0-10): 5."
    assert english[-1] == "Decision made by the clinician together with the patient."
    assert plan_to_text(plans["work_up"]).splitlines()[-1] == english[-1]  # no trace unless asked for


@pytest.mark.parametrize(
    ("answers", "line"),
    [
        (
            {
                "referred_leg_pain": True,
                "comorbid_shoulder_or_neck_pain": False,
                "walks_only_short_distances": True,
                "dresses_more_slowly": True,
                "fear_not_safe_to_be_active": True,
                "anxiety_worrying_thoughts": True,
                "catastrophising_terrible_never_better": True,
                "depression_not_enjoying_things": False,
                "bothersomeness": "very_much",
            },
            "STarT Back (kun information): total 7, psykosocial delscore 4, gruppe high",
        ),
        (
            {"referred_leg_pain": True, "bothersomeness": "slightly", "dresses_more_slowly": False},
            "STarT Back (kun information): ufuldstændig (comorbid_shoulder_or_neck_pain, "
            "walks_only_short_distances, fear_not_safe_to_be_active, anxiety_worrying_thoughts, "
            "catastrophising_terrible_never_better, depression_not_enjoying_things)",
        ),
    ],
    ids=["complete", "incomplete"],
)
def test_startback_is_shown_as_information_with_its_licence(
    guideline: Guideline, rules: Rules, answers: dict[str, Any], line: str
) -> None:
    plan = make_plan(context_of({"base": "screened", "startback": answers}), guideline, rules)
    shown = block(lines_of(plan), line, 3)
    assert lines_of(plan)[0] == NOTICE
    assert shown[0] == line and lines_of(plan)[lines_of(plan).index(line) - 1] == ""
    assert shown[1] == (
        "  Kun til information: retningslinjen anbefaler ikke rutinemæssig stratificeret behandling (kapitel"
    )
    assert (
        shown[2]
        == "  5), og et dansk randomiseret forsøg med STarT-baseret stratificering fandt ingen forskel i"
    )
    assert any(row.startswith("  STarT Back Screening Tool © Keele University") for row in lines_of(plan))


def test_no_startback_lines_without_answers(
    screened: PatientContext, guideline: Guideline, rules: Rules
) -> None:
    assert not any(line.startswith("STarT Back") for line in lines_of(make_plan(screened, guideline, rules)))


def test_the_trace_reads_input_rule_conclusion_and_source(plans: dict[str, Plan]) -> None:
    text = lines_of(plans["work_up"], trace=True)
    assert block(text, "FORKLARING (input -> regel -> retningslinje)", 7) == [
        "FORKLARING (input -> regel -> retningslinje)",
        "  red_flags.major_trauma = yes -> red-flags.yaml:fracture.major_trauma -> Rettidig udredning ved",
        "  mistanke om alvorlig patologi – Traume med påvist eller mistænkt fraktur [afsnit 2]",
        "  red_flags.night_or_rest_pain = yes -> red-flags.yaml:malignancy.night_or_rest_pain -> "
        "Risikofaktor",
        "  vist (Cancer); ændrer ikke triage alene [Verhagen AP et al. Eur Spine J 2016 (s00586-016-4684-0)]",
        "  red_flags.suspected_listhesis = yes -> red-flags.yaml:listhesis.suspected_listhesis -> Rettidig",
        "  udredning ved mistanke om alvorlig patologi – Olistese [afsnit 6]",
    ]
    assert block(text, "  imaging_trigger = yes -> …", 3) == [
        "  imaging_trigger = yes -> recommendations.yaml:billeddiagnostik.advice[3] -> Gælder: Der er fund,",
        "  som rejser mistanke om væsentlig patologi (se triage). [anbefaling billeddiagnostik, afsnit 6",
        "  (praktiske råd)]",
    ]
    assert block(text, "  muscle_weakness = no, …", 3) == [
        "  muscle_weakness = no, positive_nerve_stretch_test = no, radicular_pain_pattern = no, "
        "reflex_loss =",
        "  no, sensory_change = no -> scope.yaml:radiculopathy -> Ingen kliniske tegn på "
        "nerverodspåvirkning.",
        "  [afsnit 2]",
    ]
    assert text[text.index("FORKLARING (input -> regel -> retningslinje)") - 1] == ""
