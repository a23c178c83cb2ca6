"""Fees and deed tax: both sides of each threshold, every payee, worked examples in exact fen."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.config import DEFAULTS
from kiosk.errors import ValidationError
from kiosk.rules.fees import (
    MAINTENANCE_FUND,
    REGISTRATION_OFFICE,
    RULES,
    TAX_BUREAU,
    FeeEstimate,
    FeeSettings,
    Purchase,
    RuleVersion,
    estimate_fees,
    parse_area,
    parse_price_fen,
    parse_purchase_date,
    round_half_up,
    rule_for,
)

FAST = settings(max_examples=200, deadline=None)
BEFORE = date(2024, 11, 30)
FROM = date(2024, 12, 1)
PRICE = 50_000_000  # 500,000.00 yuan


def estimate(area: str, *, home: str | None = "first", day: date = FROM, price_fen: int = PRICE,
             settings_: FeeSettings | None = None, **kwargs: object) -> FeeEstimate:
    purchase = Purchase(area_m2=Decimal(area), price_fen=price_fen, purchase_date=day, home=home,
                        **kwargs)  # type: ignore[arg-type]
    return estimate_fees(purchase, settings_)


def item(result: FeeEstimate, payee: str) -> int:
    (found,) = [entry for entry in result.items if entry.payee == payee]
    return found.amount_fen


@pytest.mark.parametrize(("day", "home", "area", "tax_fen"), [
    (BEFORE, "first", "90.00", 500_000),
    (BEFORE, "first", "90.01", 750_000),
    (BEFORE, "second", "90.00", 500_000),
    (BEFORE, "second", "90.01", 1_000_000),
    (FROM, "first", "140.00", 500_000),
    (FROM, "first", "140.01", 750_000),
    (FROM, "second", "140.00", 500_000),
    (FROM, "second", "140.01", 1_000_000),
    (BEFORE, "first", "120.00", 750_000),     # over 90 under the 2016 rule ...
    (FROM, "first", "120.00", 500_000),       # ... and within 140 from 2024-12-01
    (BEFORE, "second", "120.00", 1_000_000),
    (FROM, "second", "120.00", 500_000),
    (BEFORE, "other", "60.00", 1_500_000),
    (FROM, "other", "200.00", 1_500_000),
])
def test_deed_tax_thresholds(day: date, home: str, area: str, tax_fen: int) -> None:
    result = estimate(area, home=home, day=day)
    assert item(result, TAX_BUREAU) == tax_fen
    assert result.total_fen == tax_fen + 8000


def test_rule_versions_selected_by_date() -> None:
    assert rule_for(BEFORE).area_threshold_m2 == Decimal("90")
    assert rule_for(FROM).area_threshold_m2 == Decimal("140")
    assert rule_for(date(2016, 2, 22)) is RULES[0]
    with pytest.raises(ValidationError) as info:
        rule_for(date(2016, 2, 21))
    assert info.value.code == "fees_no_rule" and "2016-02-22" in str(info.value)
    with pytest.raises(ValidationError):
        estimate("80", day=date(2010, 1, 1))


def test_a_new_rule_version_takes_over_on_its_date() -> None:
    later = RuleVersion(effective=date(2030, 1, 1), basis="test", area_threshold_m2=Decimal("200"),
                        first_home_permille=(5, 10), second_home_permille=(5, 10),
                        residential_fee_fen=9000, non_residential_fee_fen=60000,
                        extra_certificate_fen=1500)
    purchase = Purchase(area_m2=Decimal("150"), price_fen=PRICE, purchase_date=date(2030, 1, 1),
                        home="first", certificates=2)
    result = estimate_fees(purchase, rules=(*RULES, later))
    assert item(result, TAX_BUREAU) == 250_000
    assert item(result, REGISTRATION_OFFICE) == 10_500
    old = estimate_fees(Purchase(area_m2=Decimal("150"), price_fen=PRICE, purchase_date=FROM,
                                 home="first"), rules=(later, *RULES))
    assert item(old, TAX_BUREAU) == 750_000


def test_other_home_rate_from_config() -> None:
    settings_ = FeeSettings.from_config(dict(DEFAULTS["fees"], other_home_rate_permille=40))
    assert item(estimate("80", home="other", settings_=settings_), TAX_BUREAU) == 2_000_000
    assert FeeSettings.from_config({}) == FeeSettings()


def test_non_residential_pays_550_and_the_configured_rate() -> None:
    result = estimate("80.00", home=None, use="non-residential", price_fen=100_000_000)
    assert item(result, REGISTRATION_OFFICE) == 55_000
    assert item(result, TAX_BUREAU) == 3_000_000
    assert result.total_fen == 3_055_000
    assert "非住宅" in result.items[1].lines[0].name


def test_extra_certificates_cost_ten_yuan_each_first_free() -> None:
    assert item(estimate("80", certificates=1), REGISTRATION_OFFICE) == 8000
    result = estimate("80", certificates=3)
    assert item(result, REGISTRATION_OFFICE) == 10_000
    office = result.items[1]
    assert office.name == "不动产登记费及工本费"
    assert [line.amount_fen for line in office.lines] == [8000, 2000]


@pytest.mark.parametrize(("exemption", "certificates", "fee_fen"), [
    ("small-micro", 1, 0),
    ("small-micro", 2, 1000),
    ("affordable-housing", 1, 0),
    ("affordable-housing", 3, 2000),
    ("advance-notice", 3, 0),
])
def test_exemptions(exemption: str, certificates: int, fee_fen: int) -> None:
    result = estimate("80", certificates=certificates, exemption=exemption)
    assert item(result, REGISTRATION_OFFICE) == fee_fen
    assert "免收" in result.items[1].lines[0].name
    assert item(result, TAX_BUREAU) == 500_000


def test_maintenance_fund_only_when_configured() -> None:
    assert [entry.payee for entry in estimate("80").items] == [TAX_BUREAU, REGISTRATION_OFFICE]
    settings_ = FeeSettings(maintenance_fund_fen_per_m2=3333)
    result = estimate("120.50", settings_=settings_)
    # 3333 fen × 120.50 m² = 401,626.5 fen, rounded half up.
    assert item(result, MAINTENANCE_FUND) == 401_627
    assert result.items[2].estimate is False


@pytest.mark.parametrize(("price_fen", "tax_fen"), [
    (49, 0),     # 0.49 fen
    (50, 1),     # 0.5 fen rounds up
    (250, 3),    # 2.5 fen rounds up, not to even
    (251, 3),
    (12_345_678, 123_457),
])
def test_deed_tax_rounds_half_up_to_the_fen(price_fen: int, tax_fen: int) -> None:
    assert item(estimate("80", price_fen=price_fen), TAX_BUREAU) == tax_fen


def test_worked_example() -> None:
    # 2025-05-01, first home 143.27 m², 987,654.32 yuan, three certificates,
    # maintenance fund 45 yuan/m².
    result = estimate("143.27", price_fen=parse_price_fen("987654.32"), day=date(2025, 5, 1),
                      certificates=3, settings_=FeeSettings(maintenance_fund_fen_per_m2=4500))
    assert [(entry.payee, entry.amount_fen) for entry in result.items] == [
        (TAX_BUREAU, 1_481_481),          # 98,765,432 × 1.5% = 1,481,481.48
        (REGISTRATION_OFFICE, 10_000),    # 80 + 2 × 10 yuan
        (MAINTENANCE_FUND, 644_715),      # 4,500 × 143.27
    ]
    assert result.total_fen == 2_136_196
    tax = result.items[0]
    assert "契税" in tax.name and tax.estimate is True
    assert result.to_dict()["total_fen"] == 2_136_196


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"area_m2": Decimal("-1")}, "area"),
    ({"area_m2": Decimal("0")}, "area"),
    ({"area_m2": Decimal("80.001")}, "area"),
    ({"area_m2": Decimal("NaN")}, "area"),
    ({"price_fen": 0}, "price"),
    ({"price_fen": True}, "price"),
    ({"certificates": 0}, "certificates"),
    ({"home": None}, "home"),
    ({"home": "third"}, "home"),
    ({"use": "commercial"}, "use"),
    ({"exemption": "friend"}, "exemption"),
])
def test_bad_purchase_is_refused(kwargs: dict[str, object], field: str) -> None:
    values: dict[str, object] = {"area_m2": Decimal("80"), "price_fen": PRICE,
                                 "purchase_date": FROM, "home": "first"}
    values.update(kwargs)
    with pytest.raises(ValidationError) as info:
        estimate_fees(Purchase(**values))  # type: ignore[arg-type]
    assert info.value.field == field


def test_parsers() -> None:
    assert parse_area(" 89.5 ") == Decimal("89.5")
    assert parse_price_fen("650000") == 65_000_000
    assert parse_price_fen("650000.05") == 65_000_005
    assert parse_purchase_date("2024-12-01") == FROM
    for bad in ("-3", "0", "abc", "1e3", "NaN", "89.505", ""):
        with pytest.raises(ValidationError) as info:
            parse_area(bad)
        assert info.value.code == "fees_area"
    assert "negative" in str(pytest.raises(ValidationError, parse_area, "-3").value)
    for bad in ("-1", "0", "1x", "1,000", "1.001", "Infinity"):
        with pytest.raises(ValidationError):
            parse_price_fen(bad)
    for bad in ("2024-13-01", "2024-02-30", "20241201", "2024-1-1", "yesterday"):
        with pytest.raises(ValidationError):
            parse_purchase_date(bad)


def test_round_half_up() -> None:
    assert round_half_up(Decimal("0.5")) == 1
    assert round_half_up(Decimal("1.49")) == 1
    assert round_half_up(Decimal("2.5")) == 3


@FAST
@given(st.integers(1, 100_000).map(lambda hundredths: Decimal(hundredths) / 100),
       st.integers(1, 10**10), st.dates(min_value=date(2016, 2, 22), max_value=date(2030, 12, 31)),
       st.sampled_from(["first", "second", "other"]), st.integers(1, 6),
       st.integers(0, 10_000))
def test_amounts_are_whole_fen_and_add_up(area: Decimal, price_fen: int, day: date, home: str,
                                          certificates: int, fund: int) -> None:
    result = estimate_fees(Purchase(area_m2=area, price_fen=price_fen, purchase_date=day, home=home,
                                    certificates=certificates),
                           FeeSettings(maintenance_fund_fen_per_m2=fund))
    for entry in result.items:
        assert type(entry.amount_fen) is int and entry.amount_fen >= 0
        assert entry.amount_fen == sum(line.amount_fen for line in entry.lines)
    assert result.total_fen == sum(entry.amount_fen for entry in result.items)
    tax = result.items[0].amount_fen
    assert price_fen * 10 // 1000 <= tax <= (price_fen * 30 + 999) // 1000
    assert item(result, REGISTRATION_OFFICE) == 8000 + 1000 * (certificates - 1)
    assert (MAINTENANCE_FUND in [entry.payee for entry in result.items]) == (fund > 0)
