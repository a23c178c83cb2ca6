"""`kiosk snapshots` shows the sample county's restriction list on the credit screen: the rows the
picture holds, each developer with its reason and dates (in force, dated, lifted), not just a PNG."""

from __future__ import annotations

from pathlib import Path

from kiosk.app import open_kiosk
from kiosk.config import Config
from kiosk.services.samples import load_sample_restrictions
from ui.qt import QApplication, QImage
from ui.shell.registry import HOME, SCREENS
from ui.shell.snapshots import take_snapshots


def test_the_credit_snapshot_lists_the_sample_restrictions_with_their_dates(
        tmp_path: Path, qapp: QApplication, sample_config: Config) -> None:
    config = sample_config
    entries = [e for e in SCREENS if e.screen.name in (HOME, "office_credit")]
    shots = take_snapshots(config, tmp_path / "shots", lang="zh_CN", entries=entries)
    (credit,) = [s for s in shots if s.screen == "office_credit"]
    assert credit.problems == [] and not QImage(str(credit.path)).isNull()

    with open_kiosk(config) as kiosk:
        rows = {row.uscc: row for row in kiosk.credit(include_training=True).restrictions}
    samples = load_sample_restrictions()
    assert set(rows) == {s.uscc for s in samples}, "the staging published every sample restriction"
    said = credit.texts
    assert f"平台下发限制 {len(samples)} 条，今日有效 {sum(not s.lifted for s in samples)} 条。" in said
    for sample in samples:
        row = rows[sample.uscc]
        assert f"{sample.name}  {sample.uscc}" in said
        since = row.since.isoformat()
        if sample.lifted:
            assert row.lifted_on is not None
            dates = f"自 {since} 起，解除于 {row.lifted_on.isoformat()}"
        elif row.until is not None:
            dates = f"自 {since} 至 {row.until.isoformat()}"
        else:
            dates = f"自 {since} 起，未定截止日期"
        assert f"平台原因：{sample.reason}；{dates}" in said, sample.uscc
    assert said.count("限制中") == sum(not s.lifted for s in samples)
    assert said.count("已解除") == sum(s.lifted for s in samples)
