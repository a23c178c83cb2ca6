"""Kiosk configuration: one TOML file, ``kiosk.toml`` in the data directory.

The data directory is ``--data-dir``, else ``$KIOSK_HOME``, else the platform's
user data directory (``$XDG_DATA_HOME/jiaxian-kiosk`` or
``~/.local/share/jiaxian-kiosk``). Every key has a documented default, so a
missing file or a missing key means "use the default"; an unknown key, a
value of the wrong type or a number outside its range (``RANGES``) is an
error naming the key, never silently ignored.
"""

from __future__ import annotations

import copy
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.errors import ConfigError
from kiosk.rules.county_time import CHINA_TIME_ZONE, county_zone

CONFIG_NAME = "kiosk.toml"
DB_NAME = "kiosk.sqlite"
KEY_DIR_NAME = "keys"

# The defaults, section by section; the comments are the documentation that
# `kiosk init` writes into a new kiosk.toml.
DEFAULTS: dict[str, dict[str, Any]] = {
    "county": {
        "code": "410425",          # GB/T 2260 code the unit codes must start with
        "name": "郏县",
        "province_abbr": "豫",      # used in certificate numbers
        "time_zone": CHINA_TIME_ZONE,  # IANA zone of every business date (contract, report, reconciliation day)
    },
    "service_point": {
        "id": "",                  # assigned at enrollment
        "name": "",
    },
    "unit_code": {
        "ownership_letters": "GJZ",             # first letter of the feature code
        "right_letters": "ABSXCDEFHGWYLN",      # second letter (configurable: GB/T 37346 table not fully confirmed)
        "fixture_letters": "FLQW",
    },
    "certificate": {
        "province_abbr": "豫",
        "place": "郏县",
        "sequence_min_digits": 6,
        "sequence_max_digits": 8,
        "sequence_digits": 7,       # used when formatting
    },
    "fees": {
        "maintenance_fund_fen_per_m2": 0,      # 0 = the maintenance fund is not collected at the kiosk
        "other_home_rate_permille": 30,        # deed tax for third+ homes / non-residential (Henan: 3%, unconfirmed)
    },
    "security": {
        "pin_max_failures": 5,
        "lockout_minutes": 15,
    },
    "sync": {
        "gateway_url": "",
        "interval_seconds": 30,
        "backoff_cap_seconds": 300,
        "batch_max_records": 500,
        "master_data_warn_hours": 24,
        "master_data_stop_hours": 72,
    },
    "devices": {
        "card_reader": "sim://",   # serial:///dev/ttyUSB0?baud=115200 for a real reader
        "printer": "sim://printer",  # relative sim:// paths live in the data directory
        "printer_chinese": "raster",  # "native" (GB18030 in Chinese mode) or "raster"
        "printer_width_mm": 80,
        "camera": "sim://",
        "scanner": "",              # serial:///dev/ttyACM0 for a serial scan engine, sim:// for the simulator
        "a4_printer": "pdf://a4",   # pdf://DIR: the simulator writing PDF files (relative: in the data directory)
    },
    "display": {
        "reach_line_px": 0,         # portrait panels: nothing anyone taps above this many px from the top, on every screen (0: none)
    },
    "training": {
        "enabled": False,           # true: 'kiosk run' is always a training session (data in training/)
    },
    "logging": {
        "level": "INFO",            # DEBUG, INFO, WARNING or ERROR; logs/<process>.jsonl in the data directory
        "max_file_kib": 2048,       # a log file is rotated at this size
        "backups": 4,               # rotated files kept per process (the cap: (backups + 1) x max_file_kib)
    },
}


# The [devices] keys that hold a device URI (the others configure a device).
DEVICE_KINDS: tuple[str, ...] = ("card_reader", "printer", "camera", "scanner", "a4_printer")

# The inclusive range of every numeric key: a value outside it is refused naming the key,
# never used (a negative deed tax rate once printed a negative tax with exit 0).
RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("certificate", "sequence_min_digits"): (1, 12),
    ("certificate", "sequence_max_digits"): (1, 12),
    ("certificate", "sequence_digits"): (1, 12),
    ("fees", "maintenance_fund_fen_per_m2"): (0, 100_000),   # at most 1,000 yuan per m²
    ("fees", "other_home_rate_permille"): (0, 100),          # deed tax is at most 10 %
    ("security", "pin_max_failures"): (1, 100),
    ("security", "lockout_minutes"): (1, 24 * 60),
    ("sync", "interval_seconds"): (1, 24 * 3600),
    ("sync", "backoff_cap_seconds"): (1, 24 * 3600),
    ("sync", "batch_max_records"): (1, 10_000),
    ("sync", "master_data_warn_hours"): (1, 365 * 24),
    ("sync", "master_data_stop_hours"): (1, 365 * 24),
    ("devices", "printer_width_mm"): (58, 80),
    ("display", "reach_line_px"): (0, 1600),                 # at most most of a 1920 px tall panel
    ("logging", "max_file_kib"): (16, 1024 * 1024),
    ("logging", "backups"): (1, 100),
}

