"""``Kiosk.stage_sample``: a training case stopped at each scripted stage, as the app's snapshots and the
demo need it, read back through the case view; and the refusals."""

from __future__ import annotations

import pytest

from kiosk.app import Kiosk
from kiosk.errors import FlowError, KioskError, ValidationError
from kiosk.services import contracts, payments
from kiosk.services.samples import SYNTHETIC_PROJECT_ID
from kiosk.services.signatures import sample_bundle
from kiosk.services.simulate import SIMULATOR, STAGES, _training_actor


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


def test_a_holder_count_no_sample_unit_has_says_what_to_do(kiosk: Kiosk) -> None:
    with pytest.raises(KioskError, match="no untouched training unit with 9 holder") as err:
        kiosk.stage_sample("drafted", co_owners=9)
    assert err.value.code == "no_sample_unit" and "one or two holders" in (err.value.hint or "")


def test_when_the_sample_units_are_used_up_more_are_made(kiosk: Kiosk) -> None:
    """Snapshots taken again and again on one data directory (the demo, the tests) never run out."""
    first = kiosk.stage_sample("drafted", co_owners=2).value
    used = {first}
    # Take every untouched two-holder unit the sample has, the way repeated snapshot runs do, cheaply:
    # a draft contract is enough to make a unit touched.
    while True:
        unit = kiosk.stage_sample("drafted", co_owners=2).value
        assert unit not in used, "every call takes a new unit"
        used.add(unit)
        if kiosk.case(unit).project_id == SYNTHETIC_PROJECT_ID:
            break
        assert len(used) < 40, "the sample has far fewer two-holder units"
    assert len(kiosk.case(unit).holders) == 2 and kiosk.case(unit).training
    delivered = kiosk.stage_sample("delivered", co_owners=2).value
    assert kiosk.case(delivered).stage == "delivered" and delivered not in used


def test_the_demo_platform_moves_a_signed_training_case_to_the_counter_one_outside_step_at_a_time(
        kiosk: Kiosk) -> None:
    """``Kiosk.platform_step``: what the county, the bank app and the developer would do, and no more."""
    unit = kiosk.stage_sample("drafted", co_owners=2).value

    def refused(code: str, hint: str) -> None:
        before = kiosk.store.read("SELECT count(*) AS n FROM audit")[0]["n"]
        with pytest.raises(FlowError) as err:
            kiosk.platform_step(unit)
        assert err.value.code == code and hint in (err.value.hint or "")
        assert kiosk.store.read("SELECT count(*) AS n FROM audit")[0]["n"] == before, "a refusal writes nothing"

    refused("buyers_sign_first", "sign the contract")
    contract = kiosk.case(unit).contract
    assert contract is not None
    kiosk.run(contracts.sign, _training_actor(kiosk.ctx, "staff"), contract.contract_id,
              {h.buyer_id: sample_bundle(contract.doc_hash, seed=h.buyer_id) for h in kiosk.case(unit).holders})
    step = kiosk.platform_step(unit)
    assert step.value == "contract_filed" and step.changes
    case = kiosk.case(unit)
    assert case.contract is not None and case.contract.state == "filed" and case.contract.filing_no
    refused("buyer_pays_first", "pay screen")
    order = kiosk.run(payments.create_order, SIMULATOR, unit).value
    assert kiosk.platform_step(unit).value == "payment_confirmed"
    assert kiosk.order(order).state == "paid"
    assert kiosk.platform_step(unit).value == "registered"
    assert kiosk.case(unit).registration.certificate_no
    assert kiosk.platform_step(unit).value == "keys_ready"
    assert kiosk.case(unit).stage == "ready"
    refused("counter_step", "at the counter")


def test_the_demo_platform_never_touches_a_real_case(stocked: Kiosk) -> None:
    real = stocked.store.read("SELECT code FROM units WHERE training = 0 LIMIT 1")[0]["code"]
    with pytest.raises(FlowError, match="real") as err:
        stocked.platform_step(real)
    assert err.value.code == "training_unit"
    with pytest.raises(FlowError) as unknown:
        stocked.platform_step("410425001003GB00128F99999999")
    assert unknown.value.code == "unknown_unit"


def test_the_demo_platform_files_two_contracts_under_two_numbers(kiosk: Kiosk) -> None:
    filed = []
    for _ in range(2):
        unit = kiosk.stage_sample("drafted").value
        contract = kiosk.case(unit).contract
        assert contract is not None
        kiosk.run(contracts.sign, _training_actor(kiosk.ctx, "staff"), contract.contract_id,
                  {h.buyer_id: sample_bundle(contract.doc_hash, seed=h.buyer_id) for h in kiosk.case(unit).holders})
        assert kiosk.platform_step(unit).value == "contract_filed"
        after = kiosk.case(unit).contract
        assert after is not None and after.filing_no
        filed.append(after.filing_no)
    assert filed[0] != filed[1], "neither unit is registered yet, and each filing has its own number"


def test_every_confirmation_made_up_by_the_simulation_or_the_demo_platform_has_a_serial_of_its_own(
        kiosk: Kiosk) -> None:
    """A bank's channel serial names one payment: the scripted payments of two cases, and the demo's
    confirmations of two orders, never share one (a statement would match one to the other)."""
    paid = [kiosk.stage_sample("registered").value for _ in range(2)]
    demo = [kiosk.stage_sample("filed").value for _ in range(2)]
    for unit in demo:
        kiosk.run(payments.create_order, SIMULATOR, unit)
        assert kiosk.platform_step(unit).value == "payment_confirmed"
    items = kiosk.store.read("SELECT o.unit_code, i.state, i.channel_serial, i.receipt_no FROM payment_items i "
                             "JOIN payment_orders o ON o.id = i.order_id")
    assert {i["unit_code"] for i in items} == {*paid, *demo} and {i["state"] for i in items} == {"confirmed"}
    serials = [i["channel_serial"] for i in items]
    assert len(set(serials)) == len(serials), serials
    assert len({i["receipt_no"] for i in items}) == len({*paid, *demo}), "one receipt number per order"
    for unit in demo:
        assert kiosk.platform_step(unit).value == "registered", "nothing left due: the next outside step"
