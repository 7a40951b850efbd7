"""Patient-friendly names fall back to the printed words; time frames keep the printed text when unnamed."""

from gradeline.content.pack import cached_pack
from gradeline.evidence.data import Bilingual, cached_evidence_data
from gradeline.evidence.names import intervention, lower_first, outcome_name, time_frame

g = cached_pack()
NAMES = cached_evidence_data().names
PAIN = g.recommendation("paracetamol").outcome("smerteniveau-0-12-uger")


def test_a_time_frame_no_pattern_names_is_shown_as_printed_in_both_languages() -> None:
    bare = NAMES.model_copy(update={"time_frames": []})
    row = PAIN.model_copy(update={"time_frame": " 3-9 måneder "})
    assert time_frame(row, bare) == Bilingual(da="3-9 måneder", en="3-9 måneder")


def test_a_row_without_a_time_frame_has_none() -> None:
    assert time_frame(PAIN.model_copy(update={"time_frame": None}), NAMES) is None
    assert time_frame(PAIN.model_copy(update={"time_frame": "  "}), NAMES) is None


def test_an_unnamed_outcome_keeps_its_printed_name() -> None:
    bare = NAMES.model_copy(update={"outcomes": []})
    found = outcome_name(PAIN.model_copy(update={"name_en": None}), bare)
    assert found.title == Bilingual(da="Smerteniveau", en="Smerteniveau")  # no English name given
    assert found.name == Bilingual(da="smerteniveau", en="smerteniveau")
    english = outcome_name(PAIN.model_copy(update={"name_en": "Pain level"}), bare)
    assert (english.title.en, english.name.en) == ("Pain level", "pain level")


def test_an_unnamed_recommendation_uses_its_title() -> None:
    rec = g.recommendation("paracetamol")
    found = intervention(rec, NAMES.model_copy(update={"interventions": {}}))
    assert (found.da, found.en, found.comparator_da, found.comparator_en) == (
        rec.title,
        rec.title,
        "sammenligning",
        "comparison",
    )


def test_lower_first_keeps_acronyms() -> None:
    assert lower_first("Fysisk træning") == "fysisk træning"
    assert lower_first("MR-scanning") == "MR-scanning"
    assert lower_first("A") == "a"
    assert lower_first("") == ""


def test_a_two_letter_acronym_is_kept() -> None:
    assert lower_first("MR") == "MR"
