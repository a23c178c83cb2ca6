"""Voice prompts: the Mandarin and English clip tables are complete and in step with the screens, and the
real player plays (the English clip on English screens), repeats, changes volume and stops at the next
touch (here without a sound card: what would be heard is read from the player's source;
test_voice_audio.py plays through a sound server)."""

from __future__ import annotations

import ast
import ctypes
import os
import re
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtTest import QTest

from ui.qt import QEvent, QLabel, QMediaPlayer, QPoint, Qt
from ui.voice import player as voice_module
from ui.voice import catalog
from ui.voice.clips import VOICE_DIR, ClipTableError, load_clips, table_dir
from ui.voice.player import VOLUMES, VoicePlayer
from ui.voice.prompts import PROMPTS

UI_DIR = Path(catalog.__file__).resolve().parent.parent
# A prompt id is "<part of the app>.<what>"; every string of ui/ that looks like one names one.
PROMPT_ID = re.compile(r"^(%s)\.[a-z0-9_]+$" % "|".join(sorted({p.split(".")[0] for p in PROMPTS})))


def prompt_ids_in_code() -> dict[str, list[str]]:
    """Every prompt id the code of ui/ names (in ``say``, a ``voice_prompt``, a table of prompts, an
    error's prompt), with where it is named."""
    found: dict[str, list[str]] = {}
    for path in UI_DIR.rglob("*.py"):
        if "voice" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and PROMPT_ID.match(node.value):
                found.setdefault(node.value, []).append(f"{path.name}:{node.lineno}")
    return found


def test_every_prompt_the_screens_name_is_defined_and_every_prompt_is_named() -> None:
    used = prompt_ids_in_code()
    assert {"identify.card", "refusal.id_checksum", "welcome.intro", "shell.fault"} <= set(used)
    assert not PROMPT_ID.match("kiosk.ui.voice") and PROMPT_ID.match("identify.crad")
    unknown = {p: where for p, where in used.items() if p not in PROMPTS}
    assert unknown == {}, "prompt ids the code says but ui/voice/prompts.py lacks"
    assert sorted(set(PROMPTS) - set(used)) == [], "prompts nothing says"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_prompt_has_its_clip_and_every_clip_a_prompt(lang: str) -> None:
    # Missing or unknown entries, missing files, and clips whose sentence the screen no longer says.
    assert catalog.table_problems(VOICE_DIR, lang) == []
    assert set(load_clips(table_dir(VOICE_DIR, lang))) == set(PROMPTS)


def test_the_english_clips_say_the_english_screens_words() -> None:
    english, chinese = catalog.prompt_texts("en"), catalog.prompt_texts()
    assert english["pay.paid"] == "Paid: every item is confirmed. Thank you. Go back to your case for the next step."
    assert english["welcome.intro"].endswith(" Please have your ID card ready.")
    assert chinese["pay.paid"] == "已缴清：各项均已确认到账。谢谢。请返回办理进度，办理下一步。"
    assert set(english) == set(chinese) and all(text.isascii() for text in english.values())


@pytest.mark.parametrize(("lang", "limit"), [("zh_CN", 1_200_000), ("en", 600_000)])
def test_clips_are_small_mono_ogg_opus(lang: str, limit: int) -> None:
    clips = load_clips(table_dir(VOICE_DIR, lang))
    for clip in clips.values():
        head = clip.path.read_bytes()[:64]
        assert head.startswith(b"OggS"), clip.path
        opus = head.index(b"OpusHead")
        assert head[opus + 9] == 1, f"{clip.path.name} is not mono"
    total = sum(c.path.stat().st_size for c in clips.values())
    assert total < limit, f"{total} bytes of {lang} clips"


def ogg_packets(data: bytes, count: int) -> list[bytes]:
    """The first ``count`` packets of an Ogg stream (RFC 3533: pages of lacing values)."""
    packets, packet, at = [], b"", 0
    while len(packets) < count:
        assert data[at:at + 4] == b"OggS", f"no Ogg page at byte {at}"
        lacing = data[at + 27:at + 27 + data[at + 26]]
        at += 27 + len(lacing)
        for size in lacing:
            packet += data[at:at + size]
            at += size
            if size < 255:
                packets.append(packet)
                packet = b""
    return packets


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_clip_tags_end_where_their_packet_ends(lang: str) -> None:
    """No padding after the tags: FFmpeg notes unused tag bytes on stderr for every clip it opens."""
    for clip in load_clips(table_dir(VOICE_DIR, lang)).values():
        _, tags = ogg_packets(clip.path.read_bytes(), 2)
        assert tags.startswith(b"OpusTags"), clip.path.name
        at = 8 + 4 + int.from_bytes(tags[8:12], "little")  # the encoder's name
        comments = int.from_bytes(tags[at:at + 4], "little")
        at += 4
        for _ in range(comments):
            at += 4 + int.from_bytes(tags[at:at + 4], "little")
        assert at == len(tags), f"{clip.path.name}: {len(tags) - at} bytes after its tags (scripts/voice.py)"


