"""Editing a draft: who may, what two editors saving the same recommendation see, bad input, inline linter
findings, live hints, auditing and publishing."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from gradeline.content.dump import load_yaml_text
from gradeline.web.accounts.roles import Role
from gradeline.web.audit.models import Action, AuditEntry
from gradeline.web.authoring import store
from gradeline.web.authoring.models import Draft
from gradeline.web.editions.models import Edition
from tests.web.authoring.conftest import FIXTURE
from tests.web.authoring.test_forms_roundtrip import as_posted

REC = "recommendations/01-frisk-luft.yaml"


def example() -> Draft:
    return store.import_pack(FIXTURE, "eksempel", AnonymousUser())


def rec_url(rec_id: str = "frisk-luft") -> str:
    return reverse("authoring_rec", args=["eksempel", rec_id])


def stored(path: str = REC) -> dict:
    doc = store.read(Draft.objects.get(slug="eksempel"), path)
    assert doc is not None
    return load_yaml_text(doc.text)


def test_drafts_are_for_editors_only(make_editor: Callable[..., Client]) -> None:
    example()
    anonymous = Client().get(reverse("authoring_draft", args=["eksempel"]))
    assert anonymous.status_code == 302 and "/konto/log-ind/" in anonymous["Location"]
    member = make_editor("mette", Role.MEMBER)
    assert member.get(reverse("authoring_draft", args=["eksempel"])).status_code == 403
    assert member.get(reverse("authoring_export", args=["eksempel"])).status_code == 403
    assert make_editor("erik").get(reverse("authoring_draft", args=["eksempel"])).status_code == 200


def test_a_stale_save_is_refused_naming_who_changed_it_and_showing_their_version(
    make_editor: Callable[..., Client],
) -> None:
    example()
    erik, anne = make_editor("erik"), make_editor("anne")
    eriks_form, annes_form = as_posted(erik, rec_url()), as_posted(anne, rec_url())
    eriks_form["title"] = "Frisk luft hver dag"
    assert erik.post(rec_url(), eriks_form).status_code == 302
    annes_form["title"] = "Frisk luft og lys"
    response = anne.post(rec_url(), annes_form)
    assert response.status_code == 400
    page = response.content.decode()
    assert "erik gemte en nyere version (2)" in page
    assert "title: Frisk luft hver dag" in page  # their version is shown
    assert 'value="Frisk luft og lys"' in page  # her own input is kept
    assert stored()["title"] == "Frisk luft hver dag"  # never a silent overwrite
    again = dict(annes_form, version="2")  # saving again, knowingly, replaces theirs
    assert anne.post(rec_url(), again).status_code == 302
    assert stored()["title"] == "Frisk luft og lys"


def test_a_stale_evidence_row_save_is_refused_too(make_editor: Callable[..., Client]) -> None:
    example()
    erik, anne = make_editor("erik"), make_editor("anne")
    url = reverse("authoring_outcome", args=["eksempel", "frisk-luft", "taage-0-6-uger"])
    eriks_row, annes_form = as_posted(erik, url), as_posted(anne, rec_url())
    eriks_row["participants"] = "250"
    assert erik.post(url, eriks_row).status_code == 302
    annes_form["text"] = "Giv voksne med tågesyndrom råd om frisk luft."
    response = anne.post(rec_url(), annes_form)
    assert response.status_code == 400 and "erik gemte en nyere version" in response.content.decode()
    assert stored()["outcomes"][0]["participants"] == 250


def test_bad_input_is_an_inline_message_and_nothing_stored_changes(
    make_editor: Callable[..., Client],
) -> None:
    example()
    erik = make_editor("erik")
    before = stored()
    form = as_posted(erik, rec_url())
    form.update(extra="footnotes: [1\n  - oops", chapter="tre", strength="stærkest")
    response = erik.post(rec_url(), form)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "Ikke gyldig YAML" in errors["extra"][0]
    assert set(errors) >= {"extra", "chapter", "strength"}
    assert stored() == before
    row_url = reverse("authoring_outcome_new", args=["eksempel", "frisk-luft"])
    bad_row = {**as_posted(erik, row_url), "id": "ny", "name": "Ny", "measure": "RR"}
    response = erik.post(row_url, bad_row)
    assert response.status_code == 400
    assert "begge grænser" in response.content.decode()
    assert stored() == before
    assert (
        erik.post(reverse("authoring_live", args=["eksempel"]), {"kind": "row", "point": "x"}).status_code
        == 400
    )


def test_linter_findings_show_next_to_the_field(make_editor: Callable[..., Client]) -> None:
    example()
    erik = make_editor("erik")
    form = as_posted(erik, rec_url())
    form["text"] = "Man kunne måske gå en tur."
    assert erik.post(rec_url(), form).status_code == 302
    page = erik.get(rec_url())
    fields = dict((bound.name, notes) for bound, notes in page.context["placed"].fields)
    assert [n.code for n in fields["text"]] == ["GL008"]
    assert "GL008" in page.content.decode()
    summary = erik.get(reverse("authoring_draft", args=["eksempel"])).content.decode()
    assert '<a href="/redaktion/eksempel/anbefalinger/frisk-luft/"><span class="code">GL008</span>' in summary
    form["chapter"] = "3"
    form["population"] = ""
    response = erik.post(rec_url(), form)
    assert response.status_code == 400 and "population" in response.context["form"].errors


def test_a_loader_error_is_placed_at_its_field(make_editor: Callable[..., Client]) -> None:
    example()
    erik = make_editor("erik")
    url = reverse("authoring_draft", args=["eksempel"])
    form = as_posted(erik, url)
    form["extra"] = form["extra"].replace("colour: green", "colour: purple")
    assert erik.post(url, form).status_code == 302
    page = erik.get(url)
    fields = dict((bound.name, notes) for bound, notes in page.context["placed"].fields)
    assert any("strength_levels.0.colour" in n.field for n in fields["extra"])


def test_live_hints_give_the_wording_template_and_the_computed_row(
    make_editor: Callable[..., Client],
) -> None:
    example()
    erik = make_editor("erik")
    live = reverse("authoring_live", args=["eksempel"])
    hint = erik.post(
        live, {"kind": "wording", "strength": "weak", "direction": "against", "text": "Giv lys"}
    ).json()
    assert hint == {
        "label": "Svag anbefaling imod",
        "templates": ["Overvej at lade være med…"],
        "matches": False,
    }
    row = {"kind": "row", "rec_id": "frisk-luft", "version": "1", "id": "ny-raekke", "name": "Ny række",
           "comparator_value": "300", "comparator_unit": "per 1.000", "measure": "RR", "point": "0.75",
           "ci_low": "0.6", "ci_high": "0.94", "certainty": "moderate"}  # fmt: skip
    computed = erik.post(live, row).json()
    assert computed["effect_text"] == "Relative risiko 0.75 (CI 95% 0.6 — 0.94)"
    assert computed["absolute"] == "75 færre per 1.000 (120 færre til 18 færre)"
    assert computed["relevance"] and computed["statement"]


def test_a_new_row_stores_the_derived_absolute_effect(make_editor: Callable[..., Client]) -> None:
    example()
    erik = make_editor("erik")
    url = reverse("authoring_outcome_new", args=["eksempel", "taagelygte"])
    row = {**as_posted(erik, url), "id": "tilbagefald", "name": "Tilbagefald", "comparator_value": "200",
           "comparator_unit": "per 1.000", "measure": "RR", "point": "1.5", "ci_low": "1.1", "ci_high": "2.0",
           "certainty": "low", "extra": "seed_lines: ['1']"}  # fmt: skip
    assert erik.post(url, row).status_code == 302
    saved = stored("recommendations/02-taagelygte.yaml")["outcomes"][-1]
    assert saved["absolute"]["text"] == "100 flere per 1.000 (CI 95% 20 flere — 200 flere)"
    assert saved["effect"]["text"] == "Relative risiko 1.5 (CI 95% 1.1 — 2.0)"


def test_every_change_is_audited(make_editor: Callable[..., Client]) -> None:
    example()
    erik = make_editor("erik")
    form = as_posted(erik, rec_url())
    form["title"] = "Frisk luft hver dag"
    erik.post(rec_url(), form)
    glossary = reverse("authoring_glossary", args=["eksempel"])
    erik.post(glossary, {**as_posted(erik, glossary), "term": "Tåge", "definition": "Dårligt udsyn."})
    entries = AuditEntry.objects.filter(action=Action.DRAFT, actor_name="erik")
    assert {e.target for e in entries} == {f"udkast eksempel/{REC}", "udkast eksempel/glossary.yaml"}
    assert {e.detail["operation"] for e in entries} == {"recommendation", "glossary"}


def test_publishing_stores_an_edition_and_the_pack_in_the_content_directory(
    make_editor: Callable[..., Client], content_directory: Path
) -> None:
    example()
    erik = make_editor("erik")
    response = erik.post(
        reverse("authoring_publish", args=["eksempel"]), {"kind": "major", "comment": "Første"}
    )
    assert response.status_code == 302
    edition = Edition.objects.get()
    assert edition.snapshot["id"] == "authoring-eksempel" and edition.comment == "Første"
    assert (content_directory / "eksempel" / REC).read_text() == (FIXTURE / REC).read_text()
    assert AuditEntry.objects.filter(action=Action.PUBLISH, actor_name="erik").exists()


def test_a_draft_with_problems_is_not_published(make_editor: Callable[..., Client]) -> None:
    example()
    erik = make_editor("erik")
    form = as_posted(erik, rec_url())
    form["text"] = "Man kunne måske gå en tur."
    erik.post(rec_url(), form)
    response = erik.post(reverse("authoring_publish", args=["eksempel"]), {"kind": "major", "comment": "x"})
    assert response.status_code == 400
    assert "uløste problemer" in response.content.decode()
    assert not Edition.objects.exists()


def test_the_editor_speaks_english_too(make_editor: Callable[..., Client], settings: Any) -> None:
    example()
    erik = make_editor("erik")
    erik.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = erik.get(rec_url()).content.decode()
    assert "Save recommendation" in page and "Strength label (as shown)" in page
    assert '<option value="weak">Weak</option>' in page
