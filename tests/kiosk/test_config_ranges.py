"""Every numeric configuration key has a range; a value outside it is refused naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import CHOICES, DEFAULTS, RANGES, load_config
from kiosk.errors import ConfigError

NUMERIC = [(s, k) for s, keys in DEFAULTS.items() for k, v in keys.items()
           if isinstance(v, int) and not isinstance(v, bool)]


def _write(home: Path, section: str, key: str, value: object) -> None:
    home.mkdir(parents=True, exist_ok=True)
    text = f'"{value}"' if isinstance(value, str) else str(value)
    (home / "kiosk.toml").write_text(f"[{section}]\n{key} = {text}\n", encoding="utf-8")


def test_every_numeric_key_has_a_range_holding_its_default() -> None:
    assert set(NUMERIC) == set(RANGES)
    for (section, key), (low, high) in RANGES.items():
        assert low <= DEFAULTS[section][key] <= high


@pytest.mark.parametrize(("section", "key"), NUMERIC)
def test_out_of_range_values_name_the_key(tmp_path: Path, section: str, key: str) -> None:
    low, high = RANGES[(section, key)]
    for bad in (low - 1, high + 1, -1000):
        _write(tmp_path, section, key, bad)
        with pytest.raises(ConfigError) as err:
            load_config(tmp_path)
        assert f"{section}.{key}" in str(err.value) and str(bad) in str(err.value)
    for good in (low, high):
        if (section, key) in CHOICES and good not in CHOICES[(section, key)]:
            continue
        _write(tmp_path, section, key, good)
        try:
            assert load_config(tmp_path)[section][key] == good
        except ConfigError as exc:  # only an ordering rule with another key may refuse an extreme
            assert "must not exceed" in str(exc)


def test_words_outside_their_choices_name_the_key(tmp_path: Path) -> None:
    _write(tmp_path, "devices", "printer_chinese", "gbk")
    with pytest.raises(ConfigError, match=r"devices\.printer_chinese = 'gbk'.*native, raster"):
        load_config(tmp_path)
    _write(tmp_path, "devices", "printer_width_mm", 70)
    with pytest.raises(ConfigError, match=r"devices\.printer_width_mm = 70 is not allowed"):
        load_config(tmp_path)


def test_ordered_pairs_are_checked(tmp_path: Path) -> None:
    tmp_path.joinpath("kiosk.toml").write_text(
        "[sync]\nmaster_data_warn_hours = 80\nmaster_data_stop_hours = 72\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"sync\.master_data_warn_hours \(80\) must not exceed "
                                          r"sync\.master_data_stop_hours \(72\)"):
        load_config(tmp_path)


def test_negative_deed_tax_rate_stops_kiosk_fees(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "k"
    _write(home, "fees", "other_home_rate_permille", -1000)
    code = main(["fees", "--data-dir", str(home), "--area", "100", "--price", "860000",
                 "--home", "other", "--json"])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert "fees.other_home_rate_permille = -1000 is out of range" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize(("section", "key", "value"), [
    ("security", "lockout_minutes", -5), ("security", "pin_max_failures", 0),
    ("sync", "interval_seconds", 0), ("sync", "backoff_cap_seconds", 0)])
def test_cli_refuses_bad_lockout_and_sync_values(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 section: str, key: str, value: int) -> None:
    home = tmp_path / "k"
    assert main(["init", "--data-dir", str(home)]) == 0
    _write(home, section, key, value)
    assert main(["status", "--data-dir", str(home)]) == 1
    assert f"{section}.{key} = {value} is out of range" in capsys.readouterr().err
