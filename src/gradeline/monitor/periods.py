"""Calendar periods (``2023`` or ``2023-Q3``) and whether the measured window covers them completely."""

from datetime import date, timedelta

from gradeline.monitor.episodes import Window


def period_bounds(label: str) -> tuple[date, date] | None:
    """First and last day of a period label, or None for a label that is not a period ('unknown')."""
    year, _, quarter = label.partition("-Q")
    if not year.isdigit():
        return None
    y = int(year)
    if not quarter:
        return date(y, 1, 1), date(y, 12, 31)
    q = int(quarter)
    first = date(y, 3 * q - 2, 1)
    after = date(y + 1, 1, 1) if q == 4 else date(y, 3 * q + 1, 1)
    return first, after - timedelta(days=1)


def is_partial(label: str, measured: Window) -> bool:
    """True when some days of the period lie outside the window in which episode starts were measured, so
    the period holds fewer episodes than a full one."""
    bounds = period_bounds(label)
    if bounds is None:
        return False
    return bounds[0] < measured.start or bounds[1] > measured.end
