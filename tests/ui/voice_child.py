"""The kiosk's voice player in a process of its own, driven line by line over stdin, answering one JSON
object a line on stdout (tests/ui/test_voice_audio.py).

Qt Multimedia picks its audio devices once per process: the test process's Qt application has long
looked for them without a sound server, so the test starts one and runs the real ``VoicePlayer`` here,
where the server is there from the start. Waits run the event loop with ``QTest.qWait``. Commands:

    play ID            say prompt ID                      -> {"playing", "source", "folder", "state"}
    wait_end SECONDS   run the event loop until the clip ends or SECONDS pass
                                                          -> {"status", "position", "duration", "playing"}
    wait_position MS   run the event loop until the position passes MS (at most 10 s)
                                                          -> {"position", "duration", "state"}
    volume STEP        one of the three steps             -> {"volume", "output", "position"}
    touch              a mouse press on a widget, as a buyer's next tap -> {"playing", "state"}
    stop               VoicePlayer.stop()                 -> {"state"}
    outputs            the audio outputs Qt found         -> {"outputs"}
    language LANG      the screens' language (zh_CN or en) -> {"language"}
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtTest import QTest

from ui import i18n, qt
from ui.qt import QApplication, QLabel, QPoint, QSocketNotifier, Qt
from ui.voice.player import VoicePlayer


def main() -> int:
    app = QApplication(sys.argv[:1])
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    voice = VoicePlayer(directory) if directory else VoicePlayer()
    app.installEventFilter(voice)
    player = voice.player
    assert player is not None, "Qt Multimedia's QML player cannot be made here"
    target = QLabel("touch")
    target.resize(200, 100)
    target.show()
    statuses: list[str] = []
    player.mediaStatusChanged.connect(lambda value: statuses.append(value.name))

    def state() -> str:
        return player.playbackState().name

    def run_until(done: Callable[[], bool], seconds: float) -> None:
        # QTest.qWait on purpose: it holds Python's lock while Qt works, as any Python call into Qt does,
        # and a clip ending meanwhile must not hang the player (ui/voice/player.py).
        limit = time.monotonic() + seconds
        while not done() and time.monotonic() < limit:
            QTest.qWait(20)

    def answer(**fields: object) -> None:
        print(json.dumps(fields), flush=True)

    def command() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        word, _, arg = line.strip().partition(" ")
        if word == "play":
            statuses.clear()
            voice.play(arg)
            source = Path(player.source().toLocalFile())
            answer(playing=voice.playing(), source=source.name, folder=source.parent.name, state=state())
        elif word == "wait_end":
            run_until(lambda: "EndOfMedia" in statuses, float(arg))
            answer(status=player.mediaStatus().name, position=player.position(),
                   duration=player.duration(), playing=voice.playing())
        elif word == "wait_position":
            run_until(lambda: player.position() > int(arg), 10.0)
            answer(position=player.position(), duration=player.duration(), state=state())
        elif word == "volume":
            voice.set_volume(int(arg))
            output = player.audioOutput()
            answer(volume=voice.volume(), output=output.volume() if output is not None else None,
                   position=player.position())
        elif word == "touch":
            QTest.mousePress(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
            QTest.mouseRelease(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
            answer(playing=voice.playing(), state=state(), position=player.position())
        elif word == "stop":
            voice.stop()
            answer(state=state())
        elif word == "language":
            i18n.switch_language(arg)
            answer(language=i18n.current_language())
        elif word == "outputs":
            answer(outputs=[device.description() for device in qt.QMediaDevices.audioOutputs()])
        else:
            answer(error=f"unknown command {word!r}")

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
