"""In a real browser: an editor authors the example guideline from scratch, sees the live hints, publishes it
and exports it; the export holds the same files and data as the fixture pack. Screenshots of the editor pages
at 1366 and 390 px; the pages pass axe-core and do not scroll sideways."""

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from gradeline.content.dump import dump_yaml, load_yaml_text
from gradeline.web import memo
from gradeline.web.accounts.roles import Role, set_role
from tests.e2e.audit import assert_no_serious_violations, axe_violations
from tests.e2e.conftest import ARTIFACTS, REPO

PASSWORD = "korrekt-hest-batteri-42"
EXAMPLE = REPO / "tests" / "fixtures" / "packs" / "example-fictional"  # issue 18 part A's fictional pack
FIXTURE = REPO / "tests" / "fixtures" / "packs" / "authoring-eksempel"  # a small Danish pack of our own
SLUG = "authoring-eksempel"
FORM_FILES = ("guideline.yaml", "glossary.yaml")  # and recommendations/: written through the forms


def example_data(path: str) -> Any:
    return load_yaml_text((EXAMPLE / path).read_text(encoding="utf-8"))


@pytest.fixture
def editor(transactional_db: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Any) -> User:
    memo.clear()
    monkeypatch.setenv("GRADELINE_CONTENT_DIR", str(tmp_path / "content"))
    (tmp_path / "content").mkdir()
    settings.GRADELINE_MEDIA_DIR = str(tmp_path / "media")
    user = User.objects.create_user("erik", "erik@example.org", PASSWORD)
    set_role(user, Role.EDITOR)
    return user


def log_in(page: Any, site: str) -> None:
    page.goto(f"{site}/konto/log-ind/?next=/redaktion/")
    page.fill("#id_username", "erik")
    page.fill("#id_password", PASSWORD)
    page.click("form.account-form button[type=submit]")
    page.wait_for_url("**/redaktion/")


def fill(page: Any, values: dict[str, Any]) -> None:
    """Fill fields by name: selects are chosen, everything else typed (lists as paragraphs)."""
    for name, value in values.items():
        field = page.locator(f"form.editor-form [name={name}]")
        text = "\n\n".join(value) if isinstance(value, list) else "" if value is None else str(value)
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(text)
        else:
            field.fill(text)


def save(page: Any) -> None:
    page.locator("form.editor-form button[type=submit]").click()
    page.wait_for_url("**#gemt")
    assert not page.locator(".field-error").count(), page.locator(".field-error").all_inner_texts()


def signed(printed: dict[str, Any]) -> str:
    return f"-{printed['value']}" if printed.get("direction") in ("lower", "fewer") else str(printed["value"])


def rest_as_yaml(data: dict[str, Any], typed: set[str]) -> str:
    """The fields this test does not type into an input, for the form's YAML box."""
    rest = {k: v for k, v in data.items() if k not in typed}
    return dump_yaml(rest) if rest else ""


ROW_TYPED = {"id", "name", "time_frame", "importance", "importance_label", "measured_with", "better",
             "participants", "studies", "study_design", "certainty", "summary", "no_data", "scale",
             "comparator", "effect", "absolute"}  # fmt: skip


def author_row(page: Any, site: str, slug: str, rec_id: str, row: dict[str, Any]) -> None:
    page.goto(f"{site}/redaktion/{slug}/anbefalinger/{rec_id}/evidens/ny/")
    fill(page, {k: row[k] for k in ROW_TYPED if k in row and not isinstance(row[k], dict)})
    scale, comparator = row.get("scale") or {}, row.get("comparator") or {}
    fill(page, {"scale_min": scale.get("min"), "scale_max": scale.get("max")})
    fill(page, {"comparator_value": comparator.get("value"), "comparator_unit": comparator.get("unit")})
    fill(page, {"extra": rest_as_yaml(row, ROW_TYPED)})
    effect = row.get("effect")
    if effect:
        fill(page, {"measure": effect["measure"], "point": signed(effect["point"])})
        fill(page, {"ci_low": signed(effect["ci_first"]), "ci_high": signed(effect["ci_second"])})
        # The estimate is entered once: the printed effect and the absolute effect are computed as one types.
        page.locator("[data-out=effect_text]").filter(has_text=effect["text"]).wait_for()
        if "absolute" in row:
            page.locator("[data-out=absolute]").filter(
                has_text=row["absolute"]["text"].split(" (")[0]
            ).wait_for()
        page.locator("[data-out=relevance]").filter(has_not_text="—").wait_for()
    save(page)


REC_TYPED = {"id", "chapter", "title", "focused_question", "strength", "direction", "label", "update_note",
             "practical_advice", "background", "summary", "overall_certainty", "text", "pico", "key_info",
             "outcomes"}  # fmt: skip


def author_recommendation(page: Any, site: str, slug: str, rec: dict[str, Any]) -> None:
    page.goto(f"{site}/redaktion/{slug}/anbefalinger/ny/")
    plain = REC_TYPED - {"text", "pico", "key_info", "outcomes"}
    fill(page, {k: rec[k] for k in plain if k in rec})
    fill(page, {k: v for k, v in rec["pico"].items()})
    key_info = rec["key_info"]
    fill(page, {"benefits_harms": key_info["benefits_harms"], "key_certainty": key_info["certainty"]})
    fill(page, {"preferences": key_info["preferences"], "rationale": key_info["rationale"]})
    fill(page, {"text": "Maybe a walk"})  # the wording check answers live
    page.locator(".wording-hint .verdict.bad").wait_for()
    fill(page, {"text": rec["text"], "extra": rest_as_yaml(rec, REC_TYPED)})
    page.locator(".wording-hint .verdict.ok").wait_for()
    save(page)
    for row in rec["outcomes"]:
        author_row(page, site, slug, rec["id"], row)


