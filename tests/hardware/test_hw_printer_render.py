"""ESC/POS bytes: native Chinese mode, raster fallback, QR, cut; status bytes; printer URIs."""

from __future__ import annotations

import re

import pytest

from hardware.errors import ProtocolError
from hardware.printer.interpreter import QRBlock, RasterBlock, TextBlock, interpret
from hardware.printer.layout import PAPERS, ReceiptBuilder
from hardware.printer.render import render_escpos
from hardware.printer.status import parse_status, status_replies
from hardware.printer.uri import parse_printer_uri
from kiosk.errors import ValidationError

FS_ON, FS_OFF = b"\x1c&", b"\x1c."
GS_V0 = b"\x1dv0"
GS_K = b"\x1d(k"


def receipt(paper=PAPERS[80]):
    return (ReceiptBuilder(paper).title("交房即交证").text("ASCII only line").field("权利人", "张**")
            .text("生僻字 𠀀 and € sign").qr("https://example.gov.cn/v?t=1").cut().build())


def test_native_mode_wraps_gb18030_between_fs_and_and_fs_dot() -> None:
    data = render_escpos(receipt(), PAPERS[80], chinese="native")
    segments = re.findall(rb"\x1c&(.*?)\x1c\.", data, flags=re.S)
    decoded = [s.decode("gb18030") for s in segments]
    assert "交房即交证" in decoded
    assert "权利人：张**" in decoded
    assert "生僻字 𠀀 and € sign" in decoded          # 𠀀 is a four-byte GB18030 character
    assert "交房即交证".encode("gb18030") in data
    assert "交".encode("utf-8") not in data
    assert b"ASCII only line\n" in data and b"\x1c&ASCII" not in data
    assert data.count(FS_ON) == data.count(FS_OFF) == 3
    assert GS_V0 not in data


def test_raster_mode_sends_chinese_as_gs_v_0_images_only() -> None:
    data = render_escpos(receipt(), PAPERS[58], chinese="raster")
    assert FS_ON not in data
    assert "交".encode("gb18030") not in data
    assert data.count(GS_V0) == 3
    assert b"ASCII only line\n" in data
    blocks = interpret(data)
    rasters = [b for b in blocks if isinstance(b, RasterBlock)]
    assert all(r.image.width <= 384 for r in rasters)
    assert rasters[0].image.height == 2 * 24 + 6          # the double-size title


def test_native_qr_uses_gs_paren_k_model_2_and_raster_fallback_uses_an_image() -> None:
    data = render_escpos(receipt(), PAPERS[80], chinese="native", qr="native")
    assert GS_K + b"\x04\x001A2\x00" in data            # model 2
    assert GS_K + b"\x03\x001C\x06" in data             # module size 6
    assert GS_K + b"\x03\x001E1" in data                # error correction M
    payload = b"https://example.gov.cn/v?t=1"
    assert GS_K + bytes([len(payload) + 3, 0]) + b"1P0" + payload in data
    assert GS_K + b"\x03\x001Q0" in data                # print
    qrs = [b for b in interpret(data) if isinstance(b, QRBlock)]
    assert qrs == [QRBlock("https://example.gov.cn/v?t=1", 6, "M", "center")]

    fallback = render_escpos(receipt(), PAPERS[80], chinese="native", qr="raster")
    assert GS_K not in fallback
    assert fallback.count(GS_V0) == 1


def test_job_starts_with_init_and_ends_with_feed_and_cut() -> None:
    data = render_escpos(receipt(), PAPERS[80])
    assert data.startswith(b"\x1b@")
    assert data.endswith(b"\x1bd\x06\x1dV\x00")


def test_oversized_qr_content_is_refused_before_printing() -> None:
    ops = ReceiptBuilder(PAPERS[58]).qr("x" * 3000, ec="H").build()
    with pytest.raises(ValidationError) as err:
        render_escpos(ops, PAPERS[58])
    assert err.value.field == "qr"


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        render_escpos(receipt(), PAPERS[80], chinese="utf8")
    assert err.value.field == "chinese"


def test_interpreter_reads_text_styles_and_alignment() -> None:
    data = render_escpos(receipt(), PAPERS[80], chinese="native")
    texts = [b for b in interpret(data) if isinstance(b, TextBlock) and b.runs]
    title = texts[0]
    assert title.align == "center" and title.runs[0].bold and title.runs[0].scale_x == 2
    assert title.runs[0].text == "交房即交证"


