"""Record kinds the kiosk pushes and item kinds it pulls.

The wire protocol (``sync.wire.kinds``) spells the same names; the two
packages may not import each other, so ``tests/test_kinds_agree.py`` checks
that both lists match.
"""

from __future__ import annotations

from typing import Final

# The sync agent's feeds, one row each in ``sync_state``.
FEED_PUSH: Final = "push"
FEED_PULL: Final = "pull"
FEEDS: Final = (FEED_PUSH, FEED_PULL)

# Records (kiosk -> county) the gateway reacts to.
FIRST_REGISTRATION_REQUESTED: Final = "first_registration.requested"
REGISTRATION_REQUESTED: Final = "registration.requested"
HANDOVER_READY: Final = "handover.ready"
CONTRACT_SIGNED: Final = "contract.signed"
PAYMENT_ORDER: Final = "payment.order"
MAIL_REQUESTED: Final = "mail.requested"
# The kiosk's database was lost and a technician started a new one (``kiosk init --reset``).
KIOSK_RESET: Final = "kiosk.reset"
# The platform-signed item that authorises that reset (handed to the technician, never pulled).
RESET_AUTHORISATION: Final = "kiosk.reset_authorised"

# Records the gateway stores as given.
ACCEPTANCE_RECORDED: Final = "acceptance.recorded"
HANDOVER_DELIVERED: Final = "handover.delivered"
CERTIFICATE_STOCK: Final = "certificate.stock"
PAYMENT_REFUND_REQUESTED: Final = "payment.refund_requested"
PAYMENT_VOIDED: Final = "payment.voided"
RESTRICTION_OVERRIDDEN: Final = "restriction.overridden"
VIOLATION_RECORDED: Final = "violation.recorded"

# Items (county -> kiosk).
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
