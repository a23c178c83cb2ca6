"""The check-* and fees commands, through the real CLI entry and the installed script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.rules.county_time import county_today
from kiosk.rules.idcard import make_check_char

# The console script installed next to the interpreter running the tests.
KIOSK = Path(sys.executable).with_name("kiosk")

VALID_ID = "11010519491231002X"
JIA_ID = "41042519900101123" + make_check_char("41042519900101123")
BAD_CHECK_ID = VALID_ID[:17] + "1"
UNIT = "410425413219GB00029F00010002"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data directory, so no stray kiosk.toml changes the rules."""
    path = tmp_path / "home"
    path.mkdir()
    monkeypatch.setenv("KIOSK_HOME", str(path))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def test_check_id_json_reports_every_input_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, records, _ = run(capsys, "check-id", "--json", VALID_ID, BAD_CHECK_ID, "12345", "110105491231002",
                           VALID_ID.lower())
    assert code == 0
    assert [r["input"] for r in records] == [VALID_ID, BAD_CHECK_ID, "12345", "110105491231002",
                                             VALID_ID.lower()]
    assert [r["valid"] for r in records] == [True, False, False, True, True]
    first = records[0]
    assert first == {"input": VALID_ID, "valid": True, "normalized": VALID_ID, "birth_date": "1949-12-31",
                     "sex": "F", "region": "110105", "region_name": "北京市", "document": "resident",
                     "legacy15": False}
    assert records[1]["code"] == "id_checksum" and "should be X" in records[1]["error"]
    assert BAD_CHECK_ID not in records[1]["error"] and VALID_ID[:17] not in records[1]["error"]
    assert records[2]["code"] == "id_length"
    assert records[3]["legacy15"] is True and records[3]["normalized"] == VALID_ID
    assert records[4]["normalized"] == VALID_ID


def test_check_id_reports_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    foreign = "932682198501010017"     # accepted by peer validators as a 2023 foreign permanent residence card
    permit = "81000019900101123" + make_check_char("81000019900101123")
    code, records, _ = run(capsys, "check-id", "--json", JIA_ID, permit, foreign, foreign[:17] + "8")
    assert code == 0
    assert [r["valid"] for r in records] == [True, True, True, False]
    assert [r.get("document") for r in records[:3]] == [
        "resident", "hk_macao_taiwan_residence_permit", "foreign_permanent_residence"]
    assert {"input", "valid", "normalized", "birth_date", "sex", "region", "document"} <= set(records[2])
    assert (records[2]["birth_date"], records[2]["region_name"]) == ("1985-01-01", "江苏省")
    assert records[3]["code"] == "id_checksum"
    assert main(["check-id", foreign]) == 0
    out = capsys.readouterr().out
    assert "外国人永久居留身份证" in out and foreign not in out


