"""Which content packs exist, and which one is active.

A *content directory* holds one folder per guideline (each with a ``guideline.yaml``); the folder name is the
guideline's slug, used in URLs and on the command line. The directory is ``GRADELINE_CONTENT_DIR`` or the
repository's ``content/``; its ``default-pack.txt`` may name the default pack (the code names no guideline).

One pack is *active* at a time in a thread or task, like Django's active language: the web middleware
activates the pack named by the URL prefix, the CLI the one named by ``--pack``. Loaders called without an
explicit pack read the active one; with nothing activated that is the default pack.
"""

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

REPOSITORY_CONTENT = Path(__file__).resolve().parents[3] / "content"
DEFAULT_FILE = "default-pack.txt"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def declared_default(directory: Path) -> str | None:
    """The slug a content directory's ``default-pack.txt`` names, if it has one."""
    path = directory / DEFAULT_FILE
    slug = path.read_text(encoding="utf-8").strip() if path.is_file() else ""
    return slug or None


def _first_pack(directory: Path) -> str:
    folders = (
        [c.name for c in directory.iterdir() if (c / "guideline.yaml").is_file()]
        if directory.is_dir()
        else []
    )
    return min(folders, default="")


# The repository's default pack: named by content/default-pack.txt, else its first pack.
DEFAULT_SLUG = declared_default(REPOSITORY_CONTENT) or _first_pack(REPOSITORY_CONTENT)

_active: ContextVar[Path | None] = ContextVar("gradeline_active_pack", default=None)


class UnknownPack(LookupError):
    """A slug or folder that names no content pack; the message says which ones exist."""


def content_dir() -> Path:
    """The configured content directory (``GRADELINE_CONTENT_DIR``), else the repository's ``content/``."""
    configured = os.environ.get("GRADELINE_CONTENT_DIR")
    return Path(configured).resolve() if configured else REPOSITORY_CONTENT


def available_packs(directory: Path | None = None) -> dict[str, Path]:
    """Every pack in the content directory by slug (folder name), sorted by slug."""
    root = directory or content_dir()
    try:
        changed = root.stat().st_mtime_ns  # adding or removing a folder changes it: the listing is re-read
    except OSError:
        return {}
    return dict(_listing(root, changed))


@lru_cache(maxsize=16)
def _listing(root: Path, _changed: int) -> tuple[tuple[str, Path], ...]:
    if not root.is_dir():
        return ()
    found = {
        child.name: child.resolve()
        for child in root.iterdir()
        if child.is_dir() and SLUG.match(child.name) and (child / "guideline.yaml").is_file()
    }
    return tuple(sorted(found.items()))


def default_slug(directory: Path | None = None) -> str:
    """The pack that unprefixed URLs and commands without ``--pack`` use.

    ``GRADELINE_DEFAULT_PACK`` when set; else the one the directory's ``default-pack.txt`` names, or the
    repository's default, when present; else the first pack.
    """
    packs = available_packs(directory)
    wanted = os.environ.get("GRADELINE_DEFAULT_PACK")
    if wanted:
        if wanted not in packs:
            raise UnknownPack(_unknown(wanted, packs))
        return wanted
    for candidate in (declared_default(directory or content_dir()), DEFAULT_SLUG):
        if candidate in packs:
            return str(candidate)
    return next(iter(packs)) if packs else DEFAULT_SLUG


def resolve_pack(name: str | Path, directory: Path | None = None) -> Path:
    """A pack folder from a slug in the content directory or a path to a folder with ``guideline.yaml``."""
    packs = available_packs(directory)
    if isinstance(name, str) and name in packs:
        return packs[name]
    path = Path(name)
    if (path / "guideline.yaml").is_file():
        return path.resolve()
    raise UnknownPack(_unknown(str(name), packs))


def _unknown(name: str, packs: dict[str, Path]) -> str:
    known = ", ".join(packs) or "none"
    return f"'{name}' is not a content pack (a folder with guideline.yaml); the packs here are: {known}."


def default_pack() -> Path:
    """The default pack's folder."""
    return available_packs().get(default_slug(), REPOSITORY_CONTENT / DEFAULT_SLUG)


def active_pack() -> Path:
    """The pack activated in this thread or task, else the default pack."""
    return _active.get() or default_pack()


def pack_or_active(pack: Path | str | None) -> Path:
    """``pack`` as a Path, or the active pack when it is None (the loaders' default)."""
    return Path(pack) if pack is not None else active_pack()


@contextmanager
def activated(pack: Path) -> Iterator[Path]:
    """Make ``pack`` the active pack inside the block (restored after, also on error)."""
    token = _active.set(Path(pack).resolve())
    try:
        yield Path(pack)
    finally:
        _active.reset(token)


def activate(pack: Path) -> None:
    """Make ``pack`` the active pack until :func:`deactivate` (for code that cannot use a ``with`` block)."""
    _active.set(Path(pack).resolve())


def deactivate() -> None:
    """Return to the default pack."""
    _active.set(None)