GUIDELINE_TYPED = {"id", "title", "language", "short_code", "publisher", "version", "published_year",
                   "review_interval_years", "status", "scope"}  # fmt: skip


def test_an_editor_authors_publishes_and_exports_the_fictional_example(
    page: Any, site: str, editor: User
) -> None:
    """Every file of the fictional pack written through the UI; published; the export equals the pack."""
    slug = "example-fictional"
    log_in(page, site)
    guideline = example_data("guideline.yaml")
    page.fill("#id_slug", slug)
    page.fill("#id_title", guideline["title"])
    page.fill("#id_language", guideline["language"])
    page.select_option("#id_status", guideline["status"]["value"])
    page.locator("form:has(input[value=create]) button[type=submit]").click()
    page.wait_for_url(f"**/redaktion/{slug}/")
    assert page.locator(".summary-notes").is_visible()  # the loader says what is still missing

    status = guideline["status"]
    fill(page, {"short_code": guideline["short_code"], "publisher": guideline["publisher"],
                "version_label": guideline["version"], "published_year": guideline["published_year"],
                "review_interval_years": guideline["review_interval_years"], "status_label": status["label"],
                "status_note": status["note"], "status_source": status["source"],
                "extra": rest_as_yaml(guideline, GUIDELINE_TYPED)})  # fmt: skip
    save(page)

    page.goto(f"{site}/redaktion/{slug}/afgraensning/")
    scope = guideline["scope"]
    typed = {"population", "min_age_exclusive", "max_duration_weeks"}
    fill(page, {k: scope[k] for k in typed} | {"extra": rest_as_yaml(scope, typed)})
    save(page)

    for path in sorted((EXAMPLE / "recommendations").glob("*.yaml")):
        author_recommendation(page, site, slug, example_data(f"recommendations/{path.name}"))

    for entry in example_data("glossary.yaml"):
        page.goto(f"{site}/redaktion/{slug}/ordliste/")
        fill(page, {"term": entry["term"], "definition": entry["definition"]})
        fill(page, {"aliases": "; ".join(entry.get("aliases") or [])})
        save(page)

    others = [p for p in sorted(EXAMPLE.rglob("*")) if p.is_file()]
    for file in others:
        name = file.relative_to(EXAMPLE).as_posix()
        if name in FORM_FILES or name.startswith("recommendations/"):
            continue
        page.goto(f"{site}/redaktion/{slug}/filer/")
        fill(page, {"path": name, "text": file.read_text(encoding="utf-8")})
        save(page)

    page.goto(f"{site}/redaktion/{slug}/")
    assert page.locator(".clean").is_visible(), page.locator(".summary-notes").inner_text()
    page.fill("#id_comment", "First edition")
    page.locator(f"form[action='/redaktion/{slug}/publicer/'] button[type=submit]").click()
    page.wait_for_url("**/udgaver/1.0/")
    assert guideline["title"] in page.content()

    page.goto(f"{site}/redaktion/{slug}/")
    with page.expect_download() as download:
        page.click(f"a[href='/redaktion/{slug}/eksport.zip']")
    archive = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
    exported = {name.split("/", 1)[1]: archive.read(name).decode() for name in archive.namelist()}
    assert sorted(exported) == sorted(p.relative_to(EXAMPLE).as_posix() for p in others)
    for name, text in exported.items():
        original = (EXAMPLE / name).read_text(encoding="utf-8")
        if name.endswith(".yaml"):
            assert load_yaml_text(text) == load_yaml_text(original), name  # the same data
        else:
            assert text == original, name  # Markdown as written


PAGES = {
    "drafts": "/redaktion/",
    "draft": f"/redaktion/{SLUG}/",
    "recommendation": f"/redaktion/{SLUG}/anbefalinger/frisk-luft/",
    "evidence-row": f"/redaktion/{SLUG}/anbefalinger/frisk-luft/evidens/tilbagefald-6-uger/",
    "scope": f"/redaktion/{SLUG}/afgraensning/",
    "glossary": f"/redaktion/{SLUG}/ordliste/",
    "files": f"/redaktion/{SLUG}/filer/?fil=glossary.yaml",
}


@pytest.mark.parametrize("width", [1366, 390])
def test_editor_pages_fit_the_screen_and_pass_axe(page: Any, site: str, editor: User, width: int) -> None:
    from django.contrib.auth.models import AnonymousUser

    from gradeline.web.authoring import store

    draft = store.import_pack(FIXTURE, SLUG, AnonymousUser())
    # One finding to show inline: a text that does not follow its strength's wording (GL008).
    doc = store.read(draft, "recommendations/01-frisk-luft.yaml")
    assert doc is not None
    rec = {**load_yaml_text(doc.text), "text": "Man kunne måske gå en tur."}
    store.save(draft, doc.path, rec, doc.version, AnonymousUser(), "test")
    log_in(page, site)
    target = ARTIFACTS / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    report = {}
    for name, path in PAGES.items():
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        page.screenshot(path=str(target / f"authoring-{name}-{width}.png"), full_page=True)
        report[path] = axe_violations(page)
    assert_no_serious_violations(report, f"authoring-{width}")
    page.goto(site + PAGES["recommendation"])
    assert "GL008" in page.locator("[data-field=text] .lint-notes").inner_text()
