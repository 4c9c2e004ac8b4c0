"""The notifications service's tables (initiatives are known from the library's agenda
read model)."""

from notifications.models.base import Base
from notifications.models.feed import FeedEntry
from notifications.models.mail import Email
from notifications.models.people import Announcement, Notification, Recipient
from notifications.models.reporting import IndicatorContributor
from notifications.models.webhooks import Delivery, WebhookEndpoint

__all__ = ["Announcement", "Base", "Delivery", "Email", "FeedEntry", "IndicatorContributor",
           "Notification", "Recipient", "WebhookEndpoint"]
