"""Signed audit checkpoints: what anchors a kiosk's audit chain outside the kiosk.

The audit chain (``kiosk.audit``) is an unkeyed hash chain: whoever holds the
database file can delete its last entries, or edit one and recompute every
later hash, and the chain still verifies. A checkpoint is the device's
Ed25519 signature (domain ``JX-CHECKPOINT-1``) over one point of the chain::

    {"type": "checkpoint", "v": 1, "seq", "hash", "prev_seq", "prev_hash", "at", "sig"}

``seq``/``hash`` are an audit entry's sequence number and hash; ``prev_seq``/
``prev_hash`` name the device's previous checkpoint (``0`` and 64 zeros for
the first). The kiosk signs one only after checking that the entries from the
previous checkpoint to this one link (each entry's hash recomputed), so a
signed link says "the chain between these two points is intact". Nothing
else is in it: no device id (the key is the device; a re-enrolled kiosk keeps
its keys) and no personal data.

How the gateway tells that a new checkpoint *extends* the one it holds without
the chain. Sending the entries' hashes since the held checkpoint would not
do: an entry's hash is SHA-256 over the previous hash *and the entry's
content*, so hashes alone cannot be checked to link, and sending the entries
themselves would ship the kiosk's whole activity log to prove one fact. The
device key already vouches for the kiosk, so the proof is the chain of signed
checkpoints instead: each names its predecessor, and a batch carries every
checkpoint the county has not acknowledged (oldest first, the last one at the
batch's ``audit_head``). The gateway verifies each signature and each link
and accepts when the checkpoint it holds is in that chain or is the first
one's predecessor. An acknowledgement lost on the way back is therefore
harmless (the checkpoint the gateway holds is still among the unacknowledged
ones the kiosk sends next), while a kiosk whose chain was cut short or rewritten
cannot produce a chain through the held checkpoint: the honest kiosk software
will not sign a link over entries that do not link, and a forged link needs
the device key. A restored older copy of the database carries older
checkpoints whose chain stops before the held one. Those batches are refused
with ``audit_diverged`` until a county-signed reset (``kiosk.reset``) comes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync.wire.encoding import b64d, b64e, canonical_json, sign, verify
from sync.wire.errors import AUDIT_DIVERGED, BAD_CHECKPOINT, MalformedError, RequestRefused

GENESIS = "0" * 64
DOMAIN = b"JX-CHECKPOINT-1"
_FIELDS = ("type", "v", "seq", "hash", "prev_seq", "prev_hash", "at", "sig")

SigningKey = Ed25519PrivateKey
VerifyKey = Ed25519PublicKey


@dataclass(frozen=True)
class Checkpoint:
    """A verified checkpoint; ``signed`` is the object as the device signed it."""

    seq: int
    hash: str
    prev_seq: int
    prev_hash: str
    at: str
    signed: dict[str, Any]

    @property
    def ref(self) -> tuple[int, str]:
        return self.seq, self.hash

    @property
    def prev(self) -> tuple[int, str]:
        return self.prev_seq, self.prev_hash


def _unsigned(obj: Mapping[str, Any]) -> bytes:
    return canonical_json({k: v for k, v in obj.items() if k != "sig"})


def make_checkpoint(key: SigningKey, *, seq: int, hash: str, prev_seq: int, prev_hash: str,
                    at: str) -> dict[str, Any]:
    """The device's signed checkpoint at audit entry ``seq`` (linking to its previous one)."""
    obj: dict[str, Any] = {"type": "checkpoint", "v": 1, "seq": seq, "hash": hash,
                           "prev_seq": prev_seq, "prev_hash": prev_hash, "at": at}
    obj["sig"] = b64e(sign(key, DOMAIN, _unsigned(obj)))
    return obj


def _is_hash(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def _is_seq(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def verify_checkpoint(obj: Any, key: VerifyKey) -> Checkpoint:
    """Check one checkpoint's shape and the device's signature; raises ``MalformedError``
    (``bad_checkpoint``) or ``SignatureError`` (``bad_checkpoint``)."""
    if not isinstance(obj, Mapping) or obj.get("type") != "checkpoint" or obj.get("v") != 1:
        raise MalformedError("an audit checkpoint must be a checkpoint object (version 1)",
                             code=BAD_CHECKPOINT)
    extra = set(obj) - set(_FIELDS)
    if extra:
        raise MalformedError(f"unexpected audit checkpoint fields: {', '.join(sorted(extra))}",
                             code=BAD_CHECKPOINT)
    if not (_is_seq(obj.get("seq")) and _is_seq(obj.get("prev_seq")) and _is_hash(obj.get("hash"))
            and _is_hash(obj.get("prev_hash")) and isinstance(obj.get("at"), str)):
        raise MalformedError("an audit checkpoint needs seq, hash, prev_seq, prev_hash (64 hex) and at",
                             code=BAD_CHECKPOINT)
    if obj["seq"] <= obj["prev_seq"]:
        raise MalformedError(f"audit checkpoint {obj['seq']} does not come after its predecessor "
                             f"{obj['prev_seq']}", code=BAD_CHECKPOINT)
    sig = b64d(obj.get("sig"), what="the audit checkpoint signature", length=64, code=BAD_CHECKPOINT)
    verify(key, sig, DOMAIN, _unsigned(obj), what=f"audit checkpoint {obj['seq']}", code=BAD_CHECKPOINT)
    return Checkpoint(obj["seq"], obj["hash"], obj["prev_seq"], obj["prev_hash"], obj["at"], dict(obj))


def verify_chain(objs: Iterable[Any], key: VerifyKey) -> list[Checkpoint]:
    """Verify a run of checkpoints, oldest first, each linking to the one before it."""
    chain: list[Checkpoint] = []
    for obj in objs:
        cp = verify_checkpoint(obj, key)
        if chain and cp.prev != chain[-1].ref:
            raise MalformedError(f"audit checkpoint {cp.seq} does not link to checkpoint {chain[-1].seq} "
                                 "before it", code=BAD_CHECKPOINT)
        chain.append(cp)
    return chain


def check_extends(held: tuple[int, str] | None, chain: Sequence[Checkpoint], *, device_id: str) -> None:
    """Refuse (``audit_diverged``) a verified ``chain`` that does not pass through ``held``, the
    checkpoint the gateway last acknowledged for the device (None: nothing held yet)."""
    if held is None:
        return
    if not chain:
        raise RequestRefused(
            f"device {device_id} sent a batch without an audit checkpoint, but the county holds its "
            f"checkpoint at entry {held[0]}",
            code=AUDIT_DIVERGED, hint=RESET_HINT)
    if chain[0].prev == held or any(cp.ref == held for cp in chain):
        return
    last = chain[-1]
    if last.seq < held[0]:
        what = (f"its audit chain went back: the batch's checkpoint is at entry {last.seq}, older than "
                f"entry {held[0]} the county acknowledged (entries deleted, or an older copy of the "
                "database restored)")
    else:
        what = (f"its audit checkpoint at entry {last.seq} does not extend the checkpoint at entry "
                f"{held[0]} the county acknowledged (entries at or below {held[0]} were rewritten or "
                "deleted, or an older copy of the database restored)")
    raise RequestRefused(f"device {device_id}: {what}", code=AUDIT_DIVERGED, hint=RESET_HINT)


RESET_HINT = ("syncing stops; a technician checks the kiosk ('kiosk audit verify') and records it with "
              "'kiosk init --reset' and a code from 'county-gateway reset-code'")
