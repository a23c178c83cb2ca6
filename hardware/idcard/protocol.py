"""Framing of the second-generation ID card reader's SAM serial protocol.

A command frame is ``AA AA AA 96 69 | LEN_H LEN_L | CMD PARA [data] | CHK``;
a response frame is ``AA AA AA 96 69 | LEN_H LEN_L | SW1 SW2 SW3 [data] | CHK``.
LEN is big-endian and counts everything from CMD (or SW1) through CHK; CHK is
the XOR of every byte after the header except CHK itself (domain.md section 6).
Checksums are always computed here, never copied from tables: published
snippets carry wrong constants.

Both the reader and the simulator build and parse frames with this module,
so the two sides share one definition of the wire format.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import reduce

from hardware.errors import ProtocolError

HEADER = bytes.fromhex("AAAAAA9669")
DEVICE = "id_card_reader"

# The longest legitimate frame is the text + photo + fingerprint read
# (3 status + 6 length bytes + 256 + 1024 + 1024 + CHK = 2314); anything
# above this bound is line noise that happened to follow a header.
MAX_LENGTH = 2400


class Command(Enum):
    """Commands as (CMD, PARA, data). Reset SAM is ``10 FF`` per vendor documents;
    one open-source header says ``01 FF`` (domain.md flags this as unconfirmed)."""

    RESET_SAM = (0x10, 0xFF, b"")
    SAM_STATUS = (0x11, 0xFF, b"")
    FIND_CARD = (0x20, 0x01, b"")
    SELECT_CARD = (0x20, 0x02, b"")
    READ_TEXT_PHOTO = (0x30, 0x01, b"")
    READ_TEXT_PHOTO_FINGERPRINT = (0x30, 0x10, b"")
    SET_MAX_RF_BYTES = (0x61, 0xFF, b"\x50")

    @property
    def code(self) -> tuple[int, int]:
        return self.value[0], self.value[1]

    def frame(self) -> bytes:
        cmd, para, data = self.value
        return build_command(cmd, para, data)


class Status:
    """SW3 values the normal find → select → read loop checks for."""

    SUCCESS = 0x90
    CARD_FOUND = 0x9F
    FIND_FAILED = 0x80
    SELECT_FAILED = 0x81
    CHECKSUM_ERROR = 0x10
    LENGTH_ERROR = 0x11
    COMMAND_ERROR = 0x21
    UNKNOWN_CARD_TYPE = 0x40
    READ_FAILED = 0x41
    SAM_SELF_TEST_FAILED = 0x60
    SAM_NOT_AUTHORISED = 0x66


# Every SW3 from domain.md, as (Chinese, English) for staff screens and logs.
STATUS_MESSAGES: dict[int, tuple[str, str]] = {
    0x90: ("操作成功", "success"),
    0x9F: ("寻找证/卡成功", "card found"),
    0x91: ("证/卡中此项无内容", "no content for this item on the card"),
    0x80: ("寻找证/卡失败", "find card failed: no card on the reader"),
    0x81: ("选取证/卡失败", "select card failed"),
    0x10: ("接收业务终端数据的校验和错", "checksum error in the data sent by the terminal"),
    0x11: ("接收业务终端数据的长度错", "length error in the data sent by the terminal"),
    0x21: ("接收业务终端的命令错误", "command not recognised by the reader"),
    0x23: ("越权操作", "operation not permitted"),
    0x24: ("无法识别的错误", "unrecognised error"),
    0x31: ("证/卡认证机具失败", "card failed to authenticate the SAM"),
    0x32: ("机具认证证/卡失败", "SAM failed to authenticate the card"),
    0x33: ("信息验证错误", "information verification error"),
    0x40: ("无法识别的证/卡类型", "unknown card type"),
    0x41: ("读证/卡操作失败", "read failed"),
    0x47: ("取随机数失败", "random-number fetch failed"),
    0x60: ("SAM自检失败，不能接收命令", "SAM self-test failed"),
    0x66: ("SAM未经授权，无法使用", "SAM not authorised"),
}


def describe_status(sw3: int) -> str:
    """``SW3 0x80 寻找证/卡失败 / find card failed…``; unknown codes are named as such."""
    zh, en = STATUS_MESSAGES.get(sw3, ("未知状态码", "status code not in the protocol table"))
    return f"SW3 0x{sw3:02X} {zh} / {en}"


def checksum(body: bytes) -> int:
    """XOR of ``body``: the bytes after the header, LEN included, CHK excluded."""
    return reduce(lambda acc, byte: acc ^ byte, body, 0)


def _frame(content: bytes) -> bytes:
    length = len(content) + 1
    body = length.to_bytes(2, "big") + content
    return HEADER + body + bytes([checksum(body)])


def build_command(cmd: int, para: int, data: bytes = b"") -> bytes:
    return _frame(bytes([cmd, para]) + data)


def build_response(sw3: int, data: bytes = b"", sw1: int = 0x00, sw2: int = 0x00) -> bytes:
    return _frame(bytes([sw1, sw2, sw3]) + data)


@dataclass(frozen=True)
class CommandFrame:
    cmd: int
    para: int
    data: bytes = b""

    @property
    def code(self) -> tuple[int, int]:
        return self.cmd, self.para


@dataclass(frozen=True)
class ResponseFrame:
    sw1: int
    sw2: int
    sw3: int
    data: bytes = b""

    def __repr__(self) -> str:
        # The data of a read response is a person's card: never show it.
        return f"ResponseFrame(sw=({self.sw1:02X} {self.sw2:02X} {self.sw3:02X}), data={len(self.data)} bytes)"

    def describe(self) -> str:
        return describe_status(self.sw3)


class FrameLengthError(ProtocolError):
    code = "device_protocol_length"


class FrameChecksumError(ProtocolError):
    code = "device_protocol_checksum"


class _FrameParser:
    """Incremental parser: ``feed`` bytes as they arrive, pull frames with ``next_frame``.

    Bytes before a header are skipped (line noise, a half frame from an earlier
    exchange). A frame with an impossible length or a bad checksum raises
    ``ProtocolError`` once, after which parsing resumes at the next header, so
    one damaged frame never wedges the stream.
    """

    # Shortest possible LEN: the fixed fields after LEN plus CHK.
    min_length: int = 0

    def __init__(self) -> None:
        self._buffer = bytearray()
        self.skipped = 0  # bytes dropped while looking for a header (line noise)

    @property
    def buffered(self) -> int:
        """Bytes held that do not yet form a complete frame."""
        return len(self._buffer)

    @property
    def in_frame(self) -> bool:
        """True when a header has been seen and its frame is still incomplete."""
        return self._buffer.startswith(HEADER)

    def expected_size(self) -> int | None:
        """Total size of the frame being received, once its LEN has arrived."""
        if not self.in_frame or len(self._buffer) < len(HEADER) + 2:
            return None
        return len(HEADER) + 2 + int.from_bytes(self._buffer[5:7], "big")

    def feed(self, data: bytes) -> None:
        self._buffer.extend(data)

    def reset(self) -> None:
        self._buffer.clear()

    def _resync(self) -> None:
        start = self._buffer.find(HEADER)
        if start < 0:
            # Keep a tail that may be the start of a header split across reads.
            keep = 0
            for size in range(min(len(HEADER) - 1, len(self._buffer)), 0, -1):
                if self._buffer.endswith(HEADER[:size]):
                    keep = size
                    break
            drop = len(self._buffer) - keep
        else:
            drop = start
        if drop:
            self.skipped += drop
            del self._buffer[:drop]

    def _next_content(self) -> bytes | None:
        self._resync()
        if len(self._buffer) < len(HEADER) + 2:
            return None
        length = int.from_bytes(self._buffer[5:7], "big")
        if not self.min_length <= length <= MAX_LENGTH:
            # Drop only the header: a real frame may start inside what followed.
            del self._buffer[:len(HEADER)]
            raise FrameLengthError(
                f"ID card reader frame has impossible length {length} "
                f"(allowed {self.min_length}..{MAX_LENGTH})",
                device=DEVICE, hint="check the baud rate and the cable")
        end = len(HEADER) + 2 + length
        if len(self._buffer) < end:
            return None
        body = bytes(self._buffer[len(HEADER):end - 1])
        received = self._buffer[end - 1]
        expected = checksum(body)
        if received != expected:
            del self._buffer[:len(HEADER)]
            raise FrameChecksumError(
                f"ID card reader frame checksum mismatch: got 0x{received:02X}, "
                f"computed 0x{expected:02X} over {len(body)} bytes",
                device=DEVICE, hint="electrical noise or a wrong baud rate; place the card again")
        del self._buffer[:end]
        return body[2:]


class ResponseParser(_FrameParser):
    """Parses frames coming from the reader (SW1 SW2 SW3 [data] CHK)."""

    min_length = 4

    def next_frame(self) -> ResponseFrame | None:
        content = self._next_content()
        if content is None:
            return None
        return ResponseFrame(content[0], content[1], content[2], content[3:])


class CommandParser(_FrameParser):
    """Parses frames coming from the terminal (CMD PARA [data] CHK); the simulator's side."""

    min_length = 3

    def next_frame(self) -> CommandFrame | None:
        content = self._next_content()
        if content is None:
            return None
        return CommandFrame(content[0], content[1], content[2:])
