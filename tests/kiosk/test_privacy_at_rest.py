"""No personal data in clear in the database file, its WAL, or the logs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk import masterdata as md
from kiosk.errors import ValidationError
from kiosk.privacy import mask_id, mask_name, mask_phone
from kiosk.rules.unitcode import format_unit_code
from kiosk.store import Store
from privacy_needles import PEOPLE, forms, id_number


def test_raw_bytes_and_logs_hold_no_personal_data(store: Store, data_dir: Path, tmp_path: Path,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    log_file = tmp_path / "kiosk.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    logging.getLogger().addHandler(handler)
    caplog.set_level(logging.DEBUG)
    secrets: list[str] = []
    try:
        with store.unit_of_work("staff:S001") as uow:
            md.add_developer(uow, "91350100M000100Y43", "郏县安居置业有限公司")
            md.add_project(uow, "JX-01", "龙山花园", "91350100M000100Y43")
        for n, (name, prefix, phone, address) in enumerate(PEOPLE, start=1):
            code = format_unit_code(district=1, subdistrict=1, ownership="G", right="B", parcel_seq=1,
                                    building=1, room=100 + n)
            number = id_number(prefix, "00" + str(2 * n + 1))
            secrets += [name, number, phone, address, number[:17]]
            with store.unit_of_work("staff:S001") as uow:
                md.add_unit(uow, code, "JX-01", area_centi_m2=12000, price_fen=60_000_000)
                md.add_buyer(uow, code, name=name, id_number=number, phone=phone, address=address)
                uow.push("buyer.add", code, {"name": name, "id_number": number, "phone": phone})
            found = md.find_buyers(store, number)
            assert [b.name for b in found] == [name]
            logging.getLogger("kiosk.test").info("found %r", found[0])
        with pytest.raises(ValidationError) as err:
            md.find_buyers(store, secrets[1][:-1] + ("0" if secrets[1][-1] != "0" else "1"))
        logging.getLogger("kiosk.test").warning("lookup refused: %s", err.value)
        # The WAL still holds the writes: scan it before and after a checkpoint.
        wal = Path(str(store.path) + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        blobs = {"database": store.path.read_bytes(), "wal": wal.read_bytes()}
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        blobs["database after checkpoint"] = store.path.read_bytes()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    blobs["log file"] = log_file.read_bytes()
    blobs["captured log"] = caplog.text.encode("utf-8")
    for where, blob in blobs.items():
        for secret in secrets:
            for form in forms(secret):
                assert form not in blob, f"{mask_name(secret)} found in clear in the {where}"


def test_masking_shapes() -> None:
    assert mask_id("41042519750315001X") == "410425********001X"
    assert mask_id("12345") == "*****"
    assert mask_id(None) == ""
    assert mask_phone("13903751234") == "139****1234"
    assert mask_name("欧阳明月") == "欧***"
    buyer = md.Buyer(1, "U", 1, "owner", "王建国", "41042519750315001X", None, None, "first")
    assert "41042519750315001X" not in repr(buyer) and "王建国" not in str(buyer)
