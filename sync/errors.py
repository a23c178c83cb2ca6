"""The sync agent's error tree. What the agent does next depends only on the branch.

SyncError (KioskError)                  base; ``code`` is stable, ``exit_code`` is what `kiosk sync` returns
├── Retryable                           try again later with capped exponential backoff and jitter
│   ├── NetworkError                    connect/read failure, timeout, reset, truncated transfer
│   ├── ServerError                     HTTP 5xx
│   ├── RateLimited                     HTTP 429 (``retry_after`` seconds when the gateway said)
│   ├── BadResponse                     malformed JSON or a truncated envelope (nothing is applied)
│   └── ClockSkew                       the gateway refused our timestamp; the offset is re-learned
├── Permanent                           retrying the same request cannot help; an operator must act
│   ├── Refused                         any other 4xx with the gateway's code and reason
│   ├── AgentLocked                     another agent already runs for this data directory
│   ├── Incompatible                    the other side speaks an unknown suite or format version
│   └── EnrollmentRefused               a used, expired or unknown enrollment token
└── TrustBroken                         stop syncing and show it: the other side cannot be trusted
    ├── BadSignature                    an ack or page not signed by the pinned platform key
    ├── FingerprintMismatch             the platform's keys are not the ones the enrollment QR pinned
    ├── DeviceRevoked                   the platform revoked this device
    └── AuditDiverged                   the audit chain no longer extends the checkpoint the county
                                        acknowledged (``audit_diverged`` from the gateway), or the
                                        kiosk itself will not sign one over a chain cut short or
                                        rewritten; a county-authorised reset is the only way back

Local failures outside this tree (a ``KioskError`` from the store or the
vault, a database busy beyond its timeout) are recorded and retried like
``Retryable`` ones, so the agent never dies on them and resumes by itself.

Per-record rejections (a record the platform refuses) are not exceptions: the
record goes to quarantine with the platform's code and reason and the rest of
the batch keeps flowing. A pulled item whose own signature fails is likewise
not an exception: it is never applied, it is kept as 'rejected' and counted.
"""

from __future__ import annotations

from kiosk.errors import KioskError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_TRUST = 3
EXIT_REVOKED = 4


class SyncError(KioskError):
    code = "sync"
    exit_code = EXIT_FAILED


class Retryable(SyncError):
    code = "retryable"


class NetworkError(Retryable):
    code = "network"


class ServerError(Retryable):
    code = "server_error"

    def __init__(self, message: str, *, status: int, code: str | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message, code=code, hint=hint)
        self.status = status


class RateLimited(Retryable):
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: float | None = None, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.retry_after = retry_after


class BadResponse(Retryable):
    code = "bad_response"


class ClockSkew(Retryable):
    code = "clock_skew"


class Permanent(SyncError):
    code = "permanent"


class Refused(Permanent):
    code = "refused"

    def __init__(self, message: str, *, status: int, code: str | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message, code=code, hint=hint)
        self.status = status


class AgentLocked(Permanent):
    code = "agent_locked"


class Incompatible(Permanent):
    code = "incompatible"


class EnrollmentRefused(Permanent):
    code = "enrollment_refused"


class TrustBroken(SyncError):
    code = "trust_broken"
    exit_code = EXIT_TRUST


class BadSignature(TrustBroken):
    code = "bad_signature"


class FingerprintMismatch(TrustBroken):
    code = "fingerprint_mismatch"


class DeviceRevoked(TrustBroken):
    code = "revoked_device"
    exit_code = EXIT_REVOKED


class AuditDiverged(TrustBroken):
    code = "audit_diverged"
