"""The decision-support form: questions (fieldsets from the pack's decide/form.yaml, red flags and STarT Back
from its other rules), parsing of the posted answers into a ``PatientContext`` and inline, field-level
messages. Nothing entered is lost: the posted values are handed back to the template as they were typed."""

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

from django.http import QueryDict
from pydantic import ValidationError

from gradeline.content.pack import DEFAULT_PACK
from gradeline.decide import PatientContext, Rules, load_rules
from gradeline.decide.context import Bothersomeness
from gradeline.decide.rules import FormQuestion
from gradeline.evidence.data import Lang

Kind = Literal["tri", "number", "choice", "duration", "flag", "bool", "date"]
TRI = ("yes", "no", "unknown")
TRI_LABELS: dict[Lang, dict[str, str]] = {
    "da": {"yes": "Ja", "no": "Nej", "unknown": "Ved ikke", "": "Ikke besvaret"},
    "en": {"yes": "Yes", "no": "No", "unknown": "Unknown", "": "Not answered"},
}


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The bundled pack's decision rules (validated once per process)."""
    return load_rules(DEFAULT_PACK)


@dataclass(frozen=True)
class Question:
    """One question: its form name, kind, label in both languages and the allowed values."""

    name: str
    kind: Kind
    da: str
    en: str
    options: tuple[tuple[str, str, str], ...] = ()  # (value, da, en)
    low: int = 0
    high: int = 0
    hint_da: str = ""
    hint_en: str = ""

    def label(self, lang: Lang) -> str:
        return self.da if lang == "da" else self.en

    @property
    def default(self) -> str:
        """The answer shown before anything is chosen: 'unknown' where offered, else none."""
        if self.kind == "tri" or any(v == "unknown" for v, _, _ in self.options):
            return "unknown"
        return ""

    def hint(self, lang: Lang) -> str:
        return self.hint_da if lang == "da" else self.hint_en

    def choices(self, lang: Lang) -> list[tuple[str, str]]:
        if self.kind in ("tri", "flag"):
            return [(v, TRI_LABELS[lang][v]) for v in TRI]
        if self.kind == "bool":
            return [
                ("yes", TRI_LABELS[lang]["yes"]),
                ("no", TRI_LABELS[lang]["no"]),
                ("", TRI_LABELS[lang][""]),
            ]
        return [(v, da if lang == "da" else en) for v, da, en in self.options]


@dataclass(frozen=True)
class Bulk:
    """An explicit "none of these" (or "yes") box: checking it answers every target still unanswered; the
    browser shows each answer change and unchecking restores the earlier answers."""

    name: str
    da: str
    en: str
    targets: tuple[str, ...]
    value: str = "no"

    def label(self, lang: Lang) -> str:
        return self.da if lang == "da" else self.en


@dataclass(frozen=True)
class Group:
    """A fieldset of questions."""

    id: str
    da: str
    en: str
    questions: tuple[Question, ...]
    note_da: str = ""
    note_en: str = ""
    optional: bool = False
    bulk: Bulk | None = None

    def legend(self, lang: Lang) -> str:
        return self.da if lang == "da" else self.en

    def note(self, lang: Lang) -> str:
        return self.note_da if lang == "da" else self.note_en


AGE = Question(
    "age_years",
    "number",
    "Alder (år)",
    "Age (years)",
    low=0,
    high=130,
    hint_da="Hele år. Tomt = ved ikke.",
    hint_en="Whole years. Empty = unknown.",
)
DURATION = Question(
    "duration",
    "duration",
    "Varighed",
    "Duration",
    low=0,
    high=5200,
    options=(("weeks", "uger", "weeks"), ("days", "dage", "days")),
    hint_da="Tomt = ved ikke.",
    hint_en="Empty = unknown.",
)


def _question(q: FormQuestion) -> Question:
    options = tuple((c.value, c.label.da, c.label.en) for c in q.options)
    hint_da, hint_en = (q.hint.da, q.hint.en) if q.hint else ("", "")
    return Question(q.name, q.kind, q.label.da, q.label.en, options, q.low, q.high, hint_da, hint_en)


def form_groups(r: Rules) -> list[Group]:
    """The pack's fieldsets (decide/form.yaml), in order."""
    return [
        Group(
            g.id,
            g.legend.da,
            g.legend.en,
            tuple(_question(q) for q in g.questions),
            g.note.da if g.note else "",
            g.note.en if g.note else "",
            optional=g.optional,
        )
        for g in r.form.groups
    ]


