"""Store benchmark: units with encrypted buyers through the unit of work, against plain sqlite3.

Prints one JSON object. Both sides insert the same cases (a unit and its
buyer); the kiosk side goes through ``kiosk.masterdata`` inside units of work
(validation, AES-GCM fields, blind index, one audit entry and one encrypted
outbox record per case, synchronous=FULL), the baseline writes the same
columns in clear with no audit and no outbox. Then both look up random cases
by unit code and by ID number.

    .venv/bin/python bench/store.py [--cases 1000000] [--batch 500] [--lookups 2000]

Targets (issue 2): lookup p95 <= 2 ms at 1M; unit-of-work inserts >= 2,000
cases/s and within 3x of the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk import masterdata as md  # noqa: E402
from kiosk.rules.idcard import make_check_char  # noqa: E402
from kiosk.rules.unitcode import format_unit_code  # noqa: E402
from kiosk.store import Store  # noqa: E402
from kiosk.vault import Vault  # noqa: E402

USCC = "91350100M000100Y43"


def case(i: int) -> tuple[str, str, str]:
    """The i-th fictitious case: unit code, ID number, name."""
    code = format_unit_code(district=1 + i // 9_000_000, subdistrict=1 + (i // 90_000) % 100,
                            ownership="G", right="B", parcel_seq=1 + (i // 900) % 100,
                            building=1 + (i // 9) % 100, room=101 + i % 9)
    day = 1 + i % 28
    body = f"410425{1960 + i % 40}{1 + (i // 28) % 12:02d}{day:02d}{i % 1000:03d}"
    return code, body + make_check_char(body), f"买受人{i}"


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"p50_ms": round(statistics.median(ordered) * 1000, 3),
            "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 3)}


def kiosk_side(path: Path, cases: list[tuple[str, str, str]], n: int, batch: int, lookups: int,
               per_case: int) -> dict[str, object]:
    store = Store(path, Vault(os.urandom(32)))
    with store.unit_of_work("bench") as uow:
        md.add_developer(uow, USCC, "基准开发公司")
        md.add_project(uow, "BENCH", "基准项目", USCC)

    def insert(i: int, uow) -> None:  # type: ignore[no-untyped-def]
        code, number, name = cases[i]
        md.register_unit(uow, code, "BENCH", [md.NewBuyer(name, number, "13800000000", "河南省平顶山市郏县")],
                         area_centi_m2=9000 + i % 8000, price_fen=50_000_000)
        uow.push("unit.registered", code, {"code": code, "id_number": number})

    start = time.perf_counter()
    for first in range(0, n, batch):
        with store.unit_of_work("bench") as uow:
            for i in range(first, min(n, first + batch)):
                insert(i, uow)
    batched = n / (time.perf_counter() - start)

    start = time.perf_counter()
    for i in range(n, n + per_case):
        with store.unit_of_work("bench") as uow:
            insert(i, uow)
    single = per_case / (time.perf_counter() - start)

    rng = random.Random(7)
    by_code, by_id = [], []
    for _ in range(lookups):
        code, number, name = cases[rng.randrange(n)]
        t = time.perf_counter()
        found = md.buyers_of_unit(store, code)
        by_code.append(time.perf_counter() - t)
        assert found and found[0].name == name
        t = time.perf_counter()
        found = md.find_buyers(store, number)
        by_id.append(time.perf_counter() - t)
        assert any(b.unit_code == code for b in found)
    store.close()
    return {"cases_per_s_batched": round(batched), "cases_per_s_one_per_transaction": round(single),
            "lookup_by_unit_code": percentiles(by_code), "lookup_by_id_number": percentiles(by_id)}


def baseline_side(path: Path, cases: list[tuple[str, str, str]], n: int, batch: int, lookups: int,
                  per_case: int) -> dict[str, object]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE units (code TEXT PRIMARY KEY, project_id TEXT, area_centi_m2 INT, price_fen INT)")
    conn.execute("CREATE TABLE buyers (id INTEGER PRIMARY KEY, unit_code TEXT, name TEXT, id_number TEXT, "
                 "phone TEXT, address TEXT)")
    conn.execute("CREATE INDEX b_unit ON buyers(unit_code)")
    conn.execute("CREATE INDEX b_id ON buyers(id_number)")

    def insert(i: int) -> None:
        code, number, name = cases[i]
        conn.execute("INSERT INTO units VALUES (?, 'BENCH', ?, 50000000)", (code, 9000 + i % 8000))
        conn.execute("INSERT INTO buyers (unit_code, name, id_number, phone, address) VALUES (?, ?, ?, ?, ?)",
                     (code, name, number, "13800000000", "河南省平顶山市郏县"))

    start = time.perf_counter()
    for first in range(0, n, batch):
        conn.execute("BEGIN")
        for i in range(first, min(n, first + batch)):
            insert(i)
        conn.execute("COMMIT")
    batched = n / (time.perf_counter() - start)
    start = time.perf_counter()
    for i in range(n, n + per_case):
        conn.execute("BEGIN")
        insert(i)
        conn.execute("COMMIT")
    single = per_case / (time.perf_counter() - start)
    rng = random.Random(7)
    by_code, by_id = [], []
    for _ in range(lookups):
        code, number, _name = cases[rng.randrange(n)]
        t = time.perf_counter()
        conn.execute("SELECT * FROM buyers WHERE unit_code = ?", (code,)).fetchall()
        by_code.append(time.perf_counter() - t)
        t = time.perf_counter()
        conn.execute("SELECT * FROM buyers WHERE id_number = ?", (number,)).fetchall()
        by_id.append(time.perf_counter() - t)
    conn.close()
    return {"cases_per_s_batched": round(batched), "cases_per_s_one_per_transaction": round(single),
            "lookup_by_unit_code": percentiles(by_code), "lookup_by_id_number": percentiles(by_id)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=500, help="cases per unit of work in the bulk load")
    parser.add_argument("--single", type=int, default=2_000, help="extra cases, one transaction each")
    parser.add_argument("--lookups", type=int, default=2_000)
    args = parser.parse_args()
    # Cases are made before the clock starts, so neither side pays for generating them.
    cases = [case(i) for i in range(args.cases + args.single)]
    with tempfile.TemporaryDirectory() as tmp:
        kiosk = kiosk_side(Path(tmp) / "kiosk.sqlite", cases, args.cases, args.batch, args.lookups, args.single)
        base = baseline_side(Path(tmp) / "plain.sqlite", cases, args.cases, args.batch, args.lookups, args.single)
    targets = {
        "lookup_p95_le_2ms": max(kiosk["lookup_by_unit_code"]["p95_ms"],  # type: ignore[index]
                                 kiosk["lookup_by_id_number"]["p95_ms"]) <= 2.0,  # type: ignore[index]
        # One durable transaction per case is how the kiosk writes while serving people.
        "inserts_ge_2000_per_s_one_per_transaction": kiosk["cases_per_s_one_per_transaction"] >= 2000,  # type: ignore[operator]
        "inserts_within_3x_one_per_transaction":
            base["cases_per_s_one_per_transaction"] / kiosk["cases_per_s_one_per_transaction"] <= 3,  # type: ignore[operator]
        # Bulk loads (master data) batch many cases per unit of work.
        "inserts_ge_2000_per_s_batched": kiosk["cases_per_s_batched"] >= 2000,  # type: ignore[operator]
        "inserts_within_3x_batched": base["cases_per_s_batched"] / kiosk["cases_per_s_batched"] <= 3,  # type: ignore[operator]
    }
    print(json.dumps({
        "benchmark": "store", "cases": args.cases, "batch": args.batch,
        "kiosk": kiosk, "baseline_plain_sqlite": base,
        "slowdown_batched": round(base["cases_per_s_batched"] / kiosk["cases_per_s_batched"], 2),  # type: ignore[operator]
        "slowdown_one_per_transaction": round(base["cases_per_s_one_per_transaction"]  # type: ignore[operator]
                                              / kiosk["cases_per_s_one_per_transaction"], 2),
        "targets_met": targets,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
