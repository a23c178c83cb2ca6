"""`kiosk read-card` through the real entry point, against the built-in simulator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hardware.idcard.simulator import SAMPLE_CARDS
from kiosk.cli import main

WANG, ZHAO = SAMPLE_CARDS["wang"], SAMPLE_CARDS["zhao"]
FAST = ["--timeout", "0.3", "--wait", "0.3"]


def _no_full_numbers(*texts: str) -> None:
    for text in texts:
        for card in SAMPLE_CARDS.values():
            assert card.id_number not in text


@pytest.mark.parametrize("port", ["sim", "sim://"])
def test_read_card_json(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read-card", "--port", port, "--json", *FAST]) == 0
    out, err = capsys.readouterr()
    _no_full_numbers(out, err)
    fields = json.loads(out)
    assert fields["id_number_masked"] == "410425********0031"
    assert fields["name"] == "王建国" and fields["nation"] == "汉"
    assert "id_number" not in fields


def test_read_card_text_long_term(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read-card", "--port", "sim://?card=zhao", "--baud", "9600", *FAST]) == 0
    out, err = capsys.readouterr()
    _no_full_numbers(out, err)
    assert "有效期至 valid to: 长期" in out
    assert f"公民身份号码 ID number: {ZHAO.id_number_masked}" in out


def test_default_port_comes_from_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path))  # no kiosk.toml: the default sim:// reader
    assert main(["read-card", "--json", *FAST]) == 0
    assert json.loads(capsys.readouterr().out)["id_number_masked"] == WANG.id_number_masked


@pytest.mark.parametrize(("port", "message"), [
    ("sim://?card=none", "no ID card placed within 0.3 s"),
    ("sim://?fault=truncated", "partial frame"),
    ("sim://?fault=bad_checksum", "checksum"),
    ("sim://?fault=lifted", "card removed during reading, place it again"),
    ("sim://?fault=unknown_type", "not a second-generation resident ID card"),
    ("sim://?fault=sam_not_authorised", "SAM not authorised"),
    ("/nonexistent/ttyUSB9", "cannot be opened"),
    ("usb://1:2", "unknown scheme"),
])
def test_read_card_errors(port: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read-card", "--port", port, "--json", *FAST]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("kiosk read-card: error: ") and message in err
    _no_full_numbers(out, err)
    assert "王建国" not in err


def test_bad_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read-card", "--port", "sim", "--baud", "0"]) == 1
    assert "--baud" in capsys.readouterr().err
