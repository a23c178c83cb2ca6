"""Taking a kiosk out of service: its records handed on, its keys gone, its data unreadable for good.

``decommission`` refuses while the outbox still holds records the county has not acknowledged,
unless they were written to removable media for the gateway's import (``kiosk export``: the
caller says where). With the confirmation word typed, it audits the step, writes
``keys/decommissioned.json`` (when, by whom, which device, how many records left by sneakernet),
then removes the enrollment and the device keys (the kiosk can no longer sign or sync: revoked
here, whatever the county does) and overwrites and deletes the data key: every personal field in
``kiosk.sqlite`` is ciphertext without a key from then on. ``refuse_decommissioned`` (called by
``open_store``) then refuses the data directory, saying why.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from kiosk import filemodes
from kiosk.config import Config
from kiosk.errors import StoreError, ValidationError
from kiosk.identity import ENROLLMENT_FILE, KEM_KEY_FILE, SIGN_KEY_FILE, is_enrolled, load_enrollment
from kiosk.services.staff import Actor
from kiosk.store import Store, outbox
from kiosk.vault import KEY_FILE

MARKER_FILE = "decommissioned.json"
CONFIRM_WORD = "DECOMMISSION"


class Decommissioned(StoreError):
    code = "decommissioned"


@dataclass(frozen=True)
class Decommission:
    at: str
    by: str
    device_id: str
    exported_records: int
    exported_to: str

    def as_dict(self) -> dict[str, str | int]:
        return asdict(self)


def decommission(config: Config, store: Store, actor: Actor, *, confirmation: str,
                 exported_to: Path | None = None) -> Decommission:
    """Revoke and wipe this kiosk (see the module). ``exported_to``: where ``kiosk export`` just
    wrote the pending records, when they are handed on by sneakernet."""
    check_confirmation(confirmation)
    pending = outbox.counts(store)[outbox.PENDING]
    if pending and exported_to is None:
        raise ValidationError(f"{pending} record(s) have not reached the county yet", field="outbox",
                              code="outbox_not_empty",
                              hint="run 'kiosk sync --once' until the backlog is 0, or export them for the "
                                   "county's import with --export DIR")
    device_id = load_enrollment(config.key_dir).device_id if is_enrolled(config.key_dir) else ""
    with store.unit_of_work(actor.label) as uow:
        uow.log("device.decommissioned", device_id or "unenrolled",
                {"exported_records": pending if exported_to is not None else 0})
    record = Decommission(at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), by=actor.label,
                          device_id=device_id, exported_records=pending if exported_to is not None else 0,
                          exported_to=str(exported_to or ""))
    filemodes.write_atomic(config.key_dir / MARKER_FILE, json.dumps(record.as_dict(), indent=2).encode("utf-8"))
    for name in (ENROLLMENT_FILE, SIGN_KEY_FILE, KEM_KEY_FILE):
        (config.key_dir / name).unlink(missing_ok=True)
    _shred(config.key_dir / KEY_FILE)
    return record


def check_confirmation(word: str) -> None:
    if word != CONFIRM_WORD:
        raise ValidationError(f"the confirmation word is {CONFIRM_WORD}", field="confirm",
                              hint=f"type {CONFIRM_WORD} exactly: this wipes the data key for good")


def _shred(path: Path) -> None:
    """Overwrite in place before unlinking, so the key's bytes are not simply left in free blocks."""
    if not path.exists():
        return
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.write(os.urandom(size))
        f.flush()
        os.fsync(f.fileno())
    path.unlink()


def refuse_decommissioned(config: Config) -> None:
    marker = config.key_dir / MARKER_FILE
    if not marker.exists():
        return
    try:
        record = json.loads(marker.read_text(encoding="utf-8"))
        when, who = str(record["at"]), str(record["by"])
    except (OSError, ValueError, KeyError, TypeError):
        when, who = "an unknown time", "someone"
    raise Decommissioned(f"this kiosk was decommissioned at {when} by {who}: its data key was wiped, so the "
                         f"data in {config.data_dir} can no longer be read",
                         hint="start a new kiosk in an empty data directory with 'kiosk init' and enroll it "
                              "with a new token")
