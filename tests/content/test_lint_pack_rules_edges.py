"""GL014–GL018 and the shipped pack at their edges: rows without the field a rule reads, a display that keeps
the numbers but not the unit, decimal commas, and the pack whose data the rules read."""

from pathlib import Path

from gradeline.content.lint import lint_guideline
from gradeline.content.lint.display import time_frame_display
from gradeline.content.lint.glossary import ratio_examples
from gradeline.content.lint.summary import direction_vs_summary, importance_vs_summary, time_frame_vs_summary
from gradeline.content.packs import activated
from gradeline.evidence.data import EvidenceData, TimeFrameName, cached_evidence_data
from gradeline.model import GlossaryEntry, Guideline
from tests.content.fixtures import guideline, md, row, rr
from tests.content.test_lint_summary_rules import _data, _judged


def _display(*names: TimeFrameName) -> EvidenceData:
    data = cached_evidence_data()
    return data.model_copy(update={"names": data.names.model_copy(update={"time_frames": list(names)})})


def test_the_shipped_pack_acknowledges_every_finding_and_no_more(
    guideline: Guideline, pack_dir: Path
) -> None:
    report = lint_guideline(guideline, pack_dir)
    assert report.new == [] and report.stale == []
    acknowledged = sorted(f.key() for f, _ in report.acknowledged)
    assert acknowledged == sorted((e.code, e.location) for e in guideline.errata)
    assert len(acknowledged) == 24  # the errata.yaml entries, counted by hand


def test_the_rules_read_the_named_pack_not_the_active_one(
    guideline: Guideline, pack_dir: Path, fictional_dir: Path
) -> None:
    # With the fictional pack active, the Danish pack's own judgements must still be read (its GL014, GL015
    # and GL017 errata would otherwise be stale).
    with activated(fictional_dir):
        assert lint_guideline(guideline, pack_dir).clean


def test_a_display_keeping_the_numbers_but_changing_the_unit_is_gl018() -> None:
    g = guideline(row(time_frame="0-12 uger"))
    weeks_to_months = _display(
        TimeFrameName(pattern=r"^0-(\d+) uger", da="de første {0} måneder", en="first {0} weeks")
    )
    assert [f.code for f in time_frame_display(g, weeks_to_months)] == ["GL018"]
    in_english = _display(
        TimeFrameName(pattern=r"^0-(\d+) uger", da="de første {0} uger", en="first {0} months")
    )
    assert [f.message for f in time_frame_display(g, in_english)] == [
        "the time frame “0-12 uger” is displayed as “first 12 months” (en), which changes the printed "
        "numbers or "
        "unit."
    ]
    keeps = _display(
        TimeFrameName(pattern=r"^0-(\d+) uger", da="de første {0} uger", en="the first {0} weeks")
    )
    assert list(time_frame_display(g, keeps)) == []


def test_a_display_changing_only_a_number_is_gl018() -> None:
    g = guideline(row(time_frame="8-18 måneder"))
    data = _display(
        TimeFrameName(pattern=r"^8-18 måneder", da="efter 8-18 måneder", en="after 6 to 18 months")
    )
    assert [f.location for f in time_frame_display(g, data)] == ["test/smerte/time_frame"]


def test_a_row_without_a_time_frame_does_not_stop_the_check_of_the_next() -> None:
    g = guideline(row(id="a", time_frame=None, no_data="x"), row(id="b", time_frame="8-18 måneder"))
    data = _display(TimeFrameName(pattern=r"^8-18", da="efter 6-18 måneder", en="after 6 to 18 months"))
    assert [f.location for f in time_frame_display(g, data)] == ["test/b/time_frame"]


def test_a_glossary_example_with_decimal_commas_is_read() -> None:
    text = (
        "Relativ Risiko. Hvis raten i en interventionsgruppe er 2,5 per 100, mens den er 5 per 100 i "
        "kontrolgruppen, er relativ risiko 0,5."
    )
    g = guideline().model_copy(update={"glossary": [GlossaryEntry(term="RR", definition=text)]})
    assert list(ratio_examples(g)) == []  # 2.5/5 = 0.5
    wrong = g.model_copy(
        update={"glossary": [GlossaryEntry(term="RR", definition=text.replace("0,5.", "0,6."))]}
    )
    assert [f.message for f in ratio_examples(wrong)] == ["2,5 per 100 against 5 per 100 gives 0.5, not 0.6."]


def test_gl015_skips_a_row_without_an_importance_label() -> None:
    g = guideline(row(importance=None, importance_label=None, effect=md("3.24", "6.52", "0.04")))
    assert list(importance_vs_summary(g, _data(**{"test/smerte": _judged(importance="vigtig")}))) == []


