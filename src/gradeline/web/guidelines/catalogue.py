"""What the site knows about each guideline it serves: title, status, language and links (index and API)."""

from dataclasses import dataclass
from pathlib import Path

from django.urls import get_script_prefix
from django.utils.translation import gettext as _

from gradeline.content.errors import PackError
from gradeline.content.pack import cached_pack
from gradeline.content.packs import active_pack, available_packs, default_slug
from gradeline.model import Guideline, GuidelineStatus


@dataclass(frozen=True)
class Entry:
    """One guideline in the index; ``guideline`` is None when its pack cannot be read."""

    slug: str
    pack: Path
    guideline: Guideline | None
    problem: str = ""

    @property
    def url(self) -> str:
        return f"{get_script_prefix()}{self.slug}/"

    @property
    def fictional(self) -> bool:
        """A made-up example guideline (status ``example``): never clinical advice."""
        g = self.guideline
        return g is not None and g.status.value == GuidelineStatus.EXAMPLE

    @property
    def has_decide(self) -> bool:
        return has_decision_rules(self.pack)


def has_decision_rules(pack: Path) -> bool:
    """Whether a pack has decision rules (a ``decide/`` folder)."""
    return (pack / "decide").is_dir()


def slug_of(pack: Path) -> str:
    """A pack's slug: its folder name in the content directory (the folder's own name outside it)."""
    return next((slug for slug, path in available_packs().items() if path == pack), pack.name)


def active_slug() -> str:
    """The slug of the active pack."""
    return slug_of(active_pack())


def entries() -> list[Entry]:
    """Every pack in the content directory, the default guideline first."""
    first = default_slug()
    found = []
    for slug, pack in available_packs().items():
        try:
            found.append(Entry(slug, pack, cached_pack(pack)))
        except PackError as exc:
            found.append(Entry(slug, pack, None, str(exc)))
    return sorted(found, key=lambda e: (e.slug != first, e.slug))


def status_word(entry: Entry) -> str:
    """The status badge in the reader's language."""
    if entry.fictional:
        return _("Fiktivt eksempel")
    value = entry.guideline.status.value if entry.guideline else None
    words = {
        GuidelineStatus.NOT_IN_FORCE: _("Ikke gældende"),
        GuidelineStatus.IN_FORCE: _("Gældende"),
    }
    return words.get(value, _("Udkast")) if value else _("Kan ikke læses")
