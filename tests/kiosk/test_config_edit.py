"""kiosk.config_edit.set_values and Kiosk.set_devices: the changed keys' lines only, validated as
the kiosk reads the file, the file untouched on any refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.app import open_kiosk
from kiosk.config import Config, load_config
from kiosk.config_edit import set_values
from kiosk.errors import ConfigError, ValidationError


def test_keys_set_in_place_and_added(data_dir: Path) -> None:
    path = data_dir / "kiosk.toml"
    before = path.read_text(encoding="utf-8")
    config = set_values(load_config(data_dir), "devices", {"printer": "sim://receipts", "printer_width_mm": 58})
    assert config["devices"]["printer"] == "sim://receipts" and config["devices"]["printer_width_mm"] == 58
    after = path.read_text(encoding="utf-8").splitlines()
    assert len(after) == len(before.splitlines())
    assert 'printer = "sim://receipts"' in after and "printer_width_mm = 58" in after
    assert load_config(data_dir).values == config.values
    # Set again: the now uncommented line is replaced, not duplicated.
    set_values(config, "devices", {"printer": "sim://other"})
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.startswith("printer =")] == ['printer = "sim://other"']


def test_a_file_without_the_section_or_key_gets_them(tmp_path: Path) -> None:
    (tmp_path / "kiosk.toml").write_text("# hand-written\n[logging]\nlevel = \"DEBUG\"\n", encoding="utf-8")
    set_values(Config(data_dir=tmp_path), "devices", {"camera": "cam://0"})
    set_values(load_config(tmp_path), "logging", {"backups": 3})
    text = (tmp_path / "kiosk.toml").read_text(encoding="utf-8")
    assert text.startswith("# hand-written\n[logging]\nlevel = \"DEBUG\"\nbackups = 3\n")
    assert load_config(tmp_path)["devices"]["camera"] == "cam://0"


@pytest.mark.parametrize(("section", "values", "words"), [
    ("devices", {"printer_width_mm": 70}, "not allowed"),
    ("devices", {"printer_width_mm": "80"}, "must be int"),
    ("devices", {"fax": "sim://"}, "unknown key devices.fax"),
    ("nowhere", {"x": 1}, "unknown section [nowhere]"),
    ("devices", {"printer": "sim://a\nb"}, "not be valid TOML"),
])
def test_refused_values_leave_the_file_as_it_was(data_dir: Path, section: str, values: dict[str, object],
                                                 words: str) -> None:
    path = data_dir / "kiosk.toml"
    before = path.read_text(encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        set_values(load_config(data_dir), section, values)
    assert words in str(refused.value)
    assert path.read_text(encoding="utf-8") == before
    assert not list(data_dir.glob(".kiosk-*"))  # no temporary file left behind


def test_set_devices_checks_with_the_callers_check(data_dir: Path) -> None:
    path = data_dir / "kiosk.toml"
    before = path.read_text(encoding="utf-8")

    def refuse_camera(config: Config) -> None:
        if config["devices"]["camera"].startswith("rtsp:"):
            raise ValidationError("unknown camera URI", field="camera")

    with open_kiosk(load_config(data_dir)) as kiosk:
        with pytest.raises(ValidationError):
            kiosk.set_devices({"camera": "rtsp://x"}, check=refuse_camera)
        assert path.read_text(encoding="utf-8") == before and kiosk.config["devices"]["camera"] == "sim://"
        with pytest.raises(ConfigError, match="not a device: printer_width_mm"):
            kiosk.set_devices({"printer_width_mm": "58"})
        kiosk.set_devices({"camera": "cam://0"}, check=refuse_camera)
        assert kiosk.config["devices"]["camera"] == "cam://0"
    assert load_config(data_dir)["devices"]["camera"] == "cam://0"
