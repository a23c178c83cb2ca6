"""The sample county's restriction list, as a throwaway sample kiosk receives it.

A kiosk learns of restricted developers (信用限制) only from the platform, as items the platform
signed, and the restriction list is real data: training items never change it. The sample
restrictions (resources/samples/restrictions.json) therefore reach a kiosk the way real ones do.
``kiosk demo`` publishes them through its county gateway (`county-gateway publish` and `restrict`),
and the agent pulls them. ``kiosk snapshots`` has no gateway: ``publish_sample_restrictions`` plays
the platform for one run, with a key pair that lives only in memory. It signs each developer and
restriction as the gateway does, checks every signature as the agent does, and applies the items
with the agent's handlers, each kept verbatim in ``approvals``. Nothing is trusted afterwards: the
key is gone and the kiosk's pinned platform key, if any, is untouched. The kiosk must be unenrolled
and hold no real unit, so a real kiosk's restriction list is never touched.
"""

from __future__ import annotations

import datetime as dt
import uuid

from kiosk.errors import FlowError
from kiosk.identity import is_enrolled
from kiosk.services import inbound
from kiosk.services.context import Context
from kiosk.services.samples import SampleRestriction
from kiosk.store import approvals
from sync import wire
from sync.wire import kinds

__all__: list[str] = []

ACTOR = "system:sample-platform"


def _items(restriction: SampleRestriction, today: dt.date) -> list[tuple[str, dict[str, object]]]:
    """(kind, data) of what the county publishes for one restriction, in order."""
    since = today.isoformat()
    items: list[tuple[str, dict[str, object]]] = [
        (kinds.MASTER_DEVELOPER, {"name": restriction.name, "address": restriction.address}),
        (kinds.RESTRICTION_SET, {"reason": restriction.reason, "since": since, "until": restriction.until(today)}),
    ]
    if restriction.lifted:
        items.append((kinds.RESTRICTION_LIFTED, {"reason": restriction.reason, "since": since, "until": since}))
    return items


def publish_sample_restrictions(ctx: Context, restrictions: tuple[SampleRestriction, ...]) -> int:
    """Sign the sample restriction list with a key made for this call and apply it as the agent does;
    how many items were applied. Refused on an enrolled kiosk or one holding real units."""
    if is_enrolled(ctx.config.key_dir):
        raise FlowError("this kiosk is enrolled: its restriction list comes from its own platform only",
                        code="enrolled", hint="sample restrictions are for a throwaway sample kiosk")
    if ctx.store.read("SELECT 1 FROM units WHERE training = 0 LIMIT 1"):
        raise FlowError("this kiosk holds real units: sample restrictions would block real cases",
                        code="real_data", hint="sample restrictions are for a throwaway sample kiosk")
    platform = wire.KeyPair.generate()
    issued = ctx.now().isoformat()
    signed = [wire.make_item(platform.sign, item_id=f"SAMPLE-{uuid.uuid4().hex}", kind=kind,
                             subject=restriction.uscc, issued_at=issued, data=data)
              for restriction in restrictions for kind, data in _items(restriction, ctx.today())]
    public = platform.public.sign
    with ctx.store.unit_of_work(ACTOR) as uow:
        uow.log("sync.pull", "sample-platform", {"items": len(signed)})
        for raw in signed:
            item = wire.verify_item(raw, public).to_dict()
            inbound.apply(uow, item)
            approvals.keep(uow, item)
    return len(signed)
