"""Opening a kiosk's store from its configuration: the one place that decides
whether a data directory holds a usable kiosk, makes a new one, or starts a
kiosk whose database was lost again under the county's authorisation.

A data directory whose ``kiosk.sqlite`` is missing or empty (0 bytes) while
its ``keys/`` holds a data key or an enrollment is a kiosk that lost its data,
not a new kiosk: opening it is refused (``database_lost``), because starting
an empty database there would hide the loss (an empty audit chain verifies,
the agent would push a new outbox from sequence 1).

Its way back, when there is no backup, is a reset. The technician's
credential cannot live in the lost database, and anything kept on the kiosk
itself would let whoever holds the kiosk authorise its own reset, so the
credential comes from the county: ``county-gateway reset-code`` signs a
``kiosk.reset_authorised`` item naming the device, the technician, the reason
and an expiry. ``reset`` checks it against the platform key pinned at
enrollment (``keys/enrollment.json``), starts a new database with the same
data key, and records the reset in the new audit chain and in the outbox as a
``kiosk.reset`` record carrying the authorisation, which the gateway checks
again before it accepts anything more from the device (``county.resets``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kiosk.config import Config, render_default_toml
from kiosk.decommission import refuse_decommissioned
from kiosk.errors import ConfigError, KioskError, StoreError
from kiosk import audit, filemodes
from kiosk.identity import SIGN_KEY_FILE, IdentityError, is_enrolled, load_device_keys, load_enrollment, platform_signed
from sync.wire import kinds
from kiosk.store import Store
from kiosk.store.failures import DATABASE_LOST, store_failure
from kiosk.vault import KEY_FILE, Vault, create_key_file

RESET_REFUSED = "reset_refused"
TECHNICIAN_ROLE = "technician"
MIN_REASON = 4


def open_store(config: Config) -> Store:
    """Open the kiosk's store with its vault; a clear error when the kiosk is not
    initialised, when its database was lost, damaged or unwritable, or its key is not the
    database's own, or it was decommissioned."""
    refuse_decommissioned(config)
    refuse_lost_database(config)
    if not config.db_path.exists():
        raise ConfigError(f"no kiosk database in {config.data_dir}",
                          hint="run 'kiosk init' first (or pass --data-dir / set KIOSK_HOME)")
    store = Store(config.db_path, Vault.from_key_dir(config.key_dir))
    store.checkpoint_signer = checkpoint_signer(config)
    return store


def checkpoint_signer(config: Config) -> audit.CheckpointSigner | None:
    """The device key signs audit checkpoints once the kiosk has one (it is made at enrollment)."""
    if not (config.key_dir / SIGN_KEY_FILE).exists():
        return None
    try:
        return audit.CheckpointSigner(load_device_keys(config.key_dir).sign)
    except IdentityError:
        return None


def lost_database(config: Config) -> str | None:
    """Why ``config``'s database counts as lost (missing or empty on a kiosk that has a
    data key or an enrollment), or None when it is there or the kiosk is new."""
    try:
        size: int | None = config.db_path.stat().st_size
    except FileNotFoundError:
        size = None
    if size:
        return None
    owned = []
    if (config.key_dir / KEY_FILE).exists():
        owned.append(f"a data key ({config.key_dir / KEY_FILE})")
    if is_enrolled(config.key_dir):
        owned.append(f"an enrollment ({config.key_dir / 'enrollment.json'})")
    if not owned:
        return None
    state = "is missing" if size is None else "is empty (0 bytes)"
    return f"the kiosk database {config.db_path} {state}, but this kiosk has {' and '.join(owned)}"


def refuse_lost_database(config: Config) -> None:
    reason = lost_database(config)
    if reason is not None:
        raise StoreError(
            f"{reason}: its data is lost, so it is not a new kiosk and will not be opened",
            code=DATABASE_LOST,
            hint=f"restore {config.db_path.name} from the latest backup into {config.data_dir}; "
                 "if there is no backup, a technician resets the kiosk with 'kiosk init --reset "
                 "--authorisation FILE --reason TEXT' using a code from 'county-gateway reset-code' "
                 "(audited, and reported to the county)")


