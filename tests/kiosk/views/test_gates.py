"""The handover gates themselves: fixed order, the people check, the tamper check's variants,
the data-scope variant, `only`, and an unknown unit."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.errors import CheckFailed, FlowError
from kiosk.identity import ENROLLMENT_FILE
from kiosk.services import handover
from kiosk.services.gates import CASE_CHECKS, CHECKS, handover_gates, require_passed


def test_fixed_order_with_and_without_people(site: Any, couple: str) -> None:
    site.ready(couple)
    owner, other = site.buyers(couple)
    assert [g.check for g in handover_gates(site.ctx, couple)] == list(CASE_CHECKS)
    gates = handover_gates(site.ctx, couple, covered={owner.id})
    assert [g.check for g in gates] == list(CHECKS)
    assert [g.code for g in gates if not g.passed] == ["holder_missing"]
    failed = gates[-1]
    assert other.id_masked in failed.message and other.id_number not in failed.message + failed.reason
    with pytest.raises(CheckFailed) as err:
        require_passed(gates)
    assert (err.value.code, err.value.message, err.value.hint) == (failed.code, failed.message, failed.hint)
    assert all(g.passed for g in handover_gates(site.ctx, couple, covered={owner.id, other.id}))
    for gate in gates:
        assert gate.reason and (gate.passed or (gate.next_action and gate.message and gate.hint))


def test_only_some_checks(site: Any, single: str) -> None:
    gates = handover_gates(site.ctx, single, only=("unpaid", "project_not_eligible"), covered=[])
    assert [g.check for g in gates] == ["project_not_eligible", "unpaid"], "still in the fixed order"


def test_certificate_checks_variants(site: Any, single: str, data_dir: Any) -> None:
    site.ready(single)
    assert all(g.passed for g in handover_gates(site.ctx, single))
    unchecked = handover_gates(site.ctx, single, verify=False)
    (site.ctx.config.key_dir / ENROLLMENT_FILE).unlink()
    gate = next(g for g in handover_gates(site.ctx, single) if not g.passed)
    assert (gate.check, gate.code) == ("not_registered", "not_enrolled") and "注册" in gate.reason
    assert handover_gates(site.ctx, single, verify=False) == unchecked, "the ledger's view is unchanged"
    with site.store.unit_of_work("intruder") as uow:
        uow.execute("UPDATE certificates SET training = 1 WHERE unit_code = ?", (single,))
        uow.log("tamper", single)
    gate = next(g for g in handover_gates(site.ctx, single, verify=False) if not g.passed)
    assert (gate.check, gate.code) == ("not_registered", "training_scope")
    case = site.start_all_present(single)
    with pytest.raises(CheckFailed) as err:
        handover.check(site.ctx, site.staff, case)
    assert err.value.code == "training_scope"


def test_unknown_unit(site: Any) -> None:
    with pytest.raises(FlowError) as err:
        handover_gates(site.ctx, "410425001003GB00999F99990101")
    assert err.value.code == "unknown_unit" and err.value.hint
