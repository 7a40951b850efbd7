from django import forms

STATUS_CHOICES = [("in_force", "Gældende"), ("not_in_force", "Ikke gældende"), ("draft", "Udkast")]


class PublishForm(forms.Form):
    kind = forms.ChoiceField(
        label="Slags udgave",
        choices=[
            ("minor", "Mindre (x.y+1): rettelser, gennemgang"),
            ("major", "Større (x+1.0): ny anbefaling"),
        ],
        widget=forms.RadioSelect,
        initial="minor",
    )
    comment = forms.CharField(
        label="Kommentar (hvad er ændret)", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    status_value = forms.ChoiceField(label="Status for retningslinjen", choices=STATUS_CHOICES)
    status_label = forms.CharField(label="Statusbetegnelse", max_length=100)
    status_since = forms.DateField(
        label="Status gælder fra", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    status_note = forms.CharField(
        label="Statusnote", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
