"""The caller's own corner: preferences, inbox, live stream."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Request, Response
from fastapi.responses import StreamingResponse

from backbone.http.deps import CurrentPrincipal, ReadSession, RowReads, Write
from backbone.http.pagination import Page, Pages, page_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES
from notifications import schemas
from notifications.service import inbox, people
from notifications.service.stream import StreamHub

router = APIRouter(prefix="/v1/me", tags=["inbox"], responses=PROBLEM_RESPONSES)


@router.get("/preferences", operation_id="getMyPreferences",
            summary="Where each category of notification reaches the caller")
async def get_preferences(session: ReadSession,
                          principal: CurrentPrincipal) -> schemas.Preferences:
    return await people.get_preferences(session, principal)


@router.put("/preferences", openapi_extra=access(Access.CALLER), response_model=schemas.Preferences,
            operation_id="setMyPreferences", summary="Replace the caller's preferences")
async def set_preferences(body: schemas.Preferences, write: Write) -> Response:
    return await write.run(lambda s: people.set_preferences(s, write.principal, body),
                           schemas.Preferences)


@router.get("/notifications", response_model=Page[schemas.NotificationRead],
            operation_id="listMyNotifications",
            summary="The caller's inbox, newest first")
async def list_notifications(rows: RowReads, principal: CurrentPrincipal, page: Pages,
                             unread: bool | None = None) -> Response:
    return page_response(await inbox.list_(rows, principal, page, unread))


@router.get("/notifications/unread-count", operation_id="countMyUnreadNotifications",
            summary="How many of the caller's notifications are unread")
async def unread_count(session: ReadSession,
                       principal: CurrentPrincipal) -> schemas.UnreadCount:
    return await inbox.unread_count(session, principal)


@router.patch("/notifications/{notification_id:uuid}", response_model=schemas.NotificationRead,
              openapi_extra=access(Access.CALLER),
              operation_id="markMyNotification", summary="Mark a notification read or unread")
async def mark(notification_id: uuid.UUID, body: schemas.NotificationPatch,
               write: Write) -> Response:
    return await write.run(lambda s: inbox.mark(s, write.principal, notification_id, body),
                           schemas.NotificationRead)


@router.post("/notifications/read-all", response_model=schemas.MarkedRead,
             openapi_extra=access(Access.CALLER),
             operation_id="markAllMyNotificationsRead", summary="Mark every notification read")
async def read_all(write: Write) -> Response:
    return await write.run(lambda s: inbox.read_all(s, write.principal), schemas.MarkedRead)


STREAM_RESPONSES: dict[int | str, dict[str, object]] = {200: {
    "description": "Server-Sent Events: each `notification` event's `id` is its `seq`, its "
                   "`data` the notification as JSON; comments keep an idle stream open.",
    "content": {"text/event-stream": {"schema": {
        "type": "object", "description": "One event of the stream.",
        "properties": {"event": {"type": "string", "enum": ["notification"]},
                       "id": {"type": "string", "description": "The notification's `seq`."},
                       "data": {"type": "string",
                                "description": "The notification (NotificationRead) as "
                                               "JSON."},
                       "retry": {"type": "integer"}}}}}}}


@router.get("/stream", operation_id="streamMyNotifications", response_class=StreamingResponse,
            responses=STREAM_RESPONSES,
            summary="The caller's new notifications as they are made (Server-Sent Events)")
async def stream(request: Request, principal: CurrentPrincipal,
                 last_event_id: Annotated[str | None, Header(
                     alias="Last-Event-ID", pattern=r"^[0-9]{1,18}$",
                     description="Resume after this `seq`: what was made since is sent "
                                 "first.")] = None) -> StreamingResponse:
    """Ends after ``stream_max_s``; clients reconnect with ``Last-Event-ID`` (as browsers'
    ``EventSource`` does), losing nothing."""
    hub: StreamHub = request.app.state.streams
    sessionmaker = request.app.state.sessionmaker.for_tenant(principal.tenant)
    if last_event_id is not None:
        after = int(last_event_id)
    else:
        async with sessionmaker() as session:
            after = await inbox.latest_seq(session, principal)
    return StreamingResponse(hub.stream(sessionmaker, principal, after),
                             media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
