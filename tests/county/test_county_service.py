"""The protocol logic in-process with an injected clock: nonce pruning and the clock window."""

from __future__ import annotations

from gateway_harness import ENGINES, record

from county.service import Gateway
from sync import wire
from sync.wire import kinds

pytestmark = ENGINES


def _enrolled(new_db, clock):
    gw = Gateway(new_db(), clock=clock)
    token = gw.issue_token(url="http://127.0.0.1:1", service_point="sp").token
    keys = wire.KeyPair.generate()
    answer = gw.enroll(wire.canonical_json(wire.enroll_request(token, keys)))
    return gw, answer["device_id"], keys


def test_old_nonces_are_pruned_and_their_replay_is_still_refused(new_db):
    now = [1_000_000.0]
    gw, device_id, keys = _enrolled(new_db, lambda: now[0])
    gw.nonce_prune_every = 1
    try:
        def request(nonce: str) -> wire.RequestAuth:
            headers = wire.sign_request(keys.sign, device_id=device_id, method="POST",
                                        target=kinds.PATH_HEALTH, body=b"{}", now=now[0],
                                        nonce=nonce)
            auth, _ = gw.authenticate(method="POST", target=kinds.PATH_HEALTH, headers=headers)
            gw.accept_body(auth, b"{}")
            return auth

        request("n" * 22)
        try:
            request("n" * 22)
        except wire.RequestRefused as exc:
            assert exc.code == "replayed_nonce"
        else:
            raise AssertionError("a reused nonce was accepted")
        now[0] += 3 * wire.DEFAULT_WINDOW_SECONDS
        request("m" * 22)
        with gw.locked() as conn:
            assert [r[0] for r in conn.execute("SELECT nonce FROM nonces")] == ["m" * 22]
    finally:
        gw.close()


def test_window_follows_the_gateway_clock(new_db):
    now = [2_000_000.0]
    gw, device_id, keys = _enrolled(new_db, lambda: now[0])
    try:
        headers = wire.sign_request(keys.sign, device_id=device_id, method="GET",
                                    target=kinds.PATH_CHANGES, now=now[0] - 299)
        gw.authenticate(method="GET", target=kinds.PATH_CHANGES, headers=headers)
        now[0] += 2
        try:
            gw.authenticate(method="GET", target=kinds.PATH_CHANGES, headers=headers)
        except wire.RequestRefused as exc:
            assert exc.code == "stale_timestamp" and "behind" in exc.message
        else:
            raise AssertionError("a stale request was accepted")
    finally:
        gw.close()


def test_import_and_http_share_idempotency(new_db):
    gw, device_id, keys = _enrolled(new_db, lambda: 3_000_000.0)
    try:
        env = wire.seal_batch([record("imp-1")], device_id=device_id, batch_id="b",
                              audit_head=None, signer=keys.sign, recipient=gw.keys.public.kem)
        first = gw.import_envelope(env)
        assert gw.import_envelope(env) == first
        assert gw.status()["records"] == 1 and gw.status()["duplicates"] == 1
    finally:
        gw.close()
