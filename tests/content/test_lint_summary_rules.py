"""GL014–GL018 on small fixtures: each fires on the inconsistency the clinical review found, and stays quiet
on a consistent row."""

from gradeline.content.lint.display import time_frame_display
from gradeline.content.lint.glossary import ratio_examples
from gradeline.content.lint.summary import direction_vs_summary, importance_vs_summary, time_frame_vs_summary
from gradeline.evidence.data import (
    EvidenceData,
    Judgements,
    RowJudgement,
    TimeFrameName,
    cached_evidence_data,
)
from gradeline.model import GlossaryEntry
from tests.content.fixtures import guideline, md, row


def _data(**judged: RowJudgement) -> EvidenceData:
    return cached_evidence_data().model_copy(update={"judgements": Judgements(rows=judged)})


def _judged(
    finding: str = "no_effect", importance: str = "kritisk", time: str = "op til 12 uger"
) -> RowJudgement:
    return RowJudgement.model_validate(
        {
            "finding": finding,
            "section": "3.sammenfatning",
            "seed_line": 1,
            "importance": importance,
            "time_frame": time,
            "quote": "Der blev ikke fundet effekt.",
            "quote_en": "No effect was found.",
        }
    )


def test_gl014_time_frame_against_the_summary_and_the_row_name() -> None:
    months = guideline(row(time_frame="0-12 måneder", effect=md("1.16", "4.09", "1.77")))
    weeks = guideline(row(time_frame="0-12 uger", effect=md("1.16", "4.09", "1.77")))
    data = _data(**{"test/smerte": _judged()})
    assert [f.location for f in time_frame_vs_summary(months, data)] == ["test/smerte/time_frame"]
    assert list(time_frame_vs_summary(weeks, data)) == []
    named = guideline(row(name="Recidiv 6-18 måneder", time_frame="8-18 måneder"))
    assert [f.code for f in time_frame_vs_summary(named, _data())] == ["GL014"]


def test_gl015_importance_against_the_summary() -> None:
    g = guideline(row(effect=md("3.24", "6.52", "0.04")))
    assert [
        f.code for f in importance_vs_summary(g, _data(**{"test/smerte": _judged(importance="vigtig")}))
    ] == ["GL015"]
    assert list(importance_vs_summary(g, _data(**{"test/smerte": _judged(importance="kritisk")}))) == []


def test_gl017_printed_direction_against_the_side_the_summary_names() -> None:
    favours_comparison = guideline(row(better="lower", effect=md("3.5", "5.89", "1.11", direction="higher")))
    favours_intervention = guideline(row(better="lower", effect=md("3.5", "5.89", "1.11")))
    data = _data(**{"test/smerte": _judged("not_relevant_favours_intervention")})
    assert [f.code for f in direction_vs_summary(favours_comparison, data)] == ["GL017"]
    assert list(direction_vs_summary(favours_intervention, data)) == []


def test_gl016_glossary_ratio_example_must_follow_its_definition() -> None:
    def entry(text: str) -> GlossaryEntry:
        return GlossaryEntry(term="RR", definition=text)

    printed = (
        "Relativ Risiko. Hvis raten af dødsfald i en interventionsgruppe for eksempel er 10 per 100, "
        "mens den er 20 per 100 i kontrolgruppen, er hazard ratio 2."
    )
    sound = printed.replace("hazard ratio 2", "relativ risiko 0.5")
    bad = guideline().model_copy(update={"glossary": [entry(printed)]})
    good = guideline().model_copy(update={"glossary": [entry(sound)]})
    findings = list(ratio_examples(bad))
    assert [f.location for f in findings] == ["glossary/RR"]
    assert "gives 0.5, not 2" in findings[0].message and "hazard ratio" in findings[0].message
    assert list(ratio_examples(good)) == []


def test_gl018_a_display_name_may_not_rewrite_printed_numbers() -> None:
    g = guideline(row(time_frame="8-18 måneder"))
    rewriting = cached_evidence_data().names.model_copy(
        update={
            "time_frames": [TimeFrameName(pattern=r"^[68]\s*-\s*18 måneder", da="efter 6-18 måneder", en="x")]
        }
    )
    data = cached_evidence_data().model_copy(update={"names": rewriting})
    assert [f.code for f in time_frame_display(g, data)] == ["GL018"]
    assert list(time_frame_display(g, cached_evidence_data())) == []  # the pack's own names keep "8-18"