@pytest.mark.parametrize("data,where", [
    (b"\x1b@\x1dv0\x00\x10\x00\x05\x00" + b"\x00" * 10, "GS v 0 image data"),
    (b"\x1b@\x1c&\xbd", "a Chinese character"),
    (b"\x1b@\x1b\xff", "does not understand"),
    (b"\x1b@\x1d(k\x03\x001Q0", "before storing"),
])
def test_interpreter_refuses_truncated_or_unknown_bytes(data: bytes, where: str) -> None:
    with pytest.raises(ProtocolError, match=where):
        interpret(data)


# --- status bytes (DLE EOT 1, 2, 4) -----------------------------------------------------------

@pytest.mark.parametrize("replies,state,flags", [
    ((0x12, 0x12, 0x12), "ok", {"online": True, "paper_out": False, "cover_open": False}),
    ((0x12, 0x12, 0x1E), "ok", {"paper_near_end": True}),
    ((0x1A, 0x32, 0x72), "paper_out", {"paper_out": True, "online": False}),
    ((0x1A, 0x12, 0x7E), "paper_out", {"paper_out": True, "paper_near_end": True}),   # emupos' paper-out reply
    ((0x1A, 0x16, 0x12), "cover_open", {"cover_open": True}),
    ((0x1A, 0x12, 0x12), "offline", {"online": False, "cover_open": False}),
    ((0x1A, 0x52, 0x12), "error", {"error": True}),
])
def test_status_bytes(replies: tuple[int, int, int], state: str, flags: dict) -> None:
    status = parse_status(*replies)
    assert status.state == state
    assert status.ready == (state == "ok")
    for key, value in flags.items():
        assert getattr(status, key) == value


@pytest.mark.parametrize("bad", [0x00, 0xFF, 0x13, 0x92, ord("d")])
def test_non_status_bytes_are_a_protocol_error(bad: int) -> None:
    with pytest.raises(ProtocolError, match=f"0x{bad:02X}"):
        parse_status(bad, 0x12, 0x12)


@pytest.mark.parametrize("faults", [{}, {"paper_out": True}, {"cover_open": True}, {"offline": True},
                                    {"near_end": True}, {"error": True}])
def test_status_replies_round_trip(faults: dict) -> None:
    replies = status_replies(**faults)
    status = parse_status(replies[1], replies[2], replies[4])
    for key in ("paper_out", "cover_open", "error"):
        assert getattr(status, key) == faults.get(key, False)
    assert status.online == (not faults or faults == {"near_end": True})


# --- URIs ---------------------------------------------------------------------------------------

def test_uris_parse() -> None:
    usb = parse_printer_uri("usb://0416:5011")
    assert (usb.vendor_id, usb.product_id, usb.can_read_status) == (0x0416, 0x5011, True)
    serial = parse_printer_uri("serial:///dev/ttyUSB0?baud=19200")
    assert (serial.path, serial.baud) == ("/dev/ttyUSB0", 19200)
    tcp = parse_printer_uri("tcp://192.168.1.50?timeout=2.5")
    assert (tcp.host, tcp.port, tcp.timeout) == ("192.168.1.50", 9100, 2.5)
    assert parse_printer_uri("file:///dev/usb/lp0").can_read_status is False
    assert parse_printer_uri("sim://printer").path == "printer"


@pytest.mark.parametrize("uri,part", [
    ("", "empty"), ("lp0", "scheme is missing"), ("ipp://x", "scheme 'ipp'"), ("tcp://:9100", "host"),
    ("tcp://h:port", "port 'port'"), ("tcp://h:70000", "port"), ("tcp://h/x", "path"),
    ("tcp://h?timeout=-1", "timeout"), ("tcp://h?speed=1", "unknown option 'speed'"),
    ("usb://0416", "not VID:PID"), ("usb://04g6:5011", "vendor id"), ("usb://0416:0", "product id"),
    ("serial://ttyUSB0", "port"), ("serial:///dev/ttyUSB0?baud=1234", "baud"), ("file://lp0", "absolute"),
    ("sim://", "directory"),
])
def test_bad_uris_name_the_wrong_part(uri: str, part: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(part)) as err:
        parse_printer_uri(uri)
    assert err.value.field == "printer"


@pytest.mark.parametrize("chinese", ["native", "raster"])
def test_a_line_wider_than_the_paper_is_refused_in_both_modes(chinese: str) -> None:
    from hardware.printer.layout import Line

    with pytest.raises(ValidationError, match="wider than the 32-column 58 mm paper"):
        render_escpos([Line("交" * 17)], PAPERS[58], chinese=chinese)
    render_escpos([Line("交" * 16)], PAPERS[58], chinese=chinese)
