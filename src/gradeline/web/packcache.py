"""Caches keyed by the active content pack: a value computed for one guideline is never served for another."""

from collections.abc import Callable
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from gradeline.content.packs import activated, active_pack

P = ParamSpec("P")
R = TypeVar("R")


def per_pack(maxsize: int | None = 8) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Like ``functools.lru_cache``, with the active pack as part of the key (computed with it active)."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @lru_cache(maxsize=maxsize)
        def for_pack(pack: Path, *args: Any, **kwargs: Any) -> R:
            with activated(pack):
                return function(*args, **kwargs)

        @wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            return for_pack(active_pack(), *args, **kwargs)  # type: ignore[arg-type]

        wrapper.cache_clear = for_pack.cache_clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
