"""Search with SQLite FTS5 (trigram tokenizer) over the pack's texts, widened by the pack's synonym table.

The content is immutable while the app runs, so each language's index is an in-memory SQLite database built
once per process, whatever database the app itself uses. Text is indexed folded twice: strictly (æ -> ae, so
'faerdig' finds 'færdig') and loosely (ø -> o, so 'rontgen' finds 'røntgen'). A query is split into
concepts: a synonym phrase ('ondt i maven') or a word; every concept must match, each through any of its
alternatives. A word with no match is replaced by the closest words of the text (small typos). Results are
ordered recommendations first, and a recommendation's sections and outcome rows are grouped under it.
"""

import difflib
import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from gradeline.content.pack import DEFAULT_PACK, cached_pack
from gradeline.content.synonyms import Synonyms, cached_synonyms
from gradeline.decide.rules import load_rules
from gradeline.web.localize import Localizer
from gradeline.web.reading.search_documents import Document, documents
from gradeline.web.text import fold, fold_with_positions

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
SNIPPET_RADIUS = 90
MIN_TRIGRAM = 3  # the trigram tokenizer cannot match anything shorter
_WORD = re.compile(r"\w+")


class QueryError(ValueError):
    """A query we cannot search for; the message is shown to the reader."""


@dataclass(frozen=True)
class Concept:
    """One thing the reader asked for, and the folded words any of which may match it."""

    asked: str
    alternatives: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    """A matching document with a highlighted excerpt."""

    document: Document
    snippet: SafeString


@dataclass
class Result:
    """One entry of the result list: its best hit, and (for a recommendation) its other matching parts."""

    hit: Hit
    more: list[Hit] = field(default_factory=list)


def parse_query(raw: str) -> list[str]:
    """The folded search words of a query; QueryError with a reader-facing message if it is unusable."""
    if len(raw) > MAX_QUERY_LENGTH:
        raise QueryError(_("Søgningen er for lang: højst %(max)d tegn.") % {"max": MAX_QUERY_LENGTH})
    if any(unicodedata.category(c) in {"Cc", "Cs", "Co"} and c not in "\t\n\r" for c in raw):
        raise QueryError(_("Søgningen indeholder tegn, der ikke kan søges på."))
    terms = list(dict.fromkeys(_WORD.findall(fold(raw))))
    if raw.strip() and not terms:
        raise QueryError(_("Skriv mindst ét ord med bogstaver eller tal."))
    return terms[:MAX_TERMS]


def _phrase(words: str) -> str:
    return " ".join(_WORD.findall(fold(words)))


def concepts(terms: list[str], synonyms: Synonyms) -> list[Concept]:
    """The query's concepts: synonym phrases found in it (longest first), then its remaining words."""
    table: dict[str, tuple[str, ...]] = {}
    for group in synonyms.groups:
        finds = tuple(dict.fromkeys(_phrase(w) for w in group.finds))
        for term in group.terms:
            table[_phrase(term)] = tuple(dict.fromkeys((_phrase(term), *finds)))
    words = list(terms)
    found: list[Concept] = []
    for phrase in sorted(table, key=lambda p: (-len(p.split()), p)):
        size = len(phrase.split())
        for start in range(len(words) - size + 1):
            if " ".join(words[start : start + size]) == phrase:
                found.append(Concept(phrase, table[phrase]))
                words[start : start + size] = ["\0"]
                break
    for word in words:
        if word != "\0" and (len(word) >= MIN_TRIGRAM or not found):
            found.append(Concept(word, (word,)))
    return found


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


