from django import forms
from django.utils.translation import gettext_lazy as _

STATUS_CHOICES = [("in_force", _("Gældende")), ("not_in_force", _("Ikke gældende")), ("draft", _("Udkast"))]


class PublishForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Slags udgave"),
        choices=[
            ("minor", _("Mindre (x.y+1): rettelser, gennemgang")),
            ("major", _("Større (x+1.0): ny anbefaling")),
        ],
        widget=forms.RadioSelect,
        initial="minor",
    )
    comment = forms.CharField(
        label=_("Kommentar (hvad er ændret)"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    status_value = forms.ChoiceField(label=_("Status for retningslinjen"), choices=STATUS_CHOICES)
    status_label = forms.CharField(label=_("Statusbetegnelse"), max_length=100)
    status_since = forms.DateField(
        label=_("Status gælder fra"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    status_note = forms.CharField(
        label=_("Statusnote"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
