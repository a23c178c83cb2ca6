"""Who may read the kiosk's files: its owner only, or its owner and the kiosk's group when
the data directory is a shared one.

Installed as services (``kiosk install-service``), the app and the sync agent run as two
users who share one group, and the data directory is made group-owned with the setgid
bit (mode 2770): then every file the kiosk makes there is owner-and-group (0660, keys
0640 … every one without any access for others) and the checks that refuse a key "readable
by other users" accept the group. Anywhere else (a development checkout, a demo, one
user) everything stays owner-only (0600, directories 0700), as before.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

OWNER_FILE, OWNER_DIR = 0o600, 0o700
SHARED_FILE, SHARED_DIR = 0o660, 0o2770


def shared(path: Path) -> bool:
    """True when ``path`` (a file or directory in the data directory) sits in a shared one:
    the nearest existing directory at or above it is setgid and group-writable."""
    folder = path if path.is_dir() else path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        mode = folder.stat().st_mode
    except OSError:
        return False
    return bool(mode & stat.S_ISGID) and bool(mode & stat.S_IWGRP)


def file_mode(path: Path) -> int:
    return SHARED_FILE if shared(path) else OWNER_FILE


def dir_mode(path: Path) -> int:
    return SHARED_DIR if shared(path.parent) else OWNER_DIR


def too_open(path: Path, mode: int) -> bool:
    """Whether ``mode`` (of ``path``) lets in more than the rule allows."""
    allowed = stat.S_IRWXG if shared(path) else 0
    return bool(mode & (stat.S_IRWXO | (stat.S_IRWXG & ~allowed)))


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) and give it the rule's mode, whatever the umask."""
    mode = dir_mode(path)
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, mode)


def fix_file(path: Path) -> None:
    """Give a file just created the rule's mode (``os.open``'s mode is cut by the umask)."""
    os.chmod(path, file_mode(path))


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` so that a crash or a pulled medium leaves the old file or the new
    one, never half of one: a temporary file beside it, flushed to disk, given ``mode`` (default:
    the rule's mode for ``path``), renamed over it, and the rename flushed too."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, file_mode(path) if mode is None else mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if os.name != "nt":  # Windows cannot open a directory to flush it; NTFS journals the rename
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
