"""Reading a pack's text files safely: UTF-8 only, bounded file size and bounded text fields.

A pack is edited by people; a stray Latin-1 byte or a pasted megabyte becomes one sentence naming the file
(and the line or field), never a traceback or a silently huge page.
"""

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from gradeline.content.errors import PackError

MAX_FILE_BYTES = 2_000_000  # the largest file of the bundled pack is about 25 kB
MAX_TEXT_CHARS = 100_000  # one text field; the longest chapter body is about 10,000 characters


def read_text(path: Path) -> str:
    """A pack file's text; PackError when it is missing, too large or not UTF-8."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PackError(
                f"{path}: the file is {size:,} bytes; a pack file may hold at most {MAX_FILE_BYTES:,} bytes"
            )
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise PackError(f"{path}: file not found") from exc
    except OSError as exc:
        raise PackError(f"{path}: cannot be read ({exc.strerror})") from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PackError(
            f"{path}: line {line}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "save the file as UTF-8"
        ) from exc


def _texts(data: Any, where: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(data, str):
        yield where or "(top level)", data
    elif isinstance(data, Mapping):
        for key, value in data.items():
            yield from _texts(value, f"{where}.{key}" if where else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, f"{where}.{index}" if where else str(index))


def check_text_sizes(data: Any, path: Path) -> None:
    """PackError naming the first text field longer than MAX_TEXT_CHARS."""
    for where, text in _texts(data):
        if len(text) > MAX_TEXT_CHARS:
            raise PackError(
                f"{path}: {where}: the text has {len(text):,} characters; "
                f"a field may hold at most {MAX_TEXT_CHARS:,}"
            )
