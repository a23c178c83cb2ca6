"""The sample county's restriction list on a throwaway sample kiosk: signed, checked and applied as
pulled items; refused on an enrolled kiosk or one with real units; a bad sample record named."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kiosk import audit
from kiosk.config import load_config
from kiosk.errors import FlowError, ValidationError
from kiosk.identity import Enrollment, b64, save_enrollment
from kiosk.services.context import Context
from kiosk.services.sample_platform import publish_sample_restrictions
from kiosk.services.samples import (RESTRICTIONS_FILE, SAMPLES_DIR, install_samples, load_sample_restrictions,
                                    load_samples)
from kiosk.services.staff import Actor
from kiosk.store import Store
from kiosk.views.credit import credit_view
from sync import wire

INSTALLER = Actor("installer", "system")
NOW = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def ctx(store: Store, data_dir: Path) -> Context:
    return Context(store, load_config(data_dir), clock=lambda: NOW)


def test_the_sample_restrictions_arrive_signed_and_show_on_the_credit_list(ctx: Context) -> None:
    install_samples(ctx, INSTALLER, load_samples())
    restrictions = load_sample_restrictions()
    applied = publish_sample_restrictions(ctx, restrictions)
    assert applied == 2 * len(restrictions) + sum(r.lifted for r in restrictions)

    view = credit_view(ctx, include_training=True)
    shown = {row.uscc: row for row in view.restrictions}
    assert set(shown) == {r.uscc for r in restrictions}
    for sample in restrictions:
        row = shown[sample.uscc]
        assert (row.developer_name, row.reason, row.since) == (sample.name, sample.reason, dt.date(2026, 11, 28))
        assert row.in_force is not sample.lifted
        if sample.until_days:
            assert row.until == dt.date(2026, 11, 28) + dt.timedelta(days=sample.until_days)
    # The sample developer, whose cases the demo and the snapshots walk, is never restricted.
    assert not set(shown) & {d.uscc for d in load_samples().developers}

    # Kept as the agent keeps pulled items: verbatim, with a platform signature, in the audit chain.
    kept = ctx.store.read("SELECT kind, signature FROM approvals")
    assert len(kept) == applied and all(len(r["signature"]) == 64 for r in kept)
    assert audit.verify(ctx.store.conn).ok


def test_refused_on_a_kiosk_that_is_enrolled_or_holds_real_units(ctx: Context, store: Store) -> None:
    install_samples(ctx, INSTALLER, load_samples(), training=False)
    with pytest.raises(FlowError, match="real units") as real:
        publish_sample_restrictions(ctx, load_sample_restrictions())
    assert real.value.code == "real_data"

    platform = wire.KeyPair.generate()
    sign_raw, kem_raw = platform.public.raw()
    save_enrollment(ctx.config.key_dir, Enrollment(
        device_id="d-test", gateway_url="http://127.0.0.1:9", service_point="JX-SP01",
        platform_sign_public=b64(sign_raw), platform_kem_public=b64(kem_raw),
        fingerprint=platform.public.fingerprint(), enrolled_at=NOW.isoformat()))
    with pytest.raises(FlowError, match="enrolled") as enrolled:
        publish_sample_restrictions(ctx, load_sample_restrictions())
    assert enrolled.value.code == "enrolled"
    assert store.read("SELECT count(*) AS n FROM restrictions")[0]["n"] == 0


@pytest.mark.parametrize(("change", "problem", "code"), [
    ({"uscc": "91410425MA4KQ7N2X0"}, "record 1", "uscc_checksum"),
    ({"until_days": 0}, "until_days", "sample_field"),
    ({"lifted": "yes"}, "lifted", "sample_field"),
    ({"reason": "  "}, "reason", "sample_field"),
])
def test_a_bad_sample_restriction_is_named(tmp_path: Path, change: dict[str, object], problem: str,
                                           code: str) -> None:
    records = json.loads((SAMPLES_DIR / RESTRICTIONS_FILE).read_text("utf-8"))
    records[0].update(change)
    (tmp_path / RESTRICTIONS_FILE).write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    with pytest.raises(ValidationError, match=problem) as err:
        load_sample_restrictions(tmp_path)
    assert RESTRICTIONS_FILE in str(err.value) and err.value.code == code and err.value.hint
