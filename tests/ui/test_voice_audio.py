"""The voice prompts really played: a PulseAudio server started here (a null sink in a temporary
directory, Debian's ``pulseaudio``: ``scripts/setup.sh test``), the kiosk's ``VoicePlayer`` in a process
of its own (tests/ui/voice_child.py) playing to it, and what reaches the sink recorded from its monitor.

The child waits with ``QTest.qWait``, which holds Python's lock while Qt works, as a Python call into Qt
does: a player made by Python deadlocked there as a clip ended (ui/voice/player.py), so every answer is
awaited with a bound, and a child that stops answering fails the test instead of hanging it."""

from __future__ import annotations

import json
import math
import os
import select
import shutil
import subprocess
import sys
import time
import wave
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ui.voice.clips import VOICE_DIR
from ui.voice.player import VOLUMES

pytestmark = pytest.mark.skipif(shutil.which("pulseaudio") is None or shutil.which("parec") is None,
                                reason="no PulseAudio server here (scripts/setup.sh test installs pulseaudio)")

CHILD = Path(__file__).with_name("voice_child.py")
ROOT = CHILD.parents[2]
ANSWER_SECONDS = 20.0   # a child silent this long is hung
RATE = 16_000           # the monitor is recorded mono at this rate
WINDOW = RATE // 10     # RMS over 100 ms
TONE_MS = 2400          # the test tone's length
STEP_MS = 600           # how much of the tone each volume step plays at least (its level: 6 windows)
QUIET = 5               # RMS of the null sink's silence (exact zeros) stays below this
QUIET_WINDOWS = 5       # half a second of it says the sound has stopped
QUIET_SECONDS = 10.0    # the most a loaded machine is given to get there


