"""The words gradeline's FHIR resources print around a guideline's own texts (section titles, notes), in the
guideline's language: Danish as the Danish guidelines head their sections, English as GRADE's terms.
A language without its own words here uses English."""

LABELS: dict[str, dict[str, str]] = {
    "strong": {"da": "Stærk anbefaling", "en": "Strong recommendation"},
    "weak": {"da": "Svag anbefaling", "en": "Weak recommendation"},
    "good_practice": {"da": "God praksis", "en": "Good practice"},
    "for": {"da": "For", "en": "For"},
    "against": {"da": "Mod", "en": "Against"},
    "not_stated": {"da": "Ikke angivet i retningslinjen", "en": "Not stated in the guideline"},
    "comparator": {"da": "Komparator", "en": "Comparator"},
    "intervention": {"da": "Intervention", "en": "Intervention"},
    "strength_and_direction": {"da": "Styrke og retning", "en": "Strength and direction"},
    "benefits_harms": {"da": "Gavnlige og skadelige virkninger", "en": "Benefits and harms"},
    "certainty": {"da": "Kvaliteten af evidensen", "en": "Certainty of the evidence"},
    "preferences": {"da": "Værdier og præferencer", "en": "Values and preferences"},
    "rationale": {"da": "Rationale", "en": "Rationale"},
    "other": {"da": "Andre overvejelser", "en": "Other considerations"},
    "justification": {"da": "Begrundelse", "en": "Justification"},
    "evidence_profile": {"da": "Evidensprofil", "en": "Evidence profile"},
    "recommendation": {"da": "Anbefaling", "en": "Recommendation"},
    "ratings": {"da": "Vurdering", "en": "Rating"},
    "population": {"da": "Population", "en": "Population"},
    "comparison": {"da": "Sammenligning", "en": "Comparison"},
    "evidence": {"da": "Evidens", "en": "Evidence"},
    "practical_advice": {"da": "Praktiske råd", "en": "Practical advice"},
    "status": {"da": "Status", "en": "Status"},
    "target_group": {"da": "Målgruppe", "en": "Target group"},
    "recommendations": {"da": "Anbefalinger", "en": "Recommendations"},
    "over_age": {"da": "Alder over {age} år", "en": "Age over {age} years"},
    "no_red_flag": {"da": "Ingen registrerede røde flag", "en": "No recorded red flags"},
    "applicability": {
        "da": "{title}: anvendelsesområde (FHIRPath)",
        "en": "{title}: applicability (FHIRPath)",
    },
    "section": {"da": " (afsnit {section})", "en": " (section {section})"},
    "applicability_text": {
        "da": "Hvem anbefalingerne gælder for{section}: alder, varighed og ingen registrerede røde flag, "
        "som FHIRPath over en Bundle med patientens data.",
        "en": "Who the recommendations apply to{section}: age, duration and no recorded red flags, as "
        "FHIRPath over a Bundle of the patient's data.",
    },
    "value_set_text": {
        "da": "{title}. {total} koder/præfikser, {verified} verificeret mod en citeret kilde; kilder pr. "
        "kode i indholdspakken (valuesets/).",
        "en": "{title}. {total} codes/prefixes, {verified} verified against a cited source; sources per "
        "code in the content pack (valuesets/).",
    },
}


def label(key: str, language: str, **values: object) -> str:
    """The words for ``key`` in ``language`` (English when the language has none), placeholders filled."""
    words = LABELS[key]
    return words.get(language[:2], words["en"]).format(**values)
