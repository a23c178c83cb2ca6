"""The supervision ledger screen over a real kiosk: the figures in its table and charts are the
sample data's, its service-point choice narrows them, its export writes a CSV and a PDF that parse
back to the same figures, and every refusal (no stick, stick gone, a file that cannot be written)
is said on screen.

One kiosk for the module (``kiosk init`` and the staged cases take seconds): training cases staged
with a clock moved on, so the days from joint acceptance to certificate are 3 and 10.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hardware.devices import open_devices
from kiosk.app import open_kiosk
from kiosk.config import load_config
from kiosk.services.evaluations import record_evaluation
from kiosk.services.staff import Actor
from kiosk.services.supervision import export_names
from tap import tap
from ui import i18n
from ui.context import AppContext
from ui.qt import QPushButton, QWidget
from ui.screens.office.supervision import SupervisionScreen
from ui.shell.app import build_window
from ui.shell.registry import Entry
from ui.shell.welcome import WelcomeScreen
from ui.shell.window import MainWindow
from ui.snapshot import clipped_texts, missing_glyphs, overflow, render
from ui.tasks import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "documents"))

from pdf_helpers import pdf_text, squeeze  # noqa: E402

START = dt.datetime(2026, 6, 1, 2, 0, tzinfo=dt.timezone.utc)
RATER = Actor("self-service", "system", training=True)
STAFF = Actor("S001", "staff")


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture(scope="module")
def ledger_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A kiosk with training cases at every step: 2 delivered (3 and 10 days after acceptance, rated
    非常满意 and 不满意), 1 ready, and one blocked as unpaid, as not filed... (by ``stage_sample``)."""
    from kiosk.cli import main

    home = tmp_path_factory.mktemp("supervision") / "kiosk-home"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KIOSK_HOME", str(home))
        assert main(["init"]) == 0
    clock = Clock()
    with open_kiosk(load_config(home), clock=clock) as kiosk:
        kiosk.stage_sample("keys_ready")  # the project's joint acceptance is recorded now
        clock.now = START + dt.timedelta(days=3)
        first = kiosk.stage_sample("delivered").value
        clock.now = START + dt.timedelta(days=10)
        second = kiosk.stage_sample("delivered").value
        kiosk.stage_sample("filed")
        kiosk.stage_sample("registered")
        kiosk.run(record_evaluation, RATER, first, "very_satisfied")
        kiosk.run(record_evaluation, RATER, second, "dissatisfied")
    yield home


class Office:
    def __init__(self, ctx: AppContext, window: MainWindow, qtbot: Any, clock: Clock) -> None:
        self.ctx, self.window, self.qtbot, self.clock = ctx, window, qtbot, clock
        self.screen: SupervisionScreen = window.navigator.screen_named("office_supervision")  # type: ignore[assignment]

    def click(self, widget: QWidget) -> None:
        tap(self.qtbot, widget)

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: self.ctx.runner.pending() == 0, timeout=20_000)
        self.qtbot.wait(10)
        self.qtbot.waitUntil(lambda: self.ctx.runner.pending() == 0, timeout=20_000)

    def open(self, media: Path | None = None, *, staff: Actor | None = STAFF) -> SupervisionScreen:
        if media is not None:
            self.screen.sticks.roots = (media,)
            self.screen.sticks.is_volume = lambda p: True  # a folder stands for a mounted stick
        else:
            self.screen.sticks.roots = ()
        if staff is not None:
            self.ctx.sign_in(staff, "赵雅琴")
        self.window.navigator.go("office_supervision")
        self.settle()
        return self.screen


@pytest.fixture
def office(qapp: Any, qtbot: Any, ledger_home: Path) -> Iterator[Office]:
    config = load_config(ledger_home)
    runner = TaskRunner()
    clock = Clock()
    clock.now = START + dt.timedelta(days=10, hours=1)
    with open_kiosk(config, clock=clock) as kiosk:
        ctx = AppContext(kiosk, open_devices(config), runner, poll_ms=20, training=True)
        window = build_window(ctx, [Entry(WelcomeScreen), Entry(SupervisionScreen)], idle_poll_ms=10_000)
        qtbot.addWidget(window, before_close_func=MainWindow.dispose)
        window.resize(1920, 1080)
        window.start()
        window.show()
        yield Office(ctx, window, qtbot, clock)
        ctx.stop_polling()
        runner.shutdown()
        qapp.setStyleSheet("")


