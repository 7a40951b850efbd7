"""The pack linter: consistency rules a methodologist would want, each with a code and a location."""

from gradeline.content.lint.findings import Finding, LintReport, lint_guideline

__all__ = ["Finding", "LintReport", "lint_guideline"]
