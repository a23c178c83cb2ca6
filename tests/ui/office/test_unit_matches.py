"""The units a search finds, on the contract and payment screens, through the real screens: six matches
(the most a search shows) on a 1280x800 panel in English large text, paged, nothing cut off or clipped."""

from __future__ import annotations

from typing import Any

import pytest
from tests.ui.office.casework import STAFF, Desk, Site, desk_fixture, site_fixture  # noqa: F401 (fixtures)

from kiosk.views.contracts import MATCH_LIMIT, UnitMatch
from ui.screens.office.unit_search import UnitMatches
from ui.snapshot import clipped_texts, missing_glyphs, overflow, render

SMALL = (1280, 800)
SHARED = "0001"  # in the code of the first building's units and of every first floor's


def search(desk: Desk, name: str) -> Any:
    """``name`` open, ``SHARED`` typed on its keypad and searched, the window at 1280x800 in English large text."""
    desk.sign_in(*STAFF)
    screen = desk.open(name)
    desk.window.set_large_text(True)
    render(desk.window, size=SMALL, lang="en", large=True, mode="staff")
    desk.click(screen.finder.field)
    for char in SHARED:
        desk.click(screen.finder.keypad.keys[char])
    desk.click(screen.finder.search_button)
    desk.settle()
    render(desk.window, size=SMALL, lang="en", large=True, mode="staff")
    return screen


def shown(found: UnitMatches) -> list[str]:
    return [code for code, b in found.buttons.items() if b.isVisible()]


@pytest.mark.parametrize("name", ["office_contracts", "office_payments"])
def test_six_matches_fit_a_small_panel_in_english_large_text(desk: Desk, name: str) -> None:
    screen = search(desk, name)
    found: UnitMatches = screen.found
    assert len(found.buttons) == MATCH_LIMIT == 6
    problems = overflow(desk.window, SMALL) + clipped_texts(desk.window) + missing_glyphs(desk.window)
    assert not problems, [str(p) for p in problems]
    for b in found.buttons.values():
        assert b.height() >= 64  # ux.md: staff targets


@pytest.mark.parametrize("name", ["office_contracts", "office_payments"])
def test_matches_page_back_and_forth_and_one_on_page_two_opens(desk: Desk, name: str) -> None:
    screen = search(desk, name)
    found: UnitMatches = screen.found
    codes = list(found.buttons)
    first = shown(found)
    assert found.pager.isVisible() and found.pager.pages >= 2
    assert first == codes[:len(first)] and 0 < len(first) < len(codes)
    assert not found.pager.prev_button.isEnabled() and found.pager.next_button.isEnabled()

    desk.click(found.pager.next_button)
    second = shown(found)
    assert second == codes[len(first):len(first) + len(second)] and second
    assert found.pager.prev_button.isEnabled()
    assert "2" in found.pager.label.text()
    desk.click(found.pager.prev_button)
    assert shown(found) == first

    desk.click(found.pager.next_button)
    desk.click(found.buttons[second[-1]])
    desk.settle()
    assert screen.unit is not None and screen.unit.unit_code == second[-1]


@pytest.mark.parametrize("project, own_line", [("郏县龙山花园二期", False), ("郏县龙山街道青龙路龙山花园二期东区", True)])
def test_a_longer_project_name_breaks_the_match_in_three_lines(desk: Desk, project: str, own_line: bool) -> None:
    """Too wide beside the contract: the contract on a line of its own; too wide beside the building and
    room as well: the project's name alone on the second line. Nothing clipped either way."""
    screen = search(desk, "office_contracts")
    found: UnitMatches = screen.found
    found.show_matches(tuple(UnitMatch(unit_code=m.unit_code, project_name=project, building=m.building,
                                       room=m.room, contract_state=m.contract_state)
                             for m in found.matches or ()))
    render(desk.window, size=SMALL, lang="en", large=True, mode="staff")
    for m in found.matches or ():
        lines = found.buttons[m.unit_code].text().split("\n")
        assert len(lines) == 3 and lines[0] == m.unit_code
        assert lines[1] == (project if own_line else f"{project} {m.building}-{m.room}")
    problems = overflow(desk.window, SMALL) + clipped_texts(desk.window)
    assert not problems, [str(p) for p in problems]
