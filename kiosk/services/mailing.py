"""Certificate mailing (证书邮寄) for a buyer who cannot come to the handover.

The buyer is identified in person earlier, or remotely through an agent with
a recorded authorisation. The request (recipient, phone, address, all
encrypted) goes to the platform; the tracking number comes back.
"""

from __future__ import annotations

import re
import uuid
from typing import Any, Literal

from kiosk.errors import CheckFailed, FlowError, ValidationError
from kiosk.masterdata import find_buyers
from kiosk.privacy import mask_id, mask_phone
from kiosk.services.approvals import check_training_scope, require_field
from kiosk.services.context import Context
from kiosk.services.printing import create_job, project_service_point
from kiosk.services.staff import Actor, require
from kiosk.services.states import CERTIFICATE, MAIL_REQUEST
from kiosk.store import UnitOfWork
from sync.wire import kinds

__all__ = ["request_mailing"]

PHONE = re.compile(r"^\+?[0-9][0-9 -]{6,19}$")


def request_mailing(ctx: Context, actor: Actor, unit_code: str, *, requester_id_number: str,
                    identified_by: Literal["in_person", "agent"], recipient: str, phone: str,
                    address: str, authorisation_no: str | None = None) -> str:
    require(ctx.store, actor, now=ctx.now())
    if not recipient.strip():
        raise ValidationError("who receives the certificate? give the recipient's name", field="recipient")
    if not PHONE.match(phone.strip()):
        raise ValidationError("the phone number has 7 to 20 digits; check it", field="phone")
    if len(address.strip()) < 6:
        raise ValidationError("give the full postal address", field="address")
    if identified_by == "agent":
        if not (authorisation_no or "").strip():
            raise CheckFailed("an agent needs a recorded authorisation (授权委托书) number",
                              code="no_authorisation", hint="record the authorisation first")
    elif identified_by == "in_person":
        holders = [b for b in find_buyers(ctx.store, requester_id_number) if b.unit_code == unit_code]
        if not holders:
            raise CheckFailed(f"the person identified ({mask_id(requester_id_number)}) is not a holder of "
                              f"unit {unit_code}", code="not_a_holder",
                              hint="only a holder, or an agent with an authorisation, can ask for mailing")
    else:
        raise ValidationError("identified_by is in_person or agent", field="identified_by")
    request_id = f"YJ-{uuid.uuid4().hex[:12]}"
    with ctx.store.unit_of_work(actor.label) as uow:
        cert = uow.execute("SELECT state, training, certificate_no FROM certificates WHERE unit_code = ?",
                           (unit_code,)).fetchone()
        if cert is None:
            raise CheckFailed(f"unit {unit_code} has no recorded certificate yet; mailing can be asked for "
                              "once the registration is recorded", code="no_certificate")
        state = CERTIFICATE.advance(cert[0], "mail")
        v = uow.vault
        uow.insert("mail_requests", {
            "id": request_id, "unit_code": unit_code, "state": MAIL_REQUEST.initial,
            "recipient_enc": v.encrypt(recipient.strip(), "mail_requests.recipient"),
            "phone_enc": v.encrypt(phone.strip(), "mail_requests.phone"),
            "address_enc": v.encrypt(address.strip(), "mail_requests.address"),
            "requested_by": mask_id(requester_id_number), "identified_by": identified_by,
            "training": cert[1], "created_at": uow.at, "updated_at": uow.at})
        uow.update("certificates", {"unit_code": unit_code}, {"state": state})
        uow.log("mail.request", request_id, {"unit": unit_code, "identified_by": identified_by,
                                             "phone": mask_phone(phone.strip()),
                                             "authorisation_no": authorisation_no})
        uow.push(kinds.MAIL_REQUESTED, request_id, {
            "request_id": request_id, "unit_code": unit_code, "recipient": recipient.strip(),
            "phone": phone.strip(), "address": address.strip(), "identified_by": identified_by,
            "authorisation_no": authorisation_no}, training=bool(cert[1]))
        # The courier's slip carries the recipient in full; the job body is encrypted like the row.
        create_job(uow, "mailing_slip", unit_code, {
            "request_id": request_id, "unit_code": unit_code, "certificate_no": cert[2] or "",
            "recipient": recipient.strip(), "phone": phone.strip(), "address": address.strip(),
            "requested_at": uow.at, "service_point": project_service_point(uow, unit_code),
            "training": bool(cert[1])})
    return request_id


def apply_mail_tracking(uow: UnitOfWork, item: dict[str, Any]) -> None:
    request = check_training_scope(uow, item, "mail_requests", "id", str(item["subject"]))
    tracking = str(require_field(item, "tracking_no"))
    carrier = str(item["data"].get("carrier") or "EMS")
    state = MAIL_REQUEST.advance(request["state"], "track")
    uow.update("mail_requests", {"id": request["id"]},
               {"state": state, "tracking_no": tracking, "carrier": carrier, "updated_at": uow.at})
    cert = uow.execute("SELECT state FROM certificates WHERE unit_code = ?", (request["unit_code"],)).fetchone()
    if cert and cert[0] == "mail_requested":
        uow.update("certificates", {"unit_code": request["unit_code"]},
                   {"state": CERTIFICATE.advance(cert[0], "ship")})
    elif not cert or cert[0] != "mailed":
        raise FlowError(f"mail request {request['id']}: the certificate is not waiting for mailing",
                        code="illegal_transition")
    uow.log("mail.tracking", request["id"], {"tracking_no": tracking, "carrier": carrier})
