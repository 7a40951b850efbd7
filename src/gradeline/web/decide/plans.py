"""One way to make a plan in the web app: the active pack, its rules and the unofficial English titles."""

from gradeline.content.pack import cached_pack
from gradeline.content.packs import active_pack
from gradeline.content.translations import cached_translations
from gradeline.decide import PatientContext, Plan, make_plan
from gradeline.web.decide.form import rules


def english(location: str) -> str | None:
    """The pack's unofficial English text at a translation location, where it has one."""
    return cached_translations(active_pack(), "en").get(location)


def plan_for(context: PatientContext) -> Plan:
    """The plan for one patient (raises ContextError for answers that do not fit the rules)."""
    return make_plan(context, cached_pack(), rules(), english)