def test_gl015_message() -> None:
    g = guideline(row(effect=md("3.24", "6.52", "0.04")))
    found = importance_vs_summary(g, _data(**{"test/smerte": _judged(importance="vigtig")}))
    assert [str(f) for f in found] == [
        "GL015 test/smerte/importance: the row prints “9 Kritisk”, but the Sammenfatning (seed line 1) calls "
        "it "
        "a vigtig outcome."
    ]


def test_gl017_message() -> None:
    g = guideline(row(better="lower", effect=md("3.5", "5.89", "1.11", direction="higher")))
    found = direction_vs_summary(g, _data(**{"test/smerte": _judged("not_relevant_favours_intervention")}))
    assert [str(f) for f in found] == [
        "GL017 test/smerte/effect: MD 3.5 højere (CI 95% 5.89 højere — 1.11 højere) with “lower is better” "
        "favours the comparator, but the Sammenfatning (seed line 1) says the result favoured the "
        "intervention."
    ]


def test_gl017_reads_no_side_from_a_ratio_a_zero_difference_or_a_row_without_estimate() -> None:
    favours_comparator = _data(**{"test/smerte": _judged("not_relevant_favours_comparator")})
    favours_intervention = _data(**{"test/smerte": _judged("not_relevant_favours_intervention")})
    ratio = guideline(row(better="lower", effect=rr("0.64", "0.45", "0.91")))
    assert list(direction_vs_summary(ratio, favours_comparator)) == []
    assert list(direction_vs_summary(ratio, favours_intervention)) == []
    zero = guideline(row(better="lower", effect=md("0", "0.28", "0.28", directions=("lower", "higher"))))
    assert list(direction_vs_summary(zero, favours_intervention)) == []
    assert list(direction_vs_summary(zero, favours_comparator)) == []
    no_estimate = guideline(row(better="lower", no_data="Ingen studier."))
    assert list(direction_vs_summary(no_estimate, favours_comparator)) == []
    no_better = guideline(row(effect=md("3.5", "5.89", "1.11", direction="higher")))
    assert list(direction_vs_summary(no_better, favours_intervention)) == []
    # 1 lower with lower better favours the intervention
    one = guideline(row(better="lower", effect=md("1", "2", "0.5")))
    assert [f.code for f in direction_vs_summary(one, favours_comparator)] == ["GL017"]
    assert list(direction_vs_summary(one, favours_intervention)) == []


def test_a_display_keeping_the_numbers_but_not_months_is_gl018() -> None:
    g = guideline(row(time_frame="8-18 måneder"))
    weeks = _display(
        TimeFrameName(pattern=r"^8-18 måneder", da="efter 8-18 måneder", en="after 8 to 18 weeks")
    )
    assert [f.code for f in time_frame_display(g, weeks)] == ["GL018"]


def test_a_time_frame_no_pattern_names_is_shown_as_printed_without_finding() -> None:
    # No display pattern: both languages show "3-9 måneder" exactly as printed (English untranslated).
    g = guideline(row(time_frame="3-9 måneder"))
    assert list(time_frame_display(g, _display())) == []


def test_every_rewriting_row_is_reported() -> None:
    g = guideline(row(id="a", time_frame="8-18 måneder"), row(id="b", time_frame="8-18 måneder"))
    data = _display(TimeFrameName(pattern=r"^8-18", da="efter 6-18 måneder", en="after 6 to 18 months"))
    assert [f.location for f in time_frame_display(g, data)] == ["test/a/time_frame", "test/b/time_frame"]


def test_gl014_messages_name_the_source_and_both_spans() -> None:
    summary = _data(**{"test/smerte": _judged()})  # "op til 12 uger"
    months = guideline(row(time_frame="0-12 måneder", effect=md("1.16", "4.09", "1.77")))
    assert [str(f) for f in time_frame_vs_summary(months, summary)] == [
        "GL014 test/smerte/time_frame: the time frame is printed as “0-12 måneder” (0-12 months), but the "
        "Sammenfatning (seed line 1) says “op til 12 uger” (up to 12 weeks)."
    ]
    named = guideline(row(name="Smerte 0-6 uger", time_frame="0-12 uger"))
    assert [f.message for f in time_frame_vs_summary(named, _data())] == [
        "the time frame is printed as “0-12 uger” (0-12 weeks), but the name says “Smerte 0-6 uger” (0-6 "
        "weeks)."
    ]
    no_data = guideline(row(time_frame="0-12 uger", no_data="Vi fandt ingen studier målt efter 6-18 måneder"))
    assert [f.message for f in time_frame_vs_summary(no_data, _data())] == [
        "the time frame is printed as “0-12 uger” (0-12 weeks), but the no-data text says “Vi fandt ingen "
        "studier målt efter 6-18 måneder” (6-18 months)."
    ]
