"""`kiosk demo` (what `make demo` runs) on this machine: the headless walk-through with its snapshots where
there is no display, and the app with the device panel, the gateway and the sync agent under Xvfb."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app import open_kiosk
from kiosk.cli.demo_cmd import _start_agent, configure, county_files, display_problem
from kiosk.config import CONFIG_NAME, ConfigError, load_config
from kiosk.errors import KioskError
from kiosk.services.samples import load_sample_restrictions

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SCREEN = "1920x1080x24"


def without_display() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def pids(out: str) -> dict[str, int]:
    gateway = re.search(r"county gateway: process (\d+)", out)
    agent = re.search(r"sync agent runs in its own process (\d+)", out)
    assert gateway and agent, out
    return {"gateway": int(gateway.group(1)), "agent": int(agent.group(1))}


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def test_without_a_display_the_demo_walks_headless_and_writes_the_snapshots(tmp_path: Path) -> None:
    config_home = tmp_path / "xdg-config"
    done = subprocess.run([sys.executable, "-m", "kiosk", "demo", "--handovers", "3", "--workdir", str(tmp_path)],
                          capture_output=True, text=True, timeout=300, cwd=PROJECT_ROOT,
                          env={**without_display(), "XDG_CONFIG_HOME": str(config_home)})
    assert done.returncode == 0, done.stderr
    shots = tmp_path / "kiosk" / "snapshots"
    assert (f"no display (neither DISPLAY nor WAYLAND_DISPLAY is set): running the headless walk-through; "
            f"snapshots in {shots}\n") in done.stdout
    assert "Done: 3 of 3 handovers delivered" in done.stdout
    assert '"duplicates": 0' in done.stdout and '"ok": true' in done.stdout
    assert (tmp_path / "enroll-qr.png").exists() and (tmp_path / "kiosk" / "kiosk.sqlite").exists()
    assert (tmp_path / "county-config" / "storage.key").exists() and not config_home.exists(), \
        "the demo county's key stays in the demo, never in the user's configuration"
    assert len(list((tmp_path / "kiosk" / "printer").glob("*.png"))) == 6, \
        "a payment receipt and a handover receipt per handover"
    pages = list((tmp_path / "kiosk" / "a4").glob("*.pdf"))
    assert pages and all(p.read_bytes()[:5] == b"%PDF-" for p in pages), "certificates printed on stock"
    names = {lang: sorted(p.name for p in (shots / lang).glob("*.png")) for lang in ("zh_CN", "en")}
    assert names["zh_CN"] == names["en"] and "welcome.png" in names["zh_CN"], names
    assert all(png_size(shots / lang / name) == (1920, 1080) for lang in names for name in names[lang])
    assert f"{2 * len(names['en'])} snapshots (zh_CN, en, 1920x1080) in {shots}" in done.stdout
    assert "Traceback" not in done.stderr and "propagateSizeHints" not in done.stderr
    # The county's restriction list reached the kiosk through the gateway and the agent.
    assert "the county publishes its restriction list: 3 developers" in done.stdout
    with open_kiosk(load_config(tmp_path / "kiosk")) as kiosk:
        restrictions = kiosk.credit().restrictions
    assert {(r.uscc, r.in_force) for r in restrictions} == {(s.uscc, not s.lifted) for s in load_sample_restrictions()}
    assert all(r.developer_name for r in restrictions)


def test_what_counts_as_no_display() -> None:
    assert display_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}) == \
        "QT_QPA_PLATFORM=offscreen draws on no screen"
    assert display_problem({}) == "neither DISPLAY nor WAYLAND_DISPLAY is set"
    # A display named but not there: Qt aborts in the probe's process, never in the demo's.
    problem = display_problem({**without_display(), "DISPLAY": ":4093"})
    assert problem is not None and problem.startswith("Qt cannot open it"), problem


def test_the_demo_configures_its_kiosk_through_kiosk_toml(data_dir: Path) -> None:
    configure(data_dir / CONFIG_NAME, {("sync", "interval_seconds"): "2",
                                       ("devices", "card_reader"): '"sim://?card=none"'})
    config = load_config(data_dir)
    assert config["sync"]["interval_seconds"] == 2 and config["devices"]["card_reader"] == "sim://?card=none"
    assert config["sync"]["backoff_cap_seconds"] == 300, "the other keys keep their defaults"
    with pytest.raises(KioskError, match="no line for sync.speed"):
        configure(data_dir / CONFIG_NAME, {("sync", "speed"): "2"})
    with pytest.raises(ConfigError, match="out of range"):
        configure(data_dir / CONFIG_NAME, {("sync", "interval_seconds"): "0"})


def test_an_agent_that_cannot_run_is_reported_and_not_left_behind(data_dir: Path, tmp_path: Path) -> None:
    log = tmp_path / "agent.log"
    with pytest.raises(KioskError, match="the sync agent stopped at once") as raised:
        _start_agent({**os.environ, "KIOSK_HOME": str(data_dir)}, log)
    assert "kiosk sync --once" in str(raised.value.hint) and log.read_text().strip()


@pytest.fixture
def xvfb(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A virtual X server of 1920x1080 (Xvfb, as `xvfb-run -a` starts it) and an environment using it."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed: make test installs it (scripts/setup.sh test), run that first")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN, "-nolisten", "tcp"],
                              pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number.isdigit(), "Xvfb did not start"
    yield {**without_display(), "DISPLAY": f":{number}"}
    server.terminate()
    server.wait(timeout=10)


def test_with_a_display_the_app_and_the_panel_open_and_the_technicians_exit_stops_everything(
        tmp_path: Path, xvfb: dict[str, str]) -> None:
    work, screen = tmp_path / "demo", tmp_path / "screen.png"
    done = subprocess.run([sys.executable, "-m", "kiosk", "demo", "--workdir", str(work),
                           "--first-frame-exit", str(screen)],
                          capture_output=True, text=True, timeout=300, cwd=PROJECT_ROOT, env=xvfb)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "headless" not in done.stdout
    frame = json.loads(next(line for line in done.stdout.splitlines() if line.startswith('{"first_frame"')))
    assert frame["window"] and frame["panel"]
    assert png_size(screen) == (1920, 1080)
    for name, pid in pids(done.stdout).items():
        assert not alive(pid), f"the {name} (process {pid}) outlived the demo"
    assert f"Stopped the sync agent and the county gateway. Data kept in {work}" in done.stdout
    assert "interval_seconds = 2" in (work / "kiosk" / CONFIG_NAME).read_text()
    # The agent ran its loop against the gateway: the staged cases' records reached the county.
    assert "cycle: pushed" in (work / "sync-agent.log").read_text()
    county = subprocess.run([sys.executable, "-m", "county.cli", "status", *county_files(work), "--json"],
                            capture_output=True, text=True, timeout=60, cwd=PROJECT_ROOT)
    assert json.loads(county.stdout)["records_by_kind"].get("handover.delivered") == 1, county.stdout


def test_ctrl_c_in_the_terminal_closes_the_app_and_stops_the_agent_and_the_gateway(
        tmp_path: Path, xvfb: dict[str, str]) -> None:
    work = tmp_path / "demo"
    demo = subprocess.Popen([sys.executable, "-m", "kiosk", "demo", "--workdir", str(work)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=PROJECT_ROOT,
                            env={**xvfb, "PYTHONUNBUFFERED": "1"})
    assert demo.stdout is not None
    seen = ""
    for line in demo.stdout:
        seen += line
        if "the touchscreen app" in line:
            break
    else:
        pytest.fail(f"the demo ended before its app: {seen}{demo.stderr.read() if demo.stderr else ''}")
    agent_log = work / "kiosk" / "logs" / "agent.jsonl"
    deadline = time.monotonic() + 60
    while not (agent_log.exists() and "cycle:" in agent_log.read_text(encoding="utf-8")):
        assert time.monotonic() < deadline, "the demo's sync agent ran no cycle within 60 s"
        time.sleep(0.1)
    assert demo.poll() is None and all(alive(pid) for pid in pids(seen).values())
    demo.send_signal(signal.SIGINT)
    out, err = demo.communicate(timeout=60)
    assert demo.returncode == 0, err[-2000:]
    assert "Stopped the sync agent and the county gateway" in out and "Traceback" not in err
    for name, pid in pids(seen).items():
        assert not alive(pid), f"the {name} (process {pid}) outlived the demo"
