"""Encryption at rest and keyed hashes."""

from __future__ import annotations

import pytest

from backend.privacy.vault import DecryptionFailed, Vault


def test_round_trip_and_no_plaintext_in_the_ciphertext():
    vault = Vault(b"a" * 32)
    blob = vault.encrypt("11010519491231002X".encode(), context="application:1")
    assert b"11010519491231002X" not in blob
    assert vault.decrypt(blob, context="application:1") == b"11010519491231002X"


def test_ciphertext_moved_to_another_row_does_not_decrypt():
    vault = Vault(b"a" * 32)
    blob = vault.encrypt(b"secret", context="application:1")
    with pytest.raises(DecryptionFailed):
        vault.decrypt(blob, context="application:2")


def test_tampered_ciphertext_is_refused():
    vault = Vault(b"a" * 32)
    blob = bytearray(vault.encrypt(b"secret", context="c"))
    blob[-1] ^= 1
    with pytest.raises(DecryptionFailed):
        vault.decrypt(bytes(blob), context="c")


def test_old_key_still_decrypts_after_rotation_and_new_writes_use_the_new_key():
    old, new = b"o" * 32, b"n" * 32
    blob = Vault(old).encrypt(b"kept", context="c")
    rotated = Vault(new, [old])
    assert rotated.decrypt(blob, context="c") == b"kept"
    with pytest.raises(DecryptionFailed):
        Vault(old).decrypt(rotated.encrypt(b"x", context="c"), context="c")


def test_blind_index_is_stable_keyed_and_separates_kinds():
    vault = Vault(b"a" * 32)
    assert vault.blind_index("id_number", "X") == vault.blind_index("id_number", "X")
    assert vault.blind_index("id_number", "X") != vault.blind_index("certificate_number", "X")
    assert vault.blind_index("id_number", "X") != Vault(b"b" * 32).blind_index("id_number", "X")
