"""Read-only FHIR endpoints: the guideline as EBM-on-FHIR (R5) and CPG-on-FHIR (R4B)."""
