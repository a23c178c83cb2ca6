"""Re-checking, before a certificate is handed over, that what the kiosk believes came from
the platform: the certificate row must match a stored registration approval whose
signature still verifies against the pinned platform key (design section 6).

The sync agent verified the item when it pulled it; this check catches a row that was
written or changed in the database afterwards. Training cases are exempt: their approvals
are made up locally and can never touch real data.
"""

from __future__ import annotations

from typing import Any

from kiosk.errors import CheckFailed
from kiosk.identity import IdentityError, load_enrollment, platform_signed
from kiosk.rules.certno import normalize_text
from kiosk.services.context import Context
from kiosk.store import approvals
from sync.wire import kinds

__all__: list[str] = []


def check_certificate_approval(ctx: Context, unit_code: str, certificate: dict[str, Any]) -> None:
    """Raise CheckFailed unless a platform-signed registration approval backs ``certificate``."""
    try:
        enrollment = load_enrollment(ctx.config.key_dir)
    except IdentityError as exc:
        raise CheckFailed("the certificate cannot be verified: this kiosk is not enrolled with the platform",
                          code="not_enrolled", hint=str(exc)) from None
    for item in approvals.applied_items(ctx.store, kinds.REGISTRATION_RECORDED, unit_code):
        data = item.get("data") or {}
        if (normalize_text(str(data.get("certificate_no", ""))) == certificate["certificate_no"]
                and (not data.get("serial") or data.get("serial") == certificate["serial"])
                and platform_signed(item, enrollment)):
            return
    raise CheckFailed(f"the certificate record of unit {unit_code} is not backed by a signed approval from "
                      "the platform", code="unverified_certificate",
                      hint="do not hand over; a technician checks the kiosk and syncs again")
