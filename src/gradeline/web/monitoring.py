"""The monitoring page (guideline section 15): indicator results with charts, from `gradeline monitor run`.

Results come from the folder named by ``GRADELINE_MONITOR_RESULTS`` (``indicators.csv`` or ``.parquet``).
Without it the page shows a demonstration on seeded synthetic data, computed once into ``var/`` and
labelled as synthetic everywhere.
"""

import json
import threading
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gradeline.content.packs import active_pack
from gradeline.monitor.codes import has_monitoring, load_codes
from gradeline.monitor.definitions import load_catalogue
from gradeline.monitor.outputs.charts import funnel
from gradeline.monitor.outputs.plots import by_stratum_svg, funnel_svg, over_time_svg
from gradeline.monitor.webdata import by_stratum, catalogue, load_rows, over_time

DEMO_PATIENTS = 20000
DEMO_FORMAT = 2
"""Bump when the results format changes, so an old demonstration on disk is not reused."""
_lock = threading.Lock()


def _results_file(folder: Path) -> Path | None:
    for name in ("indicators.parquet", "indicators.csv"):
        if (folder / name).exists():
            return folder / name
    return None


@cache
def _demo_rows() -> list[dict[str, Any]]:
    """Seeded synthetic data and its indicators, computed once per machine into var/."""
    from gradeline.monitor.pipeline import run
    from gradeline.monitor.synth import SynthSpec, generate

    base = Path(settings.VAR_DIR) / f"monitor-demo-{DEMO_FORMAT}-{DEMO_PATIENTS}"
    with _lock:
        found = _results_file(base / "results")
        if found is None:
            generate(SynthSpec(patients=DEMO_PATIENTS, seed=1), base / "data")
            run(base / "data", "duckdb", base / "results", "csv")
            found = _results_file(base / "results")
    assert found is not None
    return load_rows(found)


PUBLISHED_MIN_CELL = 5
"""Results computed with a smaller --min-cell are not shown: the page never publishes small cells."""


def results() -> tuple[list[dict[str, Any]], bool]:
    """Result rows and whether they are the synthetic demonstration (no rows for results that were not
    suppressed at the published threshold)."""
    configured = getattr(settings, "GRADELINE_MONITOR_RESULTS", "")
    if configured:
        found = _results_file(Path(configured))
        if found is not None:
            if _min_cell(found.parent) < PUBLISHED_MIN_CELL:
                return [], False
            return _load(str(found), found.stat().st_mtime_ns), False
    return _demo_rows(), True


def _min_cell(folder: Path) -> int:
    """The --min-cell the results were written with (summary.json); 1 when unknown."""
    try:
        return int(json.loads((folder / "summary.json").read_text(encoding="utf-8"))["min_cell_patients"])
    except (OSError, ValueError, KeyError, TypeError):
        return 1


@lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int) -> list[dict[str, Any]]:
    """Result rows of one results file, read again only when the file changes."""
    return load_rows(Path(path))


def _overall(rows: list[dict[str, Any]], indicator: str) -> dict[str, Any] | None:
    return next((r for r in rows if r["indicator"] == indicator and r["stratifier"] == "all"), None)


def in_language(item: dict[str, Any], language: str) -> dict[str, Any]:
    """An indicator definition (or the catalogue) in the reader's language: ``title_en`` replaces
    ``title`` in English, ``title_da`` replaces it in Danish, where the pack gives them."""
    out = dict(item)
    for key, value in item.items():
        base, _, suffix = key.rpartition("_")
        if base and suffix == language and isinstance(value, str) and value.strip():
            out[base] = value
    return out


def _labels(language: str) -> dict[str, str]:
    return load_codes().labels(language)


def _without_definitions(request: HttpRequest) -> HttpResponse:
    message = _("Denne retningslinje har ingen indikatorer til monitorering.")
    context = {"heading": _("Monitorering"), "message": message}
    return render(request, "gradeline/absent.html", context, status=404)


def overview(request: HttpRequest) -> HttpResponse:
    """Every indicator with its overall share and interval, tied to its recommendation."""
    if not has_monitoring(active_pack()):
        return _without_definitions(request)
    rows, synthetic = results()
    lang = getattr(request, "LANGUAGE_CODE", "da")
    items = [
        {**in_language(ind, lang), "overall": _overall(rows, ind["id"])}
        for ind in catalogue(active_pack())["indicators"]
    ]
    notice = in_language(catalogue(active_pack()), lang)["notice"]
    return render(
        request,
        "gradeline/monitoring.html",
        {"items": items, "synthetic": synthetic, "notice": notice, "withheld": not rows},
    )


