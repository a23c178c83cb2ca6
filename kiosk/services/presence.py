"""Who is standing at the terminal: a buyer signs in self-service only after their ID card is read.

At the staffed counter a staff member looks at each person and marks them
present (``handover.identify``). At the self-service terminal nobody looks, so
a number typed on the keypad finds a buyer's cases but proves nothing: anyone
may know it. A signature taken there counts only when the signer's own ID card
was read at the terminal shortly before.

Why the card and nothing else: the reader's security module (SAM) authenticates
the card's chip, so a read means the genuine card lies on the reader. The e-ID
QR text is not verified here (the kiosk has no link to the CTID platform that
signs it, and ``handover.id_number_from`` only takes a number out of the text),
so a printed code carrying someone's number would pass: it is refused like a
typed number.

The proof (``Presence``): the core reads the card's number, finds the buyer
records it belongs to (by the blind index; the number is neither kept nor
logged) and returns those buyer ids with the method and the time, sealed with
an HMAC under the vault's seal subkey (``Vault.seal``, not the blind index's
key). The screen puts ``Presence.stamp()`` into each
signature bundle as ``identified_by`` ``{method, at, buyers, agent_for, proof}``;
the bundle's hash, the device signature and the audit cover it. The signing
commands (``contracts.sign``, ``handover.sign``) call ``require_identified``
for the self-service actor: a bundle without a stamp, with a stamp the core did
not make, one older than ``MAX_AGE``, or one for somebody else is refused with
``signer_not_identified``; the screen then asks each signer's card again. An authorised agent (``handover.register_agent``)
proves presence with their own card and signs the handover papers for the
holders they represent.

Each signature row then keeps how its signer was identified (``identification``): ``card`` with the
read's time, or ``staff`` when a staff member took it at the counter; the platform receives that in
the signature summary (``signatures.signature_summary``, ``docs/protocol.md`` 7.3).
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
from dataclasses import dataclass
from typing import Any

from kiosk.errors import CheckFailed, ValidationError
from kiosk.rules.idcard import parse_identity_document
from kiosk.services.context import Context
from kiosk.services.staff import Actor

__all__: list[str] = []

# The actor of every command a buyer starts at the terminal (the buyer never logs in).
SELF_SERVICE_ID = "self-service"
# Only the card reader proves that the person is here (see the module docstring).
PROOF_METHODS = ("card",)
# A proof lasts as long as a buyer needs from the card read to the last signature: reading a contract
# (page turns keep the session alive; 120 s without a touch end it, ux.md) and signing it. Ten minutes
# is ample for that and short enough that a card read by someone who walked away does not open the pad
# for the next person; a proof that ran out asks for the card again.
MAX_AGE = dt.timedelta(minutes=10)
# A stamp a little in the future is a clock step, not a forgery; more is refused.
CLOCK_SLACK = dt.timedelta(minutes=1)
_MAC_CONTEXT = "presence.proof v2"  # v1 was keyed with the blind index's key


@dataclass(frozen=True)
class Presence:
    """A person's ID card was read at ``at``: they are these buyers (and the agent at these handovers)."""

    method: str
    at: str
    buyers: tuple[int, ...]
    agent_for: tuple[str, ...]
    proof: str

    def covers(self, buyer_id: int, *, represented_at: str | None = None) -> bool:
        """True when this person may sign for ``buyer_id``: it is them, or their agent at that handover."""
        return buyer_id in self.buyers or (represented_at is not None and represented_at in self.agent_for)

    def stamp(self) -> dict[str, Any]:
        """What a signature bundle carries as ``identified_by``."""
        return {"method": self.method, "at": self.at, "buyers": list(self.buyers),
                "agent_for": list(self.agent_for), "proof": self.proof}


def is_self_service(actor: Actor) -> bool:
    return actor.role == "system" and actor.id == SELF_SERVICE_ID


def _mac(ctx: Context, method: str, at: str, buyers: list[int], agent_for: list[str]) -> str:
    payload = json.dumps({"m": method, "at": at, "b": buyers, "a": agent_for},
                         sort_keys=True, separators=(",", ":"))
    return ctx.store.vault.seal(payload, _MAC_CONTEXT).hex()


