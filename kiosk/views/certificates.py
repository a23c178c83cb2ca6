"""CertificatesView: the security paper and the certificates as the back office sees them.

The stock of blank security paper (sheets left, whether that is low, the lowest and highest
serial on hand), the sheets voided with their reasons, the certificates printed and bound but not
yet handed over (what a supervisor may reprint), the certificates that may still be mailed
(recorded, neither bound at a handover nor asked to be mailed), and the mailing requests with their
tracking state. Recipients' names, phones and addresses stay encrypted in the store: a mailing request
here shows its unit, its state and the requester's masked ID number only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiosk.services.context import Context

__all__ = ["BoundCertificate", "CertificatesView", "MailRequest", "MailableUnit", "VoidedSheet", "certificates_view"]

# Fewer blank sheets than this is "low": about a day and a half of a busy service point's handovers.
STOCK_LOW = 30
RECENT = 50


@dataclass(frozen=True, slots=True)
class VoidedSheet:
    serial: str
    reason: str
    by: str
    at: str


@dataclass(frozen=True, slots=True)
class BoundCertificate:
    unit_code: str
    certificate_no: str
    serial: str
    bound_at: str | None


@dataclass(frozen=True, slots=True)
class MailableUnit:
    """A unit whose certificate is recorded and still at the service point: mailing may be asked for."""

    unit_code: str
    project_name: str
    building: str
    room: str
    certificate_no: str


@dataclass(frozen=True, slots=True)
class MailRequest:
    """``state``: requested, shipped or cancelled (``kiosk.services.states.MAIL_REQUEST``)."""

    id: str
    unit_code: str
    state: str
    requested_by: str
    tracking_no: str | None
    carrier: str | None
    created_at: str


@dataclass(frozen=True, slots=True)
class CertificatesView:
    as_of: dt.datetime
    on_hand: int
    low: bool
    low_below: int
    first_on_hand: str | None
    last_on_hand: str | None
    voided: tuple[VoidedSheet, ...]
    bound: tuple[BoundCertificate, ...]
    mailable: tuple[MailableUnit, ...]
    mail: tuple[MailRequest, ...]


def certificates_view(ctx: Context, *, include_training: bool = False) -> CertificatesView:
    """The stock and the certificates; training certificates and mail only when asked."""
    store = ctx.store
    stock = store.read("SELECT count(*) AS n, min(serial) AS first, max(serial) AS last FROM certificate_stock "
                       "WHERE state = 'on_hand'")[0]
    scope = "" if include_training else " AND training = 0"
    voided = tuple(VoidedSheet(serial=r["serial"], reason=r["reason"] or "", by=r["updated_by"], at=r["updated_at"])
                   for r in store.read("SELECT serial, reason, updated_by, updated_at FROM certificate_stock "
                                       "WHERE state = 'voided' ORDER BY updated_at DESC LIMIT ?", (RECENT,)))
    bound = tuple(BoundCertificate(unit_code=r["unit_code"], certificate_no=r["certificate_no"], serial=r["serial"],
                                   bound_at=r["bound_at"])
                  for r in store.read("SELECT unit_code, certificate_no, serial, bound_at FROM certificates "
                                      f"WHERE state = 'bound'{scope} ORDER BY bound_at DESC, unit_code"))
    # Only "recorded" may be mailed (kiosk.services.states.CERTIFICATE: recorded -> mail_requested).
    mailable = tuple(MailableUnit(unit_code=r["unit_code"], project_name=r["name"], building=r["building"],
                                  room=r["room"], certificate_no=r["certificate_no"])
                     for r in store.read("SELECT c.unit_code, c.certificate_no, u.building, u.room, p.name "
                                         "FROM certificates c JOIN units u ON u.code = c.unit_code "
                                         "JOIN projects p ON p.id = u.project_id "
                                         f"WHERE c.state = 'recorded'{'' if include_training else ' AND c.training = 0'} "
                                         "ORDER BY c.unit_code"))
    mail = tuple(MailRequest(id=r["id"], unit_code=r["unit_code"], state=r["state"], requested_by=r["requested_by"],
                             tracking_no=r["tracking_no"], carrier=r["carrier"], created_at=r["created_at"])
                 for r in store.read("SELECT id, unit_code, state, requested_by, tracking_no, carrier, created_at "
                                     f"FROM mail_requests WHERE 1 = 1{scope} ORDER BY created_at DESC LIMIT ?",
                                     (RECENT,)))
    on_hand = int(stock["n"])
    return CertificatesView(as_of=ctx.now(), on_hand=on_hand, low=on_hand < STOCK_LOW, low_below=STOCK_LOW,
                            first_on_hand=stock["first"], last_on_hand=stock["last"], voided=voided, bound=bound,
                            mailable=mailable, mail=mail)