def texts(screen: SupervisionScreen, row: int) -> list[str]:
    return [cell.text() for cell in screen.cells[row]]


def test_the_charts_show_the_sample_ledger(office: Office) -> None:
    screen = office.open()
    assert screen.view is not None
    lshy = next(p for p in screen.view.projects if p.key == "JX-LSHY")
    # 38 units, all eligible: 2 handed over, 1 ready, 1 unpaid, 1 without keys, the rest not filed.
    assert (lshy.units, lshy.delivered, lshy.pending, dict(lshy.blocked)) == (38, 2, 1, {
        "not_registered": 0, "unpaid": 1, "developer_restricted": 0, "contract_not_filed": 33, "keys_not_ready": 1})
    office.click(screen.tabs["progress"])
    assert screen.pages.currentWidget() is screen.charts["progress"]
    assert screen.charts["progress"].categories == ["龙山花园", "文庙街小区"]
    assert screen.charts["progress"].values() == {"已交证": [2, 0], "待办理": [1, 0], "受阻": [35, 0]}
    office.click(screen.tabs["blocked"])
    blocked = screen.charts["blocked"]
    assert dict(zip(blocked.categories, blocked.values()["受阻单元"], strict=True)) == {
        "未登记（无证书号）": 0, "缴费未确认": 1, "开发企业受限": 0, "合同未备案": 33, "钥匙未就绪": 1}
    office.click(screen.tabs["days"])
    days = screen.charts["days"]
    assert days.categories == ["龙山花园"], "a project without a handover has no days to show"
    assert days.values() == {"最少": [3], "中位": [6.5], "最多": [10]}
    office.click(screen.tabs["ratings"])
    ratings = screen.charts["ratings"]
    assert dict(zip(ratings.categories, ratings.values()["好差评"], strict=True)) == {
        "非常满意": 1, "满意": 0, "基本满意": 0, "不满意": 1, "非常不满意": 0}


def test_the_ledger_per_project_and_service_point(office: Office) -> None:
    screen = office.open()
    assert texts(screen, 0)[:3] == ["项目", "网点", "单元"]
    assert texts(screen, 1) == ["▲ 龙山花园", "JX-SP01", "38", "38", "2", "1", "35", "3 / 6.5 / 10", "2"]
    assert texts(screen, 2) == ["文庙街小区", "JX-SP02", "34", "0", "0", "0", "0", "—", "0"]
    assert [c.text() for c in screen.total_cells] == ["合计", "", "72", "38", "2", "1", "35", "3 / 6.5 / 10", "2"]
    assert screen.cells[1][0].property("state") == "warn" and screen.cells[2][0].property("state") == ""
    assert "共 72 套，已交证 2 套，受阻 35 套" in screen.summary.text()
    office.click(screen.point_buttons["JX-SP02"])
    assert texts(screen, 1)[0] == "文庙街小区" and not screen.cells[2][0].isVisible()
    assert [c.text() for c in screen.total_cells][:3] == ["JX-SP02 合计", "", "34"]
    assert screen.charts["progress"].values() == {"已交证": [0], "待办理": [0], "受阻": [0]}
    assert screen.charts["ratings"].values()["好差评"] == [0, 0, 0, 0, 0]
    assert not screen.prev_button.isEnabled() and not screen.next_button.isEnabled()


def test_export_writes_a_csv_and_a_pdf_of_the_ledger(office: Office, tmp_path: Path) -> None:
    stick = tmp_path / "media" / "KINGSTON"
    stick.mkdir(parents=True)
    screen = office.open(tmp_path / "media")
    office.click(screen.tabs["export"])
    assert screen.sticks.target == stick and screen.sticks.buttons[0].text() == "▶ KINGSTON"
    office.click(screen.export_button)
    office.settle()
    assert screen.done.isVisible() and not screen.problem.isVisible(), screen.problem.text()
    csv_name, pdf_name = export_names(office.clock.now.astimezone(dt.timezone(dt.timedelta(hours=8))))
    assert sorted(p.name for p in stick.iterdir()) == sorted([csv_name, pdf_name])
    assert csv_name in screen.done.text() and pdf_name in screen.done.text()
    rows = list(csv.reader(io.StringIO((stick / csv_name).read_text(encoding="utf-8-sig"))))
    header, lshy = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert header[:2] == ["项目编号", "项目名称"] and len(rows) == 3
    assert (lshy["项目编号"], lshy["已交证"], lshy["待办理"], lshy["受阻：缴费未确认"]) == ("JX-LSHY", "2", "1", "1")
    assert (lshy["好差评：非常满意"], lshy["好差评：不满意"], lshy["验收至交证天数（中位）"]) == ("1", "1", "6.5")
    pdf = (stick / pdf_name).read_bytes()
    assert pdf.startswith(b"%PDF")
    text = squeeze(pdf_text(pdf, tmp_path))
    assert "督查台账" in text and "龙山花园" in text and "文庙街小区" in text


