"""A rule's source as the plan's citation."""

from gradeline.decide.plan import Citation
from gradeline.decide.rules import Source


def cite(source: Source, recommendation_id: str | None = None) -> Citation:
    """The citation of a rule's source: guideline section and quote, and the outside sources."""
    return Citation(
        section=source.guideline.section if source.guideline else None,
        quote=source.guideline.quote if source.guideline else None,
        recommendation_id=recommendation_id,
        external=[e.citation for e in source.external],
    )
