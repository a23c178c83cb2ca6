"""Sneakernet: pending outbox records written as sealed batch files.

Each file is exactly the body `POST /v1/batches` would carry
(``<batch id>.jxbatch``), sealed to the platform and signed by the device,
so `county-gateway import DIR` checks it the same way. The records stay
pending here: the kiosk learns they arrived only from a signed ack, which
the next online sync gets for them (the gateway, idempotent by record id,
answers records it already imported as accepted, without storing them twice).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kiosk.identity import Identity
from kiosk.store import Store
from sync import outbox
from sync.push import seal, sendable

SUFFIX = ".jxbatch"


@dataclass(frozen=True)
class ExportResult:
    files: list[str]
    records: int


def export_pending(store: Store, identity: Identity, out_dir: Path, *, batch_max: int) -> ExportResult:
    out_dir.mkdir(parents=True, exist_ok=True)
    files: list[str] = []
    total = 0
    after = 0
    while True:
        fetched = outbox.pending(store, batch_max, after_seq=after)
        if not fetched:
            break
        after = fetched[-1].seq
        rows = sendable(store, fetched)
        if not rows:
            continue
        batch_id, body = seal(store, identity, rows)
        path = out_dir / f"{batch_id}{SUFFIX}"
        tmp = path.with_name(path.name + ".part")
        with open(tmp, "wb") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        files.append(str(path))
        total += len(rows)
    return ExportResult(files, total)

