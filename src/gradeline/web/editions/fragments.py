"""The review slot on layer 2: the recommendation's review status and next review date."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from gradeline.web.editions import publishing
from gradeline.web.slots import register


@register("review")
def review(request: HttpRequest, rec_id: str) -> str:
    edition = publishing.current()
    statuses = publishing.statuses(edition) if edition else publishing.pack_statuses()
    status = statuses.get(rec_id)
    if status is None:
        return ""
    return render_to_string("editions/_review.html", {"status": status, "edition": edition}, request=request)
