"""Protection of personal data: encryption at rest, keyed hashes for lookup, masking for display,
and the log filter that keeps identity numbers out of log lines."""

from backend.privacy.masking import mask_account, mask_certificate_number, mask_id_number, mask_phone
from backend.privacy.vault import DecryptionFailed, Vault

__all__ = ["DecryptionFailed", "Vault", "mask_account", "mask_certificate_number", "mask_id_number", "mask_phone"]
