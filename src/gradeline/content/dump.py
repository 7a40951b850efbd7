"""Write pack data back to YAML the loader reads as the same data (the authoring app's export)."""

from decimal import Decimal
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Safe YAML with block lists indented under their key, as the pack's files are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _plain(value: Any) -> Any:
    """Decimals as YAML numbers (integral ones as integers); everything else unchanged."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and "." not in str(value) else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def dump_yaml(data: Any) -> str:
    """YAML text for pack data: keys in the given order, Unicode as is, long lines left long."""
    return yaml.dump(
        _plain(data),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=False,
    )


def load_yaml_text(text: str) -> Any:
    """Parse YAML text as the loader does (the same safe subset)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
