"""``gradeline new``: a new, valid and empty content pack (no recommendations yet) to fill in.

The strength levels come from the built-in templates here (Danish: the five levels of the Danish national
clinical guidelines; English: the same levels in GRADE's English words); every other text is the author's to
write.
"""

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from gradeline.content.errors import PackError
from gradeline.content.packs import SLUG

TEMPLATES = Path(__file__).parent
LANGUAGES = ("da", "en")
_TEXTS: dict[str, dict[str, str]] = {
    "da": {
        "status_label": "Udkast",
        "status_note": "Retningslinjen er et udkast og må ikke bruges i behandlingen af patienter.",
        "status_source": "Oprettet med gradeline new.",
        "population": "Beskriv her, hvilke patienter retningslinjen omfatter.",
        "criterion": "Skriv her retningslinjens første kriterium for, hvem den omfatter.",
        "rule": "Our computable reading of the criterion (English).",
    },
    "en": {
        "status_label": "Draft",
        "status_note": "This guideline is a draft and must not be used to treat patients.",
        "status_source": "Created with gradeline new.",
        "population": "Describe here which patients the guideline is for.",
        "criterion": "Write here the guideline's first criterion for whom it covers.",
        "rule": "Our computable reading of the criterion (English).",
    },
}


def _strength_levels(language: str) -> list[Any]:
    data = yaml.safe_load((TEMPLATES / f"strength-levels-{language}.yaml").read_text(encoding="utf-8"))
    return list(data["strength_levels"])


def guideline_data(slug: str, title: str, language: str, publisher: str, year: int) -> dict[str, Any]:
    """guideline.yaml of a new pack: draft status, a one-criterion scope to rewrite, the strength levels."""
    texts = _TEXTS[language]
    short_code = "-".join(part[:3].upper() for part in slug.split("-")[:3])
    return {
        "id": slug,
        "short_code": short_code,
        "title": title,
        "publisher": publisher,
        "language": language,
        "version": "0.1",
        "published_year": year,
        "review_interval_years": 3,
        "status": {
            "value": "draft",
            "label": texts["status_label"],
            "note": texts["status_note"],
            "source": texts["status_source"],
        },
        "scope": {
            "population": texts["population"],
            "criteria": [{"id": "population", "rule": texts["rule"], "text": texts["criterion"]}],
        },
        "mcids": [],
        "strength_levels": _strength_levels(language),
    }


def new_pack(folder: Path, title: str, language: str = "en", publisher: str | None = None) -> Path:
    """Create a new pack in ``folder`` (its name is the slug); PackError if it cannot be made."""
    slug = folder.name
    if not SLUG.match(slug) or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
        raise PackError(
            f"{slug!r} is not a pack name: use lower-case letters, digits and single hyphens (my-guide)."
        )
    if language not in LANGUAGES:
        raise PackError(f"{language!r} is not a language with built-in strength levels; use one of: da, en.")
    if folder.exists() and any(folder.iterdir()):
        raise PackError(f"{folder} already exists and is not empty; choose a new folder.")
    data = guideline_data(slug, title, language, publisher or "—", date.today().year)
    try:
        (folder / "recommendations").mkdir(parents=True, exist_ok=True)
        header = f"# {title}: metadata, status, scope, MCIDs and strength levels (docs/content-format.md).\n"
        body = yaml.dump(data, allow_unicode=True, sort_keys=False, width=110)
        (folder / "guideline.yaml").write_text(header + body, encoding="utf-8")
        (folder / "glossary.yaml").write_text(
            "# Terms and their definitions: a list of {term, definition}.\n[]\n"
        )
        (folder / "recommendations" / "README.md").write_text(
            "One recommendation per file, `NN-slug.yaml` (docs/content-format.md).\n", encoding="utf-8"
        )
    except OSError as exc:
        raise PackError(f"cannot create {folder}: {exc.strerror}") from exc
    return folder
