"""Saving every recommendation and evidence row of the first guideline through its form, unchanged, keeps the
pack's data: nothing the forms do not show is lost, and nothing they show is rewritten."""

from collections.abc import Callable
from pathlib import Path

from django.test import Client
from django.urls import reverse

from gradeline.content.dump import load_yaml_text
from gradeline.content.pack import DEFAULT_PACK, load_pack
from gradeline.web.authoring import store
from gradeline.web.authoring.models import Draft


def as_posted(client: Client, url: str) -> dict[str, str]:
    """The form's fields as the browser would post them back untouched."""
    form = client.get(url).context["form"]
    posted = {}
    for bound in form:
        value = bound.value()
        posted[bound.name] = "" if value is None else str(value)
    return posted


def test_every_form_saved_unchanged_keeps_the_first_guideline(
    make_editor: Callable[[str], Client], tmp_path: Path
) -> None:
    client = make_editor("erik")
    client.post(reverse("authoring_drafts"), {"action": "import", "pack": DEFAULT_PACK.name, "slug": "nkr"})
    draft = Draft.objects.get(slug="nkr")
    before = {d.path: load_yaml_text(d.text) for d in draft.documents.filter(path__endswith=".yaml")}
    urls = [reverse("authoring_draft", args=["nkr"]), reverse("authoring_scope", args=["nkr"])]
    for path, data in before.items():
        if not path.startswith("recommendations/"):
            continue
        urls.append(reverse("authoring_rec", args=["nkr", data["id"]]))
        for row in data.get("outcomes") or []:
            urls.append(reverse("authoring_outcome", args=["nkr", data["id"], row["id"]]))
    for url in urls:
        response = client.post(url, as_posted(client, url))
        assert response.status_code == 302, (url, response.context["form"].errors if response.context else "")
    after = {d.path: load_yaml_text(d.text) for d in draft.documents.filter(path__endswith=".yaml")}
    changed = [path for path in before if before[path] != after[path]]
    assert changed == []
    assert load_pack(store.export_draft(draft, tmp_path / "nkr")) == load_pack(DEFAULT_PACK)
