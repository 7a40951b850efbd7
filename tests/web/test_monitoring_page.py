"""The monitoring page: indicators with their recommendation, charts with the numbers behind them."""

from pathlib import Path

import pytest
from django.test import Client

from gradeline.monitor.pipeline import run
from gradeline.monitor.synth import SynthSpec, generate


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("monitor")
    generate(SynthSpec(patients=600, seed=7), base / "data")
    run(base / "data", "duckdb", base / "results", "csv")
    return base / "results"


def test_overview_lists_every_indicator_with_its_recommendation(
    client: Client, settings, results: Path
) -> None:  # type: ignore[no-untyped-def]
    settings.GRADELINE_MONITOR_RESULTS = str(results)
    html = client.get("/nkr-laenderygsmerter/monitorering/").content.decode()
    assert "IKKE GÆLDENDE" in html.upper()
    assert "Syntetiske data." not in html  # configured results are not labelled as the demonstration
    assert html.count('href="/nkr-laenderygsmerter/monitorering/') >= 10
    assert 'href="/nkr-laenderygsmerter/anbefalinger/billeddiagnostik/"' in html
    assert "%" in html


def test_indicator_page_has_charts_and_their_data(client: Client, settings, results: Path) -> None:  # type: ignore[no-untyped-def]
    settings.GRADELINE_MONITOR_RESULTS = str(results)
    html = client.get("/nkr-laenderygsmerter/monitorering/nsaid-udlevering/").content.decode()
    assert html.count("<svg") >= 7  # over time ×2, region, profession, age, funnel for clinics and regions
    assert "Region Nordjylland" in html and "Fysioterapeut" in html
    assert "Tallene bag figuren" in html
    assert "99,8 %" in html and "Tragtdiagram" in html


def test_small_cells_are_hidden_on_the_page(client: Client, settings, results: Path) -> None:  # type: ignore[no-untyped-def]
    settings.GRADELINE_MONITOR_RESULTS = str(results)
    html = client.get("/nkr-laenderygsmerter/monitorering/billeddiagnostik-uden-roede-flag/").content.decode()
    assert "skjult (færre end 5 patienter)" in html  # 600 patients: some clinics and age bands are small
    assert "gradeline monitor run" not in html and "GRADELINE_MONITOR_RESULTS" not in html


def test_partial_quarters_are_marked_and_left_out(client: Client, settings, results: Path) -> None:  # type: ignore[no-untyped-def]
    settings.GRADELINE_MONITOR_RESULTS = str(results)
    html = client.get("/nkr-laenderygsmerter/monitorering/opioid-udlevering/").content.decode()
    assert "delvis periode, ikke i figuren" in html


def test_results_without_small_cell_suppression_are_withheld(
    client: Client, settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    generate(SynthSpec(patients=300, seed=7), tmp_path / "data")
    from gradeline.monitor.config import MonitorConfig

    run(tmp_path / "data", "duckdb", tmp_path / "results", "csv", cfg=MonitorConfig(min_cell_patients=1))
    settings.GRADELINE_MONITOR_RESULTS = str(tmp_path / "results")
    html = client.get("/nkr-laenderygsmerter/monitorering/").content.decode()
    assert "Resultaterne vises ikke" in html
    assert html.count("ikke beregnet") == 10  # no numbers in the table
    assert client.get("/nkr-laenderygsmerter/monitorering/nsaid-udlevering/").status_code == 200


def test_unknown_indicator_is_404(client: Client, settings, results: Path) -> None:  # type: ignore[no-untyped-def]
    settings.GRADELINE_MONITOR_RESULTS = str(results)
    assert client.get("/nkr-laenderygsmerter/monitorering/no-such-indicator/").status_code == 404


DANISH_CHART_WORDS = ("Andel", "Alle", "grænse", "Nævner", "Samlet", "Fysioterapeut", "Kiropraktor", "forløb")


def _svg_text(html: str) -> str:
    """The text drawn in the page's charts (SVG text elements keep their words)."""
    import re

    return " ".join(re.findall(r"<svg.*?</svg>", html, flags=re.S))


def test_english_page_draws_english_charts(client: Client, settings, results: Path) -> None:  # type: ignore[no-untyped-def]
    settings.GRADELINE_MONITOR_RESULTS = str(results)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/nkr-laenderygsmerter/monitorering/nsaid-udlevering/").content.decode()
    charts = _svg_text(html)
    assert charts.count("<svg") >= 7
    for english in ("Share (%)", "Denominator (episodes)", "95% limit", "99.8% limit", "Overall share"):
        assert english in charts, english
    assert "Physiotherapist" in charts and "North Denmark Region" in charts
    assert [w for w in DANISH_CHART_WORDS if w in charts] == []
    # the tables behind the charts, the captions and the suppression notes too
    assert "Physiotherapist" in html and "Fysioterapeut" not in html
    assert "Tragtdiagram" not in html and "skjult (færre end 5 patienter)" not in html
    assert "Share (95 % CI)" in html


def test_danish_page_keeps_danish_charts(client: Client, settings, results: Path) -> None:  # type: ignore[no-untyped-def]
    settings.GRADELINE_MONITOR_RESULTS = str(results)
    charts = _svg_text(client.get("/nkr-laenderygsmerter/monitorering/nsaid-udlevering/").content.decode())
    assert "Andel (%)" in charts and "99,8 %-grænse" in charts and "Share (%)" not in charts
