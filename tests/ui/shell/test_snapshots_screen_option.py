"""`kiosk snapshots --screen`: an unknown name is refused before any kiosk is prepared or drawn
(tests/bundle renders one screen through the bundle; test_shell_commands renders them all)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main


def test_an_unknown_screen_is_refused_naming_the_screens(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "shots"
    assert main(["snapshots", "--out", str(out), "--screen", "pay", "--screen", "paying"]) != 0
    err = capsys.readouterr().err
    assert "--screen: no screen named paying" in err
    assert "welcome, identify, identify_keypad, identify_not_found, my_case, read_sign, pay, done" in err
    assert not out.exists()
