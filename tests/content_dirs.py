"""A content directory with several guidelines, for the tests of many guidelines in one site (issue 18).

The first pack and the fictional English example pack (both linked), a copy of the first without decision
rules and translations whose language is English, and a copy without monitoring definitions.
"""

import shutil
from pathlib import Path

import yaml

from gradeline.content.pack import DEFAULT_PACK
from gradeline.content.packs import DEFAULT_SLUG

FICTIONAL = "example-fictional"
FICTIONAL_PACK = Path(__file__).resolve().parent / "fixtures" / "packs" / FICTIONAL
SECOND = "anden-retningslinje"
THIRD = "uden-monitorering"
TITLE = "A second guideline for routing tests"


def _copy(target: Path, without: tuple[str, ...], **meta_changes: str) -> None:
    shutil.copytree(DEFAULT_PACK, target, ignore=shutil.ignore_patterns(*without))
    meta = yaml.safe_load((target / "guideline.yaml").read_text(encoding="utf-8"))
    meta.update(id=target.name, **meta_changes)
    (target / "guideline.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")


def build_content_dir(root: Path) -> Path:
    """Fill ``root`` (created if missing) with the four guidelines and return it."""
    root.mkdir(parents=True, exist_ok=True)
    (root / DEFAULT_SLUG).symlink_to(DEFAULT_PACK)
    (root / FICTIONAL).symlink_to(FICTIONAL_PACK)
    _copy(root / SECOND, ("decide", "translations"), short_code="AR", language="en", title=TITLE)
    _copy(root / THIRD, ("monitor",), short_code="UM")
    return root