OTHER_FLAGS = Question(
    "other_red_flags",
    "tri",
    "Røde flag, der ikke er markeret enkeltvis",
    "Red flags not marked one by one",
    hint_da="Vælg Nej, når du har spurgt til alle røde flag og ingen var til stede.",
    hint_en="Choose No when you have asked about every red flag and none was present.",
)
BOTHER = tuple(
    (b.value, da, en)
    for b, da, en in zip(
        Bothersomeness,
        ("Slet ikke", "Lidt", "Moderat", "Meget", "Ekstremt"),
        ("Not at all", "Slightly", "Moderately", "Very much", "Extremely"),
        strict=True,
    )
)


def no_red_flags(groups: list[Group]) -> Bulk:
    """The "no red flags" box: every asked red-flag item (and the catch-all) answered no."""
    targets = (*(q.name for g in groups for q in g.questions), OTHER_FLAGS.name)
    return Bulk(
        "none_red_flags",
        "Ingen røde flag: jeg har spurgt til alle og svaret er Nej",
        "No red flags: I have asked about all of them and the answer is No",
        targets,
    )


def quick_bulks(r: Rules) -> tuple[Bulk, ...]:
    """The boxes of the quick start, in keyboard order: the pack's (decide/form.yaml), then "no red flags"."""
    boxes = tuple(Bulk(b.name, b.label.da, b.label.en, tuple(b.targets), b.value) for b in r.form.quick)
    return (*boxes, no_red_flags(red_flag_groups(r)))


def red_flag_groups(r: Rules) -> list[Group]:
    """One fieldset per serious pathology, with the items that are asked (not the derived ones)."""
    groups = []
    for g in r.red_flags.groups:
        asked = tuple(
            Question(f"rf_{i.id}", "flag", i.question, i.question_en) for i in g.items if i.derive is None
        )
        derived = [i for i in g.items if i.derive is not None]
        note_da = "; ".join(i.question for i in derived)
        note_en = "; ".join(i.question_en for i in derived)
        if asked or derived:
            none = Bulk(f"none_rf_{g.id}", "Ingen af disse", "None of these", tuple(q.name for q in asked))
            groups.append(
                Group(
                    f"rf-{g.id}",
                    g.name,
                    g.name_en,
                    asked,
                    f"Beregnes af alder/køn: {note_da}" if derived else "",
                    f"Derived from age/sex: {note_en}" if derived else "",
                    bulk=none if len(asked) > 1 else None,
                )
            )
    return groups


def startback_group(r: Rules) -> Group:
    """The optional STarT Back items, by construct, from the pack (information only; none if it has none)."""
    items = []
    for item in r.startback.items if r.startback else []:
        if item.id == "bothersomeness":
            items.append(
                Question(
                    "sb_bothersomeness",
                    "choice",
                    item.paraphrase,
                    item.paraphrase,
                    options=(("", "Ikke besvaret", "Not answered"), *BOTHER),
                )
            )
        else:
            items.append(Question(f"sb_{item.id}", "bool", item.paraphrase, item.paraphrase))
    return Group(
        "startback",
        "STarT Back (valgfrit – kun information)",
        "STarT Back (optional – information only)",
        tuple(items),
        r.startback.note if r.startback else "",
        r.startback.note if r.startback else "",
        optional=True,
    )


@dataclass
class ParsedForm:
    """The answers as typed, the field-level messages and, when there are none, the context."""

    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    context: PatientContext | None = None


MESSAGES: dict[Lang, dict[str, str]] = {
    "da": {
        "number": "Skriv et helt tal mellem {low} og {high}, eller lad feltet stå tomt (ved ikke).",
        "choice": "Vælg et af svarene.",
        "other": "Svaret kan ikke bruges: {msg}",
        "date": "Skriv datoen som ÅÅÅÅ-MM-DD (ikke en fremtidig dato), eller lad feltet stå tomt.",
        "age_or_birth": "Udfyld alder eller fødselsdato, ikke begge.",
    },
    "en": {
        "number": "Enter a whole number from {low} to {high}, or leave the field empty (unknown).",
        "choice": "Choose one of the answers.",
        "other": "The answer cannot be used: {msg}",
        "date": "Write the date as YYYY-MM-DD (not in the future), or leave the field empty.",
        "age_or_birth": "Give the age or the date of birth, not both.",
    },
}


