"""Every model, imported so the metadata is complete (for Alembic and for tests)."""

from backend.accounts.models import RefreshToken, User
from backend.applications.models import Application, Consent, IdempotencyRecord, StatusEvent, Submission
from backend.audit.models import AuditEntry
from backend.db.base import Base
from backend.materials.models import Material, StorageIntent
from backend.notifications.models import Notification, NotificationDelivery, WechatSubscription
from backend.prefill.models import DocumentRead, PrefillProposal
from backend.representation.models import Decline, OneTimeCode, Representation
from backend.review.models import OutboxMessage
from backend.wechat.models import SharedCacheEntry

__all__ = [
    "Application", "AuditEntry", "Decline", "OneTimeCode", "Representation", "DocumentRead", "PrefillProposal", "Base", "Consent", "IdempotencyRecord", "Material", "Notification", "NotificationDelivery", "WechatSubscription", "OutboxMessage",
    "RefreshToken", "SharedCacheEntry", "StatusEvent", "StorageIntent", "Submission", "User",
]