def test_no_prompt_can_speak_personal_data() -> None:
    # A clip is fixed when built: a message with a placeholder (a name, an ID number, an amount) cannot be one.
    for prompt_id, messages in PROMPTS.items():
        for _context, source in messages:
            assert "{" not in source and "%" not in source, prompt_id
    assert not [t for t in catalog.prompt_texts().values() if any(c.isdigit() for c in t.replace("15", "")
                                                                    .replace("18", "").replace("20", ""))]


@pytest.fixture
def voice_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "voice"
    shutil.copytree(VOICE_DIR, copy)
    return copy


def test_table_problems_name_each_fault(voice_copy: Path) -> None:
    table = voice_copy / "clips.toml"
    text = table.read_text(encoding="utf-8")
    text = text.replace('text = "谢谢！您的评价已记录。"', 'text = "旧的句子。"')
    text += '\n["shell.gone"]\nfile = "shell.gone.opus"\ntext = "没有了。"\n'
    table.write_text(text, encoding="utf-8")
    (voice_copy / "pay.paid.opus").unlink()
    english = voice_copy / "en" / "clips.toml"
    english.write_text(english.read_text(encoding="utf-8").replace(
        'text = "Thank you. Your evaluation is recorded."', 'text = "Old words."'), encoding="utf-8")
    assert catalog.table_problems(voice_copy, "en") == [
        "clip 'done.evaluated' says 'Old words.', the screen now says 'Thank you. Your evaluation is recorded.'"]
    problems = catalog.table_problems(voice_copy)
    assert any("'done.evaluated' says '旧的句子。'" in p for p in problems), problems
    assert any("'shell.gone' belongs to no prompt" in p for p in problems)
    assert any("'shell.gone': file" in p and "missing" in p for p in problems)
    assert any("'pay.paid': file" in p and "pay.paid.opus is missing" in p for p in problems)
    assert len(problems) == 4, problems


def test_a_broken_table_says_where_and_what_to_do(voice_copy: Path) -> None:
    (voice_copy / "clips.toml").write_text('["pay.paid"]\nfile = 3\n', encoding="utf-8")
    with pytest.raises(ClipTableError, match="'pay.paid' needs a file and a text"):
        load_clips(voice_copy)
    (voice_copy / "clips.toml").write_text("[unclosed\n", encoding="utf-8")
    assert "scripts/voice.py" in catalog.table_problems(voice_copy)[0]


def test_a_prompt_text_must_be_a_finished_translation(tmp_path: Path) -> None:
    for ts in catalog.TRANSLATIONS_DIR.glob("*_zh_CN.ts"):
        text = ts.read_text(encoding="utf-8")
        # The QR prompt loses its translation, as when the screen's English text changed.
        text = text.replace("<source>Hold the QR code of your electronic ID or of your contract in front of the "
                            "camera, about 20 cm away.</source>", "<source>Show the code.</source>")
        (tmp_path / ts.name).write_text(text, encoding="utf-8")
    with pytest.raises(catalog.PromptTextError, match="'identify.qr': no finished zh_CN translation"):
        catalog.prompt_texts(directory=tmp_path)


# -- the player ---------------------------------------------------------------------------------


@pytest.fixture
def voice(qapp: object) -> Iterator[VoicePlayer]:
    player = VoicePlayer()
    qapp.installEventFilter(player)  # type: ignore[attr-defined]
    yield player
    qapp.removeEventFilter(player)  # type: ignore[attr-defined]
    player.stop()
    player.deleteLater()


def heard(voice: VoicePlayer) -> str:
    return Path(voice.player.source().toLocalFile()).name


def test_the_player_plays_the_prompts_clip_and_repeats_it(voice: VoicePlayer, qtbot: QtBot) -> None:
    voice.play("identify.card")
    assert heard(voice) == "identify.card.opus"
    qtbot.waitUntil(lambda: voice.playing() == "identify.card")
    voice.play("refusal.id_checksum")  # a new prompt replaces the one still playing
    assert heard(voice) == "refusal.id_checksum.opus"
    voice.stop()
    assert voice.playing() == ""
    voice.repeat()  # 重听
    qtbot.waitUntil(lambda: voice.playing() == "refusal.id_checksum")
    voice.cue("welcome.intro")  # a quiet screen: nothing plays until 重听
    assert voice.playing() == ""
    voice.repeat()
    qtbot.waitUntil(lambda: voice.playing() == "welcome.intro")


def test_the_next_touch_stops_the_voice(voice: VoicePlayer, qtbot: QtBot) -> None:
    target = QLabel("x")
    qtbot.addWidget(target)
    target.show()
    qtbot.waitExposed(target)
    voice.play("pay.scan")
    qtbot.waitUntil(lambda: voice.playing() == "pay.scan")
    QTest.mousePress(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(2, 2))
    assert voice.playing() == "" and voice.player.playbackState() == QMediaPlayer.PlaybackState.StoppedState
    QTest.mouseRelease(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(2, 2))
    voice.play("pay.scan")
    qtbot.waitUntil(lambda: voice.playing() == "pay.scan")
    touch = QTest.createTouchDevice()
    QTest.touchEvent(target, touch).press(0, QPoint(4, 4)).commit()
    assert voice.playing() == ""
    QTest.touchEvent(target, touch).release(0, QPoint(4, 4)).commit()


