"""Settings of the notifications service."""

from typing import Literal

from pydantic import Field, SecretStr

from backbone.settings import BaseServiceSettings

# Standard Webhooks' recommended schedule: at once, then 5 s, 5 min, 30 min, 2 h, 5 h,
# 10 h and 10 h after the previous attempt.
RETRY_SCHEDULE_S = [0.0, 5.0, 300.0, 1800.0, 7200.0, 18000.0, 36000.0, 36000.0]


class Settings(BaseServiceSettings):
    service_name: str = "notifications"

    webhook_allowed_networks: list[str] = Field(
        [], description="Networks (CIDR) that deliveries may reach although they are not "
                        "globally routable, e.g. 127.0.0.0/8 for a receiver on this machine.")
    webhook_allow_http: bool = Field(False, description="Allow http:// endpoint URLs.")
    webhook_timeout_s: float = Field(15.0, description="A delivery succeeds with a 2xx in this.")
    webhook_retry_schedule_s: list[float] = RETRY_SCHEDULE_S
    webhook_retry_jitter: float = Field(0.1, description="Each wait varies by this fraction.")
    webhook_disable_after_s: float = Field(
        5 * 86400.0, description="An endpoint failing continuously this long is disabled.")
    webhook_secret_overlap_s: float = Field(
        86400.0, description="How long a rotated-out secret still signs deliveries.")
    webhook_poll_interval_s: float = 0.5
    webhook_concurrency: int = Field(64, description="Deliveries in flight at once.")
    webhook_endpoint_concurrency: int = Field(
        8, description="Deliveries in flight at once to one endpoint, so a slow or dead "
                       "endpoint holds at most these slots.")
    webhook_lease_s: float = Field(60.0, description="A claimed delivery not finished in "
                                                     "this is claimed again (after a crash).")

    smtp_host: str | None = Field(None, description="The SMTP server emails go through; none: "
                                                    "no emails are made.")
    smtp_port: int = 587
    smtp_security: Literal["none", "starttls", "tls"] = Field(
        "starttls", description="`tls`: implicit TLS (port 465); `starttls`: upgrade the "
                                "connection; `none`: plain (a local relay only).")
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_timeout_s: float = 30.0
    mail_from: str = "Backbone <notifications@backbone.localhost>"
    mail_retry_schedule_s: list[float] = Field(
        [60.0, 300.0, 1800.0, 7200.0], description="Waits before an email is tried again.")
    mail_poll_interval_s: float = 5.0
    digest_check_interval_s: float = Field(
        300.0, description="How often recipients' digests are checked for being due.")
    stream_max_s: float = Field(300.0, description="A live stream ends after this; clients "
                                                   "reconnect with Last-Event-ID.")
    stream_keepalive_s: float = Field(15.0, description="A comment is sent on an idle "
                                                        "stream this often.")
