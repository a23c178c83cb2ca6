"""Plays the voice prompts (QtMultimedia), one at a time, and stops at the next touch.

``play(prompt_id)`` looks the prompt up in the clip table of the language shown
(English clips when the screens are in English and the English table has one,
else the Mandarin clip every prompt has) and plays its file through one
``QMediaPlayer``; the prompt becomes the one 重听 repeats. Three
volume steps (ux.md). The app-wide event filter stops a clip at the buyer's
next touch or click, before the tap is handled, so a prompt the tap itself
causes (重听, the next step) starts after the old one stopped.

A prompt without a clip (a table a service point edited) is logged and skipped:
a missing voice must never stop the screens. Nor does a player that cannot be
made (PySide6's QML QtMultimedia module missing from an installation): voice is
an extra, so that is logged once and every prompt is then skipped in silence
(``available()``). Without an audio output (no sound
card, offscreen CI) the player is given the clip as its source but not started:
there is nothing to play it to. What would be heard is ``player.source()`` and
``playing()``, as with a sound card; tests/ui/test_voice_audio.py plays through a
real sound server.
"""

from __future__ import annotations

import ctypes
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ui import i18n, qt
from ui.qt import QEvent, QObject, QUrl
from ui.voice.clips import TABLE_NAME, VOICE_DIR, Clip, load_clips, table_dir

if TYPE_CHECKING:
    from ui.qt import QAudioOutput, QMediaPlayer

log = logging.getLogger("kiosk.ui.voice")

# Three steps (ux.md): quiet hall, normal, loud sales office.
VOLUMES = (0.4, 0.7, 1.0)
DEFAULT_STEP = 1
# Events that mean the buyer touched the screen.
TOUCHES = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)


# The player and its output are made by QML, not by Python: Qt's FFmpeg backend renders a clip on a
# thread of its own, which, when it ends, disconnects from the output's signals; an output made by
# Python is a PySide object, whose disconnect handler takes Python's lock first. If the GUI thread
# holds that lock while it waits for the thread to end (a Python call into Qt, a nested event loop
# such as QTest.qWait), both wait for ever: the hang in stop() seen now and then. Made by QML they
# are plain Qt objects that never call into Python (tests/ui/test_voice_audio.py plays under a
# loop that holds the lock).
PLAYER_QML = b"import QtMultimedia\nMediaPlayer { audioOutput: AudioOutput {} }\n"


# libavutil/log.h: warnings and errors. FFmpeg's default is info, which prints every clip's stream notes
# ("Input #0, ogg, from ...", its tags, "[ogg @ ...] N bytes of comment header remain") to stderr.
AV_LOG_WARNING = 24


def loaded_library(prefix: str, maps: Path = Path("/proc/self/maps")) -> str | None:
    """The path of the shared library whose file name starts with ``prefix`` that this process has
    loaded, or ``None``."""
    try:
        lines = maps.read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        path = line.split(maxsplit=5)[-1]
        if path.startswith("/") and Path(path).name.startswith(prefix):
            return path
    return None


def quiet_ffmpeg_notes() -> bool:
    """FFmpeg's own log down to warnings and errors, which still reach stderr (the service's journal).

    Qt's FFmpeg backend passes FFmpeg's log through Qt's logging only under ``QT_FFMPEG_DEBUG``, which
    also raises it to debug; otherwise FFmpeg writes its notes itself, at its default level (info), a
    setting of the libavutil the backend loaded, which Qt then leaves alone. Left as it is under
    ``QT_FFMPEG_DEBUG`` (asking for the whole log). True once set; False where there is no libavutil
    loaded (the backend not loaded yet, or not the FFmpeg one)."""
    if "QT_FFMPEG_DEBUG" in os.environ:
        return False
    path = loaded_library("libavutil.so")
    if path is None:
        return False
    try:
        avutil = ctypes.CDLL(path, mode=os.RTLD_NOLOAD | os.RTLD_LAZY)  # the one loaded, not a second copy
        avutil.av_log_set_level(ctypes.c_int(AV_LOG_WARNING))
    except (OSError, AttributeError) as exc:
        log.warning("FFmpeg's notes stay on stderr: cannot set its log level in %s: %s", path, exc)
        return False
    return True