@dataclass(frozen=True)
class InitResult:
    data_dir: str
    database: str
    created: list[str]
    schema: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def initialise(config: Config) -> InitResult:
    """``kiosk init``: make the data directory, configuration file, data key and database
    (each only when missing, all owner-only); refuse a directory whose database was lost."""
    home = config.data_dir
    home.mkdir(parents=True, exist_ok=True)
    created: list[str] = []
    if _write_new_private(config.config_path, render_default_toml()):
        created.append(str(config.config_path))
    key_path = config.key_dir / KEY_FILE
    if not key_path.exists() and config.db_path.exists() and config.db_path.stat().st_size:
        raise ConfigError(f"{config.db_path} exists but its data key {key_path} is missing",
                          hint="restore the key file from backup; a new key cannot read the old data")
    refuse_lost_database(config)
    new_key = not key_path.exists()
    if new_key:
        _create_key(config)
        created.append(str(key_path))
    new_db = not config.db_path.exists()
    try:
        with Store(config.db_path, Vault.from_key_dir(config.key_dir)) as store:
            applied = store.applied_migrations()
    except KioskError:
        if new_db:
            # A first open that failed (a full disk) made at most an empty schema: take it back
            # with the key that never protected anything, so trying again is a new kiosk, not
            # one that lost its database or its key.
            for suffix in ("", "-wal", "-shm"):
                config.db_path.with_name(config.db_path.name + suffix).unlink(missing_ok=True)
            if new_key:
                key_path.unlink(missing_ok=True)
        raise
    if new_db:
        created.append(str(config.db_path))
    return InitResult(str(home), str(config.db_path), created, applied[-1] if applied else None)


@dataclass(frozen=True)
class ResetResult:
    data_dir: str
    database: str
    device_id: str
    technician: str
    previous: str        # missing, empty (the file is kept as ``kept``) or restored (from backup)
    authorisation: str
    record_id: str
    audit_seq: int
    kept: str | None
    schema: str | None
    created: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def read_authorisation(text: str, source: str) -> dict[str, Any]:
    """The reset authorisation (JSON, as 'county-gateway reset-code' prints it)."""
    try:
        item = json.loads(text)
    except ValueError as exc:
        raise StoreError(f"the reset authorisation in {source} is not valid JSON",
                         code=RESET_REFUSED,
                         hint="give the text 'county-gateway reset-code' printed, unchanged") from exc
    if not isinstance(item, dict):
        raise StoreError(f"the reset authorisation in {source} is not a JSON object", code=RESET_REFUSED,
                         hint="give the text 'county-gateway reset-code' printed, unchanged")
    return item


def check_authorisation(item: Mapping[str, Any], config: Config, *, now: dt.datetime) -> str:
    """The technician a valid reset authorisation names; refuses anything else."""
    def refused(why: str, hint: str = "ask the county for a new code: county-gateway reset-code "
                                      "--device DEVICE --technician NAME --reason TEXT") -> StoreError:
        return StoreError(f"the reset authorisation is refused: {why}", code=RESET_REFUSED, hint=hint)

    if not is_enrolled(config.key_dir):
        raise refused("this kiosk is not enrolled, so no county key can vouch for a reset",
                      hint="restore the database from backup, or enroll the kiosk ('kiosk enroll') "
                           "and ask the county for a reset code")
    enrollment = load_enrollment(config.key_dir)
    if not platform_signed(item, enrollment):
        raise refused("it is not signed by the county platform this kiosk is enrolled with")
    if item.get("kind") != kinds.RESET_AUTHORISATION or item.get("subject") != enrollment.device_id:
        raise refused(f"it is not a reset authorisation for this device ({enrollment.device_id})")
    data = item.get("data")
    technician = data.get("technician") if isinstance(data, Mapping) else None
    expires = data.get("expires_at") if isinstance(data, Mapping) else None
    if not isinstance(technician, str) or not technician.strip() or not isinstance(expires, str):
        raise refused("it names no technician or expiry")
    try:
        until = dt.datetime.fromisoformat(expires)
    except ValueError:
        raise refused(f"its expiry {expires!r} is not a time") from None
    if until.tzinfo is None or until <= now:
        raise refused(f"it expired at {expires}")
    return technician.strip()


