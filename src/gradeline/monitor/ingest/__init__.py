"""Input adapters: CSV/Parquet in the internal schema, FHIR Bulk NDJSON and OMOP CDM v5.4.

Every adapter loads its source into DuckDB views named ``raw_<table>`` (internal column names, any types, plus
``_row`` and ``_source``) and hands them to :func:`gradeline.monitor.ingest.validate.validate`, which
writes the
accepted rows as Parquet and reports every rejected record with its reasons.
"""
