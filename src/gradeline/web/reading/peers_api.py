"""GET /api/recommendations/{rec_id}/peers: what other guidelines say on a recommendation's question."""

from datetime import date

from django.http import HttpRequest, HttpResponse
from pydantic import BaseModel

from gradeline.content.pack import cached_pack
from gradeline.content.peers import PeerGuideline, PeerPosition, cached_peers
from gradeline.web.api import Message, api, json_response, not_found


class PeerEntry(BaseModel):
    guideline: PeerGuideline
    position: PeerPosition


class PeerPositions(BaseModel):
    """Other guidelines' positions, in our own words; not part of the guideline itself."""

    recommendation: str
    compiled: date
    note: str
    note_en: str
    peers: list[PeerEntry]
    sources: list[str]


@api.get(
    "/recommendations/{rec_id}/peers",
    response={200: PeerPositions, 404: Message},
    summary="Other guidelines on this recommendation's question (NICE, ACP, WHO …), dated and cited",
    tags=["guideline"],
)
def get_peers(request: HttpRequest, rec_id: str) -> HttpResponse:
    if all(r.id != rec_id for r in cached_pack().recommendations):
        return not_found("recommendation", rec_id)
    table = cached_peers()
    if table is None:
        return not_found("peer-guideline table for recommendation", rec_id)
    body = PeerPositions(
        recommendation=rec_id,
        compiled=table.compiled,
        note=table.note,
        note_en=table.note_en,
        peers=[PeerEntry(guideline=g, position=p) for g, p in table.for_recommendation(rec_id)],
        sources=table.sources,
    )
    return json_response(body.model_dump(mode="json"))
