"""Every page type in both languages: no more than 1% of the visible words in the other language, except
inside elements marked with that language (``lang``), e.g. a quoted Danish title on an English page. A text
shown in Danish because its translation is missing is marked ``data-untranslated`` and counts as foreign.

Words are recognised by two lists of frequent words that belong to one language only (Danish function words
such as "og", "ikke", "af"; English ones such as "the", "and", "of"). A Danish paragraph left on an English
page, or an English definition on a Danish page, makes the share jump well above 1%.
"""

from typing import Any

import pytest

from gradeline.content.pack import cached_pack
from tests.e2e.audit import screenshot_pages
from tests.e2e.test_decide import _fill_in_scope

GUIDELINE = cached_pack()
THRESHOLD = 0.01
INDICATOR = "/nkr-laenderygsmerter/monitorering/billeddiagnostik-uden-roede-flag/"


DANISH = frozenset(
    [
        "og",
        "ikke",
        "af",
        "på",
        "med",
        "der",
        "som",
        "har",
        "kan",
        "om",
        "ved",
        "eller",
        "efter",
        "blev",
        "være",
        "også",
        "hvor",
        "skal",
        "bør",
        "vil",
        "ingen",
        "samt",
        "mellem",
        "fra",
        "denne",
        "dette",
        "disse",
        "hvis",
        "kun",
        "når",
        "hvordan",
        "hvorfor",
        "være",
        "bliver",
        "blive",
        "patienter",
        "patienten",
        "behandling",
        "anbefaling",
        "anbefalinger",
        "smerter",
        "lænderygsmerter",
        "studier",
        "udfald",
        "kritisk",
        "vigtig",
        "evidensen",
        "kvaliteten",
        "retningslinjen",
        "arbejdsgruppen",
        "sammenlignet",
        "forskel",
        "effekt",
        "gavnlig",
    ]
)
ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "is",
        "are",
        "with",
        "which",
        "this",
        "that",
        "these",
        "those",
        "should",
        "would",
        "could",
        "been",
        "was",
        "were",
        "not",
        "by",
        "from",
        "as",
        "an",
        "it",
        "its",
        "have",
        "has",
        "we",
        "our",
        "patients",
        "patient",
        "treatment",
        "recommendation",
        "recommendations",
        "pain",
        "back",
        "low",
        "evidence",
        "quality",
        "studies",
        "outcome",
        "outcomes",
        "difference",
        "effect",
        "beneficial",
        "working",
        "group",
    ]
)
# Both word lists must stay disjoint, or a word would count against both languages.
assert not DANISH & ENGLISH

# Visible text outside elements marked with another language than the page's: one string per text node.
VISIBLE_TEXT = """(pageLang) => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || !node.textContent.trim()) continue;
    if (el.closest('script,style,noscript,template,textarea')) continue;
    if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
    const marked = el.closest('[lang]');
    const lang = marked ? marked.getAttribute('lang').slice(0, 2) : pageLang;
    if (lang !== pageLang && !el.closest('[data-untranslated]')) continue;
    out.push(node.textContent);
  }
  return out;
}"""


def foreign_share(texts: list[str], foreign: frozenset[str]) -> tuple[float, list[str]]:
    """The share of words that belong to the other language, and those words."""
    words = [w.strip(".,;:()[]«»\"'“”’!?-–—/").lower() for text in texts for w in text.split()]
    words = [w for w in words if w]
    hits = [w for w in words if w in foreign]
    return (len(hits) / len(words) if words else 0.0), hits


def _set_language(page: Any, site: str, language: str) -> None:
    page.context.add_cookies([{"name": "gradeline_language", "value": language, "url": site}])


def _assert_in_language(page: Any, language: str, where: str) -> None:
    assert page.locator("html").get_attribute("lang") == language, where
    texts = page.evaluate(VISIBLE_TEXT, language)
    share, hits = foreign_share(texts, ENGLISH if language == "da" else DANISH)
    assert share <= THRESHOLD, f"{where} ({language}): {share:.1%} in the other language: {hits[:40]}"


def _pages() -> list[Any]:
    pages: list[Any] = [pytest.param("/nkr-laenderygsmerter/", id="layer-1")]
    for rec in GUIDELINE.recommendations:
        pages.append(pytest.param(f"/nkr-laenderygsmerter/anbefalinger/{rec.id}/", id=f"layer-2-{rec.id}"))
        aid = f"/nkr-laenderygsmerter/anbefalinger/{rec.id}/beslutningshjaelp/"
        pages.append(pytest.param(aid, id=f"aid-{rec.id}"))
    for chapter in GUIDELINE.chapters:
        pages.append(
            pytest.param(f"/nkr-laenderygsmerter/kapitler/{chapter.slug}/", id=f"chapter-{chapter.slug}")
        )
    pages += [
        pytest.param("/nkr-laenderygsmerter/ordliste/", id="glossary"),
        # Results quote the chapters, which are Danish until translated.
        pytest.param("/nkr-laenderygsmerter/soeg/?q=MR", id="search"),
        pytest.param("/nkr-laenderygsmerter/beslutningsstoette/", id="decision-support"),
        pytest.param("/nkr-laenderygsmerter/udgaver/", id="editions"),
        pytest.param("/nkr-laenderygsmerter/monitorering/", id="monitoring"),
    ]
    return pages


@pytest.mark.parametrize("path", [*_pages(), pytest.param(INDICATOR, id="monitoring-indicator")])
def test_english_pages_are_in_english(page: Any, site: str, path: str) -> None:
    _set_language(page, site, "en")
    page.goto(site + path, timeout=60_000)
    _assert_in_language(page, "en", path)


@pytest.mark.parametrize(
    "path",
    [
        *[pytest.param(p.values[0], id=p.id) for p in _pages()],
        pytest.param(INDICATOR, id="monitoring-indicator"),
    ],
)
def test_danish_pages_are_in_danish(page: Any, site: str, path: str) -> None:
    _set_language(page, site, "da")
    page.goto(site + path, timeout=60_000)
    _assert_in_language(page, "da", path)


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_plan_is_in_the_readers_language(page: Any, site: str, language: str) -> None:
    _set_language(page, site, language)
    page.goto(site + "/nkr-laenderygsmerter/beslutningsstoette/")
    _fill_in_scope(page)
    page.click("button[type=submit].button-primary")
    page.wait_for_selector(".plan")
    _assert_in_language(page, language, "plan")


def test_the_word_count_can_fail() -> None:
    danish_paragraph = ["Patienten bør informeres om de gavnlige effekter af vanlig aktivitet og ikke hvile."]
    share, hits = foreign_share(["The evidence was low.", *danish_paragraph], DANISH)
    assert share > THRESHOLD and "bør" in hits
    assert foreign_share(["The evidence was low for the patients."], DANISH)[0] == 0.0


ENGLISH_PAGES = {
    "en-layer-2-billeddiagnostik": "/nkr-laenderygsmerter/anbefalinger/billeddiagnostik/",
    "en-aid-billeddiagnostik": "/nkr-laenderygsmerter/anbefalinger/billeddiagnostik/beslutningshjaelp/",
    "en-chapter-laesevejledning": "/nkr-laenderygsmerter/kapitler/laesevejledning/",
    "en-glossary": "/nkr-laenderygsmerter/ordliste/",
}


@pytest.mark.parametrize("width", [1366, 390])
def test_english_pages_fit_the_screen(page: Any, site: str, width: int) -> None:
    _set_language(page, site, "en")
    page.goto(site + "/nkr-laenderygsmerter/", timeout=60_000)
    screenshot_pages(page, site, ENGLISH_PAGES, width)
