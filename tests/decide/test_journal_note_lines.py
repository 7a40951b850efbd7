"""The journal note line by line, in Danish and English: patient, open scope gates, triage with its time frame
and findings, what to discuss, medication cautions, follow-up and who decides. Written out by hand from the
pack's wording (decide/journal.yaml and the rules the plan quotes)."""

from pathlib import Path
from typing import Any

import pytest

from gradeline.decide import Rules, load_rules, make_plan
from gradeline.model import Guideline
from gradeline.model.guideline import GuidelineStatus
from tests.decide.conftest import context_of, edit_rule

TITLE = "National klinisk retningslinje for behandling af nyopståede lænderygsmerter"
HEADING_DA = f"Lænderygsmerter, beslutningsstøtte efter {TITLE} (2016 (gennemgået 2019); ikke gældende)."
HEADING_EN = (
    f"Low back pain, decision support from the Danish guideline '{TITLE}' (2016 (gennemgået 2019); not in "
    f"force)."
)
COME_BACK_DA = (
    "Kom igen før: Søg læge samme dag ved nyopståede problemer med at lade vandet eller holde på afføringen, "
    "følelsesløshed i skridtet, føleforstyrrelser eller svaghed i begge ben, eller tiltagende "
    "kraftnedsættelse "
    "i benene."
)
COME_BACK_EN = (
    "Come back sooner: Seek a doctor the same day for new problems passing urine or controlling the bowels, "
    "numbness in the saddle area, altered sensation or weakness in both legs, or increasing weakness in the "
    "legs."
)
REASSESS_DA = (
    "Revurdering: Vurder patienten igen, hvis der ikke er bedring efter 4 uger – manglende effekt af 4 ugers "
    "relevant behandling eller 4 uger med udtalt funktionsbegrænsning regnes som et rødt flag."
)
REASSESS_EN = (
    "Reassess: See the patient again if there is no improvement after 4 weeks – failure of 4 weeks of "
    "relevant "
    "treatment, or 4 weeks of marked functional limitation, counts as a red flag."
)
CAREFUL_DA = "Tilbyd kun efter nøje overvejelse"
CAREFUL_EN = "Offer only after careful consideration"
# Unofficial English titles, as the web layer looks them up in the pack's translations.
ENGLISH = {"recommendations/nsaid/title": "NSAIDs", "recommendations/opioider/title": "Opioids"}

OLDER_DRIVER: dict[str, Any] = {
    "base": "screened",
    "duration_weeks": None,
    "duration_days": 10,
    "age_years": 70,
    "heart_disease": "yes",
    "pregnant": "no",
    "severe_pain_acute_phase": "yes",
    "wants_medication": "yes",
    "drives_or_operates_machinery": "yes",
    "red_flags": {"night_or_rest_pain": "yes", "fever": "unknown"},
}
UNDER_AGE_WITH_FLAGS: dict[str, Any] = {
    "base": "screened",
    "age_years": 15,
    "duration_weeks": None,
    "pain_nrs": None,
    "red_flags": {"saddle_anaesthesia": "yes", "fever": "yes"},
}


