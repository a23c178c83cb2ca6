"""Read-side benchmark: the Queue and a CaseOverview of a store with thousands of units.

Prints one JSON object. A fresh data directory is made with `kiosk init`;
`kiosk simulate` delivers H complete handovers, then U more units with their
buyers are installed and C of them get a signed contract and a payment
order, so the queue has cases at several stages. Measured: the whole queue,
a queue narrowed by a search, and one CaseOverview, each the median of R
runs. The baseline, in the same run on the same store, is the bare read of
the same unit and buyer rows (one query each, no decryption, no judging):
the least any list screen costs.

    .venv/bin/python bench/views.py [--units 3000] [--handovers 100] [--contracts 300] [--runs 7]

Target (issue 9): the whole queue builds in <= 150 ms of CPU (a touchscreen
list refresh) on a few thousand units; each figure is given as wall and CPU time.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.cli import main as kiosk  # noqa: E402
from kiosk.config import load_config  # noqa: E402
from kiosk.masterdata import buyers_of_unit  # noqa: E402
from kiosk.services import contracts, payments  # noqa: E402
from kiosk.services.context import Context  # noqa: E402
from kiosk.services.samples import SYNTHETIC_PROJECT_ID, install_samples, load_samples, synthetic_units  # noqa: E402
from kiosk.services.signatures import sample_bundle  # noqa: E402
from kiosk.services.simulate import SIMULATOR  # noqa: E402
from kiosk.services.staff import Actor  # noqa: E402
from kiosk.store import Store  # noqa: E402
from kiosk.vault import Vault  # noqa: E402
from kiosk.views.case import case_overview  # noqa: E402
from kiosk.views.queue import queue  # noqa: E402


def median_ms(fn: Callable[[], object], runs: int) -> dict[str, float]:
    """Median wall time and median CPU time of this process: on a busy machine the wall time
    includes waiting for a core, the CPU time is what building the view costs."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return {"wall_ms": round(statistics.median(wall) * 1000, 2), "cpu_ms": round(statistics.median(cpu) * 1000, 2)}


def fill(home: Path, handovers: int, units: int, with_contracts: int) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        assert kiosk(["init", "--data-dir", str(home)]) == 0
        assert kiosk(["simulate", "--handovers", str(handovers), "--json", "--data-dir", str(home)]) == 0
    config = load_config(home)
    with Store(config.db_path, Vault.from_key_dir(config.key_dir)) as store:
        ctx = Context(store, config)
        start = store.read("SELECT count(*) AS n FROM units WHERE project_id = ?", (SYNTHETIC_PROJECT_ID,))[0]["n"]
        extra = synthetic_units(units, start=start)
        install_samples(ctx, SIMULATOR, dataclasses.replace(load_samples(), units=tuple(extra)), training=True)
        staff = Actor(store.read("SELECT id FROM staff WHERE role = 'staff' ORDER BY id LIMIT 1")[0]["id"],
                      "staff", training=True)
        for unit in extra[:with_contracts]:
            contract = contracts.draft(ctx, staff, unit.code)
            doc = contracts.get(store, contract)["doc_hash"]
            contracts.sign(ctx, staff, contract,
                           {b.id: sample_bundle(doc, seed=b.id) for b in buyers_of_unit(store, unit.code)})
            payments.create_order(ctx, staff, unit.code)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=3000)
    parser.add_argument("--handovers", type=int, default=100)
    parser.add_argument("--contracts", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "kiosk"
        fill(home, args.handovers, args.units, args.contracts)
        config = load_config(home)
        with Store(config.db_path, Vault.from_key_dir(config.key_dir)) as store:
            ctx = Context(store, config)
            full = queue(ctx, include_training=True)
            some = store.read("SELECT code FROM units ORDER BY code LIMIT 1 OFFSET ?", (full.total // 2,))[0]["code"]
            queue_ms = median_ms(lambda: queue(ctx, include_training=True), args.runs)
            search_ms = median_ms(lambda: queue(ctx, some, include_training=True), args.runs)
            case_ms = median_ms(lambda: case_overview(ctx, some), args.runs)
            baseline_ms = median_ms(lambda: (store.read("SELECT * FROM units"),
                                             store.read("SELECT * FROM buyers")), args.runs)
    print(json.dumps({
        "benchmark": "views", "units": full.total, "delivered": full.delivered, "ready": len(full.ready),
        "blocked": {g.check: len(g.rows) for g in full.blocked},
        "queue": queue_ms, "queue_search": search_ms, "case_overview": case_ms, "baseline_read": baseline_ms,
        "queue_vs_baseline_read": round(queue_ms["cpu_ms"] / baseline_ms["cpu_ms"], 1),
        "targets_met": {"queue_cpu_le_150_ms": queue_ms["cpu_ms"] <= 150},
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
