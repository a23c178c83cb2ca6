"""Voice prompts of the buyer screens (ux.md "Voice and privacy").

Every buyer prompt, confirmation and error has a Mandarin clip. ``prompts``
names each one (a prompt id such as ``identify.card``) and the translated
messages it says; ``scripts/voice.py`` speaks their Chinese translations with
an offline engine at build time into ``resources/voice/``, listed in one table
(``clips.toml``: prompt id -> file, text) that a service point may fill with
recorded clips instead. ``player`` plays them with QtMultimedia.

Screens only name prompts (``Screen.say``); the clips are fixed sentences of
the translation catalogs, so nothing personal (a name, an ID number, an
amount) can ever be spoken.
"""
