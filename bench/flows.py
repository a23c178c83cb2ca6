"""Flow benchmark: complete scripted handovers against bare store inserts, in one run.

Prints one JSON object. A fresh data directory is made with `kiosk init`;
`kiosk simulate` runs N complete handovers (every step, every signature,
every unit of work durable); the baseline is N units of work of one audit row
each on the same kind of store. Target (issue 3): <= 20 ms per handover.

    .venv/bin/python bench/flows.py [--handovers 1000] [--device-keys]

``--device-keys`` measures the audit checkpoints (``kiosk.audit``): the kiosk signs one every 64
entries at a unit of work's end, and the bare baseline is timed again signing one in every unit.
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

from kiosk import audit  # noqa: E402
from kiosk.cli import main as kiosk  # noqa: E402
from kiosk.config import load_config  # noqa: E402
from kiosk.identity import ensure_device_keys  # noqa: E402
from kiosk.store import Store  # noqa: E402
from kiosk.vault import Vault  # noqa: E402


def simulate(home: Path, n: int, *, device_keys: bool = False) -> dict[str, object]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert kiosk(["init", "--data-dir", str(home)]) == 0
        if device_keys:
            ensure_device_keys(load_config(home).key_dir)
        start = time.perf_counter()
        code = kiosk(["simulate", "--handovers", str(n), "--json", "--data-dir", str(home)])
        wall = time.perf_counter() - start
    result: dict[str, object] = json.loads(out.getvalue().strip().splitlines()[-1])
    result["exit_code"] = code
    with Store(home / "kiosk.sqlite", Vault.from_key_dir(load_config(home).key_dir)) as store:
        result["checkpoints"] = store.conn.execute("SELECT count(*) FROM audit_checkpoints").fetchone()[0]
    result["wall_s_including_setup"] = round(wall, 2)
    return result


def bare_inserts(home: Path, n: int, *, name: str = "bare", signer: audit.CheckpointSigner | None = None) -> float:
    config = load_config(home)
    with Store(home / f"{name}.sqlite", Vault.from_key_dir(config.key_dir)) as store:
        store.checkpoint_signer = signer
        start = time.perf_counter()
        for i in range(n):
            with store.unit_of_work("bench") as uow:
                uow.log("bench.tick", str(i))
        return (time.perf_counter() - start) * 1000 / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--handovers", type=int, default=1000)
    parser.add_argument("--device-keys", action="store_true",
                        help="give the kiosk its device keys first, so it signs audit checkpoints as an "
                             "enrolled kiosk does, and time units of work that each sign one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "kiosk"
        sim = simulate(home, args.handovers, device_keys=args.device_keys)
        bare_ms = bare_inserts(home, args.handovers)
        signed: dict[str, object] = {}
        if args.device_keys:
            key = ensure_device_keys(load_config(home).key_dir).sign
            signed["bare_insert_checkpoint_every_unit_ms"] = round(bare_inserts(
                home, args.handovers, name="signed", signer=audit.CheckpointSigner(key, every=1)), 3)
            signed["checkpoints"] = sim["checkpoints"]
    print(json.dumps({
        "benchmark": "flows", "handovers": args.handovers, "delivered": sim["delivered"],
        "failed": sim["failed"], "ms_per_handover": sim["ms_per_handover"],
        "bare_insert_ms": round(bare_ms, 3), "device_keys": args.device_keys, **signed,
        "handover_vs_bare_insert": round(float(sim["ms_per_handover"]) / bare_ms, 1),  # type: ignore[arg-type]
        "outbox_pending": sim["outbox_pending"], "wall_s_including_setup": sim["wall_s_including_setup"],
        "targets_met": {"ms_per_handover_le_20": float(sim["ms_per_handover"]) <= 20},  # type: ignore[arg-type]
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
