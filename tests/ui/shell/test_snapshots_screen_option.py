"""`kiosk snapshots --screen`: an unknown name is refused before any kiosk is prepared or drawn
(tests/bundle renders one screen through the bundle; test_shell_commands renders them all).
``--reach-line``: the throwaway sample kiosk's ``[display] reach_line_px`` (the caller's kiosk.toml
has no say in it), refused out of that key's range."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from ui.qt import QImage


def test_an_unknown_screen_is_refused_naming_the_screens(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "shots"
    assert main(["snapshots", "--out", str(out), "--screen", "pay", "--screen", "paying"]) != 0
    err = capsys.readouterr().err
    assert "--screen: no screen named paying" in err
    assert "welcome, identify, identify_keypad, identify_not_found, my_case, read_sign, pay, done" in err
    assert not out.exists()


def _plain_row(image: QImage, y: int) -> bool:
    return len({image.pixel(x, y) for x in range(image.width())}) == 1


def test_the_reach_line_puts_the_band_above_the_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "shots"
    assert main(["snapshots", "--out", str(out), "--screen", "welcome", "--size", "1080x1920",
                 "--reach-line", "640"]) == 0
    image = QImage(str(out / "welcome.png"))
    # The band holds only its centred title; the header's buttons start at the line.
    assert _plain_row(image, 40) and _plain_row(image, 620)
    assert not _plain_row(image, 680)
    with pytest.raises(SystemExit):
        main(["snapshots", "--out", str(out), "--reach-line", "1700"])
    assert "--reach-line: '1700': give 0 to 1600 px" in capsys.readouterr().err