class SoundServer:
    def __init__(self, folder: Path) -> None:
        self.socket = folder / "native"
        self.env = {**os.environ, "PULSE_SERVER": f"unix:{self.socket}"}
        self.log = folder / "pulseaudio.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
                 "--log-target=stderr", "--disable-shm=true",
                 "-L", f"module-native-protocol-unix socket={self.socket} auth-anonymous=1",
                 "-L", "module-null-sink sink_name=kiosk"],
                env={**os.environ, "HOME": str(folder), "XDG_RUNTIME_DIR": str(folder)},
                stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        deadline = time.monotonic() + 15
        while not self.socket.exists():
            assert self.process.poll() is None and time.monotonic() < deadline, \
                f"pulseaudio did not start: {self.log.read_text(errors='replace')[-2000:]}"
            time.sleep(0.05)

    def record(self, path: Path) -> subprocess.Popen[bytes]:
        """What reaches the sink, as 16-bit mono samples into ``path`` until the recorder is stopped."""
        with path.open("wb") as out:
            return subprocess.Popen(["parec", "-d", "kiosk.monitor", "--format=s16le", "--channels=1",
                                     f"--rate={RATE}", "--raw", "--latency-msec=50"], env=self.env, stdout=out,
                                    stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Child:
    """The voice player in its own process, one command a line, one JSON answer a line."""

    def __init__(self, server: SoundServer, log: Path, directory: Path | None = None) -> None:
        env = {**server.env, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PULSE_LATENCY_MSEC": "60"}
        self.log = log
        with log.open("wb") as err:
            self.process = subprocess.Popen([sys.executable, str(CHILD), *([str(directory)] if directory else [])],
                                            env=env, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            stderr=err)

    def __call__(self, command: str) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(command.encode() + b"\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], ANSWER_SECONDS)
        if not ready:
            self.process.kill()
            pytest.fail(f"the voice player hung on {command!r}: no answer in {ANSWER_SECONDS:g} s")
        line = self.process.stdout.readline()
        assert line, f"the voice player's process died on {command!r}: {self.log.read_text(errors='replace')[-2000:]}"
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SoundServer]:
    sound = SoundServer(tmp_path_factory.mktemp("pulse"))
    yield sound
    sound.stop()


def with_tone(folder: Path, seconds: float = TONE_MS / 1000) -> Path:
    """The kiosk's voice table in ``folder`` plus a "test.tone" clip: a steady 440 Hz tone at half scale,
    whose level on the sink is the player's volume whatever part of it is measured."""
    shutil.copytree(VOICE_DIR, folder)
    frames = bytearray()
    for n in range(int(RATE * seconds)):
        frames += int(16_383 * math.sin(2 * math.pi * 440 * n / RATE)).to_bytes(2, "little", signed=True)
    with wave.open(str(folder / "tone.wav"), "wb") as clip:
        clip.setnchannels(1)
        clip.setsampwidth(2)
        clip.setframerate(RATE)
        clip.writeframes(bytes(frames))
    with (folder / "clips.toml").open("a", encoding="utf-8") as table:
        table.write('\n["test.tone"]\nfile = "tone.wav"\ntext = "tone"\n')
    return folder


@pytest.fixture(scope="module")
def voice(server: SoundServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Child]:
    folder = tmp_path_factory.mktemp("voice")
    child = Child(server, folder / "child.log", with_tone(folder / "table"))
    yield child
    child.close()
    said = child.log.read_text(errors="replace")
    assert child.process.returncode == 0, said[-2000:]
    # Every clip played, and FFmpeg's notes on them (its stream dump, the tags' padding) never on stderr.
    assert "Input #0" not in said and "comment header" not in said, said[-2000:]


def levels(recording: Path) -> np.ndarray:
    """The RMS of each 100 ms of a recording."""
    samples = np.frombuffer(recording.read_bytes(), np.int16).astype(np.float64)
    count = len(samples) // WINDOW
    return np.sqrt((samples[: count * WINDOW].reshape(count, WINDOW) ** 2).mean(axis=1))


def recorded(server: SoundServer, path: Path, steps: Callable[[], None]) -> np.ndarray:
    recorder = server.record(path)
    try:
        steps()
    finally:
        recorder.terminate()
        recorder.wait(10)
    return levels(path)


def quiet_after(recording: Path, start: int) -> np.ndarray:
    """The recording's levels once the sink has been silent for ``QUIET_WINDOWS`` windows after window
    ``start`` (polled while the recorder writes, at most ``QUIET_SECONDS``): no fixed sleep, which a
    loaded machine outruns."""
    limit = time.monotonic() + QUIET_SECONDS
    while True:
        rms = levels(recording)
        after = rms[start:]
        if (len(after) >= QUIET_WINDOWS and after[-QUIET_WINDOWS:].max() < QUIET) or time.monotonic() > limit:
            return rms
        time.sleep(0.05)


def plateaus(rms: np.ndarray) -> list[float]:
    """The steady levels of a recording in order, each relative to the loudest: runs of at least three
    windows within 3 % of each other. Runs at one level parted by a dip (the sink ran short on a loaded
    machine) are one level."""
    found: list[float] = []
    relative = rms / rms.max()
    run: list[float] = []
    for value in relative:
        if value > 0.05 and (not run or abs(value - run[0]) < 0.03):
            run.append(value)
            continue
        if len(run) >= 3:
            found.append(float(np.median(run)))
        run = [value] if value > 0.05 else []
    if len(run) >= 3:
        found.append(float(np.median(run)))
    merged: list[float] = []
    for level in found:
        if not merged or abs(level - merged[-1]) >= 0.03:
            merged.append(level)
    return merged


def test_a_clip_plays_to_its_end_at_each_of_the_three_volume_steps(server: SoundServer, voice: Child,
                                                                    tmp_path: Path) -> None:
    assert voice("outputs")["outputs"], "Qt found no audio output on the sound server"
    said: list[dict[str, Any]] = []
    answers: dict[str, dict[str, Any]] = {}

    def steps() -> None:
        said.append(voice("volume 0"))
        answers["play"] = voice("play test.tone")
        answers["moving"] = voice(f"wait_position {STEP_MS}")
        # Each step plays STEP_MS of the tone from where the last one was set, however late that was.
        said.append(voice("volume 1"))
        voice(f"wait_position {said[-1]['position'] + STEP_MS}")
        said.append(voice("volume 2"))
        answers["end"] = voice("wait_end 10")

    rms = recorded(server, tmp_path / "tone.raw", steps)
    assert answers["play"]["playing"] == "test.tone" and answers["play"]["source"] == "tone.wav"
    assert answers["moving"]["position"] > STEP_MS and answers["moving"]["state"] == "PlayingState"
    assert said[-1]["position"] < TONE_MS - STEP_MS, f"the machine fell {said[-1]['position']} ms behind"
    end = answers["end"]
    assert end["status"] == "EndOfMedia" and end["playing"] == ""
    # The decoder's length of the WAV file (not a time measured): the whole tone was there to play.
    assert end["duration"] == pytest.approx(TONE_MS, abs=50) and end["position"] == end["duration"]
    assert [s["volume"] for s in said] == pytest.approx(list(VOLUMES))
    assert [s["output"] for s in said] == pytest.approx(list(VOLUMES))
    # On the sink: quiet, normal, loud as the three steps say, in that order.
    found = plateaus(rms)
    assert found == pytest.approx([v / VOLUMES[-1] for v in VOLUMES], abs=0.05), (found, rms.astype(int).tolist())


def test_a_touch_stops_the_voice_and_stop_never_hangs(server: SoundServer, voice: Child, tmp_path: Path) -> None:
    answers: dict[str, dict[str, Any]] = {}
    recording = tmp_path / "speech.raw"
    touched_at: list[int] = []

    def steps() -> None:
        voice("volume 1")
        answers["play"] = voice("play identify.card")
        answers["moving"] = voice("wait_position 800")
        answers["touch"] = voice("touch")
        touched_at.append(len(levels(recording)))
        quiet_after(recording, touched_at[0])  # the sink plays out what it was given, then nothing

    rms = recorded(server, recording, steps)
    assert (answers["play"]["folder"], answers["play"]["source"]) == ("table", "identify.card.opus")
    moving = answers["moving"]
    assert moving["position"] > 800 and moving["state"] == "PlayingState"
    assert answers["touch"] == {"playing": "", "state": "StoppedState", "position": 0}
    # The speech reached the sink, and after the touch it went quiet and stayed so: what the sink still
    # played after the touch (its buffer, and the recorder's lag behind it) is far less than the rest of
    # the clip, which an untouched player would have gone on with.
    after = rms[touched_at[0]:]
    assert (rms > 500).sum() >= 4, rms.astype(int).tolist()
    assert len(after) >= QUIET_WINDOWS and after[-QUIET_WINDOWS:].max() < QUIET, rms.astype(int).tolist()
    heard_after = int((after >= QUIET).sum())
    assert heard_after <= 10 < (moving["duration"] - moving["position"]) // 100, (heard_after, moving)
    # On English screens the English clip, replaced mid-sentence, then stopped twice: every answer comes
    # within its bound.
    assert voice("language en") == {"language": "en"}
    english = voice("play pay.scan")
    assert (english["folder"], english["source"]) == ("en", "pay.scan.opus")
    assert voice("wait_position 100")["state"] == "PlayingState"
    voice("play shell.call_staff")
    assert voice("wait_position 100")["state"] == "PlayingState"
    assert voice("stop") == {"state": "StoppedState"}
    assert voice("stop") == {"state": "StoppedState"}
    assert voice("language zh_CN") == {"language": "zh_CN"}


SHORTEST_CLIP = "my_case.in_handover"  # the shortest bundled Mandarin clip (about 3.4 s)


def test_a_bundled_clip_plays_through_the_sink_for_about_its_length(server: SoundServer, voice: Child,
                                                                   tmp_path: Path) -> None:
    """A clip as shipped (Opus, made by scripts/voice.py), not a synthetic tone: its speech reaches the
    sink, from its start to its end, for about as long as the decoder says the clip lasts."""
    answers: dict[str, dict[str, Any]] = {}
    recording = tmp_path / "clip.raw"

    def steps() -> None:
        voice("volume 2")
        answers["play"] = voice(f"play {SHORTEST_CLIP}")
        answers["end"] = voice("wait_end 15")
        quiet_after(recording, len(levels(recording)))

    rms = recorded(server, recording, steps)
    assert (answers["play"]["folder"], answers["play"]["source"]) == ("table", f"{SHORTEST_CLIP}.opus")
    end = answers["end"]
    assert end["status"] == "EndOfMedia" and end["playing"] == ""
    assert 2_000 < end["duration"] < 6_000, end
    loud = np.flatnonzero(rms > 500)
    assert loud.size, rms.astype(int).tolist()
    # From the first speech on the sink to the last: the clip's length within the windows' and the
    # sink's slack (speech starts and ends with quieter sounds, and a word's pause is no end).
    heard_ms = (loud[-1] - loud[0] + 1) * 100
    assert end["duration"] - 800 <= heard_ms <= end["duration"] + 400, (heard_ms, end, rms.astype(int).tolist())
    # Speech, not a click: most of that span is sound.
    assert loud.size * 100 >= heard_ms // 2, rms.astype(int).tolist()
