"""Patient context -> plan: scope, red flags, tailored recommendations and an explanation trace.

Pure Python: imports no web framework, database or HTTP library. Rules are data in the content pack's
``decide/`` folder (see docs/decide.md).
"""

from gradeline.decide.context import PatientContext, Sex, StartBackAnswers, Tri, WorkStatus
from gradeline.decide.engine import ContextError, make_plan
from gradeline.decide.plan import Plan, ScopeVerdict, TriageLevel
from gradeline.decide.rules import RuleError, Rules, check_rules, load_rules

__all__ = [
    "ContextError",
    "PatientContext",
    "Plan",
    "RuleError",
    "Rules",
    "ScopeVerdict",
    "Sex",
    "StartBackAnswers",
    "Tri",
    "TriageLevel",
    "WorkStatus",
    "check_rules",
    "load_rules",
    "make_plan",
]
