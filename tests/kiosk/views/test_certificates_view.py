"""CertificatesView's certificates that may be mailed, on real cases: recorded ones only, none once
bound at a handover or asked to be mailed."""

from __future__ import annotations

from typing import Any

from kiosk.services import handover, mailing
from kiosk.views.certificates import certificates_view


def test_only_recorded_certificates_may_be_mailed(site: Any, single: str, couple: str) -> None:
    assert certificates_view(site.ctx).mailable == (), "no certificate recorded yet"
    site.ready(single)
    site.register(couple, number="豫(2026)郏县不动产权第0000102号")
    view = certificates_view(site.ctx)
    assert sorted(m.unit_code for m in view.mailable) == sorted([single, couple])
    mine = next(m for m in view.mailable if m.unit_code == couple)
    assert mine.certificate_no == "豫(2026)郏县不动产权第0000102号" and mine.project_name and mine.room

    case = site.start_all_present(single)
    handover.check(site.ctx, site.staff, case)
    site.sign_papers(case)
    handover.bind_certificate(site.ctx, site.staff, case, print_on_stock=True)
    buyer = site.buyers(couple)[0]
    mailing.request_mailing(site.ctx, site.staff, couple, requester_id_number=buyer.id_number,
                            identified_by="in_person", recipient="王某", phone="13800001111",
                            address="河南省郑州市金水区某路1号")
    view = certificates_view(site.ctx)
    assert view.mailable == (), "bound at a handover, or already asked to be mailed"
    assert [b.unit_code for b in view.bound] == [single] and [m.unit_code for m in view.mail] == [couple]
