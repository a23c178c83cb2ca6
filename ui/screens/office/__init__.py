"""The staff back office (issue 11): the hub (``hub``) and its sections, one module a screen, and the
supervisor's approval form (``approval``).

Nothing is imported here: the shell names each screen by module (``ui.shell.registry.Later``) and
imports it when the screen is first built, after the app's first frame.
"""
