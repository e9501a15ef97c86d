"""Every model, imported so the metadata is complete (for Alembic and for tests)."""

from backend.accounts.models import RefreshToken, User
from backend.accounts.preferences import UserPreferences
from backend.applications.models import Application, Consent, IdempotencyRecord, StatusEvent, Submission
from backend.audit.models import AuditEntry
from backend.conversations.models import Conversation
from backend.db.base import Base
from backend.materials.models import Material, StorageIntent
from backend.notifications.models import Notification, NotificationDelivery, WechatSubscription
from backend.prefill.models import DocumentRead, PrefillProposal
from backend.representation.models import Decline, OneTimeCode, Representation
from backend.review.models import OutboxMessage
from backend.wechat.models import SharedCacheEntry
from backend.wechat.official_account import LinkCode, OfficialAccountFollower, ReceivedMessage

__all__ = [
    "Application", "AuditEntry", "Base", "Consent", "Conversation", "Decline", "DocumentRead", "IdempotencyRecord",
    "LinkCode", "Material", "Notification", "NotificationDelivery", "OfficialAccountFollower", "OneTimeCode",
    "OutboxMessage", "PrefillProposal", "ReceivedMessage", "RefreshToken", "Representation", "SharedCacheEntry",
    "StatusEvent", "StorageIntent", "Submission", "User", "UserPreferences", "WechatSubscription",
]
