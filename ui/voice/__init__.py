"""Voice prompts of the buyer screens (ux.md "Voice and privacy").

Every buyer prompt, confirmation and error has a Mandarin clip, and an English
one for the English screens. ``prompts`` names each one (a prompt id such as
``identify.card``) and the translated messages it says; ``scripts/voice.py``
speaks their Chinese translations (and their English texts) with an offline
engine at build time into ``resources/voice/`` (and ``resources/voice/en/``),
listed in one table a language (``clips.toml``: prompt id -> file, text) that a
service point may fill with recorded clips instead. ``player`` plays them with
QtMultimedia.

Screens only name prompts (``Screen.say``); the clips are fixed sentences of
the translation catalogs, so nothing personal (a name, an ID number, an
amount) can ever be spoken.
"""