def test_check_id_text_masks_the_number(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-id", JIA_ID, BAD_CHECK_ID]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("410425********") and "valid" in lines[0] and "郏县" in lines[0]
    assert "invalid" in lines[1]
    assert JIA_ID not in out and BAD_CHECK_ID not in out
    assert "1990" not in out and "19900101" not in out


def test_check_unit_fields_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, records, _ = run(capsys, "check-unit", "--json", UNIT, "320684413219GB00029F00010002", "short")
    assert code == 0
    assert records[0] == {"input": UNIT, "valid": True, "normalized": UNIT, "county": "410425",
                          "district": "413", "subdistrict": "219", "ownership": "G", "right": "B",
                          "parcel_seq": "00029", "fixture": "F", "fixture_number": "00010002",
                          "building": "0001", "room": "0002"}
    assert (records[1]["valid"], records[1]["code"]) == (False, "unit_county")
    assert (records[2]["valid"], records[2]["code"]) == (False, "unit_length")
    assert main(["check-unit", UNIT]) == 0
    assert "building 0001 room 0002" in capsys.readouterr().out


def test_check_unit_follows_kiosk_toml(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    (home / "kiosk.toml").write_text('[county]\ncode = "410423"\n\n[unit_code]\nright_letters = "BC"\n',
                                     encoding="utf-8")
    code, records, _ = run(capsys, "check-unit", "--json", UNIT, "410423413219GB00029F00010002",
                           "410423413219GS00029F00010002")
    assert code == 0
    assert [r["valid"] for r in records] == [False, True, False]
    assert records[2]["code"] == "unit_right"


def test_check_uscc(capsys: pytest.CaptureFixture[str]) -> None:
    code, records, _ = run(capsys, "check-uscc", "--json", "91350100M000100Y43", "91350100M000100Y44")
    assert code == 0
    assert records[0]["valid"] is True and records[0]["normalized"] == "91350100M000100Y43"
    assert records[1] == {"input": "91350100M000100Y44", "valid": False, "code": "uscc_checksum",
                          "error": records[1]["error"]}
    assert "should be 3" in records[1]["error"]


@pytest.mark.parametrize("typed", ["91 350100 M000100Y43", "91-350100-M000100Y43", "9 1 3501 00M000100Y4 3 ",
                                   "91\u3000350100\uff0dm000100y43"])
def test_check_uscc_accepts_group_separators(capsys: pytest.CaptureFixture[str], typed: str) -> None:
    code, (record,), _ = run(capsys, "check-uscc", "--json", typed)
    assert code == 0
    assert record == {"input": typed, "valid": True, "normalized": "91350100M000100Y43",
                      "region": "350100", "organisation_code": "M000100Y4"}


def test_check_uscc_stays_strict_for_typed_codes(capsys: pytest.CaptureFixture[str]) -> None:
    # A real early Fujian code that fails its check character: typed, it is refused.
    code, (record,), _ = run(capsys, "check-uscc", "--json", "91 350211 M0000XUF46")
    assert code == 0 and record["valid"] is False and record["code"] == "uscc_checksum"


@pytest.mark.parametrize("command", ["check-id", "check-unit", "check-uscc"])
def test_no_input_is_a_usage_error(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--json"])
    assert info.value.code == 2
    assert "required" in capsys.readouterr().err


def test_fees_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, records, _ = run(capsys, "fees", "--json", "--area", "143.27", "--price", "987654.32",
                           "--home", "first", "--certificates", "3", "--date", "2025-05-01")
    assert code == 0
    (result,) = records
    assert [(i["payee"], i["amount_fen"], i["estimate"]) for i in result["items"]] == [
        ("tax_bureau", 1_481_481, True), ("registration_office", 10_000, False)]
    assert "契税" in result["items"][0]["name"]
    assert result["total_fen"] == 1_491_481
    assert set(result["items"][0]) >= {"payee", "name", "amount_fen", "estimate"}


def test_fees_threshold_moves_on_2024_12_01(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["fees", "--json", "--area", "120", "--price", "1000000", "--home", "second"]
    _, (before,), _ = run(capsys, *args, "--date", "2024-11-30", "--declared-on", "2024-11-30")
    _, (after,), _ = run(capsys, *args, "--date", "2024-12-01", "--declared-on", "2024-12-01")
    assert before["items"][0]["amount_fen"] == 2_000_000
    assert after["items"][0]["amount_fen"] == 1_000_000


def test_fees_the_declaration_date_picks_the_deed_tax_rule(capsys: pytest.CaptureFixture[str]) -> None:
    # Bought in 2023, declared on either side of 2024-12-01: the declaration date decides (domain.md 5).
    args = ["fees", "--json", "--area", "120", "--price", "1000000", "--home", "second", "--date", "2023-06-01"]
    _, (late,), _ = run(capsys, *args, "--declared-on", "2024-11-30")
    _, (new,), _ = run(capsys, *args, "--declared-on", "2024-12-01")
    assert (late["rule"]["effective"], late["items"][0]["amount_fen"]) == ("2016-02-22", 2_000_000)
    assert (new["rule"]["effective"], new["items"][0]["amount_fen"]) == ("2024-12-01", 1_000_000)
    assert (late["declared_on"], new["declared_on"]) == ("2024-11-30", "2024-12-01")
    # Without --declared-on the declaration is today in the county: the 2024 notice.
    _, (today,), _ = run(capsys, *args)
    assert today["rule"]["effective"] == "2024-12-01"
    assert today["declared_on"] == county_today().isoformat()


def test_fees_non_residential_and_maintenance_fund_from_config(capsys: pytest.CaptureFixture[str],
                                                               home: Path) -> None:
    (home / "kiosk.toml").write_text("[fees]\nmaintenance_fund_fen_per_m2 = 5000\n", encoding="utf-8")
    _, (result,), _ = run(capsys, "fees", "--json", "--area", "50", "--price", "400000",
                          "--use", "non-residential", "--date", "2025-01-01")
    assert [(i["payee"], i["amount_fen"]) for i in result["items"]] == [
        ("tax_bureau", 1_200_000), ("registration_office", 55_000), ("maintenance_fund", 250_000)]
    assert result["total_fen"] == 1_505_000


def test_fees_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fees", "--area", "89.5", "--price", "650000", "--home", "first", "--date", "2025-01-01"]) == 0
    out = capsys.readouterr().out
    assert "契税" in out and "6,500.00 元" in out and "合计" in out and "6,580.00 元" in out


@pytest.mark.parametrize(("extra", "says"), [
    (["--area", "-90", "--price", "500000", "--home", "first"], "--area"),
    (["--area", "90", "--price", "50万", "--home", "first"], "--price"),
    (["--area", "90", "--price", "500000", "--home", "first", "--certificates", "0"], "--certificates"),
    (["--area", "90", "--price", "500000", "--home", "first", "--date", "2025/01/01"], "--date"),
    (["--area", "90", "--price", "500000", "--home", "first", "--date", "2016-01-01",
      "--declared-on", "2016-01-01"], "2016-02-22"),
    (["--area", "90", "--price", "500000", "--home", "first", "--declared-on", "2024-13-01"], "--declared-on"),
    (["--area", "90", "--price", "500000", "--home", "first", "--date", "2025-01-02",
      "--declared-on", "2025-01-01"], "before the purchase date"),
    (["--area", "90", "--price", "500000"], "--home"),
])
def test_fees_bad_arguments(extra: list[str], says: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fees", "--json", *extra]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert says in err and err.startswith("kiosk fees: error:")


def test_installed_script_exit_codes(home: Path) -> None:
    assert KIOSK.exists(), f"{KIOSK} is missing: the set-up installs the console script"
    env = dict(os.environ, KIOSK_HOME=str(home))

    def kiosk(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(KIOSK), *argv], capture_output=True, text=True, env=env, timeout=60)

    checked = kiosk("check-id", "--json", VALID_ID, BAD_CHECK_ID)
    assert checked.returncode == 0, checked.stderr
    assert [json.loads(line)["valid"] for line in checked.stdout.splitlines()] == [True, False]
    assert kiosk("check-id").returncode == 2
    assert kiosk("check-unit", "--json", "x").returncode == 0
    bad = kiosk("fees", "--json", "--area", "-1", "--price", "1", "--home", "first")
    assert bad.returncode == 2 and "--area" in bad.stderr
