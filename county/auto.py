"""``serve --auto-approve SECONDS``: the demo's stand-in for county clerks.

Records of the kinds in ``issuing.AUTO_KINDS`` that have waited ``delay``
seconds are decided exactly as ``county-gateway approve`` /
``confirm-payment`` would. Training records are only stored: a kiosk's
simulation makes up its own training approvals, and a county never decides
training data. A record that cannot be decided (a payment order
without items) is logged once and left for an operator
(``approve`` / ``confirm-payment``).
"""

from __future__ import annotations

import logging
import threading

from county import issuing
from county.errors import AdminError
from county.service import Gateway
from county.store import transaction

log = logging.getLogger("county.auto")


def approve_due(gateway: Gateway, *, delay: float, skipped: set[str]) -> int:
    """Decide every due record not in ``skipped``; returns how many were decided. Records that
    cannot be decided are added to ``skipped``."""
    now = gateway.clock()
    marks = ", ".join("?" for _ in issuing.AUTO_KINDS)
    decided = 0
    with gateway.locked() as conn:
        rows = conn.execute(f"SELECT * FROM records WHERE state = 'received' AND training = 0 "
                            f"AND kind IN ({marks}) "
                            "AND received_at <= ? ORDER BY received_at",
                            (*sorted(issuing.AUTO_KINDS), now - delay)).fetchall()
        for row in rows:
            if row["record_id"] in skipped:
                continue
            try:
                with transaction(conn):
                    issuing.approve(conn, gateway.keys, row, now=now)
                decided += 1
            except AdminError as exc:
                log.warning("auto-approve leaves record %s to an operator: %s",
                            row["record_id"], exc)
                skipped.add(row["record_id"])
    return decided


class AutoApprover(threading.Thread):
    def __init__(self, gateway: Gateway, delay: float) -> None:
        super().__init__(name="auto-approve", daemon=True)
        self.gateway = gateway
        self.delay = delay
        self.stopping = threading.Event()
        self.skipped: set[str] = set()

    def run(self) -> None:
        interval = min(1.0, max(0.1, self.delay / 2))
        while not self.stopping.wait(interval):
            try:
                approve_due(self.gateway, delay=self.delay, skipped=self.skipped)
            except Exception:
                log.exception("auto-approve pass failed; retrying next tick")
