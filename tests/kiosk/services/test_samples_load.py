"""The sample data set: every record passes the kiosk's rules, it covers the fee cases the
flows must handle, a damaged sample is refused naming file and record, synthetic units
are deterministic and never collide with the sample or each other."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from kiosk.errors import ValidationError
from kiosk.rules.idcard import parse_id_number
from kiosk.rules.regions import COUNTIES
from kiosk.rules.unitcode import parse_unit_code
from kiosk.rules.uscc import parse_uscc
from kiosk.services.samples import SAMPLES_DIR, load_samples, synthetic_units
from kiosk.templates import load_template

SAMPLES = load_samples()


def test_every_record_passes_the_rules() -> None:
    assert SAMPLES_DIR.is_dir()
    assert 60 <= len(SAMPLES.units) <= 100
    [developer] = SAMPLES.developers
    assert parse_uscc(developer.uscc).region == "410425"
    for unit in SAMPLES.units:
        code = parse_unit_code(unit.code)
        assert (code.county, code.ownership, code.right, code.fixture) == ("410425", "G", "B", "F")
        for buyer in unit.buyers:
            number = parse_id_number(buyer.id_number, today=dt.date(2026, 1, 1))
            assert number.region in COUNTIES, "buyers come from Pingdingshan's counties"
            assert dt.date(1940, 1, 1) <= number.birth_date <= dt.date(2008, 1, 1), "adult buyers"
            assert len(buyer.phone) == 11 and buyer.phone[0] == "1"
    assert {p.developer_uscc for p in SAMPLES.projects} == {developer.uscc}


def test_sample_covers_the_fee_cases() -> None:
    residential = [u for u in SAMPLES.units if u.use == "residential"]
    cases = {(u.buyers[0].home, u.area_centi_m2 <= 9000, u.area_centi_m2 <= 14000)
             for u in residential}
    for home in ("first", "second"):
        for small, medium in ((True, True), (False, True), (False, False)):
            assert (home, small, medium) in cases, (home, small, medium)
    areas = {u.area_centi_m2 for u in residential}
    assert {8950, 9200, 13980, 14000, 14120} <= areas
    assert len([u for u in SAMPLES.units if u.use == "non-residential"]) >= 2
    assert any(len(u.buyers) == 2 for u in SAMPLES.units)
    assert {b.home for u in SAMPLES.units for b in u.buyers} == {"first", "second", "other"}
    assert {u.project_id for u in SAMPLES.units} == {p.id for p in SAMPLES.projects}
    holders: dict[str, int] = {}
    for unit in SAMPLES.units:
        for buyer in unit.buyers:
            holders[buyer.id_number] = holders.get(buyer.id_number, 0) + 1
    assert max(holders.values()) == 2, "one family holds two units (first and second home)"


def test_roster_and_stock() -> None:
    assert {s.role for s in SAMPLES.staff} == {"staff", "supervisor", "technician"}
    assert any(s.cert_expires < dt.date(2026, 1, 1) for s in SAMPLES.staff), "one expired for the demo"
    assert len(SAMPLES.stock) == len(set(SAMPLES.stock)) == 300
    assert SAMPLES.stock[0] == "HN2026-0000101" and SAMPLES.stock[-1] == "HN2026-0000400"


def test_repr_never_shows_personal_data() -> None:
    unit = next(u for u in SAMPLES.units if len(u.buyers) == 2)
    text = repr(unit) + repr(SAMPLES.staff)
    for buyer in unit.buyers:
        assert buyer.id_number not in text and buyer.name not in text and buyer.phone not in text
        assert buyer.id_number[:6] + "********" + buyer.id_number[-4:] in text
    for member in SAMPLES.staff:
        assert member.pin not in text and member.name not in text


def test_contract_template_renders_a_sample_unit() -> None:
    template = load_template("contract_sale")
    unit = SAMPLES.units[0]
    values = {name: f"<{name}>" for name in template.placeholders}
    values.update(unit_code=unit.code, project_name="龙山花园", area_m2="89.50")
    text = template.render(values)
    assert "商品房买卖合同" in text and unit.code in text and "89.50平方米" in text and "${" not in text
    with pytest.raises(ValidationError) as missing:
        template.render({k: v for k, v in values.items() if k != "seller_uscc"})
    assert missing.value.code == "template_missing_value" and missing.value.field == "seller_uscc"
    with pytest.raises(ValidationError) as unknown:
        template.render({**values, "sellr_name": "x"})
    assert unknown.value.code == "template_unknown_value"


def test_broken_template_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text("合同 ${unit_code} 价款 $5", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_template("bad", tmp_path)
    assert err.value.code == "template_syntax"
    with pytest.raises(ValidationError) as err:
        load_template("absent", tmp_path)
    assert err.value.code == "template_missing"


# -- damaged samples ---------------------------------------------------------------

@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    target = tmp_path / "samples"
    shutil.copytree(SAMPLES_DIR, target)
    return target


def edit(directory: Path, name: str, change: Any) -> None:
    path = directory / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def refused(directory: Path) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        load_samples(directory)
    return err.value


def test_wrong_id_check_character_names_file_record_and_buyer(sample_copy: Path) -> None:
    number = SAMPLES.units[4].buyers[0].id_number
    wrong = number[:17] + ("0" if number[17] != "0" else "1")

    def damage(data: list[dict[str, Any]]) -> None:
        data[4]["buyers"][0]["id_number"] = wrong
    edit(sample_copy, "units.json", damage)
    err = refused(sample_copy)
    assert err.code == "id_checksum" and err.field == "id_number"
    assert "units.json" in str(err) and "record 5" in str(err) and SAMPLES.units[4].code in str(err)
    assert "buyer 1" in str(err)
    assert number not in str(err) and wrong not in str(err) and number[:17] not in str(err)


@pytest.mark.parametrize(("name", "change", "code", "where"), [
    ("units.json", lambda d: d[0].update(code=d[0]["code"].replace("410425", "410421", 1)),
     "unit_county", "record 1"),
    ("units.json", lambda d: d[2].update(code=d[2]["code"][:-1]), "unit_length", "record 3"),
    ("developers.json", lambda d: d[0].update(uscc=d[0]["uscc"][:17] + "0"), "uscc_checksum",
     "record 1"),
    ("units.json", lambda d: d[1].update(area_m2=92.0), "sample_field", "unknown field"),
    ("units.json", lambda d: d[1].pop("price_fen"), "sample_field", "'price_fen' is missing"),
    ("units.json", lambda d: d[1].update(price_fen=True), "sample_field", "should be a int"),
    ("units.json", lambda d: d[1].update(area_centi_m2=0), "sample_area", "record 2"),
    ("units.json", lambda d: d[1].update(use="office"), "sample_field", "'use' is 'office'"),
    ("units.json", lambda d: d[1]["buyers"][0].update(home="third"), "sample_field", "buyer 1"),
    ("units.json", lambda d: d[1].update(buyers=[]), "sample_buyers", "record 2"),
    ("units.json", lambda d: d[1]["buyers"].append(d[1]["buyers"][0]), "sample_buyers", "twice"),
    ("units.json", lambda d: d.append(d[0]), "sample_duplicate", "occurs twice"),
    ("units.json", lambda d: d[3].update(project_id="JX-NONE"), "sample_reference", "JX-NONE"),
    ("projects.json", lambda d: d[1].update(developer_uscc="91410425MA4KJX3T8X"),
     "sample_reference", "JX-WMJ"),
    ("staff.json", lambda d: d[0].update(pin="12ab56"), "sample_pin", "S001"),
    ("staff.json", lambda d: d[0].update(role="boss"), "sample_field", "'role'"),
    ("staff.json", lambda d: d[1].update(cert_expires="2027-02-30"), "sample_date", "S002"),
    ("staff.json", lambda d: d[0].update(id_number=d[0]["id_number"][:-1] + "1"), "id_checksum", "S001"),
    ("staff.json", lambda d: d[1].update(id_number=d[0]["id_number"]), "sample_duplicate", "S002"),
    ("certificate_stock.json", lambda d: d[0].update(last=50), "sample_stock", "HN2026-A"),
    ("certificate_stock.json", lambda d: d.append(d[0]), "sample_duplicate", "HN2026-0000101"),
])
def test_each_kind_of_damage_is_named(sample_copy: Path, name: str, change: Any, code: str,
                                      where: str) -> None:
    edit(sample_copy, name, change)
    err = refused(sample_copy)
    assert err.code == code, str(err)
    assert name in str(err) and where in str(err), str(err)


def test_unreadable_files_are_named(sample_copy: Path) -> None:
    (sample_copy / "staff.json").write_text('[{"id": "S001",}]', encoding="utf-8")
    err = refused(sample_copy)
    assert err.code == "sample_json" and "staff.json" in str(err) and "line 1" in str(err)
    (sample_copy / "staff.json").write_text("{}", encoding="utf-8")
    assert refused(sample_copy).code == "sample_json"
    (sample_copy / "staff.json").write_bytes("[\"赵\"]".encode("gb18030"))
    assert refused(sample_copy).code == "sample_encoding"
    (sample_copy / "staff.json").unlink()
    err = refused(sample_copy)
    assert err.code == "sample_missing" and "staff.json" in str(err)


# -- synthetic units -----------------------------------------------------------------

def test_synthetic_units_are_valid_distinct_and_deterministic() -> None:
    units = synthetic_units(1500)
    assert units == synthetic_units(1500)
    assert synthetic_units(20, start=1490) == units[1490:] + synthetic_units(10, start=1500)
    codes = [u.code for u in units]
    numbers = [b.id_number for u in units for b in u.buyers]
    assert len(set(codes)) == len(codes) and len(set(numbers)) == len(numbers)
    assert not set(codes) & {u.code for u in SAMPLES.units}
    assert not set(numbers) & {b.id_number for u in SAMPLES.units for b in u.buyers}
    for unit in units:
        assert parse_unit_code(unit.code).code == unit.code
        assert unit.project_id in {p.id for p in SAMPLES.projects}
        for buyer in unit.buyers:
            assert parse_id_number(buyer.id_number, today=dt.date(2026, 1, 1)).region in COUNTIES
    assert sum(len(u.buyers) == 2 for u in units) == 500
    assert {b.home for u in units for b in u.buyers} == {"first", "second", "other"}


def test_synthetic_units_far_along_still_valid() -> None:
    far = synthetic_units(3, start=9999 * 9999 + 7)
    assert far[0].code.startswith("410425001003GB50002F")
    assert len({b.id_number for u in far for b in u.buyers}) == 4
    with pytest.raises(ValidationError):
        synthetic_units(-1)
