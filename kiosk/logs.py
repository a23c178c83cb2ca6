"""Structured logs: one JSON object a line, one file per process, rotated under a size cap.

Each process of a kiosk (``app``: the touchscreen app, ``agent``: the sync agent, ``cli``:
every other command) writes ``logs/<process>.jsonl`` in the data directory, rotated at
``[logging] max_file_kib`` and keeping ``[logging] backups`` older files, so the logs of a
terminal that runs for years never take more than (backups + 1) × max_file_kib per process.
The level comes from ``[logging] level``.

Personal data never reaches the file: every message and traceback passes a scrubber
that masks ID numbers (first 6 and last 4 shown, as on screens) and mobile numbers
before it is written, whatever a careless log call put in it. Names and addresses have
no shape to recognise, so the code logs none (the privacy tests scan the files).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

from kiosk import filemodes
from kiosk.config import Config
from kiosk.privacy import mask_id, mask_phone

LOG_DIR = "logs"
PROCESSES = ("app", "agent", "cli")

# An 18-character resident ID (15-character old numbers too) not inside a longer run of digits,
# and a mainland mobile number.
_ID = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
_PHONE = re.compile(r"(?<!\d)(1[3-9]\d{9})(?!\d)")


def scrub(text: str) -> str:
    """``text`` with every ID number and mobile number masked."""
    return _PHONE.sub(lambda m: mask_phone(m.group(1)), _ID.sub(lambda m: mask_id(m.group(1)), text))


class JsonLineFormatter(logging.Formatter):
    """One JSON object a line: time (UTC), level, process, logger, message, and the
    traceback when there is one; every text scrubbed."""

    def __init__(self, process: str) -> None:
        super().__init__()
        self.process = process

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "process": self.process,
            "pid": record.process,
            "logger": record.name,
            "msg": scrub(record.getMessage()),
        }
        if record.exc_info:
            entry["exc"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


def log_path(config: Config, process: str) -> Path:
    return config.data_dir / LOG_DIR / f"{process}.jsonl"


def setup(config: Config, process: str) -> Path | None:
    """Send this process's logs to its file (replacing a handler an earlier call set); None,
    with nothing set up, when the kiosk has no data directory yet (``kiosk check-id`` on a
    fresh machine must not create one)."""
    if process not in PROCESSES:
        raise ValueError(f"unknown process {process!r}")
    if not config.data_dir.is_dir():
        return None
    path = log_path(config, process)
    try:
        if not path.parent.is_dir():
            filemodes.make_private_dir(path.parent)
        handler = _PrivateRotatingHandler(path, maxBytes=int(config["logging"]["max_file_kib"]) * 1024,
                                          backupCount=int(config["logging"]["backups"]), encoding="utf-8")
    except OSError:
        return None  # a read-only data directory: the command still runs, it logs to stderr only
    handler.setFormatter(JsonLineFormatter(process))
    handler.set_name("kiosk-jsonl")
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "kiosk-jsonl"]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(getattr(logging, str(config["logging"]["level"])))
    return path


class _PrivateRotatingHandler(RotatingFileHandler):
    """Log files are owner-only, like the database: they hold no personal data, but device
    and case identifiers are nobody else's business."""

    def handleError(self, record: logging.LogRecord) -> None:
        """A line that cannot be written (a full disk) is dropped: the command's own error says
        what went wrong, and logging's default, a traceback on stderr, would bury it."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, filemodes.file_mode(Path(self.baseFilename)))
        return os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)


def recent_lines(config: Config, *, max_bytes: int) -> dict[str, str]:
    """The end of each log file (current and rotated), at most ``max_bytes`` per file, by name."""
    folder = config.data_dir / LOG_DIR
    out: dict[str, str] = {}
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.jsonl*")):
        with path.open("rb") as fh:
            size = fh.seek(0, os.SEEK_END)
            fh.seek(max(0, size - max_bytes))
            out[path.name] = fh.read().decode("utf-8", errors="replace")
    return out
