"""``[county] time_zone``: documented in the default kiosk.toml, validated when loaded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.config import load_config, render_default_toml
from kiosk.errors import ConfigError


def test_default_is_asia_shanghai_and_documented(tmp_path: Path) -> None:
    assert load_config(tmp_path)["county"]["time_zone"] == "Asia/Shanghai"
    assert '# time_zone = "Asia/Shanghai"' in render_default_toml()


def test_another_iana_zone_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "kiosk.toml").write_text('[county]\ntime_zone = "Asia/Urumqi"\n', encoding="utf-8")
    assert load_config(tmp_path)["county"]["time_zone"] == "Asia/Urumqi"


@pytest.mark.parametrize("value", ['"Asia/Beijing"', '"asia/shanghai"', '"Asia"', '""', '"../../etc/passwd"',
                                   "8"])
def test_a_zone_the_system_does_not_know_is_refused_with_the_key(tmp_path: Path, value: str) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[county]\ntime_zone = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path)
    assert "county.time_zone" in str(err.value) and str(path) in str(err.value)


def test_the_default_zone_has_no_daylight_saving(tmp_path: Path) -> None:
    from kiosk.rules.county_time import CHINA
    for month in range(1, 13):
        assert dt.datetime(2026, month, 15, tzinfo=CHINA).utcoffset() == dt.timedelta(hours=8)
