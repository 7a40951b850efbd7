"""The unofficial English translation covers layer 1 and says it is unofficial."""

from gradeline.content.translatable import is_prose
from gradeline.content.translations import load_translations
from gradeline.model import Guideline


def test_layer_1_is_translated(guideline: Guideline) -> None:
    en = load_translations()
    assert "unofficial" in en.note.lower()
    assert en.get("status/note")
    for level in guideline.strength_levels:
        assert en.get(f"strength_levels/{level.id}/label"), level.id
    for rec in guideline.recommendations:
        for field in ("title", "text"):
            if is_prose(getattr(rec, field)):
                assert en.get(f"recommendations/{rec.id}/{field}"), (rec.id, field)
        for outcome in rec.outcomes:
            assert en.get(f"recommendations/{rec.id}/outcomes/{outcome.id}/name"), (rec.id, outcome.id)


def test_translation_keys_name_real_content(guideline: Guideline) -> None:
    rec_ids = {r.id for r in guideline.recommendations}
    for location in load_translations().entries:
        parts = location.split("/")
        if parts[0] == "recommendations":
            assert parts[1] in rec_ids, location
            if parts[2] == "outcomes":
                assert parts[3] in {o.id for o in guideline.recommendation(parts[1]).outcomes}, location
