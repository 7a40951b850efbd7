"""Errors raised while reading a content pack, phrased for an editor."""

from pathlib import Path

from pydantic import ValidationError


class PackError(Exception):
    """A content pack cannot be read: the message names the file and the field."""


def describe_validation_error(path: Path, error: ValidationError, limit: int = 10) -> str:
    """One line per problem: 'file: field.path: message'."""
    lines = []
    for item in error.errors()[:limit]:
        field = ".".join(str(part) for part in item["loc"]) or "(top level)"
        lines.append(f"{path}: {field}: {item['msg']}")
    more = len(error.errors()) - limit
    if more > 0:
        lines.append(f"{path}: … and {more} more problem(s)")
    return "\n".join(lines)
