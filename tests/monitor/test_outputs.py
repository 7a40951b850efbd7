"""Tables, FHIR Measure/MeasureReport (R4B) and chart data; every output says the guideline is not in
force."""

import json
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle

from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.outputs.measure import measure_bundle, write_measure_bundle
from gradeline.monitor.outputs.tables import read_table, write_tables
from gradeline.monitor.results import MonitorResult
from gradeline.monitor.webdata import by_stratum, catalogue, over_time
from tests.monitor.helpers import planted_result


@pytest.fixture(scope="module")
def result(
    planted_dir: Path, planted_cfg: MonitorConfig, tmp_path_factory: pytest.TempPathFactory
) -> MonitorResult:
    return planted_result(planted_dir, tmp_path_factory.mktemp("out"), planted_cfg)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_round_trip(result: MonitorResult, tmp_path: Path, fmt: str) -> None:
    paths = write_tables(result, tmp_path, fmt)  # type: ignore[arg-type]
    rows = read_table(paths[0])
    assert len(rows) == len(result.rows)
    assert all(r["guideline_status"] == "ikke gældende (not in force)" for r in rows)
    summary = json.loads(paths[1].read_text(encoding="utf-8"))
    assert "IKKE GÆLDENDE" in summary["notice"]


def test_measure_bundle_validates_as_r4b(result: MonitorResult, tmp_path: Path) -> None:
    path = write_measure_bundle(result, tmp_path / "measure.json")
    bundle = Bundle.model_validate_json(path.read_text(encoding="utf-8"))
    kinds = [e.resource.__resource_type__ for e in bundle.entry]
    assert kinds.count("Measure") == kinds.count("MeasureReport") == 12  # 10 proportions, 2 day counts
    measure = bundle.entry[0].resource
    assert "IKKE GÆLDENDE" in measure.disclaimer
    report = bundle.entry[1].resource
    assert "IKKE GÆLDENDE" in report.text.div
    group = report.group[0]
    counts = {p.code.coding[0].code: p.count for p in group.population}
    assert counts == {"initial-population": 5, "denominator": 5, "denominator-exclusion": 1, "numerator": 2}
    assert float(group.measureScore.value) == 0.5
    profession = next(s for s in group.stratifier if s.code[0].text == "profession")
    assert {s.value.text for s in profession.stratum} == {"GP", "CHIRO"}


def test_summary_only_report(result: MonitorResult) -> None:
    bundle = measure_bundle(result, stratified=False)
    assert bundle.entry[1].resource.group[0].stratifier is None


def test_chart_data(result: MonitorResult) -> None:
    series = over_time(result.rows, "langvarigt-forloeb", by="region")
    assert series["periods"] == ["2023-Q3", "2024-Q1", "2024-Q2"]
    assert {s["name"] for s in series["series"]} == {"1081", "1082", "1084"}
    overall = over_time(result.rows, "langvarigt-forloeb")
    assert overall["series"][0]["numerator"] == [1, 0, 0]
    assert "IKKE GÆLDENDE" in overall["notice"]
    prof = by_stratum(result.rows, "sygemelding", "profession")
    assert [s["stratum"] for s in prof["strata"]] == ["CHIRO", "GP"]
    assert {i["recommendation"] for i in catalogue()["indicators"]} >= {
        "billeddiagnostik",
        "opioider",
        "nsaid",
    }


def test_measure_report_is_valid_fhir_for_the_measured_window(result: MonitorResult, tmp_path: Path) -> None:
    import uuid

    bundle = Bundle.model_validate_json(
        write_measure_bundle(result, tmp_path / "m.json", reporter="Region X").read_text(encoding="utf-8")
    )
    reports = [e for e in bundle.entry if e.resource.__resource_type__ == "MeasureReport"]
    for entry in reports:
        assert entry.fullUrl.startswith("urn:uuid:")
        uuid.UUID(entry.fullUrl.removeprefix("urn:uuid:"))  # raises unless a real UUID
        report = entry.resource
        # episode starts measured: 180 days after the data begin to 84 days before they end
        assert (str(report.period.start), str(report.period.end)) == ("2023-06-30", "2024-10-08")
        assert report.reporter.display == "Region X" and report.date is not None
    imaging = next(
        e.resource for e in reports if e.resource.measure.endswith("/billeddiagnostik-uden-roede-flag")
    )
    combined = next(s for s in imaging.group[0].stratifier if len(s.code) == 2)
    assert [c.text for c in combined.code] == ["period", "region"]
    values = [(s.component[0].value.text, s.component[1].value.text) for s in combined.stratum]
    assert ("2024-Q1", "1084") in values
    assert all(s.value is None for s in combined.stratum)  # components, not "2024-Q1|1084" as text


def test_day_counts_are_continuous_variable_measures(result: MonitorResult) -> None:
    bundle = measure_bundle(result)
    by_url = {
        str(e.resource.url): e.resource for e in bundle.entry if e.resource.__resource_type__ == "Measure"
    }
    days = by_url["https://gradeline.example/fhir/Measure/opioid-laengere-forloeb-dage"]
    assert days.scoring.coding[0].code == "continuous-variable"
    reports = {
        e.resource.measure: e.resource
        for e in bundle.entry
        if e.resource.__resource_type__ == "MeasureReport"
    }
    opioid = reports["https://gradeline.example/fhir/Measure/opioid-laengere-forloeb-dage"].group[0]
    assert (float(opioid.measureScore.value), opioid.measureScore.code) == (19.0, "d")  # (5 + 33) / 2
    work = reports["https://gradeline.example/fhir/Measure/tilbage-i-arbejde-dage"].group[0]
    assert float(work.measureScore.value) == 70.0
    counts = {p.code.coding[0].code: p.count for p in opioid.population}
    assert counts == {"initial-population": 5, "measure-population": 2}


def test_partial_quarters_and_axes_scaled_to_the_data() -> None:
    from datetime import date

    from gradeline.monitor.episodes import Window
    from gradeline.monitor.outputs.plots import axis_top
    from gradeline.monitor.periods import is_partial

    measured = Window(date(2023, 6, 30), date(2024, 10, 8))
    assert is_partial("2023-Q2", measured)  # one eligible day (30 June)
    assert not is_partial("2023-Q3", measured)
    assert is_partial("2024-Q4", measured)
    assert is_partial("2024", measured) and not is_partial("unknown", measured)
    top = axis_top([9.6, 12.1, 11.0])  # a ~10 % indicator with its interval
    assert 12.1 < top <= 20
    assert axis_top([97.0]) == 100
