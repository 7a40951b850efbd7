"""Every rendered reading agrees with what the guideline states (tests/evidence/expectations.yaml, written
from the seed) or shows the erratum that explains the conflict: layer 2, decision aid, plot text, PDF and API,
in Danish and English."""

import html as html_lib
import io
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.test import Client
from pypdf import PdfReader

from gradeline.evidence.data import Lang, cached_evidence_data
from gradeline.evidence.plot import text_alternative
from gradeline.evidence.reading import recommendation_readings
from gradeline.model import Guideline
from gradeline.publish.decision_aid import render_decision_aid

pytestmark = pytest.mark.django_db  # pages read the editions and discussion tables
EXPECTATIONS = Path(__file__).resolve().parents[1] / "evidence" / "expectations.yaml"
LANGS: tuple[Lang, ...] = ("da", "en")
# The words that carry the guideline's conclusion in each language ({i} intervention, {c} comparator).
SAYS: dict[str, dict[str, str]] = {
    "no_effect": {"da": "fandt ingen effekt på", "en": "found no effect on"},
    "no_relevant_difference": {
        "da": "ingen klinisk relevant forskel i",
        "en": "no clinically relevant difference in",
    },
    "favours_intervention_not_relevant": {
        "da": "til fordel for {i}, men ikke en klinisk relevant forskel",
        "en": "in favour of {i}, but not a clinically relevant one",
    },
    "favours_comparator_not_relevant": {
        "da": "til fordel for {c}, men ikke en klinisk relevant forskel",
        "en": "in favour of {c}, but not a clinically relevant one",
    },
    "relevant_benefit": {"da": "klinisk relevant effekt på", "en": "clinically relevant effect on"},
}
# A directional or size claim a computed statement could make.
CLAIM = {
    "da": re.compile(r"\b(mindsker|øger|lidt)\b"),
    "en": re.compile(r"\b(reduces?|increases?|slightly)\b"),
}
HARM_CLAIM = {"da": re.compile(r"\bøger\b"), "en": re.compile(r"\bincreases?\b")}
COMPUTED_RELEVANT = {"da": "klinisk relevant gavn", "en": "clinically relevant benefit"}
DIFFERS = {"da": "afviger", "en": "differs"}
FAVOURS_COMPARISON = {"da": "til fordel for sammenligningen", "en": "favours the comparison"}


def _expectations() -> list[dict[str, Any]]:
    return list(yaml.safe_load(EXPECTATIONS.read_text(encoding="utf-8"))["rows"])


ROWS = _expectations()
WITH_ESTIMATE = [r for r in ROWS if r["data"] == "estimate"]


