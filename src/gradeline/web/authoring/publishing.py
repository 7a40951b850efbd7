"""Publishing a draft: the seam to the editions app.

A draft is exported to its own folder in the content directory (where the app finds every pack and serves it
under ``/<slug>/``), and that pack's JSON is stored as the guideline's next edition with
``editions.publishing.publish``, with the new pack active, so the edition belongs to it and is numbered
among its own editions.
"""

from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from gradeline.content.export import guideline_json
from gradeline.content.pack import load_pack
from gradeline.content.packs import activated, content_dir
from gradeline.web.authoring.checks import DraftCheck
from gradeline.web.authoring.models import Draft
from gradeline.web.authoring.store import export_draft
from gradeline.web.editions.models import Edition
from gradeline.web.editions.publishing import publish


class PublishRefused(Exception):
    """The draft cannot be published yet; the message says why."""


def publish_draft(draft: Draft, check: DraftCheck, user: Any, kind: str, comment: str) -> Edition:
    """Export the draft into the content directory and store it as an immutable edition (audited)."""
    if check.guideline is None or check.notes:
        raise PublishRefused(
            _(
                "Udkastet har %(count)s uløste problemer; ret dem, eller anerkend linterens fund i "
                "errata.yaml, før du publicerer."
            )
            % {"count": len(check.notes) or 1}
        )
    folder = content_dir() / draft.slug
    if folder.exists() and str(folder) != draft.published_folder:
        raise PublishRefused(
            _(
                "Indholdsmappen har allerede en pakke med kortnavnet %(slug)s, som ikke kommer fra "
                "dette udkast."
            )
            % {"slug": draft.slug}
        )
    export_draft(draft, folder)
    draft.published_folder = str(folder)
    draft.save(update_fields=["published_folder"])
    with activated(folder):
        snapshot = guideline_json(load_pack(Path(folder)))
        return publish(user, kind, comment, snapshot=snapshot)
