"""`kiosk snapshots` (every registered screen, both languages, two panel sizes, both checks) and
`kiosk run` (first frame offscreen; refuses to start without a CJK font, saying why)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli import main
from ui.qt import QApplication, QImage
from ui.shell.registry import SCREENS

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def restore(qapp: QApplication) -> Iterator[None]:
    yield
    qapp.setStyleSheet("")


@pytest.mark.parametrize("size", ["1920x1080", "1280x800"])
def test_snapshots_of_every_screen_in_both_languages_fit_and_draw(
        size: str, tmp_path: Path, restore: None, capsys: pytest.CaptureFixture[str]) -> None:
    names = {}
    for lang in ("zh_CN", "en"):
        out = tmp_path / lang
        assert main(["snapshots", "--out", str(out), "--lang", lang, "--size", size, "--json"]) == 0
        report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
        assert report["problems"] == 0, report["screens"]
        assert [s["screen"] for s in report["screens"]] == [e.name for e in SCREENS]
        names[lang] = sorted(p.name for p in out.iterdir())
        width, height = (int(n) for n in size.split("x"))
        for png in out.iterdir():
            image = QImage(str(png))
            assert (image.width(), image.height()) == (width, height), png.name
    assert names["zh_CN"] == names["en"] == sorted(f"{e.name}.png" for e in SCREENS)


def test_snapshots_in_large_text_mode_fit_too(tmp_path: Path, restore: None,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    for lang in ("zh_CN", "en"):
        code = main(["snapshots", "--out", str(tmp_path / lang), "--lang", lang, "--size", "1280x800",
                     "--large-text", "--json"])
        report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
        assert [s["screen"] for s in report["screens"] if s["problems"]] == [], report["screens"]
        assert code == 0


def test_high_contrast_snapshots_of_a_buyer_screen_fit_and_are_light_on_dark(
        tmp_path: Path, restore: None, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["snapshots", "--out", str(tmp_path), "--size", "1280x800", "--large-text", "--high-contrast",
                 "--screen", "pay", "--json"])
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 0 and report["high_contrast"] is True
    assert [(s["screen"], s["problems"]) for s in report["screens"]] == [("welcome", []), ("pay", [])]
    image = QImage(str(tmp_path / "pay.png"))
    assert image.pixelColor(8, image.height() - 8).name() == "#000000"  # the screen's background


def test_snapshots_refuse_a_bad_size(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["snapshots", "--out", str(tmp_path), "--size", "big"])


def _run(data_dir: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "KIOSK_HOME": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "kiosk", "run", "--first-frame-exit", *extra],
                          cwd=ROOT, env={**base, **(env or {})}, capture_output=True, text=True, timeout=120)


def test_kiosk_run_shows_its_first_frame_and_logs_to_the_data_dir(data_dir: Path) -> None:
    done = _run(data_dir, "--training")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "first_frame" in json.loads(done.stdout.strip().splitlines()[-1])
    # One JSON-lines log for the app process, in the kiosk's data directory (also for --training).
    assert (data_dir / "logs" / "app.jsonl").exists()
    assert not list(data_dir.rglob("kiosk-ui.log"))


def test_kiosk_run_refuses_to_start_without_a_chinese_font(data_dir: Path, tmp_path: Path) -> None:
    conf = tmp_path / "no-fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                    f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n", encoding="utf-8")
    done = _run(data_dir, env={"FONTCONFIG_FILE": str(conf)})
    assert done.returncode == 1 and "first_frame" not in done.stdout
    assert "fonts-wqy-microhei" in done.stderr and "未安装简体中文字体" in done.stderr
    assert "Traceback" not in done.stderr
