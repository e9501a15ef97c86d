"""The use cases of acting for someone else, by the names the HTTP layer and other packages call.
Each lives in the module of its concern: assistance, links, staff, declines."""

from backend.representation.assistance import (
    assistance_consent_code, claim_account, give_assistance_consent, handover_code, people_helped,
    register_person_without_phone,
)
from backend.representation.common import active_assistance_for, representation_document
from backend.representation.declines import declines_of, record_decline, withdraw_declines
from backend.representation.links import attach_proof, confirm_link, my_representations, request_link, revoke
from backend.representation.staff import activate_staff_account, create_assistant

__all__ = [
    "activate_staff_account", "active_assistance_for", "assistance_consent_code", "attach_proof", "claim_account",
    "confirm_link", "create_assistant", "declines_of", "give_assistance_consent", "handover_code",
    "my_representations", "people_helped", "record_decline", "register_person_without_phone", "representation_document",
    "request_link", "revoke", "withdraw_declines",
]
