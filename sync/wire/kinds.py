"""Names both ends must spell the same way: record kinds (kiosk -> county),
item kinds (county -> kiosk), HTTP paths and request headers, suites.

Record kinds the reference gateway reacts to (``--auto-approve`` and the
admin commands). Subjects and payload fields it reads; anything else in the
payload is stored as given:

=============================  ===============  ==========================================
record kind                    subject          payload fields the gateway reads
=============================  ===============  ==========================================
first_registration.requested   project id       none
registration.requested         unit code        none
handover.ready                 unit code        none
contract.signed                contract id      none
payment.order                  order id         items: [{payee, amount_fen}]
mail.requested                 mail request id  none
kiosk.reset                    device id        authorisation (the signed item below)
staff.member_added             staff number     {staff_id, name, role, cert_no, cert_expires, by}
=============================  ===============  ==========================================

``staff.member_added``: a supervisor (``by``, a staff number) added a colleague at the terminal
(``kiosk.services.staff.add_member``). The gateway takes the service point from the device's
enrollment, refuses the record (in the acknowledgement) with ``invalid_record`` (payload malformed),
``unknown_service_point`` (the platform holds no roster for it), ``not_permitted`` (a role other than
``staff``, or ``by`` is not an active supervisor with a valid certification the platform put on that
roster) or ``staff_exists`` (the number is on it already: the platform's entry stands), and otherwise adds the member to that service point's roster and
issues a ``staff.roster`` item carrying it. No PIN travels: a PIN set or reset at a terminal stays on that
terminal (``docs/protocol.md`` 8.4 says why). Training records of this kind are only stored. The rules
both ends check are in ``sync.wire.roster``.

``contract.signed`` and ``handover.delivered`` carry ``signatures``, one summary per signature:
{buyer, doc_sha256, bundle_sha256, device_sig, signed_at, identified_by, identified_at}, where
``identified_by`` is ``card`` (the signer's ID card read at the self-service terminal at
``identified_at``), ``staff`` (taken at the counter; ``identified_at`` null) or null (not recorded by
the kiosk at the time); ``docs/protocol.md`` 7.3 has the rules. The gateway stores them as given and
``county-gateway signatures`` shows them.

Record kinds the gateway stores as given: ``acceptance.recorded``,
``handover.delivered``, ``certificate.stock``, ``payment.refund_requested``,
``payment.voided``, ``restriction.overridden``, ``violation.recorded``,
``evaluation.recorded`` (the buyer's 好差评 of a delivered handover: subject the evaluation id,
payload {evaluation_id, unit_code, handover_id, level, level_label, reason}).

A ``kiosk.reset`` record says the kiosk's database was lost and a technician
started a new one, or restored an older backup (``kiosk init --reset``; the
payload also says ``authorisation_id``, ``technician``, ``reason`` and
``previous``: missing, empty or restored). Its authorisation is an item the
gateway signed for that device (``county-gateway reset-code``, kind
``kiosk.reset_authorised``, data ``{technician, reason, expires_at}``), handed
to the technician and never sent in a changes page. A batch whose audit head
is behind one the gateway already stored from the device, carrying new
records, is refused (``audit_rewound``) unless it carries an authorised reset.
A batch whose signed audit checkpoints (``checkpoints``) do not pass through
the checkpoint the gateway last acknowledged for the device, new records or
not, is refused (``audit_diverged``) unless it carries an authorised reset;
the gateway's acknowledgement names the checkpoint it then holds.

Item kinds the gateway issues, with their subject and ``data``:

=============================  ===============  ==========================================
item kind                      subject          data
=============================  ===============  ==========================================
first_registration.approved    project id       {record_id}
registration.recorded          unit code        {record_id, certificate_no, serial?, e_cert_token,
                                                register?}
contract.filed                 contract id      {record_id, filing_no}
payment.confirmed              order id         {record_id, payee, amount_fen, channel_serial, receipt_no}
payment.refunded               order id         {payee, amount_fen, channel_serial, receipt_no}
mail.tracking                  mail request id  {record_id, tracking_no, carrier}
restriction.set                developer USCC   {reason, since, until?}
restriction.lifted             developer USCC   {reason, since, until?}
master.developer / .project /  key of the row   the row as the kiosk stores it
  .unit / .buyer
staff.roster                   service point    {staff: [{id, name, role, cert_no, cert_expires,
                                                pin_hash?, active?, id_number?, version?, origin?}]}
config                         service point    {section: {key: value}}
device.revoked                 device id        {reason}
=============================  ===============  ==========================================

``register`` is the register's entries for the certificate page, as the registration office
recorded them: ``{right_type, right_nature, use, term, ownership, other: [line, ...], registered_on}``
(each text one line of at most 64 characters, at most 8 ``other`` lines, ``registered_on`` as
YYYY-MM-DD; every entry optional). E.g. ``{"right_type": "国有建设用地使用权/房屋所有权",
"right_nature": "出让/市场化商品房", "use": "城镇住宅用地/住宅", "term": "2095年06月30日止",
"ownership": "单独所有", "registered_on": "2026-11-30"}``. A platform that sends none leaves those
fields of the printed page empty.

A ``staff.roster`` item lists the members that changed, each whole; a member it does not name is left
as it is. The reference gateway keeps each service point's roster, gives every change of an entry the
next ``version`` of that service point (an integer) and says where it came from (``origin``:
``platform`` or ``terminal``); it sends ``pin_hash`` only when the platform set a new PIN, so a kiosk keeps
a PIN reset on it until the platform sets another. A kiosk applies items in feed order, so the later
entry wins.

``record_id`` in an approval's data names the kiosk record it answers.
Items issued for training records carry ``"training": true`` in ``data``.
"""