@pytest.mark.parametrize(
    ("answers", "danish", "english"),
    [
        (
            OLDER_DRIVER,
            [
                HEADING_DA,
                "Alder: 70 år. Varighed: 10 dage. Smerteintensitet (NRS 0-10): 5.",
                "Omfang: Grænsetilfælde/ukendt: afklar de ukendte svar. Røde flag er ikke (alle) vurderet – "
                "mistanke om alvorlig patologi er ikke afklaret.",
                "Triage: Ikke vurderet: røde flag er ikke besvaret (Besvar de røde flag, der ikke er "
                "vurderet, "
                "før planen bruges). Røde flag ikke vurderet: 1.",
                "Information om forløb, prognose og faresignaler samt vanlig aktivitet (kap. 3).",
                f"Til drøftelse: {CAREFUL_DA}: Paracetamol; {CAREFUL_DA}: Opioider; {CAREFUL_DA}: NSAID.",
                "Medicin, forsigtighed: Opioider: Bilkørsel/maskiner – stærkt smertestillende medicin er "
                "trafikfarlig (rød advarselstrekant); vejled om kørsel. NSAID: Kendt hjerte-kar-sygdom – "
                "bivirkningsprofilen for NSAID er udtalt (kapitel 12). NSAID: 65 år eller ældre – "
                "bivirkningsprofilen for NSAID er udtalt hos ældre (kapitel 12).",
                REASSESS_DA,
                "Revurdering: Smertestillende medicin ordineres kun for en kortere periode og revurderes "
                "løbende "
                "(kapitel 10 og 12).",
                COME_BACK_DA,
                "Beslutning truffet af klinikeren sammen med patienten.",
            ],
            [
                HEADING_EN,
                "Age: 70 years. Duration: 10 days. Pain intensity (NRS 0-10): 5.",
                "Scope: Borderline/unknown: clarify the unknown answers. Red flags not (all) assessed – "
                "suspicion of serious pathology is not settled.",
                "Triage: Not assessed: red flags are unanswered (Answer the red flags not yet assessed "
                "before "
                "using the plan). Red flags not assessed: 1.",
                "Information on course, prognosis, warning signs and usual activity (ch. 3).",
                f"To discuss: {CAREFUL_EN}: Paracetamol; {CAREFUL_EN}: Opioids; {CAREFUL_EN}: NSAIDs.",
                "Medication, caution: Opioids: Driving/machinery – strong painkillers impair driving (red "
                "warning triangle); advise on driving. NSAIDs: Known cardiovascular disease – the "
                "adverse-effect profile of NSAIDs is pronounced (chapter 12). NSAIDs: Aged 65 or older – the "
                "adverse-effect profile of NSAIDs is pronounced in older people (chapter 12).",
                REASSESS_EN,
                "Reassess: Pain medication is prescribed for a short period only and reassessed continuously "
                "(chapters 10 and 12).",
                COME_BACK_EN,
                "Decision made by the clinician together with the patient.",
            ],
        ),
        (
            UNDER_AGE_WITH_FLAGS,
            [
                HEADING_DA,
                "Alder: 15 år. Varighed: ukendt. Smerteintensitet (NRS 0-10): ukendt.",
                "Omfang: Ikke omfattet af retningslinjen. Patienten er under 16 år; retningslinjen omfatter "
                "patienter »over 16 år« (16 år og nogle måneder er over 16 år). Varighed ukendt – "
                "retningslinjen "
                "omfatter smerter af op til 12 ugers varighed. Fund, der rejser mistanke om alvorlig "
                "patologi (se "
                "triage); klinikeren har ansvar for rettidig udredning.",
                "Triage: Akut: henvis samme dag (samme dag (MR inden for 4 timer efter henvisning i det "
                "britiske "
                "forløb)). Fund: Nedsat eller ændret følesans i skridtet (ridebukseanæstesi); Feber.",
                "Videre forløb: Retningslinjen omfatter ikke patienter under 16 år; vurder efter anden "
                "relevant "
                "vejledning. Rettidig udredning af den mistænkte specifikke årsag (uden for denne "
                "retningslinje).",
                COME_BACK_DA,
                "Beslutning truffet af klinikeren sammen med patienten.",
            ],
            [
                HEADING_EN,
                "Age: 15 years. Duration: unknown. Pain intensity (NRS 0-10): unknown.",
                "Scope: Outside the guideline's scope. The patient is under 16; the guideline covers "
                "patients "
                "»over 16 år« (16 years and some months is over 16). Duration unknown – the guideline "
                "covers pain "
                "of up to 12 weeks' duration. Findings that raise suspicion of serious pathology (see "
                "triage); "
                "the clinician is responsible for timely work-up.",
                "Triage: Emergency: refer the same day (the same day (MRI within 4 hours of request in "
                "the UK "
                "pathway)). Findings: Saddle anaesthesia or altered perineal sensation; Fever.",
                "Next steps: The guideline does not cover patients under 16; assess by other relevant "
                "guidance. "
                "Timely work-up of the suspected specific cause (outside this guideline).",
                COME_BACK_EN,
                "Decision made by the clinician together with the patient.",
            ],
        ),
    ],
    ids=["older-driver-borderline", "under-age-with-red-flags"],
)
def test_the_note_in_both_languages(
    guideline: Guideline, rules: Rules, answers: dict[str, Any], danish: list[str], english: list[str]
) -> None:
    plan = make_plan(context_of(answers), guideline, rules, ENGLISH.get)
    assert plan.journal_note.splitlines() == danish
    assert plan.journal_note_en.splitlines() == english


def test_a_duration_in_weeks_is_given_in_weeks(guideline: Guideline, rules: Rules) -> None:
    plan = make_plan(context_of({"base": "screened", "duration_weeks": 12}), guideline, rules)
    assert (
        plan.journal_note.splitlines()[1]
        == "Alder: 40 år. Varighed: 12 uger. Smerteintensitet (NRS 0-10): 5."
    )
    assert (
        plan.journal_note_en.splitlines()[1]
        == "Age: 40 years. Duration: 12 weeks. Pain intensity (NRS 0-10): 5."
    )


def test_a_guideline_in_force_says_so_once(guideline: Guideline, rules: Rules) -> None:
    status = guideline.status.model_copy(update={"value": GuidelineStatus.IN_FORCE, "label": "Gældende"})
    in_force = guideline.model_copy(update={"status": status})
    plan = make_plan(context_of({"base": "screened"}), in_force, rules)
    assert (
        plan.journal_note.splitlines()[0]
        == f"Lænderygsmerter, beslutningsstøtte efter {TITLE} (2016 (gennemgået 2019); gældende)."
    )
    assert plan.journal_note_en.splitlines()[0].endswith("(2016 (gennemgået 2019); in force).")
    assert plan.status_notice == f"{TITLE} (2016 (gennemgået 2019)): Gældende."
    assert plan.status_notice_en == f"{TITLE} (2016 (gennemgået 2019)): in force."


def test_each_language_takes_its_own_triage_wording_from_the_pack(
    guideline: Guideline, rule_pack: Path
) -> None:
    edit_rule(rule_pack, "journal.yaml", "en: 'Triage: {label} ({time_frame}).'", "en: 'Urgency: {label}.'")
    plan = make_plan(context_of({"base": "screened"}), guideline, load_rules(rule_pack))
    assert (
        plan.journal_note_en.splitlines()[3]
        == "Urgency: Routine: every red flag answered, none needs work-up."
    )
    assert plan.journal_note.splitlines()[3].startswith("Triage: Rutine: ")
