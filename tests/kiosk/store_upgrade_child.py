"""Run as a script by test_store_integrity: open a store that needs upgrading, and SIGKILL this
process at the N-th step of the upgrade (a real kill, nothing cleaned up); N past the last
step lets the upgrade finish. Prints each step's name before it happens."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.store import Store, upgrade
from kiosk.store.migrations import migrations
from kiosk.vault import Vault

FIXTURE_KEY = bytes(range(32))


def main(db: str, kill_at: int) -> None:
    seen = 0

    def step(name: str) -> None:
        nonlocal seen
        seen += 1
        print(name, flush=True)
        if seen == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def after(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            result = fn(*args, **kwargs)
            step(name)
            return result
        return wrapped

    upgrade._copy = after("snapshot copied", upgrade._copy)
    upgrade._verify = after("snapshot verified", upgrade._verify)
    upgrade._publish = after("snapshot published", upgrade._publish)
    for migration in migrations._migrations:
        migration.fn = after(f"{migration.name} done", migration.fn)
    discard = upgrade.discard_snapshot

    def committed(path: Path) -> None:
        step("committed")
        discard(path)

    upgrade.discard_snapshot = committed
    with Store(db, Vault(FIXTURE_KEY)):
        print("opened", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
