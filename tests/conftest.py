"""Shared fixtures: a real data directory made by `kiosk init`, and its store."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The county gateway's storage key lives in the configuration directory (county.at_rest): every gateway
# the tests start, in this process or another, finds one there made for this run, never the user's.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="jiaxian-test-config-")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Shared test helpers (gateway_harness, kiosk_process) are imported by name from any test folder.
sys.path.insert(0, str(Path(__file__).resolve().parent))
SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture(autouse=True, scope="session")
def _cheap_pin_hashes() -> Iterator[None]:
    """PINs hashed inside the test process cost scrypt n=2**10 instead of the kiosk's 2**14.

    Installing the sample staff hashes five PINs, about 70 ms each at the real cost: most of every
    fixture that installs the samples, a hundred and more times a run. The code path and the stored
    format are the same (verify_pin reads the cost from the stored hash); the kiosk's own processes
    keep the real cost, which tests/kiosk/test_pin_hash_cost.py checks.
    """
    from kiosk.services import staff

    real = dict(staff._SCRYPT)
    staff._SCRYPT["n"] = 2 ** 10
    yield
    staff._SCRYPT.update(real)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from kiosk.cli import main

    home = tmp_path / "kiosk-home"
    monkeypatch.setenv("KIOSK_HOME", str(home))
    assert main(["init"]) == 0
    return home


@pytest.fixture
def store(data_dir: Path) -> Iterator["Store"]:  # noqa: F821
    from kiosk.config import load_config
    from kiosk.store import Store
    from kiosk.vault import Vault

    config = load_config(data_dir)
    with Store(config.db_path, Vault.from_key_dir(config.key_dir)) as s:
        yield s


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator["PgCluster"]:  # noqa: F821
    """A throwaway PostgreSQL cluster (tests/pg_cluster.py), started once per test process (each
    xdist worker its own) the first time a test asks for it, stopped and deleted at the end."""
    from pg_cluster import PgCluster

    with PgCluster() as cluster:
        yield cluster


@pytest.fixture(scope="module")
def engine(request: pytest.FixtureRequest) -> str:
    """The gateway's storage engine for this module: "sqlite" unless the module runs over both
    (``pytestmark = ENGINES`` or ``@ENGINES``, tests/gateway_harness.py)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="module")
def new_db(engine: str, request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Callable[[], str | Path]:
    """Makes a new, empty gateway database of ``engine``: a SQLite path or a PostgreSQL URL."""
    def make() -> str | Path:
        if engine == "postgresql":
            return str(request.getfixturevalue("pg_cluster").create_database())
        return tmp_path_factory.mktemp("gw") / "gateway.db"
    return make
