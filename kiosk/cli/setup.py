"""`kiosk init` and `kiosk status`: create a data directory; report the kiosk's state."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.cli.output import add_json_flag, config_from, emit
from kiosk.config import DEVICE_KINDS, render_default_toml
from kiosk.errors import ConfigError
from kiosk.store import Store
from kiosk.vault import KEY_FILE, Vault, create_key_file


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help="create a data directory, data key and database")
    add_json_flag(p)
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("status", help="device, outbox backlog, quarantine, sync state, hardware")
    add_json_flag(p)
    p.set_defaults(func=cmd_status)


def cmd_init(args: argparse.Namespace) -> int:
    config = config_from(args)
    home = config.data_dir
    home.mkdir(parents=True, exist_ok=True)
    created: list[str] = []
    if not config.config_path.exists():
        config.config_path.write_text(render_default_toml(), encoding="utf-8")
        created.append(str(config.config_path))
    key_path = config.key_dir / KEY_FILE
    if not key_path.exists():
        if config.db_path.exists():
            raise ConfigError(f"{config.db_path} exists but its data key {key_path} is missing",
                              hint="restore the key file from backup; a new key cannot read the old data")
        create_key_file(config.key_dir)
        created.append(str(key_path))
    new_db = not config.db_path.exists()
    with Store(config.db_path, Vault.from_key_dir(config.key_dir)) as store:
        applied = store.applied_migrations()
    if new_db:
        created.append(str(config.db_path))
    result = {"data_dir": str(home), "database": str(config.db_path), "created": created,
              "schema": applied[-1] if applied else None}
    if args.json:
        emit(result)
    else:
        print(f"kiosk data directory {home}: " + ("created " + ", ".join(Path(c).name for c in created)
                                                 if created else "already initialised"))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from kiosk.app import open_kiosk

    config = config_from(args)
    with open_kiosk(config) as kiosk:
        result: dict[str, Any] = {"version": __version__, "data_dir": str(config.data_dir)}
        result.update(kiosk.status())
    result["hardware"] = {k: config["devices"][k] for k in DEVICE_KINDS if config["devices"][k]}
    if args.json:
        emit(result)
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0
