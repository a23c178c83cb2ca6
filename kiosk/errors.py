"""The kiosk core's exception tree. Every error a person may see says what is
wrong, where, and what to do, and never carries personal data in clear.

KioskError                      base; ``code`` is a stable machine-readable id
├── ValidationError             bad input (an ID number, a unit code, a fee request…)
├── ConfigError                 the configuration file or data directory is unusable
├── StoreError                  the local database cannot be opened or written
│   └── MigrationError          a schema migration failed; the database is unchanged
├── VaultError                  the data key is missing, wrong or the ciphertext is damaged
├── FlowError                   a case step is refused
│   ├── IllegalTransition       the step is not allowed from the current state
│   └── CheckFailed             a handover check failed (reason a person can act on)
├── AuthError                   staff login refused (unknown, wrong PIN, locked, expired)
└── DeviceError                 a hardware device failed (defined further in ``hardware``)

Subsystems outside ``kiosk`` (``hardware``, ``sync``) derive their own errors from
these so the CLI and the UI can handle every failure through one base class.
"""

from __future__ import annotations


class KioskError(Exception):
    """Base of every expected failure. ``str(err)`` is the person-facing message."""

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message} ({self.hint})"
        return self.message


class ValidationError(KioskError):
    """Input that does not satisfy a rule. ``field`` names where the problem is."""

    code = "invalid"

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message, code=code, hint=hint)
        self.field = field


class ConfigError(KioskError):
    code = "config"


class StoreError(KioskError):
    code = "store"


class MigrationError(StoreError):
    code = "migration"


class VaultError(KioskError):
    code = "vault"


class FlowError(KioskError):
    code = "flow"


class IllegalTransition(FlowError):
    code = "illegal_transition"


class CheckFailed(FlowError):
    code = "check_failed"


class AuthError(KioskError):
    code = "auth"


class DeviceError(KioskError):
    code = "device"
