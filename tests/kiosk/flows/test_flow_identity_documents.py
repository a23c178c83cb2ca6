"""Identity documents at the counter and credit codes from the platform (domain.md sections 1, 9).

A 15-digit number matches old records but identifies nobody at a handover; a
foreign permanent residence card does. A credit code the platform signs is kept
even when its check character fails, and flagged for staff; typed codes stay strict.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk import masterdata
from sync.wire import kinds
from kiosk.errors import ValidationError
from kiosk.rules.idcard import make_check_char
from kiosk.rules.uscc import parse_uscc
from kiosk.services import credit, handover

from .conftest import Kiosk

EARLY_USCC = "91350211M0000XUF46"   # a legal early Fujian code that fails its check character
FOREIGN = "932682198501010017"


def legacy15(number18: str) -> str:
    return number18[:6] + number18[8:17]


def test_fifteen_digit_number_cannot_identify_a_buyer(site: Kiosk, single: str) -> None:
    site.ready(single)
    buyer = site.buyers(single)[0]
    case = handover.start(site.ctx, site.staff, single)
    old = legacy15(buyer.id_number)
    assert masterdata.find_buyers(site.store, old)[0].id == buyer.id, "it still matches the old record"
    for method in ("card", "typed"):
        with pytest.raises(ValidationError) as err:
            handover.identify(site.ctx, site.staff, case, method=method, value=old)  # type: ignore[arg-type]
        assert (err.value.code, err.value.field) == ("id_legacy15", "id_number")
        assert old not in str(err.value) and "18-character" in (err.value.hint or "")
    assert handover.get(site.store, case)["present"] == [], "nobody was marked present"
    assert handover.identify(site.ctx, site.staff, case, method="typed", value=buyer.id_number).id == buyer.id


def test_fifteen_digit_number_cannot_register_an_agent(site: Kiosk, couple: str) -> None:
    site.ready(couple)
    owner, co_owner = site.buyers(couple)
    case = handover.start(site.ctx, site.staff, couple)
    handover.identify(site.ctx, site.staff, case, method="card", value=owner.id_number)
    agent = "41042219850505002"
    agent += make_check_char(agent)
    with pytest.raises(ValidationError) as err:
        handover.register_agent(site.ctx, site.staff, case, agent_id_number=legacy15(agent),
                                authorisation_no="(2026)郏证字第88号", for_buyers=[co_owner.id])
    assert err.value.code == "id_legacy15"
    assert handover.get(site.store, case)["agent_masked"] is None


def test_foreign_permanent_resident_agent_is_accepted(site: Kiosk, couple: str) -> None:
    site.ready(couple)
    owner, co_owner = site.buyers(couple)
    case = handover.start(site.ctx, site.staff, couple)
    handover.identify(site.ctx, site.staff, case, method="card", value=owner.id_number)
    handover.register_agent(site.ctx, site.staff, case, agent_id_number=FOREIGN,
                            authorisation_no="(2026)郏证字第89号", for_buyers=[co_owner.id])
    assert handover.get(site.store, case)["agent_masked"].startswith("932")


def test_signed_developer_with_failing_check_character_is_kept_and_flagged(site: Kiosk) -> None:
    site.pull(kinds.MASTER_DEVELOPER, EARLY_USCC.lower(), {"name": "厦门早期试点企业", "address": "福建省厦门市"})
    row = site.store.read("SELECT name, uscc_check_failed FROM developers WHERE uscc = ?", (EARLY_USCC,))
    assert row == [{"name": "厦门早期试点企业", "uscc_check_failed": 1}]
    assert masterdata.uscc_check_failed(site.store, EARLY_USCC)
    assert masterdata.flagged_credit_codes(site.store) == [
        masterdata.FlaggedCode(EARLY_USCC, "厦门早期试点企业", restricted=False)]
    good = site.store.read("SELECT uscc FROM developers WHERE uscc_check_failed = 0 LIMIT 1")[0]["uscc"]
    assert not masterdata.uscc_check_failed(site.store, good)
    audit = site.store.read("SELECT detail FROM audit WHERE action = 'developer.upsert' AND subject = ?",
                            (EARLY_USCC,))
    assert '"uscc_check_failed":true' in audit[0]["detail"]
    # Typed by a person, the same code is still checked strictly.
    with pytest.raises(ValidationError) as err:
        parse_uscc(EARLY_USCC)
    assert err.value.code == "uscc_checksum"


def test_signed_restriction_with_failing_check_character_is_kept_flagged_and_enforced(site: Kiosk) -> None:
    # 07:00 on 1 December in the county, still 30 November in UTC.
    site.clock.now = dt.datetime(2026, 11, 30, 23, 0, tzinfo=dt.timezone.utc)
    site.store.clock = lambda: site.clock.now.isoformat(timespec="microseconds")
    site.pull(kinds.MASTER_DEVELOPER, EARLY_USCC, {"name": "厦门早期试点企业"})
    site.pull(kinds.RESTRICTION_SET, f"91 350211 {EARLY_USCC[8:]}", {"reason": "拖欠农民工工资"})
    row = site.store.read("SELECT since, uscc_check_failed FROM restrictions WHERE uscc = ?", (EARLY_USCC,))[0]
    assert row["uscc_check_failed"] == 1
    assert row["since"] == "2026-12-01", "a restriction without 'since' starts on the county day"
    assert credit.active_restriction(site.store, EARLY_USCC, site.ctx.today()) is not None
    assert masterdata.flagged_credit_codes(site.store)[0].restricted is True
    site.pull(kinds.RESTRICTION_LIFTED, EARLY_USCC, {})
    assert credit.active_restriction(site.store, EARLY_USCC, site.ctx.today()) is None


def test_violation_typed_against_a_flagged_code_is_recorded_but_a_mistyped_code_is_not(site: Kiosk) -> None:
    wrong = EARLY_USCC[:17] + "5"   # same body, another wrong check character (the right one is R)
    with pytest.raises(ValidationError) as err:
        credit.record_violation(site.ctx, site.staff, EARLY_USCC, "late_handover", "逾期三十日未交房")
    assert err.value.code == "uscc_checksum", "an unknown code that fails its check is a typing mistake"
    site.pull(kinds.MASTER_DEVELOPER, EARLY_USCC, {"name": "厦门早期试点企业"})
    credit.record_violation(site.ctx, site.staff, f"91-350211-{EARLY_USCC[8:]}", "late_handover", "逾期三十日未交房")
    assert site.store.read("SELECT uscc FROM violations")[0]["uscc"] == EARLY_USCC
    with pytest.raises(ValidationError):
        credit.record_violation(site.ctx, site.staff, wrong, "late_handover", "逾期三十日未交房")



def test_buyers_say_which_document_they_hold(site: Kiosk, single: str) -> None:
    buyer = site.buyers(single)[0]
    assert buyer.document == "resident"
    with site.store.unit_of_work("test") as uow:
        masterdata.add_buyer(uow, single, name="Anna Schmidt", id_number=FOREIGN, position=2)
    foreigner = site.buyers(single)[1]
    assert foreigner.document == "foreign_permanent_residence" and foreigner.id_masked.startswith("932682")
