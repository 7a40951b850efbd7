"""A description of the machine a benchmark ran on, stored with its results."""

import os
import platform
import sys
from typing import Any


def describe() -> dict[str, Any]:
    """CPU, memory, Python and OS, read from the running system."""
    memory_kib = 0
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            memory_kib = int(handle.readline().split()[1])
    except OSError:
        pass
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            model = next(
                (line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), ""
            )
    except OSError:
        pass
    return {
        "cpu": model or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gib": round(memory_kib / 2**20, 1),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
    }
