"""Gateway-side failures that are not protocol refusals (those are ``sync.wire.WireError``).

GatewayError            base; ``code`` is stable, ``str()`` the operator-facing message
├── GatewayStoreError   the database or the platform key file is unusable
└── AdminError          an admin command cannot do what was asked (nothing pending, bad input)
"""

from __future__ import annotations


class GatewayError(Exception):
    code: str = "gateway"

    def __init__(self, message: str, *, code: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class GatewayStoreError(GatewayError):
    code = "gateway_store"


class AdminError(GatewayError):
    code = "admin"
