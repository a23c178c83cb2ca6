"""Reference county gateway: the server side of the sync protocol, its store and admin commands.

Modules: ``app`` (FastAPI routes, body cap, error answers), ``service``
(protocol logic: enrollment, request authentication, batches, changes,
health), ``intake`` (idempotent record storage and status counts),
``issuing`` (signed items: approvals, payments, restrictions, revocations,
published master data), ``auto`` (``serve --auto-approve``), ``store``
(the storage interface), ``store_sqlite`` and ``store_pg`` (its two engines),
``migrations`` (the schema for both), ``at_rest`` (sealing personal data in the database),
``platform_keys`` (the platform key file), ``cli``
(``county-gateway``). Wire formats live in ``sync.wire``, shared with the
kiosk's agent.

The platform's private keys live in a file (mode 0600), never inside the
database (beside a SQLite file as ``<db>.platform-key.json``); record payloads and
item bodies are sealed at rest with the storage key, kept away from the data in
the configuration directory (``--key-file``; ``county.at_rest``). The database
and its WAL are 0600.
"""
