"""``Kiosk.stage_sample``: a training case stopped at each scripted stage, as the app's snapshots and the
demo need it, read back through the case view; and the refusals."""

from __future__ import annotations

import pytest

from kiosk.app import Kiosk
from kiosk.errors import KioskError, ValidationError
from kiosk.services.simulate import STAGES


def test_each_stage_gives_a_case_in_that_state(kiosk: Kiosk) -> None:
    seen = {}
    for stage in STAGES:
        outcome = kiosk.stage_sample(stage)
        case = kiosk.case(outcome.value)
        assert case.training and outcome.changes
        seen[stage] = (case.contract.state if case.contract else None,
                       case.order.state if case.order else None,
                       case.handover.state if case.handover else None, case.stage)
    assert seen["drafted"][:3] == ("draft", None, None)
    assert seen["filed"][0] == "filed" and seen["filed"][1] is None
    assert seen["registered"][1] == "paid" and seen["registered"][2] is None
    assert seen["checked"][2] == "checked"
    assert seen["delivered"][3] == "delivered"
    assert len({kiosk.stage_sample("drafted").value for _ in range(2)}) == 2, "every call takes a new unit"


def test_co_owners_are_honoured(kiosk: Kiosk) -> None:
    unit = kiosk.stage_sample("drafted", co_owners=2).value
    assert len(kiosk.case(unit).holders) == 2


def test_an_unknown_stage_is_refused_before_anything_is_written(kiosk: Kiosk) -> None:
    before = kiosk.store.read("SELECT count(*) AS n FROM audit")[0]["n"]
    with pytest.raises(ValidationError, match="unknown sample stage 'paid'.*drafted, filed") as err:
        kiosk.stage_sample("paid")
    assert err.value.field == "stage"
    assert kiosk.store.read("SELECT count(*) AS n FROM audit")[0]["n"] == before


def test_running_out_of_sample_units_says_what_to_do(kiosk: Kiosk) -> None:
    with pytest.raises(KioskError, match="no untouched training unit with 9 holder") as err:
        kiosk.stage_sample("drafted", co_owners=9)
    assert err.value.code == "no_sample_unit" and "kiosk init" in (err.value.hint or "")
