"""The value sets: every code cites a source; ICD-10/SKS subcodes match by prefix, OID aliases resolve."""

import pytest

from gradeline.cdshooks.valuesets import Terminology, load_terminology

SKS_D = "urn:oid:1.2.208.176.2.4.12"


@pytest.fixture(scope="module")
def terminology() -> Terminology:
    return load_terminology()


def test_every_code_cites_a_source_and_unverified_ones_are_marked(terminology: Terminology) -> None:
    entries = [e for vs in terminology.value_sets() for e in (*vs.codes, *vs.prefixes)]
    assert all(e.source.strip() for e in entries)
    assert any(not e.verified for e in entries)  # honesty: unverified codes exist and are flagged
    for vs in terminology.value_sets():
        total, verified = vs.counts()
        assert 0 <= verified <= total


@pytest.mark.parametrize(
    ("system", "code", "found"),
    [
        (SKS_D, "DS32", True),
        (SKS_D, "DS320A", True),  # subcode
        (SKS_D, "DC795+TUL1", True),  # additional code after '+'
        ("urn:oid:1.2.208.176.2.4", "DG834", True),  # SKS root OID alias
        ("http://hl7.org/fhir/sid/icd-10", "S32.0", True),  # dotted WHO ICD-10
        ("http://hl7.org/fhir/sid/icd-10", "s320", True),  # case and dots ignored for ICD-10
        ("http://hl7.org/fhir/sid/icd-10", "S22.0", False),  # thoracic fracture: not listed
        ("http://snomed.info/sct", "1929700", False),  # SNOMED is exact, never by prefix
        ("http://snomed.info/sct", "192970008", True),
    ],
)
def test_red_flag_matching(terminology: Terminology, system: str, code: str, found: bool) -> None:
    assert (terminology.red_flags.find(system, code) is not None) is found


def test_atc_by_level(terminology: Terminology) -> None:
    concept = {"coding": [{"system": "http://www.whocc.no/atc", "code": "N02AJ06"}]}  # codeine combination
    group = terminology.analgesic_group(concept)
    assert group is not None and group.id == "opioids"
    assert terminology.analgesic_group({"coding": [{"system": "http://www.whocc.no/atc", "code": "M01AE01"}]})
    assert (
        terminology.analgesic_group({"coding": [{"system": "http://www.whocc.no/atc", "code": "N02B"}]})
        is None
    )
