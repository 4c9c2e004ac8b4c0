"""Cross-origin requests from browser frontends (CORS), for the origins the settings name.

Credentials (cookies) are never allowed: callers send a bearer token. Preflight requests are
answered for the methods and request headers the API uses, and the response headers a
frontend needs to read are exposed.
"""

from __future__ import annotations

import re

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from backbone import consistency
from backbone.events import watermark

ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
ALLOWED_HEADERS = ["Authorization", "Content-Type", "Idempotency-Key", "If-Match",
                   "If-None-Match", consistency.HEADER, "X-Request-ID", "traceparent",
                   "tracestate", "Last-Event-ID"]
EXPOSED_HEADERS = ["ETag", "Location", "Link", consistency.HEADER, "Retry-After",
                   "RateLimit", "RateLimit-Policy", "Idempotent-Replayed", "X-Request-ID",
                   "Content-Disposition", watermark.HEADER]


def origin_pattern(origins: list[str]) -> str | None:
    """One regular expression for the origins given with ``*`` (any port or name part)."""
    wild = [re.escape(o).replace(r"\*", "[^/]*") for o in origins if "*" in o]
    return "^(" + "|".join(wild) + ")$" if wild else None


def allow_cross_origin(app: FastAPI, origins: list[str]) -> None:
    if not origins:
        return
    app.add_middleware(CORSMiddleware, allow_origins=[o for o in origins if "*" not in o],
                       allow_origin_regex=origin_pattern(origins),
                       allow_methods=ALLOWED_METHODS, allow_headers=ALLOWED_HEADERS,
                       expose_headers=EXPOSED_HEADERS, allow_credentials=False, max_age=600)
