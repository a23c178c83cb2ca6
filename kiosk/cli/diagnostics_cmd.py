"""`kiosk diagnostics --out FILE.zip`: everything a technician needs to see, nothing personal
(kiosk.diagnostics lists the parts)."""

from __future__ import annotations

import argparse
import contextlib
import io
from pathlib import Path

from kiosk.cli.output import add_json_flag, config_from, emit
from kiosk.errors import ValidationError

# The commands whose answers go in the zip, each as it would print with --json.
COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("status", ("status", "--json")),
    ("selftest", ("selftest", "--json")),
    ("audit-verify", ("audit", "verify", "--json")),
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("diagnostics", help="write a zip for the technician: configuration without secrets, "
                       "status, self-test, recent logs, database check, versions, free disk")
    p.add_argument("--out", required=True, metavar="FILE.zip", help="the zip file to write")
    add_json_flag(p)
    p.set_defaults(func=cmd_diagnostics)


def _answer(argv: tuple[str, ...], data_dir: str | None) -> str:
    """A command's stdout, exit code and stderr, run in this process."""
    from kiosk.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([*argv, *(["--data-dir", data_dir] if data_dir else [])])
        except Exception as exc:  # a diagnostics run reports a broken command, it does not stop on it
            code, _ = 1, err.write(f"{type(exc).__name__}: {exc}\n")
    return f"exit code: {code}\n--- stdout\n{out.getvalue()}--- stderr\n{err.getvalue()}"


def cmd_diagnostics(args: argparse.Namespace) -> int:
    from kiosk import diagnostics

    out = Path(args.out)
    if out.suffix.lower() != ".zip" or out.is_dir():
        raise ValidationError(f"--out {out} is not a .zip file name", field="out",
                              hint="give a file name ending in .zip, e.g. /media/usb/kiosk-diagnostics.zip")
    config = config_from(args)
    data_dir = getattr(args, "data_dir", None)
    parts = diagnostics.core_parts(config)
    for name, argv in COMMANDS:
        parts[f"{name}.txt"] = _answer(argv, data_dir)
    diagnostics.write_zip(out, parts)
    if args.json:
        emit({"out": str(out), "parts": sorted(parts)})
    else:
        print(f"wrote {out}: {', '.join(sorted(parts))}")
    return 0
