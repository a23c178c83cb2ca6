"""The queue over the sample data: visible page buttons, search by unit code, and a case that
becomes ready elsewhere (the sync agent, another counter) shows up through the change feed."""

from __future__ import annotations

from .conftest import Counter, units


def test_pages_turn_with_buttons(counter: Counter) -> None:
    counter.log_in("S001", "246810")
    screen = counter.queue
    assert screen.queue is not None and screen.pages() > 2
    assert not screen.prev_button.isEnabled() and screen.next_button.isEnabled()
    first = screen.page_label.text()
    counter.click(screen.next_button)
    assert screen.page == 1 and screen.page_label.text() != first and screen.prev_button.isEnabled()
    counter.click(screen.prev_button)
    assert screen.page == 0 and screen.page_label.text() == first


def test_search_no_match_says_so_and_show_all_returns(counter: Counter) -> None:
    counter.log_in("S001", "246810")
    screen = counter.queue
    total = screen.queue.total if screen.queue else 0
    for char in "99999999":
        counter.click(screen.keypad.keys[char])
    counter.click(screen.search_button)
    counter.settle()
    assert screen.queue is not None and screen.queue.total == 0 and screen.pages() == 1
    counter.click(screen.show_all)
    counter.settle()
    assert screen.queue is not None and screen.queue.total == total and screen.search.text() == ""


def test_a_case_made_ready_elsewhere_appears(counter: Counter, site: object) -> None:
    counter.log_in("S001", "246810")
    screen = counter.queue
    assert screen.queue is not None and not screen.queue.ready
    unit = units(site, 1)[0]
    site.ready(unit)  # type: ignore[attr-defined]
    counter.ctx.poll()
    counter.settle()
    assert [r.unit_code for r in screen.queue.ready] == [unit]
    assert unit in screen.row_buttons and "1" in screen.summary.text()
