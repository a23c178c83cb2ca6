"""Shared output helpers for the commands: JSON on stdout, messages on stderr."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kiosk.config import Config, load_config


def emit(obj: Any) -> None:
    """One JSON object per line, UTF-8, Chinese kept readable."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, sort_keys=False) + "\n")
    sys.stdout.flush()


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def config_from(args: argparse.Namespace) -> Config:
    return load_config(getattr(args, "data_dir", None))
