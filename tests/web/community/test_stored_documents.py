"""Edition PDFs are rendered once per edition, document and language and served from disk, however many
editions are read (issue 14, finding 3)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from gradeline.web.editions import publishing


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count renders (a stand-in PDF instead of WeasyPrint's ~2.5 s of CPU per document)."""
    calls: list[str] = []

    def fake(kind: str):  # type: ignore[no-untyped-def]
        def render(guideline, stamp=None, *_args, **_kwargs) -> bytes:  # type: ignore[no-untyped-def]
            calls.append(f"{kind} {stamp.edition if stamp else ''}")
            return b"%PDF-1.7 " + kind.encode() + b" " + str(len(calls)).encode()

        return render

    monkeypatch.setattr(publishing, "render_guideline_pdf", fake("guideline"))
    monkeypatch.setattr(publishing, "render_quickguide_pdf", fake("quickguide"))
    return calls


def _read(client: Client, path: str) -> bytes:
    response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return response.getvalue()


def test_each_edition_pdf_is_rendered_once_per_language_and_kept_on_disk(
    editor: User, renders: list[str]
) -> None:
    editions = [publishing.publish(editor, "minor", f"Udgave {n}") for n in range(18)]
    reader = Client()
    for edition in editions:
        _read(reader, f"/nkr-laenderygsmerter/udgaver/{edition.number}/retningslinje.pdf")
    first = _read(reader, f"/nkr-laenderygsmerter/udgaver/{editions[0].number}/retningslinje.pdf")
    assert len(renders) == 18  # the first edition was not rendered again after 17 others
    assert _read(Client(), f"/nkr-laenderygsmerter/udgaver/{editions[0].number}/retningslinje.pdf") == first
    english = Client()
    english.cookies["gradeline_language"] = "en"
    _read(english, f"/nkr-laenderygsmerter/udgaver/{editions[0].number}/retningslinje.pdf")
    _read(english, f"/nkr-laenderygsmerter/udgaver/{editions[0].number}/retningslinje.pdf")
    _read(reader, "/nkr-laenderygsmerter/udgaver/aktuel/hurtigguide.pdf")
    assert len(renders) == 20
    stored = sorted((Path(settings.GRADELINE_MEDIA_DIR) / "documents").glob("*.pdf"))
    assert len(stored) == 20 and first in {path.read_bytes() for path in stored}


def test_before_any_edition_the_pack_pdf_is_stored_too(db: None, renders: list[str]) -> None:
    a = _read(Client(), "/nkr-laenderygsmerter/udgaver/aktuel/retningslinje.pdf")
    b = _read(Client(), "/nkr-laenderygsmerter/udgaver/aktuel/retningslinje.pdf")
    assert a == b and len(renders) == 1 and "upubliceret" in renders[0]
