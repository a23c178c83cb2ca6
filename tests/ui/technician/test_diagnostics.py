"""The technician's diagnostics screen through its real widgets over a real kiosk: the sync state,
the quarantine (marking a record dealt with, and its refusals), recent log lines, the self-test
of the simulated devices and a broken one, and the diagnostics zip on a "USB stick"."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import zipfile
from pathlib import Path

from hardware.devices import CardReaderDevice
from kiosk.config import load_config
from kiosk.services.context import Context
from kiosk.services.maintenance import resolve_quarantined
from kiosk.services.staff import Actor
from kiosk.store import outbox, quarantine
from ui.qt import QPoint
from ui.snapshot import render

from .conftest import STAFF, TECHNICIAN, Site, Tech

ID_NUMBER = "410425199001011237"
MASKED = "410425********1237"


def test_sync_state_backlog_and_enrollment(tech: Tech, site: Site) -> None:
    site.records(2)
    site.push_failed("gateway_unreachable", "connection refused by http://127.0.0.1:9")
    pending = outbox.counts(site.store)[outbox.PENDING]
    assert pending >= 2
    screen = tech.open_diagnostics()
    assert screen.body.isVisible() and not screen.denied.isVisible()
    assert screen.pages.currentIndex() == 0
    assert f"待发送：{pending} 条" in screen.summary.text().replace("\xa0", " ")
    assert "同步：有错误" in screen.summary.text().replace("\xa0", " ")
    value = {key: label for (key, _), label in screen.sync_labels.items()}
    assert "d-test" in value["enrollment"].text() and "http://127.0.0.1:9" in value["enrollment"].text()
    assert f"{pending} 条记录待发送" in value["backlog"].text()
    push = value["push"].text()
    assert "gateway_unreachable" in push and "connection refused" in push and "连续失败 1 次" in push
    assert value["push"].property("state") == "error"
    assert value["pull"].property("state") == ""
    assert value["stopped"].text() == "✔ 未停止"

    # The agent stops on a revoked device: the screen shows it on the next change.
    site.push_failed("revoked_device", "the county revoked this device", halted=True)
    tech.qtbot.waitUntil(lambda: "revoked_device" in value["stopped"].text(), timeout=10_000)
    assert value["stopped"].property("state") == "error"
    assert "同步：已停止" in screen.summary.text().replace("\xa0", " ")


def test_staff_member_cannot_open_diagnostics(tech: Tech) -> None:
    tech.log_in(*STAFF)
    assert not tech.login.diagnostics_button.isVisible()
    assert tech.login.message.text()  # the role refusal
    tech.ctx.sign_in(Actor("S001", "staff"))
    tech.nav.go("technician_diagnostics")
    tech.settle()
    screen = tech.diag
    assert screen.denied.isVisible() and not screen.body.isVisible()
    assert "只有技术人员" in screen.denied.text()
    assert screen.view is None  # nothing was read for a non-technician


def test_quarantine_marked_dealt_with_after_a_note(tech: Tech, site: Site) -> None:
    ids = site.quarantine(5)
    ids += site.quarantine(1, code="buyer_mismatch", reason=f"buyer {ID_NUMBER} is not on the contract")
    screen = tech.open_diagnostics()
    tech.tab("quarantine")
    assert screen.pages.currentIndex() == 1
    assert "隔离：6 条未处理" in screen.summary.text().replace("\xa0", " ")
    per_page = screen.per_page
    assert 1 <= per_page <= 4  # as many as fit this panel
    rows = [row for row in screen.quarantine_rows if row.isVisible()]
    assert len(rows) == per_page and all(ids[n] in rows[n].label.text() for n in range(per_page))
    assert "[unit_unknown] unit code not in the register" in rows[0].label.text()
    pages = -(-6 // per_page)
    assert screen.q_page_label.text() == f"第 1 页，共 {pages} 页" and not screen.q_prev.isEnabled()
    assert not screen.resolve_button.isEnabled()  # nothing chosen yet
    for _ in range(pages - 1):
        tech.click(screen.q_next)
    assert not screen.q_next.isEnabled() and screen.q_prev.isEnabled()
    last = screen.quarantine_rows[5 % per_page]
    shown = last.label.text()
    assert ids[5] in shown and "[buyer_mismatch]" in shown and MASKED in shown and ID_NUMBER not in shown
    tech.click(last)
    assert screen.selected == ids[5]
    assert last.label.text().startswith("▶ 已选：")
    assert all(not row.label.text().startswith("▶ ") for row in screen.quarantine_rows if row is not last)

    # Too short a note is refused by the service, said on screen, and the record stays open.
    tech.click(screen.note)
    tech.qtbot.keyClicks(screen.note, "ok")
    tech.click(screen.resolve_button)
    tech.settle()
    assert screen.problem.isVisible() and "[reason_required]" in screen.problem.text()
    assert quarantine.count_open(site.store) == 6
    assert screen.selected == ids[5]

    screen.note.clear()
    tech.qtbot.keyClicks(screen.note, "buyer list corrected, county told")
    tech.qtbot.wait(550)  # the button ignores a second tap within 500 ms
    tech.click(screen.resolve_button)
    tech.settle()
    assert not screen.problem.isVisible()
    assert screen.done.isVisible() and "已处理" in screen.done.text()
    assert [r.record_id for r in quarantine.open_records(site.store)] == ids[:5]
    assert "隔离：5 条未处理" in screen.summary.text().replace("\xa0", " ")
    assert screen.selected == "" and not screen.note.text()
    shown = " ".join(row.label.text() for row in screen.quarantine_rows if row.isVisible())
    assert ids[5] not in shown and ids[4] in shown
    actor, detail = site.store.conn.execute(
        "SELECT actor, detail FROM audit WHERE action = 'quarantine.resolved' AND subject = ?",
        (ids[5],)).fetchone()
    assert actor == "technician:T001"
    assert json.loads(detail)["note"] == "buyer list corrected, county told"


def test_record_dealt_with_elsewhere_is_refused_and_the_list_reloads(tech: Tech, site: Site) -> None:
    ids = site.quarantine(2)
    screen = tech.open_diagnostics()
    tech.tab("quarantine")
    tech.click(screen.quarantine_rows[0])
    tech.click(screen.note)
    tech.qtbot.keyClicks(screen.note, "unit code corrected")
    # A supervisor deals with it first, at another terminal session on the same kiosk.
    ctx = Context(site.store, load_config(site.data_dir))
    resolve_quarantined(ctx, Actor("S003", "supervisor"), ids[0], "resolved by the supervisor")
    tech.click(screen.resolve_button)
    tech.settle()
    assert "[unknown_quarantined]" in screen.problem.text()
    assert [r.record_id for r in screen.view.quarantine] == ids[1:]  # type: ignore[union-attr]
    assert screen.selected == ""
    assert not screen.resolve_button.isEnabled()


def test_no_quarantine_says_so(tech: Tech) -> None:
    screen = tech.open_diagnostics()
    tech.tab("quarantine")
    assert screen.quarantine_empty.isVisible() and "没有被隔离" in screen.quarantine_empty.text()
    assert not screen.resolve_button.isVisible() and not screen.note.isVisible()


def test_recent_log_lines_masked_and_paged(tech: Tech, site: Site) -> None:
    for n in range(40):
        site.log("agent", f"push attempt {n} failed")
    site.log("cli", f"looked up {ID_NUMBER}")
    screen = tech.open_diagnostics()
    tech.tab("log")
    text = screen.log_text.text()
    assert text.splitlines()[-1].endswith(f"cli: looked up {MASKED}") and ID_NUMBER not in text
    assert "push attempt 39 failed" in text and "push attempt 0 failed" not in text
    pages = screen.log_pages()
    assert pages > 1 and screen.l_page_label.text() == f"第 1 页，共 {pages} 页（最新在前）"
    assert not screen.l_next.isEnabled()
    seen = [text]
    for _ in range(pages - 1):
        tech.click(screen.l_prev)
        seen.append(screen.log_text.text())
    assert not screen.l_prev.isEnabled()
    # Every line once, oldest page last, and no page's text clipped in its box.
    lines = [line for page in reversed(seen) for line in page.splitlines()]
    assert [line.split(": ", 1)[1] for line in lines] == \
        [f"push attempt {n} failed" for n in range(40)] + [f"looked up {MASKED}"]
    tech.click(screen.l_next)
    assert screen.log_text.text() == seen[-2]


def test_self_test_of_the_simulated_devices_and_a_broken_reader(tech: Tech) -> None:
    screen = tech.open_diagnostics()
    tech.tab("selftest")
    assert screen.device_labels["scanner"][1].text() == "— 未配置"  # no scanner in a new kiosk.toml
    assert screen.device_labels["camera"][1].text() == "尚未检测"
    tech.click(screen.selftest_button)
    tech.settle()
    for kind in ("card_reader", "printer", "camera", "a4_printer"):
        state = screen.device_labels[kind][1]
        assert state.text() == "✔ 正常", (kind, screen.device_labels[kind][2].text())
        assert state.property("state") == "ok"
    assert {a["device"] for a in screen.selftest_answers()} == {"card_reader", "printer", "camera", "a4_printer"}

    tech.ctx.devices = dataclasses.replace(tech.ctx.devices,
                                           card_reader=CardReaderDevice("serial:///dev/ttyNOSUCHREADER"))
    tech.qtbot.wait(550)
    tech.click(screen.selftest_button)
    tech.settle()
    state, detail = screen.device_labels["card_reader"][1], screen.device_labels["card_reader"][2]
    assert state.text() == "✖ 故障" and state.property("state") == "error"
    assert "ttyNOSUCHREADER" in detail.text()
    assert screen.device_labels["printer"][1].text() == "✔ 正常"


def test_export_to_a_usb_stick(tech: Tech, site: Site, tmp_path: Path) -> None:
    site.log("agent", f"refused record of {ID_NUMBER}")
    site.quarantine(1, reason=f"holder {ID_NUMBER} unknown")
    media = tmp_path / "media"
    (media / "kiosk").mkdir(parents=True)
    screen = tech.diag
    screen.sticks.roots = (media,)
    screen.sticks.is_volume = lambda path: path.name.startswith("USB")
    tech.open_diagnostics()
    tech.tab("export")
    assert screen.sticks.none.isVisible() and not screen.export_button.isEnabled()

    stick = media / "kiosk" / "USB-1"
    stick.mkdir()
    tech.click(screen.sticks.refresh)
    tech.settle()
    assert not screen.sticks.none.isVisible()
    assert [b.text() for b in screen.sticks.buttons] == ["▶ USB-1"]  # the one stick is chosen, by its name
    tech.click(screen.export_button)
    tech.settle()
    written = list(stick.glob("kiosk-diagnostics-d-test-*.zip"))
    assert len(written) == 1 and screen.exported == written[0]
    assert screen.done.isVisible() and f"USB-1/{written[0].name}" in screen.done.text()
    with zipfile.ZipFile(written[0]) as zf:
        names = set(zf.namelist())
        assert {"status.json", "audit-verify.json", "selftest.json", "configuration.json",
                "database.json", "logs/agent.jsonl"} <= names
        selftest = json.loads(zf.read("selftest.json"))
        assert {a["device"]: a["ok"] for a in selftest} == {
            "card_reader": True, "printer": True, "camera": True, "a4_printer": True}
        status = json.loads(zf.read("status.json"))
        assert status["device_id"] == "d-test" and status["quarantined"] == 1
        everything = b"".join(zf.read(name) for name in names)
    assert ID_NUMBER.encode() not in everything
    assert oct(os.stat(written[0]).st_mode & 0o777) == "0o600"


def test_export_when_the_stick_was_pulled(tech: Tech, tmp_path: Path) -> None:
    media = tmp_path / "media"
    stick = media / "USB-2"
    stick.mkdir(parents=True)
    screen = tech.diag
    screen.sticks.roots = (media,)
    screen.sticks.is_volume = lambda path: path.name.startswith("USB")
    tech.open_diagnostics()
    tech.tab("export")
    assert screen.sticks.target == stick
    shutil.rmtree(stick)
    tech.click(screen.export_button)
    tech.settle()
    assert "[media_gone]" in screen.problem.text() and "U盘" in screen.problem.text()
    assert not stick.exists()  # nothing written where the stick was mounted
    assert screen.sticks.none.isVisible() and not screen.export_button.isEnabled()


def test_diagnostics_in_both_languages_and_sizes(tech: Tech, site: Site, tmp_path: Path) -> None:
    site.quarantine(2, reason=f"buyer {ID_NUMBER} is not on the contract of this unit")
    site.push_failed("gateway_unreachable", "connection refused by http://127.0.0.1:9")
    for n in range(12):
        site.log("agent", f"backlog {n} record(s) to push, 2 quarantined; next try in 30 s")
    tech.log_in(*TECHNICIAN)
    assert tech.login.diagnostics_button.isVisible()
    tech.look("technician-signed-in")
    tech.click(tech.login.diagnostics_button)
    tech.settle()
    screen = tech.diag
    tech.tab("selftest")
    tech.click(screen.selftest_button)
    tech.settle()
    for section in ("sync", "quarantine", "log", "selftest", "export"):
        tech.tab(section)
        if section == "quarantine":
            tech.click(screen.quarantine_rows[0])
        if section == "export":
            for label in ("USB-KIOSK", "USB-SPARE"):
                (tmp_path / "media" / label).mkdir(parents=True)
            screen.sticks.roots = (tmp_path / "media",)
            screen.sticks.is_volume = lambda path: path.name.startswith("USB")
            tech.click(screen.sticks.refresh)
            tech.settle()
            tech.click(screen.sticks.buttons[0])
            tech.click(screen.export_button)
            tech.settle()
            assert screen.exported is not None
        tech.look(f"diagnostics-{section}")


def test_a_sync_rows_name_stands_level_with_the_first_line_of_its_value(tech: Tech, site: Site) -> None:
    site.push_failed("gateway_unreachable", "connection refused by http://127.0.0.1:9")
    screen = tech.open_diagnostics()
    render(tech.window, None, size=(1280, 800), lang="zh_CN", large=True, mode="staff")
    head, value = screen.sync_heads["push"], screen.sync_labels[("push", "value")]
    assert value.height() > 2 * head.height(), "the name one line high, not stretched beside the value's lines"
    top = head.mapTo(screen, QPoint(0, 0)).y()
    assert abs(top - value.mapTo(screen, QPoint(0, 0)).y()) <= 4
