"""The clip tables (resources/voice/clips.toml, and resources/voice/en/clips.toml for English):
prompt id -> clip file and the text it says.

One table a language for the whole kiosk, so a service point can replace the
generated clips with recordings by editing one file: each entry names its file
(relative to the table's directory) and the sentence the clip must say.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from kiosk.resources import RESOURCES_DIR

VOICE_DIR = RESOURCES_DIR / "voice"
TABLE_NAME = "clips.toml"
# Mandarin, the voice every prompt has, at the top; other languages each in a directory of their own.
LANGUAGE_DIRS = {"zh_CN": "", "en": "en"}


class ClipTableError(ValueError):
    """The clip table cannot be read: where, what is wrong, and what to do."""


def table_dir(directory: Path, lang: str) -> Path:
    """The directory of ``lang``'s clip table under the voice directory ``directory``."""
    if lang not in LANGUAGE_DIRS:
        raise ClipTableError(f"voice clips are in {' or '.join(LANGUAGE_DIRS)}, not {lang!r}")
    return directory / LANGUAGE_DIRS[lang]


@dataclass(frozen=True)
class Clip:
    prompt_id: str
    path: Path
    text: str


def load_clips(directory: Path = VOICE_DIR) -> dict[str, Clip]:
    """The clips of ``directory``'s table, by prompt id."""
    table = directory / TABLE_NAME
    try:
        entries = tomllib.loads(table.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ClipTableError(f"voice clip table {table}: {exc}; regenerate it with "
                             f"`python scripts/voice.py` or restore it from the release") from None
    clips = {}
    for prompt_id, entry in entries.items():
        if not (isinstance(entry, dict) and isinstance(entry.get("file"), str)
                and isinstance(entry.get("text"), str)):
            raise ClipTableError(f"voice clip table {table}: entry {prompt_id!r} needs a file and a text, "
                                 f'e.g. ["{prompt_id}"] file = "{prompt_id}.opus" text = "..."')
        clips[prompt_id] = Clip(prompt_id, directory / entry["file"], entry["text"])
    return clips
