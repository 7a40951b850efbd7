"""Outputs of a monitoring run: tables (CSV/Parquet), FHIR Measure/MeasureReport (R4B) and chart data."""
