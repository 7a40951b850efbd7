"""Editor forms. Choices come from the model's enums, so a change of the format flows through."""

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gradeline.content.dump import load_yaml_text
from gradeline.content.packs import SLUG
from gradeline.model import Certainty, Direction, EffectMeasure, GuidelineStatus, Importance, Strength
from gradeline.web.authoring.fields import YamlField, enum_choices

FILE_PATH = re.compile(r"^[a-z0-9_-]+(/[a-z0-9_.-]+)*\.(yaml|md|txt)$")
STATUS_LABELS = {
    GuidelineStatus.IN_FORCE: _("Gældende"),
    GuidelineStatus.NOT_IN_FORCE: _("Ikke gældende"),
    GuidelineStatus.DRAFT: _("Udkast"),
    GuidelineStatus.EXAMPLE: _("Eksempel"),
}
STRENGTH_LABELS = {
    Strength.STRONG: _("Stærk"),
    Strength.WEAK: _("Svag"),
    Strength.GOOD_PRACTICE: _("God praksis"),
}
DIRECTION_LABELS = {Direction.FOR: _("For"), Direction.AGAINST: _("Imod")}
PARAGRAPHS_HELP = _("Ét afsnit pr. blok; adskil afsnit med en tom linje.")


def _area(rows: int = 3, **attrs: str) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": str(rows), **attrs})


