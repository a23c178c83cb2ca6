"""`kiosk read-card`: read the ID card on the reader once, for installation and service.

The full ID number is never printed, in JSON or text: the output carries
``id_number_masked`` only, like every screen. ``--port sim`` (or ``sim://``)
runs the built-in simulator, so the command works on a machine without a reader.
"""

from __future__ import annotations

import argparse

from kiosk.cli.output import add_json_flag, config_from, emit
from kiosk.errors import ValidationError

LABELS = (
    ("name", "姓名 name"),
    ("sex", "性别 sex"),
    ("nation", "民族 nation"),
    ("birth_date", "出生 born"),
    ("address", "住址 address"),
    ("id_number_masked", "公民身份号码 ID number"),
    ("issuing_authority", "签发机关 issued by"),
    ("valid_from", "有效期自 valid from"),
    ("valid_to", "有效期至 valid to"),
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("read-card", help="read the resident ID card on the reader (ID number masked)")
    p.add_argument("--port", metavar="PORT",
                   help="serial port or URI (/dev/ttyUSB0, serial:///dev/ttyUSB0?baud=115200, sim); "
                        "default: [devices] card_reader")
    p.add_argument("--baud", type=int, metavar="N", help="baud rate (default 115200, or the URI's baud=)")
    p.add_argument("--timeout", type=float, default=1.0, metavar="S",
                   help="seconds to wait for each answer of the reader (read: 3x this; default %(default)s)")
    p.add_argument("--wait", type=float, default=10.0, metavar="S",
                   help="seconds to wait for a card to be placed (default %(default)s)")
    add_json_flag(p)
    p.set_defaults(func=cmd_read_card)


def cmd_read_card(args: argparse.Namespace) -> int:
    from hardware.idcard.connect import open_reader
    from hardware.idcard.reader import StepTimeouts

    if args.baud is not None and args.baud <= 0:
        raise ValidationError("--baud must be a positive number", field="baud")
    if args.timeout <= 0 or args.wait < 0:
        raise ValidationError("--timeout must be above 0 and --wait not below 0", field="timeout")
    uri = args.port or config_from(args)["devices"]["card_reader"]
    # Reading the card takes the SAM longest, hence three times the per-answer timeout.
    timeouts = StepTimeouts(find=args.timeout, select=args.timeout, read=3 * args.timeout,
                            status=args.timeout)
    with open_reader(uri, baudrate=args.baud, timeouts=timeouts) as reader:
        card = reader.wait_for_card(args.wait)
    fields = card.to_public_dict()
    if args.json:
        emit(fields)
    else:
        for key, label in LABELS:
            print(f"{label}: {fields[key]}")
        print(f"照片 photo: {fields['photo_bytes']} bytes WLT"
              + (", decoded" if fields["photo_decoded"] else " (no decoder installed)"))
    return 0
