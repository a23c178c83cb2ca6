"""HandoverView: steps, people present or represented, who still signs, certificate, receipt job."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.errors import FlowError
from kiosk.rules.idcard import make_check_char
from kiosk.services import handover, printing
from kiosk.views.handover import PAPERS, STEPS, handover_view

from .conftest import strings


def done(view: Any) -> list[str]:
    return [s.step for s in view.steps if s.done]


def test_a_handover_with_an_agent_step_by_step(site: Any, couple: str) -> None:
    site.ready(couple)
    owner, absent = site.buyers(couple)
    case = handover.start(site.ctx, site.staff, couple)
    view = handover_view(site.ctx, case)
    assert (view.state, view.state_label, view.next_step, done(view)) == ("open", "办理中", "identify", [])
    assert [s.step for s in view.steps] == [s for s, _ in STEPS]
    assert [p.present for p in view.people] == [False, False] and view.agent is None
    assert [h.buyer_id for h in view.still_to_sign] == [owner.id, absent.id]
    assert [g.code for g in view.gates if not g.passed] == ["holder_missing"]
    assert not view.certificate_bound and view.certificate_no and view.receipt_job is None

    handover.identify(site.ctx, site.staff, case, method="card", value=owner.id_number)
    agent = "41042219850505002"
    agent += make_check_char(agent)
    handover.register_agent(site.ctx, site.staff, case, agent_id_number=agent,
                            authorisation_no="(2026)郏证字第88号", for_buyers=[absent.id])
    view = handover_view(site.ctx, case)
    assert [(p.holder.buyer_id, p.present, p.represented) for p in view.people] == \
        [(owner.id, True, False), (absent.id, False, True)]
    assert view.agent is not None and view.agent.represents == (absent.id,)
    assert view.agent.id_masked == "410422********" + agent[-4:] and agent not in "\n".join(strings(view))
    assert done(view) == ["identify"] and view.next_step == "check" and all(g.passed for g in view.gates)

    handover.check(site.ctx, site.staff, case)
    site.sign_papers(case)
    view = handover_view(site.ctx, case)
    assert done(view) == ["identify", "check", "sign"] and view.next_step == "bind_certificate"
    assert view.still_to_sign == () and all(p.signed == PAPERS for p in view.people)

    serial = handover.bind_certificate(site.ctx, site.staff, case, print_on_stock=True)
    view = handover_view(site.ctx, case)
    assert view.certificate_bound and view.serial == serial and view.certificate_state == "bound"
    job = handover.issue_receipt(site.ctx, site.staff, case)
    view = handover_view(site.ctx, case)
    assert view.receipt_job is not None and (view.receipt_job.job_id, view.receipt_job.state) == (job, "pending")
    printing.mark_result(site.ctx, site.staff, job, "paper out")
    failed = handover_view(site.ctx, case).receipt_job
    assert failed is not None and (failed.state, failed.attempts, failed.last_error) == ("failed", 1, "paper out")
    printing.request_reprint(site.ctx, site.staff, job, "换纸后重打")
    printing.mark_result(site.ctx, site.staff, job, None)
    again = handover_view(site.ctx, case).receipt_job
    assert again is not None and (again.state, again.attempts, again.reprints) == ("printed", 2, 1)

    handover.hand_keys(site.ctx, site.staff, case)
    handover.deliver(site.ctx, site.staff, case)
    view = handover_view(site.ctx, case)
    assert (view.state, view.next_step, view.gates, view.still_to_sign) == ("delivered", None, (), ())
    assert done(view) == [s for s, _ in STEPS] and view.delivered_at and view.certificate_state == "delivered"


def test_partly_signed_and_cancelled(site: Any, couple: str) -> None:
    site.ready(couple)
    owner, other = site.buyers(couple)
    case = site.start_all_present(couple)
    handover.check(site.ctx, site.staff, case)
    view = handover_view(site.ctx, case)
    assert [h.buyer_id for h in view.still_to_sign] == [owner.id, other.id]
    handover.cancel(site.ctx, site.staff, case, "买受人要求改期")
    view = handover_view(site.ctx, case)
    assert (view.state, view.next_step, view.still_to_sign, done(view)) == ("cancelled", None, (), [])


def test_unknown_handover(site: Any) -> None:
    with pytest.raises(FlowError) as err:
        handover_view(site.ctx, "JF-nope")
    assert err.value.code == "unknown_handover"
