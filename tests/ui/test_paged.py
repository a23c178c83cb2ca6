"""How ``ui.widgets.paged.cut`` cuts blocks into pages: whole blocks, a heading never last on a page."""

from __future__ import annotations

from ui.widgets.paged import cut


def pages(heights: list[int], room: int, leads: set[int] = frozenset()) -> list[list[int]]:  # type: ignore[assignment]
    return [list(page) for page in cut(heights, [i in leads for i in range(len(heights))], room, spacing=10)]


def test_as_many_whole_blocks_as_the_room_holds() -> None:
    assert pages([50, 50, 50], room=110) == [[0, 1], [2]]
    assert pages([50, 50, 50], room=109) == [[0], [1], [2]]
    assert pages([50, 50, 50], room=170) == [[0, 1, 2]]
    assert pages([], room=100) == []


def test_a_block_taller_than_the_room_takes_a_page_of_its_own() -> None:
    assert pages([30, 200, 30], room=100) == [[0], [1], [2]]


def test_a_heading_moves_to_the_next_page_with_what_it_heads() -> None:
    # 0: a step, 1: a heading, 2: a step: the heading would end page 1, so it starts page 2.
    assert pages([40, 30, 40], room=90, leads={1}) == [[0], [1, 2]]
    # Two headings in a row move together.
    assert pages([40, 20, 20, 40], room=100, leads={1, 2}) == [[0], [1, 2, 3]]
    # A heading alone on a page stays there (it cannot go anywhere better).
    assert pages([30, 80], room=100, leads={0}) == [[0], [1]]