def prove_presence(ctx: Context, method: str, value: str) -> Presence:
    """The proof that the holder of the ID card read (``value``, its number) is at the terminal now."""
    if method not in PROOF_METHODS:
        raise ValidationError(f"identification by {method!r} does not prove who is at the terminal",
                              field="method", code="presence_not_proof",
                              hint="the signer places their own ID card on the reader")
    number = parse_identity_document(value, today=ctx.today()).normalized
    index = ctx.store.vault.blind_index(number)
    buyers = sorted(int(r["id"]) for r in ctx.store.read("SELECT id FROM buyers WHERE id_index = ?", (index,)))
    agent_for = sorted(str(r["id"]) for r in ctx.store.read(
        "SELECT id FROM handovers WHERE agent_index = ? AND state != 'cancelled'", (index,)))
    at = ctx.now().isoformat(timespec="seconds")
    return Presence(method, at, tuple(buyers), tuple(agent_for), _mac(ctx, method, at, buyers, agent_for))


def prove_signer(ctx: Context, method: str, value: str, buyer_id: int, *,
                 represented_at: str | None = None) -> Presence:
    """``prove_presence``, refused (``not_the_signer``) when the card is not ``buyer_id``'s (nor, with
    ``represented_at``, that handover's agent's)."""
    presence = prove_presence(ctx, method, value)
    if not presence.covers(buyer_id, represented_at=represented_at):
        raise CheckFailed(f"the ID card read is not buyer {buyer_id}'s", code="not_the_signer",
                          hint="each signer places their own ID card; anyone else asks staff")
    return presence


def require_identified(ctx: Context, actor: Actor, buyer_id: int, bundle: Any, *,
                       represented_at: str | None = None) -> None:
    """For the self-service actor: refuse ``bundle`` unless it carries a fresh proof, made by this core,
    that ``buyer_id`` (or, with ``represented_at``, their agent at that handover) signed it in person.
    Other actors are staff, who identify people themselves (``handover.identify``)."""
    if not is_self_service(actor):
        return

    def refuse(why: str) -> CheckFailed:
        return CheckFailed(f"the signature of buyer {buyer_id} was taken at the self-service terminal {why}",
                           code="signer_not_identified",
                           hint="the signer places their own ID card on the reader right before signing, "
                                "or signs at the counter")

    stamp = bundle.get("identified_by") if isinstance(bundle, dict) else None
    if not isinstance(stamp, dict):
        raise refuse("without reading the signer's ID card")
    method, at, buyers, agent_for, proof = (stamp.get(k) for k in ("method", "at", "buyers", "agent_for", "proof"))
    if method not in PROOF_METHODS:
        raise refuse(f"after identification by {method!r}, which does not prove who is there")
    if not (isinstance(at, str) and isinstance(proof, str) and isinstance(buyers, list)
            and isinstance(agent_for, list) and all(isinstance(b, int) for b in buyers)
            and all(isinstance(a, str) for a in agent_for)):
        raise refuse("with a damaged identification record")
    if not hmac.compare_digest(proof, _mac(ctx, method, at, buyers, agent_for)):
        raise refuse("with an identification record this terminal did not make")
    try:
        read_at = dt.datetime.fromisoformat(at)
    except ValueError:
        raise refuse("with a damaged identification record") from None
    now = ctx.now()
    if read_at.tzinfo is None or read_at > now + CLOCK_SLACK:
        raise refuse("with an identification record dated in the future")
    if now - read_at > MAX_AGE:
        raise refuse(f"with an ID card read more than {MAX_AGE.seconds // 60} minutes before")
    presence = Presence(method, at, tuple(buyers), tuple(agent_for), proof)
    if not presence.covers(buyer_id, represented_at=represented_at):
        raise refuse("after reading somebody else's ID card")


def identification(actor: Actor, bundle: Any) -> tuple[str, str | None]:
    """How the signer of ``bundle`` was identified, as the signature record keeps it and the platform
    receives it: ``("card", read_at)`` at the self-service terminal, where ``require_identified`` has
    checked the bundle's stamp, or ``("staff", None)`` when a staff member took the signature and looked
    at the signer. Nobody else takes signatures (``not_permitted``)."""
    if is_self_service(actor):
        stamp = bundle.get("identified_by") if isinstance(bundle, dict) else None
        if not (isinstance(stamp, dict) and stamp.get("method") in PROOF_METHODS
                and isinstance(stamp.get("at"), str)):
            raise CheckFailed("a signature taken at the self-service terminal carries no ID card read",
                              code="signer_not_identified",
                              hint="the signer places their own ID card on the reader right before signing")
        return str(stamp["method"]), str(stamp["at"])
    if actor.role == "system":
        raise CheckFailed(f"{actor.label} may not take signatures", code="not_permitted",
                          hint="signatures are taken at the self-service terminal or by staff at the counter")
    return "staff", None