def test_english_screens_hear_the_english_clip_else_the_mandarin_one(voice_copy: Path, qapp: object,
                                                                     en: None) -> None:
    player = VoicePlayer(voice_copy)
    player.play("identify.card")
    assert Path(player.player.source().toLocalFile()) == voice_copy / "en" / "identify.card.opus"
    (voice_copy / "en" / "pay.scan.opus").unlink()  # a service point's table without this English clip
    player.play("pay.scan")
    assert Path(player.player.source().toLocalFile()) == voice_copy / "pay.scan.opus"
    shutil.rmtree(voice_copy / "en")  # nor any English table: Mandarin throughout
    player = VoicePlayer(voice_copy)
    player.play("identify.card")
    assert Path(player.player.source().toLocalFile()) == voice_copy / "identify.card.opus"
    player.stop()


def test_three_volume_steps(voice: VoicePlayer) -> None:
    voice.play("shell.call_staff")
    output = voice.player.audioOutput()
    assert output is not None and output.volume() == pytest.approx(VOLUMES[1])
    for step in (0, 2, 7, -1):
        voice.set_volume(step)
        assert output.volume() == pytest.approx(VOLUMES[max(0, min(step, 2))])
    assert VOLUMES[0] < VOLUMES[1] < VOLUMES[2] <= 1.0


def test_a_prompt_without_a_clip_is_skipped_and_logged(voice_copy: Path, qapp: object, qtbot: QtBot,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    (voice_copy / "pay.paid.opus").unlink()
    player = VoicePlayer(voice_copy)
    player.play("pay.scan")
    qtbot.waitUntil(lambda: player.playing() == "pay.scan")
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.voice"):
        player.play("pay.paid")
        player.play("no.such_prompt")
    assert player.playing() == ""  # the old clip does not go on in place of the missing one
    assert [r.getMessage() for r in caplog.records] == [
        "voice prompt pay.paid has no clip in the voice table; it is not spoken",
        "voice prompt no.such_prompt has no clip in the voice table; it is not spoken"]
    player.deleteLater()


def test_without_qt_multimedias_qml_module_the_kiosk_is_silent_and_says_so_once(
        voice_copy: Path, qapp: object, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    # What an installation without PySide6's qml/QtMultimedia gives the real QML engine.
    monkeypatch.setattr(voice_module, "PLAYER_QML", b"import QtMultimediaNotInstalled\nMediaPlayer {}\n")
    player = VoicePlayer(voice_copy)
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.voice"):
        player.play("identify.card")
        player.repeat()
        player.play("pay.scan")
        player.set_volume(2)
        player.eventFilter(player, QEvent(QEvent.Type.MouseButtonPress))
        player.stop()
    assert not player.available() and player.player is None and player.playing() == ""
    assert player.last == "pay.scan" and player.volume() == VOLUMES[2]
    [warning] = [r.getMessage() for r in caplog.records]
    assert warning.startswith("the voice prompts are off: Qt Multimedia's QML player cannot be made: ")
    assert "QtMultimediaNotInstalled" in warning and "reinstall the kiosk" in warning
    player.deleteLater()


def test_qt_multimedia_has_a_backend_to_play_the_clips(voice: VoicePlayer) -> None:
    """Qt finds its FFmpeg media backend. Where a library the backend links is missing (a fresh Debian
    root lacked libXrandr and libXrender until set-up installed them), Qt only logs "No QtMultimedia
    backends found" and every prompt stays silent."""
    assert voice.player.isAvailable()


def test_ffmpegs_own_notes_are_lowered_to_warnings_once_a_player_is_made(voice: VoicePlayer, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """FFmpeg prints each clip's stream notes ("Input #0, ogg ...") at info, its default; the player sets
    the libavutil Qt loaded to warnings (errors still reach stderr), unless QT_FFMPEG_DEBUG asks for all."""
    assert voice.player is not None
    path = voice_module.loaded_library("libavutil.so")
    assert path is not None and Path(path).is_file()
    avutil = ctypes.CDLL(path, mode=os.RTLD_NOLOAD | os.RTLD_LAZY)
    assert avutil.av_log_get_level() == voice_module.AV_LOG_WARNING
    avutil.av_log_set_level(32)  # info, FFmpeg's default
    monkeypatch.setenv("QT_FFMPEG_DEBUG", "1")
    assert not voice_module.quiet_ffmpeg_notes() and avutil.av_log_get_level() == 32
    monkeypatch.delenv("QT_FFMPEG_DEBUG")
    assert voice_module.quiet_ffmpeg_notes() and avutil.av_log_get_level() == voice_module.AV_LOG_WARNING
    # Where no libavutil is loaded (another backend), nothing is set and nothing fails.
    maps = tmp_path / "maps"
    maps.write_text("7f0000000000-7f0000001000 r-xp 00000000 08:01 42 /usr/lib/libQt6Core.so.6\n")
    assert voice_module.loaded_library("libavutil.so", maps) is None
    assert voice_module.loaded_library("libavutil.so", tmp_path / "missing") is None
