"""Field encryption, blind index and the key file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.errors import VaultError
from kiosk.vault import KEY_FILE, Vault, create_key_file


@pytest.fixture
def vault() -> Vault:
    return Vault(os.urandom(32))


def test_round_trip_and_fresh_nonce(vault: Vault) -> None:
    a = vault.encrypt("张三", "buyers.name")
    b = vault.encrypt("张三", "buyers.name")
    assert a != b and "张三".encode() not in (a or b"")
    assert vault.decrypt(a, "buyers.name") == "张三"
    assert vault.encrypt(None, "buyers.phone") is None


def test_ciphertext_is_bound_to_its_column(vault: Vault) -> None:
    blob = vault.encrypt("410425199001010011", "buyers.id_number")
    with pytest.raises(VaultError, match="buyers.name"):
        vault.decrypt(blob, "buyers.name")


def test_other_key_and_tampering_are_refused(vault: Vault) -> None:
    blob = vault.encrypt("secret", "c")
    assert blob is not None
    with pytest.raises(VaultError, match="does not match"):
        Vault(os.urandom(32)).decrypt(blob, "c")
    flipped = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(VaultError, match="does not match"):
        vault.decrypt(flipped, "c")
    with pytest.raises(VaultError, match="damaged"):
        vault.decrypt(blob[:10], "c")


def test_blind_index_is_keyed_and_deterministic(vault: Vault) -> None:
    assert vault.blind_index("X") == vault.blind_index("X")
    assert vault.blind_index("X") != vault.blind_index("Y")
    assert vault.blind_index("X") != Vault(os.urandom(32)).blind_index("X")
    assert vault.blind_index("X", "phone") != vault.blind_index("X", "id_number")


def test_a_seal_has_its_own_key(vault: Vault) -> None:
    seal = vault.seal("record", "proof")
    assert seal == vault.seal("record", "proof") and len(seal) == 32
    assert seal != vault.seal("record", "other") and seal != vault.seal("recorc", "proof")
    assert seal != Vault(os.urandom(32)).seal("record", "proof")
    # Neither the blind index's value nor its key gives the seal.
    assert seal[:16] != vault.blind_index("record", "proof")


def test_key_file_is_private_and_never_overwritten(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    path = create_key_file(keys)
    assert path.stat().st_mode & 0o777 == 0o600
    assert keys.stat().st_mode & 0o777 == 0o700
    original = path.read_bytes()
    with pytest.raises(VaultError, match="already exists"):
        create_key_file(keys)
    assert path.read_bytes() == original
    Vault.from_key_dir(keys)
    path.chmod(0o644)
    with pytest.raises(VaultError, match="chmod 600"):
        Vault.from_key_dir(keys)


def test_missing_or_short_key(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="kiosk init"):
        Vault.from_key_dir(tmp_path)
    (tmp_path / KEY_FILE).write_bytes(b"short")
    (tmp_path / KEY_FILE).chmod(0o600)
    with pytest.raises(VaultError, match="32 bytes"):
        Vault.from_key_dir(tmp_path)