def test_export_refusals(office: Office, tmp_path: Path) -> None:
    media = tmp_path / "media"
    media.mkdir()
    screen = office.open(media)
    office.click(screen.tabs["export"])
    # No stick: said, and nothing to tap.
    assert screen.sticks.none.isVisible() and "没有找到U盘" in screen.sticks.none.text()
    assert not screen.export_button.isEnabled()
    stick = media / "STICK"
    stick.mkdir()
    office.click(screen.sticks.refresh)
    office.settle()
    assert screen.sticks.target == stick and screen.export_button.isEnabled() and not screen.sticks.none.isVisible()
    # A file that cannot be written (a folder in its place): nothing is left behind, the screen says why.
    csv_name, pdf_name = export_names(office.clock.now.astimezone(dt.timezone(dt.timedelta(hours=8))))
    (stick / pdf_name).mkdir()
    office.click(screen.export_button)
    office.settle()
    assert screen.problem.isVisible() and "[pdf_write]" in screen.problem.text() and "PDF 文件写不进U盘" in \
        screen.problem.text()
    assert not (stick / csv_name).exists() and not screen.done.isVisible()
    (stick / pdf_name).rmdir()
    (stick / csv_name).mkdir()
    office.qtbot.wait(550)  # the export button ignores a second tap within 500 ms
    office.click(screen.export_button)
    office.settle()
    assert "[csv_write]" in screen.problem.text() and "CSV 文件写不进U盘" in screen.problem.text()
    assert not (stick / pdf_name).exists()
    # The stick pulled out after it was chosen.
    shutil.rmtree(stick)
    office.qtbot.wait(550)
    office.click(screen.export_button)
    office.settle()
    assert "[media_gone]" in screen.problem.text() and "U盘已拔出" in screen.problem.text()
    assert screen.sticks.none.isVisible() and not screen.export_button.isEnabled(), "the pulled stick is forgotten"
    stick.mkdir()
    office.click(screen.sticks.refresh)
    office.settle()
    assert screen.sticks.target == stick and screen.export_button.isEnabled(), "the next try is one tap away"


def test_only_signed_in_staff_see_the_ledger(office: Office) -> None:
    screen = office.open(staff=None)
    assert screen.denied.isVisible() and not screen.body.isVisible() and screen.view is None
    screen = office.open(staff=Actor("T001", "technician"))
    assert screen.denied.isVisible() and "已登录的工作人员" in screen.denied.text()


def test_look(office: Office) -> None:
    """The ledger on a 1280x800 panel in both languages and both text sizes, nothing clipped; PNGs into
    $OFFICE_SNAPSHOTS when set (both panel sizes and every section then, for a look by eye)."""
    out = Path(os.environ["OFFICE_SNAPSHOTS"]) if os.environ.get("OFFICE_SNAPSHOTS") else None
    screen = office.open()
    window = office.window
    # The ledger is the tallest and widest page; the charts are drawn to the space left (looked at by eye).
    sections = ("ledger", *(("export", "progress", "blocked", "days", "ratings") if out else ()))
    for large in sorted((False, True), key=lambda mode: mode != window.large_text):
        window.set_large_text(large)
        for lang in sorted(i18n.LANGUAGES, key=lambda shown: shown != i18n.current_language()):
            # The smallest panel only (unless PNGs are asked for): what fits 1280x800 fits 1920x1080.
            for width, height in ((1920, 1080), (1280, 800)) if out else ((1280, 800),):
                for section in sections:
                    screen.show_section(section)
                    where = f"{section} {lang} {width}x{height}{' large' if large else ''}"
                    png = out / f"supervision-{section}-{lang}-{width}x{height}{'-large' if large else ''}.png" \
                        if out else None
                    render(window, png, size=(width, height), lang=lang, large=large, mode="staff")
                    problems = overflow(window, (width, height)) + clipped_texts(window) + missing_glyphs(window)
                    assert not problems, f"{where}: {[str(p) for p in problems]}"