def all_groups(lang: Lang = "da") -> tuple[list[Group], list[Group], Group]:
    """(the main fieldsets, the red-flag fieldsets, the STarT Back fieldset)."""
    r = rules()
    return form_groups(r), red_flag_groups(r), startback_group(r)


def _apply_bulks(values: dict[str, str], flags: list[Group]) -> None:
    """Each checked box answers its targets that are still unanswered; explicit answers win."""
    boxes = [*quick_bulks(rules()), *(g.bulk for g in flags if g.bulk is not None)]
    for box in boxes:
        if values.get(box.name):
            for target in box.targets:
                if values.get(target, "") in ("", "unknown"):
                    values[target] = box.value


def _birth_date(raw: str, lang: Lang, errors: dict[str, str]) -> date | None:
    if raw == "":
        return None
    try:
        born = date.fromisoformat(raw)
    except ValueError:
        born = None
    if born is None or born > date.today():
        errors["birth_date"] = MESSAGES[lang]["date"]
        return None
    return born


def _number(raw: str, q: Question, lang: Lang, errors: dict[str, str], key: str) -> int | None:
    if raw == "":
        return None
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if not q.low <= value <= q.high:
        errors[key] = MESSAGES[lang]["number"].format(low=q.low, high=q.high)
        return None
    return value


def parse(post: QueryDict, lang: Lang) -> ParsedForm:
    """Read the posted answers; unknown or missing answers stay 'unknown'."""
    main, flags, sb = all_groups(lang)
    questions = [q for g in main for q in g.questions]
    values = {k: post.get(k, "").strip()[:40] for k in post if k != "csrfmiddlewaretoken"}
    _apply_bulks(values, flags)
    form = ParsedForm(values=values)
    data: dict[str, object] = {}
    for q in (AGE, DURATION, *questions):
        raw = values.get(q.name, "")
        if q.kind == "date":
            data[q.name] = _birth_date(raw, lang, form.errors)
            if data[q.name] is not None and values.get(AGE.name):
                form.errors[q.name] = MESSAGES[lang]["age_or_birth"]
        elif q.kind == "number":
            data[q.name] = _number(raw, q, lang, form.errors, q.name)
        elif q.kind == "duration":
            unit = values.get("duration_unit", "weeks")
            high = q.high if unit == "weeks" else 36500
            number = _number(
                raw, Question(q.name, "number", "", "", low=0, high=high), lang, form.errors, q.name
            )
            if unit not in ("weeks", "days"):
                form.errors["duration"] = MESSAGES[lang]["choice"]
            data["duration_weeks" if unit == "weeks" else "duration_days"] = number
        else:
            allowed = TRI if q.kind == "tri" else tuple(v for v, _, _ in q.options)
            if raw and raw not in allowed:
                form.errors[q.name] = MESSAGES[lang]["choice"]
            elif raw:
                data[q.name] = raw
    other = values.get(OTHER_FLAGS.name, "")
    if other and other not in TRI:
        form.errors[OTHER_FLAGS.name] = MESSAGES[lang]["choice"]
    elif other:
        data[OTHER_FLAGS.name] = other
    red: dict[str, str] = {}
    for q in (q for g in flags for q in g.questions):
        raw = values.get(q.name, "")
        if raw and raw not in TRI:
            form.errors[q.name] = MESSAGES[lang]["choice"]
        elif raw:
            red[q.name.removeprefix("rf_")] = raw
    data["red_flags"] = red
    startback: dict[str, object] = {}
    for q in sb.questions:
        raw = values.get(q.name, "")
        allowed = ("yes", "no", "") if q.kind == "bool" else tuple(v for v, _, _ in q.options)
        if raw not in allowed:
            form.errors[q.name] = MESSAGES[lang]["choice"]
        elif raw:
            startback[q.name.removeprefix("sb_")] = (raw == "yes") if q.kind == "bool" else raw
    if startback:
        data["startback"] = startback
    if form.errors:
        return form
    try:
        form.context = PatientContext.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = [str(p) for p in err["loc"]]
            key = loc[0] if loc else "form"
            key = "duration" if key.startswith("duration") else key
            key = f"rf_{loc[1]}" if key == "red_flags" and len(loc) > 1 else key
            key = f"sb_{loc[1]}" if key == "startback" and len(loc) > 1 else key
            form.errors.setdefault(key, MESSAGES[lang]["other"].format(msg=err["msg"]))
    return form