class SearchIndex:
    """The documents of one language in an FTS5 table (strict and loose folds of title and text)."""

    def __init__(self, docs: list[Document], synonyms: Synonyms) -> None:
        self.documents = docs
        self.synonyms = synonyms
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(title, body, title_loose, body_loose, tokenize='trigram')"
        )
        self._db.executemany(
            "INSERT INTO docs(rowid, title, body, title_loose, body_loose) VALUES (?, ?, ?, ?, ?)",
            [
                (i, fold(d.title), fold(d.text), fold(d.title, loose=True), fold(d.text, loose=True))
                for i, d in enumerate(docs)
            ],
        )
        self.vocabulary = sorted(
            {w for d in docs for w in _WORD.findall(fold(f"{d.title} {d.text}")) if len(w) > 3}
        )
        self._haystacks = [f"{fold(d.title)} {fold(d.text)}" for d in docs]

    def _rows(self, alternatives: tuple[str, ...]) -> dict[int, float]:
        """Documents matching any alternative, with FTS5's bm25 rank (lower is better; titles weigh more)."""
        long = [a for a in alternatives if len(a) >= MIN_TRIGRAM]
        short = [re.compile(rf"(?<!\w){re.escape(a)}(?!\w)") for a in alternatives if len(a) < MIN_TRIGRAM]
        rows: dict[int, float] = {}
        if long:
            loose = [fold(a, loose=True) for a in long]
            expression = " OR ".join(_quoted(a) for a in dict.fromkeys([*long, *loose]))
            with self._lock:
                found = self._db.execute(
                    "SELECT rowid, bm25(docs, 5.0, 1.0, 5.0, 1.0) FROM docs WHERE docs MATCH ?", (expression,)
                ).fetchall()
            rows.update({rowid: score for rowid, score in found})
        for pattern in short:
            rows.update({i: rows.get(i, 0.0) for i, hay in enumerate(self._haystacks) if pattern.search(hay)})
        return rows

    def _widened(self, concept: Concept) -> Concept:
        """A one-word concept without any match, widened by the text's closest words (small typos)."""
        if len(concept.alternatives) > 1 or len(concept.asked) <= 3 or self._rows(concept.alternatives):
            return concept
        close = difflib.get_close_matches(concept.asked, self.vocabulary, n=3, cutoff=0.8)
        return Concept(concept.asked, (concept.asked, *close))

    def search(self, terms: list[str], limit: int = 40) -> list[Result]:
        if not terms:
            return []
        wanted = [self._widened(c) for c in concepts(terms, self.synonyms)]
        scores: dict[int, float] | None = None
        for concept in wanted:
            rows = self._rows(concept.alternatives)
            scores = rows if scores is None else {i: scores[i] + s for i, s in rows.items() if i in scores}
        ranked = sorted(
            (scores or {}).items(), key=lambda item: (self.documents[item[0]].rank, item[1], item[0])
        )
        words = sorted({a for c in wanted for a in c.alternatives}, key=len, reverse=True)
        return _grouped(
            [Hit(self.documents[i], highlight(self.documents[i], words)) for i, _s in ranked], limit
        )


def _grouped(hits: list[Hit], limit: int) -> list[Result]:
    """One result per recommendation (its best hit first, the rest under it); other hits one each."""
    results: list[Result] = []
    by_group: dict[str, Result] = {}
    for hit in hits:
        group = hit.document.group
        if group and group in by_group:
            by_group[group].more.append(hit)
            continue
        if len(results) >= limit:
            continue
        result = Result(hit)
        results.append(result)
        if group:
            by_group[group] = result
    return results


def highlight(document: Document, words: list[str]) -> SafeString:
    """An excerpt of the text around the first match, every matching word marked with <mark>."""
    text = document.text or document.title
    spans: set[tuple[int, int]] = set()
    for loose in (False, True):
        folded, positions = fold_with_positions(text, loose)
        for word in words:
            needle = fold(word, loose) if loose else word
            for m in re.finditer(re.escape(needle), folded):
                spans.add((positions[m.start()], positions[m.end() - 1] + 1))
    ordered = sorted(spans)
    first = ordered[0][0] if ordered else 0
    start = max(0, text.rfind(" ", 0, max(0, first - SNIPPET_RADIUS)) + 1) if first > SNIPPET_RADIUS else 0
    end = text.find(" ", first + SNIPPET_RADIUS)
    end = len(text) if end == -1 else end
    out, cursor = [], start
    for a, b in ordered:
        if a < cursor or b > end:
            continue
        out += [escape(text[cursor:a]), "<mark>", escape(text[a:b]), "</mark>"]
        cursor = b
    out.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(str(part) for part in out) + suffix)  # escaped above


@lru_cache(maxsize=4)
def index_for(language: str) -> SearchIndex:
    """The search index of the bundled guideline in a language (built once per process)."""
    t = Localizer(language)
    shown = cached_pack(language=language if language == t.translations.language else "da")
    docs = list(documents(shown, load_rules(DEFAULT_PACK).red_flags, t))
    return SearchIndex(docs, cached_synonyms())