# Keys whose value must be one of a few words (or numbers).
CHOICES: dict[tuple[str, str], tuple[object, ...]] = {
    ("devices", "printer_chinese"): ("native", "raster"),
    ("devices", "printer_width_mm"): (58, 80),
    ("logging", "level"): ("DEBUG", "INFO", "WARNING", "ERROR"),
}

# Pairs (smaller, larger) that must keep their order.
ORDERED: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = (
    (("certificate", "sequence_min_digits"), ("certificate", "sequence_digits")),
    (("certificate", "sequence_digits"), ("certificate", "sequence_max_digits")),
    (("sync", "master_data_warn_hours"), ("sync", "master_data_stop_hours")),
)


def default_data_dir() -> Path:
    env = os.environ.get("KIOSK_HOME")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "jiaxian-kiosk"


@dataclass(frozen=True)
class Config:
    """The merged configuration; ``values[section][key]`` always holds a value."""

    data_dir: Path
    values: dict[str, dict[str, Any]] = field(default_factory=lambda: copy.deepcopy(DEFAULTS))

    def __getitem__(self, section: str) -> dict[str, Any]:
        return self.values[section]

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def key_dir(self) -> Path:
        return self.data_dir / KEY_DIR_NAME

    @property
    def config_path(self) -> Path:
        return self.data_dir / CONFIG_NAME

    def resolve_sim_path(self, uri: str) -> str:
        """Make a relative ``sim://name`` or ``pdf://name`` device URI point into the data directory."""
        for scheme in ("sim://", "pdf://"):
            rest = uri[len(scheme):]
            if uri.startswith(scheme) and rest and not rest.startswith(("/", "?")):
                return scheme + str(self.data_dir / rest)
        return uri


def merge(values: dict[str, Any], source: str) -> dict[str, dict[str, Any]]:
    """Overlay ``values`` on the defaults, refusing unknown keys and wrong types."""
    merged = copy.deepcopy(DEFAULTS)
    for section, entries in values.items():
        if section not in DEFAULTS:
            raise ConfigError(f"{source}: unknown section [{section}]",
                              hint=f"known sections: {', '.join(DEFAULTS)}")
        if not isinstance(entries, dict):
            raise ConfigError(f"{source}: [{section}] must be a table")
        for key, value in entries.items():
            if key not in DEFAULTS[section]:
                raise ConfigError(f"{source}: unknown key {section}.{key}",
                                  hint=f"known keys: {', '.join(DEFAULTS[section])}")
            want = type(DEFAULTS[section][key])
            if not isinstance(value, want) or isinstance(value, bool) != (want is bool):
                raise ConfigError(f"{source}: {section}.{key} must be {want.__name__}, "
                                  f"not {type(value).__name__}")
            _check_value(source, section, key, value)
            merged[section][key] = value
    county_zone(merged["county"]["time_zone"], source=source)
    for (s1, k1), (s2, k2) in ORDERED:
        if merged[s1][k1] > merged[s2][k2]:
            raise ConfigError(f"{source}: {s1}.{k1} ({merged[s1][k1]}) must not exceed "
                              f"{s2}.{k2} ({merged[s2][k2]})", hint=f"lower {s1}.{k1} or raise {s2}.{k2}")
    return merged


def _check_value(source: str, section: str, key: str, value: Any) -> None:
    span = RANGES.get((section, key))
    if span is not None and not span[0] <= value <= span[1]:
        raise ConfigError(f"{source}: {section}.{key} = {value} is out of range",
                          hint=f"{section}.{key} must be from {span[0]} to {span[1]}")
    choices = CHOICES.get((section, key))
    if choices is not None and value not in choices:
        raise ConfigError(f"{source}: {section}.{key} = {value!r} is not allowed",
                          hint=f"{section}.{key} must be one of {', '.join(map(str, choices))}")


def load_config(data_dir: Path | str | None = None) -> Config:
    home = Path(data_dir) if data_dir is not None else default_data_dir()
    path = home / CONFIG_NAME
    values: dict[str, Any] = {}
    if path.exists():
        try:
            values = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}",
                              hint="fix the file or delete it to use the defaults") from exc
    return Config(data_dir=home, values=merge(values, str(path)))


def render_default_toml() -> str:
    """The text `kiosk init` writes: every key at its default, commented out."""
    lines = ["# Jia County 交房即交证 kiosk configuration.",
             "# Every key is shown at its default; uncomment to change it.", ""]
    for section, entries in DEFAULTS.items():
        lines.append(f"[{section}]")
        for key, value in entries.items():
            lines.append(f"# {key} = {_toml_value(value)}")
        lines.append("")
    return "\n".join(lines)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
