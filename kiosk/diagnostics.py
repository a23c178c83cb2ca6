"""What ``kiosk diagnostics`` collects for a technician, none of it personal.

The zip holds: the configuration (merged with its defaults, secrets removed), the
enrollment's public facts, the database's integrity (a full ``integrity_check`` on a
read-only connection, its migrations, the connection policy, markers of processes that
ended uncleanly), the end of each log file, versions, and free disk. The CLI adds the
``status``, ``selftest`` and ``audit verify`` answers. Everything passes the log scrubber
(``kiosk.logs.scrub``) on its way into the zip, so an ID or phone number that slipped
into a log or an error message leaves the terminal masked.
"""

from __future__ import annotations

import importlib.metadata
import io
import json
import os
import platform
import shutil
import sqlite3
import sys
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from kiosk import __version__, filemodes, logs
from kiosk.config import Config
from kiosk.store import integrity, upgrade
from kiosk.store.connection import connect, policy_of
from kiosk.store.migrations import migrations

LOG_TAIL_BYTES = 256 * 1024
PACKAGES = ("PySide6", "cryptography", "sqlite-utils", "requests", "pyserial", "python-escpos",
            "opencv-python-headless", "pyzbar")
# Configuration keys whose value is a credential; none of today's keys is, the rule is here so
# that a future one (a proxy password, a token) never leaves the terminal.
SECRET_WORDS = ("password", "secret", "token", "pin", "key")


def configuration(config: Config) -> dict[str, dict[str, Any]]:
    """The merged configuration with any credential-like key's value withheld."""
    out: dict[str, dict[str, Any]] = {}
    for section, entries in config.values.items():
        out[section] = {k: ("(withheld)" if any(w in k.lower() for w in SECRET_WORDS) else v)
                        for k, v in entries.items()}
    return out


def enrollment(config: Config) -> dict[str, Any]:
    """The public facts of the enrollment (no key material), or that there is none."""
    path = config.key_dir / "enrollment.json"
    if not path.exists():
        return {"enrolled": False}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return {"enrolled": True, "error": f"cannot read {path.name}: {exc}"}
    keep = ("device_id", "gateway_url", "service_point", "fingerprint", "enrolled_at")
    return {"enrolled": True, **{k: data[k] for k in keep if k in data}}


def database(config: Config) -> dict[str, Any]:
    """The database's full integrity check and upgrade state, read-only."""
    path = config.db_path
    report: dict[str, Any] = {"path": str(path), "exists": path.exists(),
                              "pre_upgrade_snapshot": upgrade.snapshot_path(path).exists()}
    folder = integrity.sessions_dir(path)
    report["open_markers"] = sorted(p.name for p in folder.glob(integrity.MARKER_PREFIX + "*")) \
        if folder.is_dir() else []
    if not path.exists():
        return report
    for suffix in ("", "-wal", "-shm"):
        part = path.with_name(path.name + suffix)
        report[f"size_bytes{suffix}"] = part.stat().st_size if part.exists() else 0
    try:
        conn = connect(path, read_only=True)
    except (sqlite3.Error, OSError) as exc:
        report["error"] = str(exc)
        return report
    try:
        problems = integrity.check(conn, full=True)
        report["integrity_check"] = "ok" if not problems else problems[:50]
        applied = upgrade.applied_names(conn, migrations.name)
        report["migrations_applied"] = applied
        report["migrations_pending"] = [m.name for m in migrations._migrations if m.name not in applied]
        report["policy"] = policy_of(conn)
    except sqlite3.Error as exc:
        report["error"] = str(exc)
    finally:
        conn.close()
    return report


def versions() -> dict[str, Any]:
    found: dict[str, Any] = {"kiosk": __version__, "python": sys.version.split()[0],
                             "sqlite": sqlite3.sqlite_version, "platform": platform.platform(),
                             "libc": " ".join(platform.libc_ver()).strip(), "frozen": bool(getattr(sys, "frozen", False))}
    for name in PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = None
    return found


def disk(config: Config) -> dict[str, Any]:
    try:
        usage = shutil.disk_usage(config.data_dir)
    except OSError as exc:
        return {"error": str(exc)}
    return {"data_dir": str(config.data_dir), "free_bytes": usage.free, "total_bytes": usage.total}


def write_zip(out: Path, parts: Mapping[str, str]) -> Path:
    """Write ``parts`` (name → text, each scrubbed) to ``out`` owner-only, all at once: a zip
    half-written when the medium was pulled is not left looking complete."""
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, logs.scrub(text))
    filemodes.write_atomic(out, buffer.getvalue(), filemodes.OWNER_FILE)
    return out


def as_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n"


def core_parts(config: Config) -> dict[str, str]:
    """The parts the core collects itself (the CLI adds the commands' answers)."""
    parts = {"configuration.json": as_json(configuration(config)),
             "enrollment.json": as_json(enrollment(config)),
             "database.json": as_json(database(config)),
             "versions.json": as_json(versions()),
             "disk.json": as_json(disk(config))}
    for name, text in logs.recent_lines(config, max_bytes=LOG_TAIL_BYTES).items():
        parts[f"logs/{name}"] = text
    return parts


# Where desktop Linux and udisks mount a USB stick: /media/<user>/<label>, /run/media/<user>/<label>,
# or /media/<label> with usbmount.
MEDIA_ROOTS: tuple[Path, ...] = (Path("/media"), Path("/run/media"))


def removable_media(roots: tuple[Path, ...] = MEDIA_ROOTS, *,
                    is_volume: Callable[[Path], bool] = os.path.ismount) -> list[Path]:
    """Writable volumes (``is_volume``: mount points) under ``roots``, one or two levels down, by path."""
    found: set[Path] = set()
    for root in roots:
        try:
            level1 = [p for p in root.iterdir() if p.is_dir()]
        except OSError:
            continue
        for first in level1:
            if is_volume(first):
                found.add(first)
                continue
            try:
                found.update(p for p in first.iterdir() if p.is_dir() and is_volume(p))
            except OSError:
                continue
    return sorted(p for p in found if os.access(p, os.W_OK))


def bundle_name(device_id: str, stamp: str) -> str:
    """``kiosk-diagnostics-<device>-<UTC stamp>.zip``; the device part is '' before enrollment."""
    device = "".join(c for c in device_id if c.isalnum() or c in "-_")
    return f"kiosk-diagnostics-{device + '-' if device else ''}{stamp}.zip"
