"""`kiosk print-test` with the simulated printer, and `kiosk selftest` with its registry."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from hardware.selftest import NO_DRIVER, SelfTestRegistry, configured_devices, run_self_tests
from kiosk.cli import main


def write_config(home: Path, devices: dict[str, object]) -> None:
    home.mkdir(parents=True, exist_ok=True)
    body = "\n".join(f"{k} = {json.dumps(v)}" for k, v in devices.items())
    (home / "kiosk.toml").write_text(f"[devices]\n{body}\n", encoding="utf-8")


def run(capsys, *argv: str) -> tuple[int, list[dict], str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, [json.loads(line) for line in captured.out.splitlines() if line.strip()], captured.err


def test_print_test_default_printer_is_the_sim_in_the_data_directory(tmp_path: Path, capsys) -> None:
    code, [report], err = run(capsys, "--data-dir", str(tmp_path), "print-test", "--json")
    assert code == 0, err
    assert report["printer"] == f"sim://{tmp_path / 'printer'}"
    assert report["ok"] is True and report["chinese_mode"] == "raster"     # the configured default
    assert report["status"]["state"] == "ok" and report["status"]["source"] == "sim"
    png, txt = (Path(f) for f in report["files"])
    assert png.parent == tmp_path / "printer" and png.stat().st_size > 0
    assert report["bytes"] > 1000


def test_print_test_options_and_relative_sim_path(tmp_path: Path, capsys) -> None:
    code, [report], _ = run(capsys, "--data-dir", str(tmp_path), "print-test", "--printer", "sim://receipts",
                            "--width", "58", "--chinese", "native", "--json")
    assert code == 0 and report["chinese_mode"] == "native"
    text = Path(report["files"][1]).read_text(encoding="utf-8")
    assert "交房即交证" in text and "58 mm" in text and "原生中文" in text
    assert Path(report["files"][1]).parent == tmp_path / "receipts"


def test_print_test_bad_uri_is_a_clear_error(tmp_path: Path, capsys) -> None:
    code = main(["--data-dir", str(tmp_path), "print-test", "--printer", "tcp://printer:abc", "--json"])
    err = capsys.readouterr().err
    assert code == 1 and "port 'abc'" in err


def test_print_test_text_output(tmp_path: Path, capsys) -> None:
    assert main(["--data-dir", str(tmp_path), "print-test"]) == 0
    out = capsys.readouterr().out
    assert "printed a test receipt" in out and ".png" in out


def closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as s:
        return s.getsockname()[1]


def test_selftest_lists_only_configured_devices_and_passes_with_the_sim(tmp_path: Path, capsys) -> None:
    write_config(tmp_path, {"card_reader": "", "camera": "", "scanner": "", "a4_printer": "",
                            "printer": "sim://printer"})
    code, lines, err = run(capsys, "--data-dir", str(tmp_path), "selftest", "--json")
    assert code == 0, err
    assert lines == [{"device": "printer", "ok": True, "detail": f"sim://{tmp_path / 'printer'}: ready"}]


def test_selftest_fails_for_an_unreachable_printer(tmp_path: Path, capsys) -> None:
    write_config(tmp_path, {"card_reader": "", "camera": "", "a4_printer": "",
                            "printer": f"tcp://127.0.0.1:{closed_port()}"})
    code, [line], err = run(capsys, "--data-dir", str(tmp_path), "selftest", "--json")
    assert code == 1 and line["device"] == "printer" and line["ok"] is False
    assert "Connection refused" in line["detail"] and "printer" in err


def test_selftest_with_the_default_configuration_tests_every_default_device(tmp_path: Path, capsys) -> None:
    code, lines, _ = run(capsys, "--data-dir", str(tmp_path), "selftest", "--json")
    assert [line["device"] for line in lines] == ["card_reader", "printer", "camera", "a4_printer"]
    assert all(set(line) == {"device", "ok", "detail"} for line in lines)
    assert lines[1]["ok"] is True
    assert code == (0 if all(line["ok"] for line in lines) else 1)


def test_registry_reports_missing_and_broken_drivers_without_faking_a_pass(tmp_path: Path) -> None:
    registry = SelfTestRegistry({"lamp": (("hardware.no_such_lamp_driver", "self_test"),),
                                 "broken": (("hardware.printer.device", "no_such_function"),)})
    assert registry.run("lamp", "sim://") == (False, NO_DRIVER)
    assert registry.run("broken", "sim://") == (False, NO_DRIVER)
    assert registry.run("unheard_of", "x://") == (False, NO_DRIVER)

    def crashing(uri: str) -> tuple[bool, str]:
        raise RuntimeError("boom")

    registry.register("crash", crashing)
    ok, detail = registry.run("crash", "x://")
    assert not ok and "boom" in detail

    registry.register("camera", crashing)
    results = run_self_tests({"camera": "sim://", "printer": f"sim://{tmp_path}", "printer_chinese": "native",
                              "printer_width_mm": 80, "scanner": ""}, registry=registry)
    assert results[0]["device"] == "camera" and not results[0]["ok"] and "boom" in results[0]["detail"]
    assert results[1:] == [{"device": "printer", "ok": True, "detail": f"sim://{tmp_path}: ready"}]


def test_configured_devices_skips_options_and_empty_uris() -> None:
    assert configured_devices({"printer": " tcp://x ", "printer_chinese": "raster", "printer_width_mm": 58,
                               "scanner": "  ", "camera": "sim://"}) == [("printer", "tcp://x"), ("camera", "sim://")]


@pytest.mark.parametrize("kind", ["printer", "card_reader", "camera", "scanner", "a4_printer"])
def test_registry_finds_the_installed_drivers(kind: str) -> None:
    assert callable(SelfTestRegistry().find(kind))
