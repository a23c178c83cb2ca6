"""Opening a kiosk's store from its configuration: the one place that decides
whether a data directory holds a usable kiosk."""

from __future__ import annotations

from kiosk.config import Config
from kiosk.errors import ConfigError
from kiosk.store import Store
from kiosk.vault import Vault


def open_store(config: Config) -> Store:
    """Open the kiosk's store with its vault; a clear error when the kiosk is not initialised."""
    if not config.db_path.exists():
        raise ConfigError(f"no kiosk database in {config.data_dir}",
                          hint="run 'kiosk init' first (or pass --data-dir / set KIOSK_HOME)")
    return Store(config.db_path, Vault.from_key_dir(config.key_dir))