def media_player(parent: QObject) -> tuple[QMediaPlayer, QAudioOutput]:
    """A ``QMediaPlayer`` with its ``QAudioOutput``, both made by QML and owned by ``parent``;
    ``RuntimeError`` (saying what to do) where Qt Multimedia or its QML module cannot be loaded."""
    try:
        engine = qt.QQmlEngine(parent)
        component = qt.QQmlComponent(engine)
        media_player_type = qt.QMediaPlayer
    except (ImportError, AttributeError) as exc:  # ui.qt looks the names up in PySide6's modules
        raise RuntimeError(f"Qt Multimedia cannot be loaded: {exc}; reinstall the kiosk") from exc
    component.setData(PLAYER_QML, QUrl())
    player = component.create()
    output = player.audioOutput() if isinstance(player, media_player_type) else None
    if not isinstance(player, media_player_type) or output is None:
        raise RuntimeError(f"Qt Multimedia's QML player cannot be made: {component.errorString().strip()}; "
                           f"reinstall the kiosk (PySide6's qml/QtMultimedia is missing)")
    player.setParent(parent)
    return player, output


class VoicePlayer(QObject):
    """``silent``: every prompt is looked up and remembered (重听 knows it) but none is played, and no
    media player is ever made (snapshots: nothing may touch the audio devices or print FFmpeg's notes)."""

    def __init__(self, directory: Path = VOICE_DIR, parent: QObject | None = None, *, silent: bool = False) -> None:
        super().__init__(parent)
        self.silent = silent
        self.clips: dict[str, Clip] = load_clips(directory)
        english = table_dir(directory, "en")
        # A service point's own table may have Mandarin clips only: English screens then say those.
        self.english: dict[str, Clip] = load_clips(english) if (english / TABLE_NAME).is_file() else {}
        self.last = ""
        self.current = ""  # the prompt being said now
        self.step = DEFAULT_STEP
        self._player: QMediaPlayer | None = None
        self._output: QAudioOutput | None = None
        self._unavailable = ""  # why no player can be made, once that was found out

    @property
    def player(self) -> QMediaPlayer | None:
        """The one media player, made at the first prompt (a window never spoken in never loads the
        backend); ``None`` where it cannot be made (logged once): the kiosk is then silent."""
        if self.silent:
            return None
        if self._player is None and not self._unavailable:
            # Qt Multimedia is looked up here, not when this module is imported: finding its names
            # loads Qt Charts and Qt Multimedia, about 40 ms before the first frame of a kiosk whose
            # buyers may never hear a prompt.
            try:
                self._player, self._output = media_player(self)
            except RuntimeError as exc:
                self._unavailable = str(exc)
                log.warning("the voice prompts are off: %s", exc)
                return None
            # Made now: the player loaded Qt's FFmpeg backend, and with it the libavutil to quiet.
            quiet_ffmpeg_notes()
            self._output.setVolume(VOLUMES[self.step])
            self._player.mediaStatusChanged.connect(self._status)
        return self._player

    def available(self) -> bool:
        """False once the player could not be made: every prompt is then skipped in silence."""
        return not self._unavailable

    def _status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == qt.QMediaPlayer.MediaStatus.EndOfMedia:
            self.current = ""

    def play(self, prompt_id: str) -> None:
        """Say ``prompt_id`` now, in place of anything still playing."""
        self.last = prompt_id
        clip = self.clip(prompt_id)
        if clip is None or not clip.path.is_file():
            log.warning("voice prompt %s has no clip in the voice table; it is not spoken", prompt_id)
            self.stop()
            return
        self.stop()
        player = self.player
        if player is None:
            return
        player.setSource(QUrl.fromLocalFile(str(clip.path)))
        self.current = prompt_id
        if qt.QMediaDevices.audioOutputs():
            player.play()

    def clip(self, prompt_id: str) -> Clip | None:
        """The clip ``prompt_id`` is said with now: English on English screens where there is one."""
        if i18n.current_language() == "en":
            english = self.english.get(prompt_id)
            if english is not None and english.path.is_file():
                return english
        return self.clips.get(prompt_id)

    def cue(self, prompt_id: str) -> None:
        """Make ``prompt_id`` the one 重听 says, without saying it (a screen that waits quietly)."""
        self.stop()
        self.last = prompt_id

    def repeat(self) -> None:
        """重听: the last prompt again, from its start."""
        if self.last:
            self.play(self.last)

    def stop(self) -> None:
        self.current = ""
        if self._player is not None and self._player.playbackState() != qt.QMediaPlayer.PlaybackState.StoppedState:
            self._player.stop()

    def playing(self) -> str:
        """The prompt id being said now, or ``""``."""
        return self.current

    def set_volume(self, step: int) -> None:
        """One of the three steps (0 quiet, 1 normal, 2 loud)."""
        self.step = max(0, min(step, len(VOLUMES) - 1))
        if self._output is not None:
            self._output.setVolume(VOLUMES[self.step])

    def volume(self) -> float:
        return VOLUMES[self.step]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in TOUCHES:
            self.stop()
        return False
