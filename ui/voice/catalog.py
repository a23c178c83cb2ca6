"""What each voice prompt says, read from the translation catalogs, and whether the clip tables agree.

Mandarin clips say the messages' Chinese translations; English clips (the optional second voice) say
their English source text, the text the English screens show.

Qt-free (the build script runs it without a display): the catalogs are read as
the XML that pyside6-lupdate writes. A message counts only when it is finished
and still in the code (lupdate marks a message the code no longer has as
vanished or obsolete).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from kiosk.resources import RESOURCES_DIR
from ui.voice.clips import VOICE_DIR, ClipTableError, load_clips, table_dir
from ui.voice.prompts import PROMPTS, Message

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
VOICE_LANGUAGE = "zh_CN"  # ux.md: Mandarin clips (English optional)
SENTENCE_END = {"zh_CN": "。！？：…", "en": ".!?:…"}
FULL_STOP = {"zh_CN": "。", "en": "."}
JOIN = {"zh_CN": "", "en": " "}


class PromptTextError(LookupError):
    """A prompt names a message that no catalog has finished in the voice's language."""


def translations(lang: str = VOICE_LANGUAGE, directory: Path = TRANSLATIONS_DIR) -> dict[Message, str]:
    """Every finished, current message of every catalog in ``lang``: (context, source) -> translation."""
    found: dict[Message, str] = {}
    for ts in sorted(directory.glob(f"*_{lang}.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                    continue
                found[(name, message.findtext("source", ""))] = translation.text or ""
    return found


def prompt_texts(lang: str = VOICE_LANGUAGE, directory: Path = TRANSLATIONS_DIR) -> dict[str, str]:
    """Prompt id -> the sentence its clip in ``lang`` ("zh_CN" or "en") says: its messages' Chinese
    translations, or their English sources, each ending as a sentence. A message the code no longer has
    (no finished Chinese translation) is refused in either language."""
    catalog = translations(VOICE_LANGUAGE, directory)
    texts = {}
    for prompt_id, messages in PROMPTS.items():
        parts = []
        for message in messages:
            if message not in catalog:
                raise PromptTextError(f"voice prompt {prompt_id!r}: no finished {VOICE_LANGUAGE} translation of "
                                      f"{message[0]} {message[1]!r}; change ui/voice/prompts.py to the text "
                                      f"the screen shows now, or translate it (python -m ui.i18n update)")
            part = (catalog[message] if lang == VOICE_LANGUAGE else message[1]).strip()
            # A line break a translation sets for the screen's layout (a heading broken at its comma) is
            # not heard: the clip says the sentence as one.
            part = JOIN[lang].join(line.strip() for line in part.split("\n"))
            parts.append(part if part[-1:] in SENTENCE_END[lang] else part + FULL_STOP[lang])
        texts[prompt_id] = JOIN[lang].join(parts)
    return texts


def table_problems(directory: Path = VOICE_DIR, lang: str = VOICE_LANGUAGE) -> list[str]:
    """What is wrong with the ``lang`` clip table under ``directory`` (the voice directory; English clips
    are in its ``en/``): missing, unknown or stale entries, missing files."""
    table = table_dir(directory, lang)
    try:
        clips = load_clips(table)
    except ClipTableError as exc:
        return [str(exc)]
    texts = prompt_texts(lang)
    problems = [f"prompt {p!r} has no clip" for p in sorted(set(texts) - set(clips))]
    problems += [f"clip {p!r} belongs to no prompt (ui/voice/prompts.py)" for p in sorted(set(clips) - set(texts))]
    for prompt_id, clip in sorted(clips.items()):
        if not clip.path.is_file():
            problems.append(f"clip {prompt_id!r}: file {clip.path} is missing")
        if prompt_id in texts and clip.text != texts[prompt_id]:
            problems.append(f"clip {prompt_id!r} says {clip.text!r}, the screen now says {texts[prompt_id]!r}")
    return problems
