"""MyCaseScreen over a real kiosk: what is done, what is missing and the next step, in both languages,
and the action buttons the case allows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui import i18n
from ui.navigation import Navigator
from ui.qt import Qt
from ui.screens.buyer.my_case import MyCaseScreen, actions_for
from ui.snapshot import clipped_texts, missing_glyphs, overflow, render


def test_a_drafted_contract_is_missing_with_its_next_step_and_a_button_to_sign(
        nav: Navigator, buyers: Any, qtbot: Any) -> None:
    unit = buyers.unit()
    buyers.draft_contract(unit)
    other = buyers.unit(skip=1)
    screen = nav.go("my_case", unit_codes=[unit, other])
    assert isinstance(screen, MyCaseScreen)
    qtbot.waitUntil(lambda: len(screen.cases) == 2, timeout=20_000)
    assert screen.subjects() == {unit, other}
    assert "合同尚未网签备案" in screen.steps.text()
    assert "签订合同并等待备案号" in screen.steps.text()
    assert "联合验收" not in screen.steps.text()  # the project was made eligible: it shows as done
    assert screen.action_buttons["contract"].isVisible() and not screen.action_buttons["handover"].isVisible()
    # Nothing paid yet: paying is possible, but the screen has one primary action (ux.md), the first
    # step: the contract.
    assert "尚未生成缴费单" in screen.steps.text() and actions_for(screen.cases[0]) == ["contract", "pay"]
    assert not screen.action_buttons["pay"].isVisible()
    assert screen.page_label.text() == "第 1 套，共 2 套"
    # 1920 px: the title at the left, the unit buttons at the row's right end (not adrift in its middle).
    render(nav, lang="zh_CN")
    assert screen.title.isVisible()
    assert screen.next_button.geometry().right() == screen.width() - screen.box.contentsMargins().right() - 1
    # Each step and each check done is a block whose wrapped lines hang under its text (ui.widgets.paged).
    assert all(b.hanging for b in screen.steps.blocks if not b.leads)
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.index == 1 and not screen.action_buttons["contract"].isVisible()
    i18n.switch_language("en")
    qtbot.mouseClick(screen.previous_button, Qt.MouseButton.LeftButton)
    assert "The sale contract is not signed and filed yet." in screen.steps.text()
    assert "Sign the contract and wait for its filing number." in screen.steps.text()
    qtbot.mouseClick(screen.action_buttons["contract"], Qt.MouseButton.LeftButton)
    if "read_sign" in nav.names():
        assert nav.current is not None and nav.current.name == "read_sign"
    screen.leave()
    assert screen.cases == [] and screen.steps.text() == "" and screen.unit.text() == ""


def test_an_unknown_unit_is_a_plain_message(nav: Navigator, buyers: Any, qtbot: Any) -> None:
    screen = nav.go("my_case", unit_codes=["410425001003GB00128F99990101"])
    assert isinstance(screen, MyCaseScreen)
    qtbot.waitUntil(lambda: bool(screen.error.text()), timeout=20_000)
    assert "工作人员" in screen.error.text() and screen.staff_note.text().startswith("unknown_unit")


def test_snapshots(nav: Navigator, buyers: Any, qtbot: Any, tmp_path: Path) -> None:
    unit = buyers.unit(co_owners=2)
    buyers.draft_contract(unit)
    screen = nav.go("my_case", unit_codes=[unit, buyers.unit()])
    assert isinstance(screen, MyCaseScreen)
    qtbot.waitUntil(lambda: len(screen.cases) == 2, timeout=20_000)
    for lang in ("zh_CN", "en"):
        for large in (False, True):
            image = render(nav, tmp_path / f"buyer-my_case-{lang}{'-large' if large else ''}.png",
                           lang=lang, large=large)
            assert (image.width(), image.height()) == (1920, 1080)
            assert clipped_texts(nav) == [], (lang, large)
            assert missing_glyphs(nav) == [], (lang, large)


def test_a_change_from_the_counter_refreshes_the_case(
        nav: Navigator, kiosk_ctx: Any, buyers: Any, on_store: Any, qtbot: Any) -> None:
    from kiosk.services import contracts
    from kiosk.services.signatures import sample_bundle

    unit = buyers.unit()
    contract_id = buyers.draft_contract(unit)
    screen = nav.go("my_case", unit_codes=[unit])
    assert isinstance(screen, MyCaseScreen)
    qtbot.waitUntil(lambda: bool(screen.cases), timeout=20_000)
    assert screen.action_buttons["contract"].isVisible()
    kiosk_ctx.start_polling()
    doc = on_store(lambda k: contracts.get(k.store, contract_id)["doc_hash"])
    on_store(lambda k: contracts.sign(k.ctx, buyers.sim.staff, contract_id,
                                      {h.id: sample_bundle(doc, seed=h.id) for h in buyers.holders(unit)}))
    qtbot.waitUntil(lambda: not screen.action_buttons["contract"].isVisible(), timeout=10_000)
    assert screen.cases[0].contract is not None and screen.cases[0].contract.state == "signed"


def test_on_the_smallest_panel_in_large_text_the_steps_page_whole(nav: Navigator, buyers: Any, qtbot: Any) -> None:
    """1280x800, English large text: a 1280x800 panel holds a step or two under the unit. Each page shows
    whole steps (the scroll area it replaces showed one and a half), the page buttons turn through every
    step and every done check once, and a new unit starts on its first page."""
    unit = buyers.unit(co_owners=2)
    buyers.draft_contract(unit)
    screen = nav.go("my_case", unit_codes=[unit, buyers.unit()])
    assert isinstance(screen, MyCaseScreen)
    qtbot.waitUntil(lambda: len(screen.cases) == 2, timeout=20_000)
    size = (1280, 610)  # what the shell leaves a screen on a 1280x800 panel under its header and training line
    render(nav, size=size, lang="en", large=True)
    assert [str(p) for p in overflow(nav, size) + clipped_texts(nav)] == []
    steps, pager = screen.steps, screen.pager
    assert len(steps.pages) > 1 and pager.isVisible() and not pager.previous_button.isEnabled()
    assert steps.shown().startswith("Still missing, and what to do\n1. ")  # a heading never ends a page
    seen = [steps.shown()]
    while pager.next_button.isEnabled():
        qtbot.mouseClick(pager.next_button, Qt.MouseButton.LeftButton)
        assert clipped_texts(nav) == [] and pager.label.text() == f"{steps.page + 1} / {len(steps.pages)}"
        seen.append(steps.shown())
    assert "\n".join(seen) == steps.text() and len(seen) == len(steps.pages)
    assert not seen[-1].endswith("Done")
    # Large text off: the same panel holds as much a page or more, and the page shown still holds the block read first.
    first = steps.blocks[steps.pages[steps.page].start]
    large_pages = len(steps.pages)
    render(nav, size=size, lang="en", large=False)
    assert clipped_texts(nav) == [] and len(steps.pages) <= large_pages and first.text in steps.shown()
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.index == 1 and steps.page == 0
