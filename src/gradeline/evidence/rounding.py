"""Interval arithmetic over printed (rounded) numbers, to tell real inconsistencies from rounding."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal


def half_unit(value: Decimal) -> Decimal:
    """Half a unit in the last printed place: 0.56 -> 0.005, 479 -> 0.5."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(exponent - 1)


@dataclass(frozen=True)
class Interval:
    """A closed interval of real numbers."""

    lo: float
    hi: float

    @classmethod
    def printed(cls, value: Decimal) -> Interval:
        """Every true value that prints as ``value``."""
        half = half_unit(value)
        return cls(float(value - half), float(value + half))

    @classmethod
    def exact(cls, value: float) -> Interval:
        """A single point."""
        return cls(value, value)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __mul__(self, other: Interval) -> Interval:
        products = (self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi)
        return Interval(min(products), max(products))

    def scale(self, factor: float) -> Interval:
        """Multiply by a constant."""
        a, b = self.lo * factor, self.hi * factor
        return Interval(min(a, b), max(a, b))

    def log(self) -> Interval:
        """Natural logarithm (for positive intervals)."""
        return Interval(math.log(self.lo), math.log(self.hi))

    def widen(self, amount: float) -> Interval:
        """Widen on both sides."""
        return Interval(self.lo - amount, self.hi + amount)

    def overlaps(self, other: Interval, tolerance: float = 1e-9) -> bool:
        """True if the two intervals share a point (with a float tolerance)."""
        return self.lo <= other.hi + tolerance and other.lo <= self.hi + tolerance

    def contains(self, value: float, tolerance: float = 1e-9) -> bool:
        """True if the value lies inside."""
        return self.lo - tolerance <= value <= self.hi + tolerance
