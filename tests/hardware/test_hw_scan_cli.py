"""`kiosk scan` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import segno

from kiosk.cli import main


def test_scan_good_missing_and_non_image(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "取号.png"
    segno.make_qr("取号 交房即交证 410425-A-0107".encode("utf-8"), mode="byte").save(str(good), scale=4)
    text_file = tmp_path / "notes.png"
    text_file.write_text("this is not a picture")
    missing = tmp_path / "missing.png"
    assert main(["scan", str(good), str(missing), str(text_file), str(good), "--json"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 4
    assert lines[0]["file"] == str(good)
    assert lines[0]["symbols"] == [{"type": "QRCode", "text": "取号 交房即交证 410425-A-0107"}]
    assert isinstance(lines[0]["ms"], float)
    assert lines[1]["file"] == str(missing) and "no such file" in lines[1]["error"]
    assert lines[2]["file"] == str(text_file) and "not an image" in lines[2]["error"]
    assert lines[3]["symbols"] == lines[0]["symbols"], "the command went on after the errors"


def test_scan_all_readable_exits_0_even_without_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import cv2
    import numpy as np

    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((100, 100), 255, np.uint8))
    assert main(["scan", str(blank), "--json", "--budget-ms", "0"]) == 0
    assert json.loads(capsys.readouterr().out)["symbols"] == []


def test_scan_text_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "code.png"
    segno.make_qr("410425-A-0107").save(str(good), scale=4)
    assert main(["scan", str(good)]) == 0
    assert capsys.readouterr().out == f"{good}: QRCode: 410425-A-0107\n"
    assert main(["scan", str(tmp_path / "nope.png")]) == 1
    assert "no such file" in capsys.readouterr().err
