"""Flow benchmark: complete scripted handovers against bare store inserts, in one run.

Prints one JSON object. A fresh data directory is made with `kiosk init`;
`kiosk simulate` runs N complete handovers (every step, every signature,
every unit of work durable); the baseline is N units of work of one audit row
each on the same kind of store. Target (issue 3): <= 20 ms per handover.

    .venv/bin/python bench/flows.py [--handovers 1000]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.cli import main as kiosk  # noqa: E402
from kiosk.config import load_config  # noqa: E402
from kiosk.store import Store  # noqa: E402
from kiosk.vault import Vault  # noqa: E402


def simulate(home: Path, n: int) -> dict[str, object]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert kiosk(["init", "--data-dir", str(home)]) == 0
        start = time.perf_counter()
        code = kiosk(["simulate", "--handovers", str(n), "--json", "--data-dir", str(home)])
        wall = time.perf_counter() - start
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    result["exit_code"] = code
    result["wall_s_including_setup"] = round(wall, 2)
    return result


def bare_inserts(home: Path, n: int) -> float:
    config = load_config(home)
    with Store(home / "bare.sqlite", Vault.from_key_dir(config.key_dir)) as store:
        start = time.perf_counter()
        for i in range(n):
            with store.unit_of_work("bench") as uow:
                uow.log("bench.tick", str(i))
        return (time.perf_counter() - start) * 1000 / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--handovers", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "kiosk"
        sim = simulate(home, args.handovers)
        bare_ms = bare_inserts(home, args.handovers)
    print(json.dumps({
        "benchmark": "flows", "handovers": args.handovers, "delivered": sim["delivered"],
        "failed": sim["failed"], "ms_per_handover": sim["ms_per_handover"],
        "bare_insert_ms": round(bare_ms, 3),
        "handover_vs_bare_insert": round(float(sim["ms_per_handover"]) / bare_ms, 1),  # type: ignore[arg-type]
        "outbox_pending": sim["outbox_pending"], "wall_s_including_setup": sim["wall_s_including_setup"],
        "targets_met": {"ms_per_handover_le_20": float(sim["ms_per_handover"]) <= 20},  # type: ignore[arg-type]
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
