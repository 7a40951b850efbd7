"""Adherence monitoring (guideline section 15): indicators as Ibis expressions over a small internal schema.

Pipeline: input adapter (``ingest``) -> validated Parquet in the internal schema (``schema``) -> engine
(``engines``: DuckDB default, Spark) -> episodes (``episodes``) -> indicators (``indicators``) -> stratified
counts (``compute``) -> tables, FHIR Measure/MeasureReport and chart data (``outputs``, ``webdata``).
"""

from gradeline.monitor.config import MonitorConfig

__all__ = ["MonitorConfig"]
