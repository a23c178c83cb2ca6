"""Training mode: practice on a kiosk without touching its real data or the county.

``kiosk run --training`` (or ``[training] enabled = true`` in ``kiosk.toml``) runs the app
on a training data directory, ``training/`` inside the kiosk's own: its own database and
data key, every device a simulator, the sample cases staged, and a banner on every screen
and printout (the app's training session marks everything it does as training data).

A training directory is marked by a ``TRAINING`` file, written before anything else in it,
and it never syncs: the sync agent, enrollment and sneakernet export refuse it, even when
someone copies an enrollment into its keys, so nothing practised reaches the production
gateway. The kiosk's real database is never opened by a training session.
"""

from __future__ import annotations

import copy
from pathlib import Path

from kiosk.config import DEFAULTS, Config, load_config
from kiosk.errors import KioskError

TRAINING_DIR_NAME = "training"
MARKER = "TRAINING"
# The sample cases staged in a new training directory, (stage, holders): the demo's set, so a
# trainee meets a contract to sign by two co-owners, a case at the counter, papers waiting, a
# delivered certificate.
CASES: tuple[tuple[str, int], ...] = (("drafted", 2), ("keys_ready", 1), ("checked", 1), ("delivered", 1))
_MARKER_TEXT = ("This is a kiosk TRAINING data directory ('kiosk run --training').\n"
                "Everything in it is practice; it never syncs with the county.\n")


class TrainingError(KioskError):
    code = "training"


def is_training(config: Config) -> bool:
    return (config.data_dir / MARKER).exists()


def refuse_sync(config: Config, doing: str) -> None:
    """Stop ``doing`` (sync, enroll, export) on a training data directory."""
    if is_training(config):
        raise TrainingError(f"{config.data_dir} is a training data directory: it never {doing}",
                            hint="training data stays on this terminal; run the command on the kiosk's "
                                 "own data directory (without .../training)")


def training_dir(config: Config) -> Path:
    return config.data_dir / TRAINING_DIR_NAME


def prepare(config: Config) -> Config:
    """The training kiosk of ``config``'s kiosk, made (with its sample cases) on first use.
    Given a training directory already, it is returned as it is."""
    if is_training(config):
        return config
    home = training_dir(config)
    new = not (home / MARKER).exists()
    home.mkdir(parents=True, exist_ok=True)
    # First, so that a training directory is one from its first byte on.
    (home / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
    loaded = load_config(home)
    values = copy.deepcopy(loaded.values)
    # Whatever the training directory's own file says: simulators only, no gateway.
    values["devices"] = copy.deepcopy(DEFAULTS["devices"])
    values["sync"]["gateway_url"] = ""
    values["training"] = {"enabled": True}
    training = Config(data_dir=home, values=values)
    from kiosk.store.opening import initialise

    initialise(training)
    if new:
        from kiosk.app import open_kiosk

        with open_kiosk(training) as kiosk:
            for stage, holders in CASES:
                kiosk.stage_sample(stage, co_owners=holders)
    return training
