"""Credit codes in the master data the gateway publishes: flagged, never refused, when the check
character fails.

Some real, legal early codes fail the GB 32100 check (Fujian pilot codes, domain.md section 9), and
the county's registers are the authority, so such data is published as it is; the operator is told
which codes to confirm against the business licence, and the kiosk flags the same codes on its side
(``kiosk.masterdata``). Both ends use one arithmetic, ``sync.wire.credit_code``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sync.wire import credit_code, kinds


def failing(kind: str, subject: str, data: Mapping[str, Any]) -> list[str]:
    """The credit codes in an item about to be published whose check character fails."""
    codes = []
    if kind in (kinds.MASTER_DEVELOPER, kinds.RESTRICTION_SET, kinds.RESTRICTION_LIFTED):
        codes.append(subject)
    if kind == kinds.MASTER_PROJECT and isinstance(data.get("developer_uscc"), str):
        codes.append(data["developer_uscc"])
    return sorted({credit_code.normalize(c) for c in codes if credit_code.check_fails(c)})