def _text(fragment: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed."""
    fragment = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S)
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def _without_quotes(fragment: str) -> str:
    """The fragment without the guideline's quoted words (they may use any verb)."""
    return re.sub(r"<blockquote\b.*?</blockquote>", " ", fragment, flags=re.S)


def _element(html: str, tag: str, element_id: str) -> str:
    start = html.index(f'id="{element_id}"')
    start = html.rindex(f"<{tag}", 0, start)
    return html[start : html.index(f"</{tag}>", start) + len(tag) + 3]


def _says(row: dict[str, Any], lang: Lang) -> str:
    rec_id = row["row"].split("/")[0]
    names = cached_evidence_data().names.interventions[rec_id]
    name = names.da if lang == "da" else names.en
    intervention = name if len(name) > 1 and name[1].isupper() else name[:1].lower() + name[1:]
    comparator = names.comparator_da if lang == "da" else names.comparator_en
    return SAYS[row["direction"]][lang].format(i=intervention, c=comparator)


def _assert_agrees(row: dict[str, Any], statement: str, lang: Lang, where: str) -> None:
    """The statement starts from the guideline's conclusion and claims nothing that contradicts it."""
    says = _says(row, lang)
    assert says in statement, f"{where} {row['row']} ({lang}): missing “{says}” in “{statement}”"
    for computed_word in ("Computed", "Beregnet"):
        if computed_word in statement:
            assert statement.index(says) < statement.index(computed_word), f"{where} {row['row']}: not first"
    claim = HARM_CLAIM if row["direction"] == "relevant_benefit" else CLAIM
    found = claim[lang].search(statement)
    assert found is None, f"{where} {row['row']} ({lang}): “{found and found.group(0)}” in “{statement}”"
    if COMPUTED_RELEVANT[lang] in statement and row["direction"] != "relevant_benefit":
        assert DIFFERS[lang] in statement, f"{where} {row['row']} ({lang}): relevance without the reason"
    if row["direction"].startswith("favours_intervention") or row["direction"] == "relevant_benefit":
        assert FAVOURS_COMPARISON[lang] not in statement, f"{where} {row['row']} ({lang}): favours comparison"


def _assert_conflicts_shown(row: dict[str, Any], text: str, where: str) -> None:
    for code in row.get("conflicts") or []:
        assert code in text, f"{where} {row['row']}: erratum {code} not shown"


@cache
def _pdf_text(rec_id: str, lang: Lang) -> str:
    from weasyprint import HTML

    from gradeline.content.pack import cached_pack

    rec = cached_pack().recommendation(rec_id)
    pdf = HTML(string=render_decision_aid(rec, cached_pack(), lang)).write_pdf()
    reader = PdfReader(io.BytesIO(bytes(pdf)))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def test_the_table_covers_every_row_of_the_pack(guideline: Guideline, seed_lines: list[str]) -> None:
    in_pack = {f"{rec.id}/{o.id}" for rec in guideline.recommendations for o in rec.outcomes}
    assert {r["row"] for r in ROWS} == in_pack
    assert len(ROWS) == 97
    for row in ROWS:
        first = int(str(row["lines"]).split("-")[0].split(",")[0])
        assert 0 < first <= len(seed_lines), row["row"]
        if row["direction"] not in ("no_data", "not_stated"):
            assert 0 < row["direction_line"] <= len(seed_lines), row["row"]


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    from gradeline.content.pack import DEFAULT_PACK

    return (DEFAULT_PACK / "source" / "seed.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("lang", LANGS)
def test_layer_two_agrees_with_the_guideline(client: Client, guideline: Guideline, lang: Lang) -> None:
    client.cookies["gradeline_language"] = lang
    pages: dict[str, str] = {}
    for row in ROWS:
        rec_id, outcome_id = row["row"].split("/")
        page = pages.setdefault(
            rec_id, client.get(f"/nkr-laenderygsmerter/anbefalinger/{rec_id}/").content.decode()
        )
        if row["data"] != "estimate":
            assert f'id="beregnet-{outcome_id}"' not in page, row["row"]
            continue
        reading = _element(page, "tr", f"beregnet-{outcome_id}")
        _assert_agrees(row, _text(_without_quotes(reading)), lang, "layer 2")
        _assert_conflicts_shown(row, _text(_element(page, "tr", f"udfald-{outcome_id}")), "layer 2")
        aid = pages.setdefault(
            f"{rec_id}/aid",
            client.get(f"/nkr-laenderygsmerter/anbefalinger/{rec_id}/beslutningshjaelp/").content.decode(),
        )
        card = _element(aid, "article", f"outcome-{outcome_id}")
        statement = card[card.index('class="aid-statement"') :].split("</p>")[0]
        _assert_agrees(row, _text(statement + "</p>"), lang, "decision aid page")
        _assert_conflicts_shown(row, _text(card), "decision aid page")


@pytest.mark.parametrize("lang", LANGS)
def test_decision_aid_and_plot_text_agree_with_the_guideline(guideline: Guideline, lang: Lang) -> None:
    by_rec: dict[str, list[dict[str, Any]]] = {}
    for row in WITH_ESTIMATE:
        by_rec.setdefault(row["row"].split("/")[0], []).append(row)
    for rec_id, rows in by_rec.items():
        rec = guideline.recommendation(rec_id)
        aid = render_decision_aid(rec, guideline, lang)
        readings = recommendation_readings(rec, guideline)
        plot = dict(zip((r.outcome.id for r in readings), text_alternative(readings, lang), strict=True))
        for row in rows:
            outcome_id = row["row"].split("/")[1]
            card = _element(aid, "article", f"outcome-{outcome_id}")
            statement = _text(card[card.index('class="statement"') :].split("</p>")[0] + "</p>")
            _assert_agrees(row, statement, lang, "decision aid")
            notes = _text(_without_quotes(card))
            assert (
                not CLAIM[lang].search(notes.replace(statement, "")) or row["direction"] == "relevant_benefit"
            )
            _assert_conflicts_shown(row, notes, "decision aid")
            _assert_conflicts_shown(row, plot[outcome_id], "plot text")
            assert plot[outcome_id].index(":") < plot[outcome_id].index(
                "guideline:" if lang == "en" else "retningslinjen:"
            )


@pytest.mark.parametrize("lang", LANGS)
def test_api_readings_agree_with_the_guideline(client: Client, lang: Lang) -> None:
    bodies: dict[str, dict[str, Any]] = {}
    for row in ROWS:
        rec_id, outcome_id = row["row"].split("/")
        if rec_id not in bodies:
            response = client.get(f"/nkr-laenderygsmerter/api/recommendations/{rec_id}/readings")
            assert response.status_code == 200
            bodies[rec_id] = {r["outcome_id"]: r for r in response.json()}
        body = bodies[rec_id][outcome_id]
        if row["data"] != "estimate":
            assert body["statement"] is None and body["computed"] is None, row["row"]
            continue
        _assert_agrees(row, body["statement"][lang], lang, "API")
        assert set(row.get("conflicts") or []) <= set(body["errata"]), row["row"]
        natural = body["computed"]["natural"]
        if natural is not None:
            values = [
                float(natural[k])
                for k in ("comparator", "intervention_low", "intervention", "intervention_high")
            ]
            assert min(values) >= 0 and values[1] <= values[2] <= values[3], row["row"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "rec_id",
    [
        "vanlig-aktivitet",
        "patientuddannelse",
        "billeddiagnostik",
        "ledmobilisering",
        "superviseret-fysisk-traening",
        "akupunktur",
    ],
)
def test_decision_aid_pdf_carries_the_same_statements(guideline: Guideline, rec_id: str, lang: Lang) -> None:
    text = _pdf_text(rec_id, lang)
    readings = {r.outcome.id: r for r in recommendation_readings(guideline.recommendation(rec_id), guideline)}
    for row in WITH_ESTIMATE:
        if not row["row"].startswith(f"{rec_id}/"):
            continue
        statement = readings[row["row"].split("/")[1]].statement
        assert statement is not None
        _assert_agrees(row, statement.get(lang), lang, "PDF source")
        assert re.sub(r"\s+", "", statement.get(lang)) in re.sub(r"\s+", "", text), row["row"]
        _assert_conflicts_shown(row, text, "PDF")
