"""Domain core of the 交房即交证 kiosk: rules, store, vault, audit, services and the CLI. No Qt here."""

__version__ = "0.1.0"
