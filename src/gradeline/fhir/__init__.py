"""FHIR: guideline export (EBM-on-FHIR R5, CPG-on-FHIR R4B) and patient FHIR -> decide context."""
