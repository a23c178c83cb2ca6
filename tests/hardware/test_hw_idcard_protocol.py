"""SAM frame format: checksums against domain.md's table, raw frames, the incremental parser."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hardware.errors import ProtocolError
from hardware.idcard.protocol import (
    HEADER, STATUS_MESSAGES, Command, CommandParser, FrameChecksumError, FrameLengthError,
    ResponseFrame, ResponseParser, build_command, build_response, checksum, describe_status,
)

# domain.md section 6, "Common commands": bytes after LEN, and the CHK listed there.
CHECKSUM_TABLE = [
    ("2001", 0x22),
    ("2002", 0x21),
    ("3001", 0x32),
    ("3010", 0x23),
    ("11FF", 0xED),
    ("10FF", 0xEC),
    ("61FF50", 0xCA),
]


@pytest.mark.parametrize(("content", "chk"), CHECKSUM_TABLE)
def test_checksum_matches_domain_table(content: str, chk: int) -> None:
    data = bytes.fromhex(content)
    length = (len(data) + 1).to_bytes(2, "big")
    assert checksum(length + data) == chk
    assert build_command(data[0], data[1], data[2:])[-1] == chk


def test_known_wrong_snippet_checksum_is_not_ours() -> None:
    # One published snippet gives 21 for find card; the XOR says 22.
    assert Command.FIND_CARD.frame()[-1] != 0x21


@pytest.mark.parametrize(("command", "raw"), [
    (Command.FIND_CARD, "AAAAAA9669 0003 2001 22"),
    (Command.SELECT_CARD, "AAAAAA9669 0003 2002 21"),
    (Command.READ_TEXT_PHOTO, "AAAAAA9669 0003 3001 32"),
    (Command.READ_TEXT_PHOTO_FINGERPRINT, "AAAAAA9669 0003 3010 23"),
    (Command.SAM_STATUS, "AAAAAA9669 0003 11FF ED"),
    (Command.RESET_SAM, "AAAAAA9669 0003 10FF EC"),
    (Command.SET_MAX_RF_BYTES, "AAAAAA9669 0004 61FF50 CA"),
])
def test_command_frames_byte_for_byte(command: Command, raw: str) -> None:
    assert command.frame() == bytes.fromhex(raw)


@pytest.mark.parametrize(("frame", "raw"), [
    (build_response(0x9F, bytes(4)), "AAAAAA9669 0008 00009F 00000000 97"),
    (build_response(0x80), "AAAAAA9669 0004 000080 84"),
    (build_response(0x90, bytes(8)), "AAAAAA9669 000C 000090 0000000000000000 9C"),
    (build_response(0x66), "AAAAAA9669 0004 000066 62"),
    (build_response(0x10), "AAAAAA9669 0004 000010 14"),
])
def test_response_frames_byte_for_byte(frame: bytes, raw: str) -> None:
    assert frame == bytes.fromhex(raw)


def test_read_response_length_is_1295() -> None:
    frame = build_response(0x90, bytes(4 + 256 + 1024))
    assert len(frame) == 1295
    assert frame[5:7] == bytes.fromhex("0508")


def _pull(parser: ResponseParser | CommandParser) -> list:
    frames = []
    while (frame := parser.next_frame()) is not None:
        frames.append(frame)
    return frames


def test_round_trip_command_and_response() -> None:
    cp = CommandParser()
    cp.feed(Command.SET_MAX_RF_BYTES.frame())
    [cmd] = _pull(cp)
    assert (cmd.cmd, cmd.para, cmd.data) == (0x61, 0xFF, b"\x50")
    rp = ResponseParser()
    rp.feed(build_response(0x90, b"\x01\x02\x03", sw1=0x00, sw2=0x00))
    assert _pull(rp) == [ResponseFrame(0, 0, 0x90, b"\x01\x02\x03")]


def test_parser_fed_byte_by_byte() -> None:
    frame = build_response(0x90, bytes(range(200)))
    parser = ResponseParser()
    for i, byte in enumerate(frame):
        parser.feed(bytes([byte]))
        got = parser.next_frame()
        if i < len(frame) - 1:
            assert got is None
            assert parser.in_frame == (i >= len(HEADER) - 1)
    assert got == ResponseFrame(0, 0, 0x90, bytes(range(200)))
    assert parser.buffered == 0


def test_parser_skips_garbage_and_header_lookalikes() -> None:
    good = build_response(0x9F, bytes(4))
    parser = ResponseParser()
    parser.feed(bytes.fromhex("00 FF AA AA 13 AA AA AA 96") + good + b"\xAA\xAA" + good)
    assert _pull(parser) == [ResponseFrame(0, 0, 0x9F, bytes(4))] * 2
    assert parser.skipped == 9 + 2


def test_parser_keeps_a_header_split_across_reads() -> None:
    good = build_response(0x90)
    parser = ResponseParser()
    parser.feed(b"\x01\x02" + good[:3])
    assert parser.next_frame() is None
    assert parser.buffered == 3  # the garbage is gone, the partial header kept
    parser.feed(good[3:])
    assert parser.next_frame() == ResponseFrame(0, 0, 0x90)


def test_expected_size_reported_for_partial_frame() -> None:
    frame = build_response(0x90, bytes(1284))
    parser = ResponseParser()
    parser.feed(frame[:600])
    assert parser.next_frame() is None
    assert (parser.in_frame, parser.buffered, parser.expected_size()) == (True, 600, 1295)


def test_bad_checksum_rejected_then_stream_resumes() -> None:
    bad = bytearray(build_response(0x90, b"\x10\x20"))
    bad[-1] ^= 0x01
    parser = ResponseParser()
    parser.feed(bytes(bad) + build_response(0x9F, bytes(4)))
    with pytest.raises(FrameChecksumError) as info:
        parser.next_frame()
    assert isinstance(info.value, ProtocolError)
    assert "checksum" in str(info.value)
    assert parser.next_frame() == ResponseFrame(0, 0, 0x9F, bytes(4))


@pytest.mark.parametrize("length", [b"\x00\x00", b"\x00\x03", b"\xFF\xFF", b"\x0A\x00"])
def test_impossible_length_rejected_then_stream_resumes(length: bytes) -> None:
    parser = ResponseParser()
    parser.feed(HEADER + length + b"\x00\x00\x90" + build_response(0x80))
    with pytest.raises(FrameLengthError, match="impossible length"):
        parser.next_frame()
    assert parser.next_frame() == ResponseFrame(0, 0, 0x80)


def test_command_parser_allows_the_shorter_command_frame() -> None:
    parser = CommandParser()
    parser.feed(Command.FIND_CARD.frame())
    assert parser.next_frame().code == (0x20, 0x01)
    parser.feed(HEADER + b"\x00\x02\x20\x22")
    with pytest.raises(FrameLengthError):
        parser.next_frame()


_frames = st.lists(st.tuples(st.sampled_from([0x90, 0x9F, 0x80, 0x41]), st.binary(max_size=40)),
                   min_size=1, max_size=4)


@settings(max_examples=60, deadline=None)
@given(frames=_frames, garbage=st.binary(max_size=12), cuts=st.lists(st.integers(1, 30), max_size=20))
def test_parser_any_chunking_with_leading_garbage(frames, garbage: bytes, cuts: list[int]) -> None:
    # Garbage that itself ends in a full header would be a real (broken) frame start.
    if HEADER in garbage + HEADER[:-1]:
        return
    stream = garbage + b"".join(build_response(sw3, data) for sw3, data in frames)
    parser = ResponseParser()
    got = []
    pos = 0
    for cut in cuts + [len(stream)]:
        parser.feed(stream[pos:pos + cut])
        pos += cut
        got.extend(_pull(parser))
    parser.feed(stream[pos:])
    got.extend(_pull(parser))
    assert got == [ResponseFrame(0, 0, sw3, data) for sw3, data in frames]


DOMAIN_STATUS_CODES = [0x90, 0x9F, 0x91, 0x80, 0x81, 0x10, 0x11, 0x21, 0x23, 0x24,
                       0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66]


@pytest.mark.parametrize("sw3", DOMAIN_STATUS_CODES)
def test_every_status_code_has_a_chinese_and_english_message(sw3: int) -> None:
    zh, en = STATUS_MESSAGES[sw3]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)
    assert en.isascii() and len(en) > 5
    text = describe_status(sw3)
    assert f"0x{sw3:02X}" in text and zh in text and en in text


def test_status_table_is_exactly_the_domain_table() -> None:
    assert sorted(STATUS_MESSAGES) == sorted(DOMAIN_STATUS_CODES)
    assert "not in the protocol table" in describe_status(0x55)


def test_response_frame_repr_hides_data() -> None:
    frame = ResponseFrame(0, 0, 0x90, "王建国".encode("utf-16-le"))
    assert "data=6 bytes" in repr(frame)
    assert "王" not in repr(frame) and "\\x8b" not in repr(frame)