def reset(config: Config, authorisation: Mapping[str, Any], *, reason: str,
          now: dt.datetime | None = None) -> ResetResult:
    """``kiosk init --reset``: record, under the county's authorisation, that this kiosk's
    database was lost and started again, or was restored from a backup older than what the
    county already holds (the gateway refuses the device's new records until it hears it).

    A lost database is started anew with the same data key; the empty file, when there is
    one, is kept beside it as evidence. The reset is an audit entry and a ``kiosk.reset``
    outbox record saying who, why, and under which authorisation.
    """
    moment = now or dt.datetime.now(dt.timezone.utc)
    technician = check_authorisation(authorisation, config, now=moment)
    if len(reason.strip()) < MIN_REASON:
        raise StoreError("a reset needs a reason (--reason, at least 4 characters)", code=RESET_REFUSED,
                         hint="say what happened, e.g. 'disk replaced, no backup'")
    device_id = str(authorisation["subject"])
    created: list[str] = []
    kept = None
    previous = "restored"
    if lost_database(config) is not None:
        if _write_new_private(config.config_path, render_default_toml()):
            created.append(str(config.config_path))
        if not (config.key_dir / KEY_FILE).exists():
            _create_key(config)
            created.append(str(config.key_dir / KEY_FILE))
        previous = "missing"
        if config.db_path.exists():
            previous = "empty"
            kept_path = config.db_path.with_name(
                f"{config.db_path.name}.lost-{moment.strftime('%Y%m%dT%H%M%SZ')}")
            try:
                os.replace(config.db_path, kept_path)
            except OSError as exc:
                raise store_failure(exc, config.db_path, "cannot set aside") from exc
            kept = str(kept_path)
    elif not config.db_path.exists():
        raise StoreError(f"there is no kiosk database {config.db_path} to reset", code=RESET_REFUSED,
                         hint="a new kiosk needs no reset: run 'kiosk init'")
    detail = {"authorisation_id": str(authorisation.get("item_id")), "technician": technician,
              "reason": reason.strip(), "previous": previous}
    with Store(config.db_path, Vault.from_key_dir(config.key_dir)) as store:
        with store.unit_of_work(f"{TECHNICIAN_ROLE}:{technician}") as uow:
            seq = uow.log("kiosk.reset", device_id, detail)
            record_id = uow.push(kinds.KIOSK_RESET, device_id,
                                 {"authorisation": dict(authorisation), **detail})
        applied = store.applied_migrations()
    return ResetResult(str(config.data_dir), str(config.db_path), device_id, technician, previous,
                       detail["authorisation_id"], record_id, seq, kept, applied[-1] if applied else None,
                       created)


def _write_new_private(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` owner-only (0600) unless the file exists; True if written.
    A write that fails (a full disk) leaves no half-written file behind."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        filemodes.fix_file(path)
    except FileExistsError:
        return False
    except OSError as exc:
        raise store_failure(exc, path, "cannot create") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise store_failure(exc, path, "cannot write") from exc
    return True


def _create_key(config: Config) -> None:
    """A new data key; a failed write leaves no partial key file to be taken for a real one."""
    try:
        create_key_file(config.key_dir)
    except OSError as exc:
        (config.key_dir / KEY_FILE).unlink(missing_ok=True)
        raise store_failure(exc, config.key_dir / KEY_FILE, "cannot create") from exc
