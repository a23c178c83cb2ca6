"""Installing the sample: through units of work, idempotent, personal data only encrypted."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from kiosk import audit
from kiosk import masterdata as md
from kiosk.config import load_config
from kiosk.errors import AuthError
from kiosk.services.context import Context
from kiosk.services.samples import Samples, install_samples, load_samples, synthetic_units
from kiosk.services.staff import Actor, login
from kiosk.store import Store

TECH = Actor("T001", "technician")
NOW = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def samples() -> Samples:
    return load_samples()


@pytest.fixture
def ctx(store: Store, data_dir: Path) -> Context:
    return Context(store, load_config(data_dir), clock=lambda: NOW)


def counts(store: Store) -> dict[str, int]:
    tables = ("developers", "projects", "units", "buyers", "staff", "certificate_stock", "audit")
    return {t: store.read(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in tables}


def test_install_twice_adds_nothing_the_second_time(ctx: Context, samples: Samples) -> None:
    first = install_samples(ctx, TECH, samples)
    assert first["units"] == {"added": 72, "present": 0}
    assert first["buyers"]["added"] == sum(len(u.buyers) for u in samples.units)
    assert first["stock"] == {"added": 300, "present": 0}
    after_first = counts(ctx.store)
    assert after_first["units"] == 72 and after_first["staff"] == 5
    assert after_first["certificate_stock"] == 300
    second = install_samples(ctx, TECH, samples)
    assert all(section["added"] == 0 for section in second.values()), second
    assert counts(ctx.store) == after_first, "no row and no audit entry added"
    assert audit.verify(ctx.store.conn).ok
    actors = {r["actor"] for r in ctx.store.read("SELECT DISTINCT actor FROM audit")}
    assert actors == {"technician:T001"}


def test_partial_store_is_completed(ctx: Context, samples: Samples) -> None:
    unit = samples.units[2]
    assert len(unit.buyers) == 2
    with ctx.store.unit_of_work("technician:T001") as uow:
        md.add_developer(uow, samples.developers[0].uscc, samples.developers[0].name)
        md.add_project(uow, "JX-LSHY", "龙山花园", samples.developers[0].uscc)
        md.add_unit(uow, unit.code, "JX-LSHY", area_centi_m2=unit.area_centi_m2, price_fen=unit.price_fen)
        owner = unit.buyers[0]
        md.add_buyer(uow, unit.code, name=owner.name, id_number=owner.id_number)
    report = install_samples(ctx, TECH, samples)
    assert report["units"] == {"added": 71, "present": 1}
    assert report["buyers"]["present"] == 1
    assert [b.id_number for b in md.buyers_of_unit(ctx.store, unit.code)] == \
        [b.id_number for b in unit.buyers]


def test_installed_data_reads_back(ctx: Context, samples: Samples) -> None:
    install_samples(ctx, TECH, samples)
    store = ctx.store
    twice = next(b for u in samples.units for b in u.buyers
                 if sum(b.id_number == c.id_number for v in samples.units for c in v.buyers) == 2)
    holdings = md.find_buyers(store, twice.id_number)
    assert sorted(h.home for h in holdings) == ["first", "second"]
    assert {h.name for h in holdings} == {twice.name}
    unit = samples.units[0]
    row = md.get_unit(store, unit.code)
    assert row is not None
    assert (row["building"], row["room"], row["area_centi_m2"], row["price_fen"], row["training"]) == \
        ("0001", "0101", unit.area_centi_m2, unit.price_fen, 1)
    assert {r["training"] for r in store.read("SELECT training FROM buyers")} == {1}
    assert store.read("SELECT service_point FROM projects WHERE id = 'JX-WMJ'")[0]["service_point"] == "JX-SP02"
    assert {r["state"] for r in store.read("SELECT state FROM certificate_stock")} == {"on_hand"}
    assert login(ctx, "S003", "864200") == Actor("S003", "supervisor")
    with pytest.raises(AuthError) as expired:
        login(ctx, "S009", "112358")
    assert expired.value.code == "certificate_expired"


def test_real_install_is_not_training(ctx: Context, samples: Samples) -> None:
    small = dataclasses.replace(samples, units=samples.units[:3], staff=(), stock=())
    install_samples(ctx, TECH, small, training=False)
    for table in ("developers", "projects", "units", "buyers"):
        assert {r["training"] for r in ctx.store.read(f"SELECT training FROM {table}")} == {0}


def test_synthetic_units_install(ctx: Context, samples: Samples) -> None:
    install_samples(ctx, TECH, samples)
    extra = synthetic_units(150)
    report = install_samples(ctx, TECH, dataclasses.replace(samples, units=tuple(extra)))
    assert report["units"] == {"added": 150, "present": 0}
    assert counts(ctx.store)["units"] == 222
    assert [b.id_number for b in md.buyers_of_unit(ctx.store, extra[2].code)] == \
        [b.id_number for b in extra[2].buyers]


def forms(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("gb18030")]


def test_no_sample_personal_data_in_clear(ctx: Context, samples: Samples) -> None:
    install_samples(ctx, TECH, samples)
    store = ctx.store
    secrets = [s.name for s in samples.staff]
    for unit in samples.units:
        for b in unit.buyers:
            secrets += [b.name, b.id_number, b.id_number[:17], b.phone, b.address]
    wal = Path(str(store.path) + "-wal")
    blobs = {"database": store.path.read_bytes(), "wal": wal.read_bytes() if wal.exists() else b""}
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    blobs["database after checkpoint"] = store.path.read_bytes()
    # Every clear value in the file, with blobs written as hex: a 2-character name is only
    # 4 bytes in GB18030, short enough to occur by chance inside ciphertext, so short
    # forms are looked for in the clear columns and long forms in the raw bytes too.
    dump = "\n".join(store.conn.iterdump())
    for secret in secrets:
        for form in forms(secret):
            assert form not in dump.encode("utf-8") and form not in dump.encode("gb18030", "replace")
            if len(form) >= 6:
                for where, blob in blobs.items():
                    assert form not in blob, f"a sample value found in clear in the {where}"