from __future__ import annotations

from typing import Final

# Record kinds (kiosk -> county).
FIRST_REGISTRATION_REQUESTED: Final = "first_registration.requested"
REGISTRATION_REQUESTED: Final = "registration.requested"
HANDOVER_READY: Final = "handover.ready"
CONTRACT_SIGNED: Final = "contract.signed"
PAYMENT_ORDER: Final = "payment.order"
MAIL_REQUESTED: Final = "mail.requested"
ACCEPTANCE_RECORDED: Final = "acceptance.recorded"
HANDOVER_DELIVERED: Final = "handover.delivered"
CERTIFICATE_STOCK: Final = "certificate.stock"
PAYMENT_REFUND_REQUESTED: Final = "payment.refund_requested"
PAYMENT_VOIDED: Final = "payment.voided"
RESTRICTION_OVERRIDDEN: Final = "restriction.overridden"
VIOLATION_RECORDED: Final = "violation.recorded"
KIOSK_RESET: Final = "kiosk.reset"
STAFF_MEMBER_ADDED: Final = "staff.member_added"

# A signed item handed to a technician, not sent in changes pages.
RESET_AUTHORISATION: Final = "kiosk.reset_authorised"
EVALUATION_RECORDED: Final = "evaluation.recorded"

# Item kinds (county -> kiosk).
FIRST_REGISTRATION_APPROVED: Final = "first_registration.approved"
REGISTRATION_RECORDED: Final = "registration.recorded"
CONTRACT_FILED: Final = "contract.filed"
PAYMENT_CONFIRMED: Final = "payment.confirmed"
PAYMENT_REFUNDED: Final = "payment.refunded"
MAIL_TRACKING: Final = "mail.tracking"
RESTRICTION_SET: Final = "restriction.set"
RESTRICTION_LIFTED: Final = "restriction.lifted"
MASTER_DEVELOPER: Final = "master.developer"
MASTER_PROJECT: Final = "master.project"
MASTER_UNIT: Final = "master.unit"
MASTER_BUYER: Final = "master.buyer"
STAFF_ROSTER: Final = "staff.roster"
CONFIG: Final = "config"
DEVICE_REVOKED: Final = "device.revoked"

ITEM_KINDS: Final = frozenset({
    FIRST_REGISTRATION_APPROVED, REGISTRATION_RECORDED, CONTRACT_FILED, PAYMENT_CONFIRMED,
    PAYMENT_REFUNDED, MAIL_TRACKING, RESTRICTION_SET, RESTRICTION_LIFTED, MASTER_DEVELOPER,
    MASTER_PROJECT, MASTER_UNIT, MASTER_BUYER, STAFF_ROSTER, CONFIG, DEVICE_REVOKED,
})

# HTTP surface.
PATH_ENROLL: Final = "/v1/enroll"
PATH_BATCHES: Final = "/v1/batches"
PATH_CHANGES: Final = "/v1/changes"
PATH_HEALTH: Final = "/v1/health"
ENVELOPE_MEDIA_TYPE: Final = "application/vnd.jx.envelope"

# Request headers (case-insensitive on the wire).
H_DEVICE: Final = "X-JX-Device"
H_TIMESTAMP: Final = "X-JX-Timestamp"
H_NONCE: Final = "X-JX-Nonce"
H_BODY_SHA256: Final = "X-JX-Body-SHA256"
H_SIGNATURE: Final = "X-JX-Signature"
# Response header: the gateway's clock (Unix seconds, decimal) on every answer.
H_SERVER_TIME: Final = "X-JX-Server-Time"

# Suites. Only the first is implemented; the others are reserved names so a
# future envelope carrying them is refused as unknown_suite, not misparsed.
SUITE_HPKE_X25519: Final = "HPKE-X25519-HKDF_SHA256-AES_256_GCM"
SUITE_RESERVED_HYBRID: Final = "HPKE-MLKEM768_X25519-HKDF_SHA256-AES_256_GCM"
SUITE_RESERVED_SM: Final = "SM2-SM3-SM4"
SUPPORTED_SUITES: Final = frozenset({SUITE_HPKE_X25519})
