"""Documents rendered once and served from disk (``settings.GRADELINE_MEDIA_DIR``, default ``var/media``).

An edition never changes, so its PDF is rendered once per edition, document and language, by whichever
request or thread asks first (others wait for it), written atomically and then read from disk by every
process; nothing is kept in memory.
"""

import hashlib
import os
import re
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

_locks: dict[str, threading.Lock] = {}
_guard = threading.Lock()


def media_dir() -> Path:
    return Path(getattr(settings, "GRADELINE_MEDIA_DIR", "var/media"))


def _name(parts: tuple[str, ...], suffix: str) -> str:
    readable = re.sub(r"[^A-Za-z0-9.-]+", "_", "-".join(parts))[:120]
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]
    return f"{readable}-{digest}{suffix}"


def stored(parts: tuple[str, ...], render: Callable[[], bytes], suffix: str = ".pdf") -> Path:
    """The file for these key parts, rendering and writing it first if it is not on disk yet."""
    path = media_dir() / "documents" / _name(parts, suffix)
    if path.exists():
        return path
    with _guard:
        lock = _locks.setdefault(path.name, threading.Lock())
    with lock:
        if path.exists():
            return path
        data = render()
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    return path