class Versioned(forms.Form):
    """Carries the version of the document the editor started from (optimistic concurrency)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class CreateForm(forms.Form):
    slug = forms.CharField(
        label=_("Kortnavn (bruges i adressen)"),
        max_length=63,
        help_text=_("Små bogstaver, tal og bindestreger, fx 'eksempel-retningslinje'."),
    )
    title = forms.CharField(label=_("Titel"), max_length=300)
    language = forms.CharField(
        label=_("Sprog (ISO 639-1)"), max_length=2, min_length=2, help_text=_("fx da eller en")
    )
    status = forms.ChoiceField(label=_("Status"), choices=enum_choices(GuidelineStatus, labels=STATUS_LABELS))
    levels_from = forms.ChoiceField(
        label=_("Kopiér styrkeniveauer fra"), required=False, help_text=_("Kan rettes bagefter.")
    )

    def __init__(self, *args: Any, packs: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = [("", _("ingen")), *[(p, p) for p in packs or []]]
        self.fields["levels_from"].choices = choices  # type: ignore[attr-defined]

    def clean_slug(self) -> str:
        slug = str(self.cleaned_data["slug"]).strip()
        if not SLUG.match(slug):
            raise forms.ValidationError(_("Brug kun små bogstaver a-z, tal og bindestreger (højst 63 tegn)."))
        return slug

    def clean_language(self) -> str:
        language = str(self.cleaned_data["language"]).strip().lower()
        if not language.isalpha() or not language.isascii():
            raise forms.ValidationError(_("Skriv en sprogkode på to bogstaver, fx da eller en."))
        return language


class ImportForm(forms.Form):
    pack = forms.ChoiceField(label=_("Indholdspakke"))
    slug = forms.CharField(label=_("Kortnavn for udkastet"), max_length=63)

    def __init__(self, *args: Any, packs: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pack"].choices = [(p, p) for p in packs or []]  # type: ignore[attr-defined]

    def clean_slug(self) -> str:
        slug = str(self.cleaned_data["slug"]).strip()
        if not SLUG.match(slug):
            raise forms.ValidationError(_("Brug kun små bogstaver a-z, tal og bindestreger (højst 63 tegn)."))
        return slug


class GuidelineForm(Versioned):
    title = forms.CharField(label=_("Titel"), max_length=300)
    short_code = forms.CharField(label=_("Forkortelse"), max_length=40, required=False)
    language = forms.CharField(label=_("Sprog (ISO 639-1)"), max_length=2, min_length=2)
    publisher = forms.CharField(label=_("Udgiver"), max_length=200, required=False)
    version_label = forms.CharField(label=_("Versionsbetegnelse"), max_length=100, required=False)
    published_year = forms.IntegerField(
        label=_("Udgivelsesår"), required=False, min_value=1900, max_value=2100
    )
    review_interval_years = forms.IntegerField(label=_("Gennemgås hvert (år)"), required=False, min_value=1)
    status_value = forms.ChoiceField(
        label=_("Status"), choices=enum_choices(GuidelineStatus, labels=STATUS_LABELS)
    )
    status_label = forms.CharField(label=_("Statusbetegnelse (som vist)"), max_length=100)
    status_note = forms.CharField(label=_("Statusnote"), widget=_area(), required=False)
    status_source = forms.CharField(label=_("Kilde til status"), max_length=300, required=False)
    extra = YamlField(
        label=_("Øvrige felter (YAML)"),
        help_text=_("Styrkeniveauer, MCID'er, centrale budskaber m.m., som de står i guideline.yaml."),
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false", "class": "code"}),
    )


class ScopeForm(Versioned):
    population = forms.CharField(label=_("Population"), widget=_area())
    min_age_exclusive = forms.IntegerField(label=_("Alder over (år)"), min_value=0, required=False)
    max_duration_weeks = forms.IntegerField(label=_("Varighed højst (uger)"), min_value=1, required=False)
    extra = YamlField(
        label=_("Kriterier, eksklusioner og kilde (YAML)"),
        help_text=_("criteria, exclusions og provenance, som de står under scope i guideline.yaml."),
    )


class RecommendationForm(Versioned):
    id = forms.SlugField(label=_("Id (bruges i adressen)"), max_length=80)
    chapter = forms.IntegerField(label=_("Kapitel"), min_value=1)
    title = forms.CharField(label=_("Titel"), max_length=300)
    focused_question = forms.CharField(label=_("Fokuseret spørgsmål"), widget=_area(2))
    strength = forms.ChoiceField(label=_("Styrke"), choices=enum_choices(Strength, labels=STRENGTH_LABELS))
    direction = forms.ChoiceField(
        label=_("Retning"), choices=enum_choices(Direction, labels=DIRECTION_LABELS)
    )
    label = forms.CharField(label=_("Styrkebetegnelse (som vist)"), max_length=100, required=False)
    text = forms.CharField(label=_("Anbefaling"), widget=_area(3, **{"data-wording": "1"}))
    update_note = forms.CharField(label=_("Note om opdatering"), max_length=500, required=False)
    practical_advice = forms.CharField(
        label=_("Praktiske råd"), widget=_area(4), required=False, help_text=PARAGRAPHS_HELP
    )
    background = forms.CharField(
        label=_("Baggrund"), widget=_area(4), required=False, help_text=PARAGRAPHS_HELP
    )
    summary = forms.CharField(
        label=_("Sammenfatning af evidensen"), widget=_area(3), required=False, help_text=PARAGRAPHS_HELP
    )
    benefits_harms = forms.CharField(
        label=_("Gavnlige og skadelige virkninger"), widget=_area(), required=False
    )
    key_certainty = forms.CharField(label=_("Kvaliteten af evidensen"), widget=_area(), required=False)
    preferences = forms.CharField(label=_("Patientpræferencer"), widget=_area(), required=False)
    rationale = forms.CharField(label=_("Rationale"), widget=_area(), required=False)
    overall_certainty = forms.ChoiceField(
        label=_("Samlet kvalitet af evidensen"), choices=enum_choices(Certainty, blank=True), required=False
    )
    population = forms.CharField(label=_("Population (P)"), widget=_area(2))
    intervention = forms.CharField(label=_("Intervention (I)"), widget=_area(2))
    comparison = forms.CharField(label=_("Sammenligning (C)"), widget=_area(2))
    outcomes = forms.CharField(label=_("Udfald (O)"), widget=_area(2), required=False)
    extra = YamlField(
        label=_("Øvrige felter (YAML)"),
        help_text=_("Fx fodnoter, tabeloverskrifter og kildelinjer (seed_lines), som i anbefalingens fil."),
    )


class OutcomeForm(Versioned):
    id = forms.SlugField(label=_("Id"), max_length=120)
    name = forms.CharField(label=_("Udfald"), max_length=200)
    name_en = forms.CharField(label=_("Engelsk navn (som trykt)"), max_length=200, required=False)
    time_frame = forms.CharField(label=_("Tidsramme"), max_length=100, required=False)
    importance = forms.IntegerField(label=_("Vigtighed (1–9)"), min_value=1, max_value=9, required=False)
    importance_label = forms.ChoiceField(
        label=_("Vigtighed (betegnelse)"), choices=enum_choices(Importance, blank=True), required=False
    )
    measured_with = forms.CharField(label=_("Målt med"), max_length=200, required=False)
    scale_min = forms.DecimalField(max_digits=15, decimal_places=6, label=_("Skala fra"), required=False)
    scale_max = forms.DecimalField(max_digits=15, decimal_places=6, label=_("Skala til"), required=False)
    better = forms.ChoiceField(
        label=_("Bedre er"),
        choices=[("", "—"), ("lower", _("lavere")), ("higher", _("højere"))],
        required=False,
    )
    participants = forms.IntegerField(label=_("Deltagere"), min_value=0, required=False)
    studies = forms.IntegerField(label=_("Studier"), min_value=0, required=False)
    study_design = forms.CharField(label=_("Studiedesign"), max_length=200, required=False)
    comparator_value = forms.DecimalField(
        max_digits=15, decimal_places=6, label=_("Komparator: værdi"), required=False
    )
    comparator_unit = forms.CharField(
        label=_("Komparator: enhed"),
        max_length=100,
        required=False,
        help_text=_("fx 'per 1.000' eller 'Points'"),
    )
    measure = forms.ChoiceField(
        label=_("Effektmål"), choices=enum_choices(EffectMeasure, blank=True), required=False
    )
    point = forms.DecimalField(
        max_digits=15,
        decimal_places=6,
        label=_("Estimat"),
        required=False,
        help_text=_("Forskelle med fortegn: -0.56 er 0.56 lavere."),
    )
    ci_low = forms.DecimalField(
        max_digits=15, decimal_places=6, label=_("95 % CI: første grænse"), required=False
    )
    ci_high = forms.DecimalField(
        max_digits=15, decimal_places=6, label=_("95 % CI: anden grænse"), required=False
    )
    effect_text = forms.CharField(
        label=_("Effekt som trykt"), max_length=300, required=False, help_text=_("Tom: dannes af tallene.")
    )
    certainty = forms.ChoiceField(
        label=_("Kvalitet af evidensen"), choices=enum_choices(Certainty, blank=True), required=False
    )
    summary = forms.CharField(label=_("Sammendrag"), widget=_area(2), required=False)
    no_data = forms.CharField(label=_("Tekst når ingen data"), widget=_area(2), required=False)
    extra = YamlField(
        label=_("Øvrige felter (YAML)"),
        help_text=_("Fx intervention, absolute (trykt), footnotes, seed_lines – som i rækken i filen."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        numbers = [data.get(k) for k in ("point", "ci_low", "ci_high")]
        if data.get("measure") and any(n is None for n in numbers):
            self.add_error("point", _("Et effektmål skal have et estimat og begge grænser for 95 % CI."))
        if not data.get("measure") and any(n is not None for n in numbers):
            self.add_error("measure", _("Vælg effektmålet for estimatet."))
        return data


class GlossaryForm(Versioned):
    term = forms.CharField(label=_("Begreb"), max_length=200)
    definition = forms.CharField(label=_("Forklaring"), widget=_area(3))
    aliases = forms.CharField(
        label=_("Andre stavemåder"), max_length=500, required=False, help_text=_("Adskilt af semikolon.")
    )
    original = forms.CharField(widget=forms.HiddenInput, required=False)


class PublishDraftForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Slags udgave"),
        choices=[("minor", _("Mindre (x.y+1)")), ("major", _("Større (x+1.0)"))],
        widget=forms.RadioSelect,
        initial="major",
    )
    comment = forms.CharField(label=_("Kommentar (hvad er ændret)"), widget=_area(), max_length=2000)


class FileForm(Versioned):
    """Any other file of the pack (chapters, decision rules, evidence wording, groups) as its text."""

    path = forms.CharField(
        label=_("Fil i pakken"),
        max_length=200,
        help_text=_("fx chapters/01-om.md, groups.yaml eller evidence/wording.yaml"),
    )
    text = forms.CharField(
        label=_("Indhold"), widget=forms.Textarea(attrs={"rows": 20, "spellcheck": "false", "class": "code"})
    )

    def clean_path(self) -> str:
        path = str(self.cleaned_data["path"]).strip()
        parts = path.split("/")
        if not FILE_PATH.match(path) or any(p in ("", ".", "..") for p in parts):
            raise forms.ValidationError(
                _("Skriv en sti som mappe/navn.yaml eller navn.md (små bogstaver, tal, - og _).")
            )
        return path

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        path, text = data.get("path", ""), data.get("text", "")
        if path.endswith(".yaml") and text:
            try:
                load_yaml_text(text)
            except Exception as exc:
                mark = getattr(exc, "problem_mark", None)
                where = _(" (linje %(line)s)") % {"line": mark.line + 1} if mark is not None else ""
                self.add_error("text", _("Ikke gyldig YAML%(where)s.") % {"where": where})
        return data
