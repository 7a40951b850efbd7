"""Confidence intervals for proportions: Wilson score interval (Wilson 1927), 95 % by default.

Wilson rather than Wald because it stays inside [0, 1] and keeps near-nominal coverage for small strata and
shares near 0 or 1 (Brown, Cai & DasGupta 2001, Statistical Science 16:101-133). Computed in Python from the
integer counts the engines return, so the interval is identical whatever the engine.
"""

import math

Z95 = 1.959963984540054
CI_METHOD = "Wilson score interval, 95 %"


def wilson(numerator: int, denominator: int, z: float = Z95) -> tuple[float, float] | None:
    """(low, high) of the Wilson score interval, or None when the denominator is 0."""
    if denominator <= 0:
        return None
    if not 0 <= numerator <= denominator:
        raise ValueError("numerator must be between 0 and the denominator")
    p = numerator / denominator
    z2 = z * z
    centre = (p + z2 / (2 * denominator)) / (1 + z2 / denominator)
    half = (
        z
        * math.sqrt(p * (1 - p) / denominator + z2 / (4 * denominator * denominator))
        / (1 + z2 / denominator)
    )
    return max(0.0, centre - half), min(1.0, centre + half)
