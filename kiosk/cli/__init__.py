"""Command-line entry and composition root: the only module that may import every package.

Each command group lives in its own module here and exposes
``register(subparsers)``; heavy imports (Qt, drivers, the sync agent) happen
inside the command that needs them so that ``kiosk check-id`` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sqlite3
import sys
from collections.abc import Sequence

from kiosk import __version__
from kiosk.errors import KioskError

# Modules under kiosk.cli that each register one or more commands.
COMMAND_MODULES: tuple[str, ...] = (
    "setup",
    "checks",
    "audit_cmd",
    "card_cmd",
    "scan_cmd",
    "print_cmd",
    "selftest_cmd",
    "payments_cmd",
    "sync_cmd",
    "decommission_cmd",
    "flows_cmd",
    "demo_cmd",
    "jobs_cmd",
    "report_cmd",
    "ui_cmd",
    "diagnostics_cmd",
    "service_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Jia County 交房即交证 service-point kiosk.",
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument("--data-dir", help="data directory (default: $KIOSK_HOME or the platform data dir)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"kiosk.cli.{name}").register(sub)
    for command in sub.choices.values():
        _add_common_options(command)
    return parser


def _add_common_options(parser: argparse.ArgumentParser) -> None:
    """Let --data-dir and -v also follow the command (`kiosk status --data-dir D`).

    SUPPRESS keeps a value given before the command from being reset here.
    """
    nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if nested:
        for action in nested:
            for child in action.choices.values():
                _add_common_options(child)
        return
    if "--data-dir" not in parser._option_string_actions:
        parser.add_argument("--data-dir", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    if "--verbose" not in parser._option_string_actions:
        parser.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                            help=argparse.SUPPRESS)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    _log_to_file(args)
    log = logging.getLogger("kiosk.cli")
    log.info("%s started (kiosk %s)", args.command, __version__)
    try:
        code = int(args.func(args) or 0)
        log.log(logging.INFO if code == 0 else logging.WARNING, "%s finished with exit code %d",
                args.command, code)
        return code
    except KioskError as exc:
        log.error("%s failed: %s", args.command, exc)
        print(f"kiosk {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        # A store failure met outside the store's own calls (a command reading store.conn).
        from kiosk.config import load_config
        from kiosk.store.failures import store_failure

        db = load_config(getattr(args, "data_dir", None)).db_path
        failure = store_failure(exc, db, f"{args.command} failed on the database")
        print(f"kiosk {args.command}: error: {failure}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"kiosk {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception:
        log.exception("%s stopped by an unexpected error", args.command)
        raise


def process_name(args: argparse.Namespace) -> str:
    """Which log file this run writes: the app, the sync agent, or any other command."""
    if args.command == "run":
        return "app"
    if args.command == "sync" and not getattr(args, "once", False):
        return "agent"
    return "cli"


# The command's own start, end and error lines are for the log file: stderr already gets the
# error as one clear sentence.
class _NotCommandLines(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.name != "kiosk.cli"


_FILE_ONLY = _NotCommandLines()


def _log_to_file(args: argparse.Namespace) -> None:
    """The process's JSON-lines log in the data directory, at the configured level; stderr keeps
    what it showed before (warnings, or progress with -v)."""
    from kiosk import logs
    from kiosk.config import load_config

    root = logging.getLogger()
    stderr_level = logging.INFO if args.verbose else logging.WARNING
    for handler in root.handlers:
        if isinstance(handler, logging.StreamHandler) and handler.stream is sys.stderr:
            handler.setLevel(stderr_level)
            if _FILE_ONLY not in handler.filters:
                handler.addFilter(_FILE_ONLY)
    try:
        config = load_config(getattr(args, "data_dir", None))
    except KioskError:
        return  # the command reports the broken configuration itself
    if logs.setup(config, process_name(args)) is not None:
        root.setLevel(min(root.level, stderr_level))