@pytest.mark.parametrize("order", [(("en", True), ("zh_CN", True)), (("zh_CN", True), ("en", True)),
                                   (("zh_CN", False), ("zh_CN", True)), (("en", True), ("zh_CN", False))])
def test_the_ledger_fits_a_small_panel_whatever_was_rendered_before(
        office: Office, order: tuple[tuple[str, bool], ...]) -> None:
    """The same window rendered in one language and text size, then another: every ledger row whole,
    and the page holds as many projects as a fit measured now finds room for (none counted in the
    fonts or column widths of the rendering before)."""
    screen = office.open()
    window = office.window
    for lang, large in order:
        window.set_large_text(large)
        render(window, size=(1280, 800), lang=lang, large=large, mode="staff")
        where = f"{lang}{' large' if large else ''} after {order[0]}"
        problems = overflow(window, (1280, 800)) + clipped_texts(window)
        assert not problems, f"{where}: {[str(p) for p in problems]}"
        shown = screen.per_page
        screen._fit_rows()
        assert screen.per_page == shown, where


@pytest.mark.parametrize(("lang", "large", "switch"), [("zh_CN", True, "language"), ("en", False, "large text")])
def test_a_switch_and_a_point_chosen_at_once_keep_the_page_whole(office: Office, lang: str, large: bool,
                                                                  switch: str) -> None:
    """The language or the text size switched and every service point chosen before the event loop is
    back (a quick second tap; a reload arriving does the same): the page holds the rows that fit, no
    row's cells show past it and the header is whole. Showing a row lays the table out at once; a
    refill from inside that left a row it had hidden half shown, the header 3 px short."""
    screen = office.open()
    window = office.window
    window.set_large_text(large)
    render(window, size=(1280, 800), lang=lang, large=large, mode="staff")
    point = next(key for key in screen.point_buttons if key and len(screen.view.projects_of(key)) == 1)
    office.click(screen.point_buttons[point])
    render(window, size=(1280, 800), lang=lang, large=large, mode="staff")
    if switch == "language":
        window.set_language("en")
    else:
        window.set_large_text(True)
    screen.choose_point("")
    render(window, size=(1280, 800), lang="en", large=True, mode="staff")
    assert screen.per_page < len(screen.rows()), "the page holds fewer projects than the ledger has"
    shown = [r for r, cells in enumerate(screen.cells[1:-1]) if any(cell.isVisible() for cell in cells)]
    assert shown == list(range(screen.per_page)), f"{switch}: rows {shown} shown, the page holds {screen.per_page}"
    problems = clipped_texts(window)
    assert not problems, f"{switch}: {[str(p) for p in problems]}"


def test_a_reload_leaves_one_button_a_service_point(office: Office) -> None:
    """The ledger reloaded (the change feed, 刷新): the service points' buttons made anew, the old ones
    gone from the window at once, not drawn until their deletion (in large text, half under the new)."""
    screen = office.open()
    assert screen.view is not None
    old = list(screen.point_buttons.values())
    screen._loaded(screen.view)  # the reload's answer; no event loop in between, so nothing deleted yet
    assert old and not any(b.isVisible() for b in old)
    office.settle()
    shown = sorted(b.objectName() for b in screen.findChildren(QPushButton)
                   if b.objectName().startswith("point_") and b.isVisible())
    assert shown == sorted(f"point_{key or 'all'}" for key in screen.point_buttons)


def test_a_new_rating_moves_the_chart(office: Office, ledger_home: Path) -> None:
    """The change feed brings another process's evaluation (the buyer's screen) to the open chart.
    Last in the module: it adds a handover to the shared kiosk."""
    screen = office.open()
    with open_kiosk(load_config(ledger_home)) as other:
        delivered = other.store.read("SELECT unit_code FROM handovers WHERE state = 'delivered' "
                                     "AND unit_code NOT IN (SELECT unit_code FROM evaluations)")
        if not delivered:
            delivered = [{"unit_code": other.stage_sample("delivered").value}]
        other.run(record_evaluation, RATER, delivered[0]["unit_code"], "satisfied")
    office.qtbot.waitUntil(lambda: screen.charts["ratings"].values()["好差评"][1] >= 1, timeout=10_000)