def indicator(request: HttpRequest, indicator_id: str) -> HttpResponse:
    """One indicator: definition, charts over time and by region/profession, and the data behind them."""
    if not has_monitoring(active_pack()):
        return _without_definitions(request)
    lang = getattr(request, "LANGUAGE_CODE", "da")
    definitions = {ind["id"]: in_language(ind, lang) for ind in catalogue(active_pack())["indicators"]}
    if indicator_id not in definitions:
        raise Http404(indicator_id)
    rows, synthetic = results()
    texts = load_catalogue(active_pack()).get(indicator_id).texts(get_language() or "da")
    ind = {**definitions[indicator_id], **texts}
    return render(
        request,
        "gradeline/monitoring_indicator.html",
        {
            "ind": ind,
            "overall": _overall(rows, indicator_id),
            "charts": _charts(indicator_id, str(ind["title"]), get_language() or "da", id(rows), rows),
            "synthetic": synthetic,
            "notice": in_language(catalogue(active_pack()), lang)["notice"],
        },
    )


def _charts(
    indicator_id: str, title: str, language: str, rows_id: int, rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The indicator's charts and tables; drawn once per results, indicator and language (matplotlib is slow
    on a busy machine)."""
    key = (indicator_id, language, rows_id)
    if key not in _chart_cache:
        _chart_cache[key] = _draw(indicator_id, title, language, rows)
        while len(_chart_cache) > 64:
            _chart_cache.pop(next(iter(_chart_cache)))
    return _chart_cache[key]


_chart_cache: dict[tuple[str, str, int], list[dict[str, Any]]] = {}


def _draw(indicator_id: str, title: str, language: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    labels = _labels(language)
    charts = []
    for heading, data, svg, caption in (
        (_("Over tid"), over_time(rows, indicator_id), over_time_svg, _PERIOD_CAPTION),
        (_("Over tid efter region"), over_time(rows, indicator_id, "region"), over_time_svg, _PERIOD_CAPTION),
        (_("Efter region"), by_stratum(rows, indicator_id, "region"), by_stratum_svg, _SHARE_CAPTION),
        (_("Efter faggruppe"), by_stratum(rows, indicator_id, "profession"), by_stratum_svg, _SHARE_CAPTION),
        (_("Efter aldersgruppe"), by_stratum(rows, indicator_id, "age_band"), by_stratum_svg, _SHARE_CAPTION),
        (_("Klinikker sammenlignet"), funnel(rows, indicator_id, "clinic"), funnel_svg, _FUNNEL_CAPTION),
        (_("Regioner sammenlignet"), funnel(rows, indicator_id, "region"), funnel_svg, _FUNNEL_CAPTION),
    ):
        charts.append(
            {
                "heading": heading,
                "caption": caption(),
                "svg": svg(data, labels, f"{title}: {heading}", language),
                "table": _table(data, labels),
                "hidden": data.get("hidden", 0),
            }
        )
    return charts


def _PERIOD_CAPTION() -> str:
    return _(
        "Andel med 95 % Wilson-interval. Kvartaler, der kun delvis ligger i måleperioden, er udeladt af "
        "figuren og markeret i tabellen."
    )


def _SHARE_CAPTION() -> str:
    return _("Andel med 95 % Wilson-interval.")


def _FUNNEL_CAPTION() -> str:
    return _(
        "Tragtdiagram: hver enheds andel mod dens antal forløb. Linjerne viser den samlede andel og 95 %- og "
        "99,8 %-kontrolgrænser; enheder uden for 99,8 %-grænsen afviger mere, end tilfældighed forklarer."
    )


def _table(data: dict[str, Any], labels: dict[str, str]) -> list[dict[str, Any]]:
    """The numbers behind a chart, as rows for an accessible table."""
    if "strata" in data:
        return [{"label": labels.get(s["stratum"], s["stratum"]), **s} for s in data["strata"]]
    if "points" in data:
        return [
            {
                "label": labels.get(p["stratum"], p["stratum"]),
                **p,
                "ci_low": None,
                "ci_high": None,
                "note": _("uden for 99,8 %-grænsen") if p["outside_998"] else "",
            }
            for p in data["points"]
        ]
    table = []
    for series in data["series"]:
        name = _("Alle") if series["name"] == "all" else labels.get(series["name"], series["name"])
        for i, period in enumerate(data["periods"]):
            table.append(
                {
                    "label": f"{period} · {name}",
                    "numerator": series["numerator"][i],
                    "denominator": series["denominator"][i],
                    "share": series["share"][i],
                    "ci_low": series["ci_low"][i],
                    "ci_high": series["ci_high"][i],
                    "suppressed": series["suppressed"][i],
                    "note": _("delvis periode, ikke i figuren") if data["partial"][i] else "",
                }
            )
    return table
