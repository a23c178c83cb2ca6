"""Changing keys of ``kiosk.toml`` in place: what the technician's device screen saves.

Only the lines of the keys changed are touched: every comment, every other key and the
order stay as the technician or ``kiosk init`` left them (a key still commented out at its
default is uncommented where it stands). The new text is checked exactly as the kiosk
will read it (``load_config``: unknown keys, types, ranges, choices) and by the caller's
own ``check`` (the device layer's URI check) before the file is replaced in one step, so
a refused change leaves the file as it was.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from kiosk import filemodes
from kiosk.config import CONFIG_NAME, DEFAULTS, Config, _toml_value, merge
from kiosk.errors import ConfigError


def _set_line(lines: list[str], section: str, key: str, value: Any) -> None:
    """Set ``key`` in ``[section]`` of ``lines``: its line (commented out or not) replaced, or a new
    line at the end of the section, or a new section at the end of the file."""
    header = re.compile(r"^\s*\[([^\]]+)\]\s*(#.*)?$")
    entry = re.compile(rf"^\s*#?\s*{re.escape(key)}\s*=")
    text = f"{key} = {_toml_value(value)}"
    end: int | None = None  # where the section's last non-blank line ends
    for n, line in enumerate(lines):
        found = header.match(line)
        if found:
            if end is not None:
                break
            if found.group(1).strip() == section:
                end = n + 1
            continue
        if end is not None:
            if entry.match(line):
                lines[n] = text
                return
            if line.strip():
                end = n + 1
    if end is None:
        lines += ["", f"[{section}]", text]
    else:
        lines.insert(end, text)


def set_values(config: Config, section: str, values: Mapping[str, Any],
               check: Callable[[Config], object] | None = None) -> Config:
    """Write ``values`` into ``[section]`` of the kiosk's ``kiosk.toml``; the configuration now.

    ``ConfigError`` (naming the key) for an unknown section or key or a value the kiosk would
    refuse; whatever ``check`` raises for the new configuration. Either way the file is unchanged.
    """
    if section not in DEFAULTS:
        raise ConfigError(f"unknown section [{section}]", hint=f"known sections: {', '.join(DEFAULTS)}")
    for key in values:
        if key not in DEFAULTS[section]:
            raise ConfigError(f"unknown key {section}.{key}", hint=f"known keys: {', '.join(DEFAULTS[section])}")
    path = config.data_dir / CONFIG_NAME
    try:
        old = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = ""
    lines = old.splitlines()
    for key, value in values.items():
        _set_line(lines, section, key, value)
    text = "\n".join(lines) + "\n"
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: the new value would not be valid TOML: {exc}",
                          hint="type the value without line breaks") from exc
    changed = Config(data_dir=config.data_dir, values=merge(parsed, str(path)))
    if check is not None:
        check(changed)
    fd, tmp = tempfile.mkstemp(prefix=".kiosk-", suffix=".toml", dir=config.data_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, filemodes.file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return changed
