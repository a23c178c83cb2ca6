"""Fees and deed tax for a purchase, domain.md sections 4 and 5.

Amounts are integer fen throughout; floats never appear. Areas are Decimal m²
recorded to 0.01 m² (as surveyed); prices are Decimal yuan turned into fen.
Every computed amount is rounded half up to the fen (0.5 fen becomes 1 fen).

The rates that change over time live in ``RULES``, a list of dated versions;
the version in force on the declaration date applies (the day the deed tax
is declared, at the kiosk the day the payment order is made). The 2024
notice covers every purchase whose deed tax had not been declared before
2024-12-01, so a home bought in 2023 and declared in 2026 gets its 140 m²
thresholds (domain.md section 5). Without a declaration date the purchase is
taken as declared the day it was made. Provincial settings (the
rate for third and later homes and for non-residential property, the
maintenance-fund rate) come from the ``fees`` config section.

Choices made where the sources are unconfirmed:

- The deed-tax base is the contract price as given. The law's base excludes
  VAT (domain.md section 5, unconfirmed); contract prices for new homes are
  quoted VAT-inclusive, so the estimate may be slightly high. It is marked
  as an estimate, and the tax bureau's figure is the one paid.
- An exemption concerns the registration office's item only. Extra
  certificates are still charged for a small/micro enterprise or affordable
  housing (only the fee and the first certificate are exempt); advance-notice
  registration (预告登记) issues no ownership certificate, so it costs nothing.
- An exempt fee stays in the result as a zero line naming the exemption, so
  the person sees why nothing is charged.
- The maintenance fund, when configured, is charged for every use: order No.
  165 covers non-residential property in residential buildings as well.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from kiosk.config import DEFAULTS
from kiosk.errors import ValidationError
from kiosk.rules.money import format_yuan

HOMES: tuple[str, ...] = ("first", "second", "other")
USES: tuple[str, ...] = ("residential", "non-residential")
EXEMPTIONS: dict[str, str] = {
    "small-micro": "小微企业（含个体工商户）",
    "affordable-housing": "保障性住房",
    "advance-notice": "预告登记",
}

TAX_BUREAU = "tax_bureau"
REGISTRATION_OFFICE = "registration_office"
MAINTENANCE_FUND = "maintenance_fund"

_AMOUNT = re.compile(r"[0-9]+(\.[0-9]{1,2})?")


@dataclass(frozen=True)
class RuleVersion:
    """The rates in force from ``effective`` until the next version."""

    effective: date
    basis: str
    area_threshold_m2: Decimal
    # Deed tax in permille: (area <= threshold, area > threshold).
    first_home_permille: tuple[int, int]
    second_home_permille: tuple[int, int]
    residential_fee_fen: int
    non_residential_fee_fen: int
    extra_certificate_fen: int


RULES: tuple[RuleVersion, ...] = (
    RuleVersion(
        effective=date(2016, 2, 22),
        basis="契税: 财税〔2016〕23号 (90 m²); 登记费: 发改价格规〔2016〕2559号",
        area_threshold_m2=Decimal("90"),
        first_home_permille=(10, 15),
        second_home_permille=(10, 20),
        residential_fee_fen=8000,
        non_residential_fee_fen=55000,
        extra_certificate_fen=1000,
    ),
    RuleVersion(
        effective=date(2024, 12, 1),
        basis=("契税: 财政部 税务总局 住房城乡建设部公告2024年第16号 (140 m²); "
               "登记费: 发改价格规〔2016〕2559号"),
        area_threshold_m2=Decimal("140"),
        first_home_permille=(10, 15),
        second_home_permille=(10, 20),
        residential_fee_fen=8000,
        non_residential_fee_fen=55000,
        extra_certificate_fen=1000,
    ),
)


@dataclass(frozen=True)
class FeeSettings:
    """Provincial and local settings, from the ``fees`` config section."""

    other_home_rate_permille: int = DEFAULTS["fees"]["other_home_rate_permille"]
    maintenance_fund_fen_per_m2: int = DEFAULTS["fees"]["maintenance_fund_fen_per_m2"]

    @classmethod
    def from_config(cls, fees: Mapping[str, Any]) -> FeeSettings:
        return cls(
            other_home_rate_permille=fees.get("other_home_rate_permille",
                                              cls.other_home_rate_permille),
            maintenance_fund_fen_per_m2=fees.get("maintenance_fund_fen_per_m2",
                                                 cls.maintenance_fund_fen_per_m2),
        )


@dataclass(frozen=True)
class Purchase:
    """What the estimate needs to know. ``home`` may be None for non-residential use.

    ``declared_on`` picks the rule version; None means the purchase date.
    """

    area_m2: Decimal
    price_fen: int
    purchase_date: date
    declared_on: date | None = None
    home: str | None = None
    use: str = "residential"
    certificates: int = 1
    exemption: str | None = None


@dataclass(frozen=True)
class FeeLine:
    name: str
    amount_fen: int


@dataclass(frozen=True)
class FeeItem:
    """What one payee collects; ``lines`` break the amount down for the receipt."""

    payee: str
    name: str
    amount_fen: int
    estimate: bool
    lines: tuple[FeeLine, ...]


@dataclass(frozen=True)
class FeeEstimate:
    items: tuple[FeeItem, ...]
    rule: RuleVersion = field(repr=False)
    declared_on: date

    @property
    def total_fen(self) -> int:
        return sum(item.amount_fen for item in self.items)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``kiosk fees --json``."""
        return {
            "items": [
                {"payee": item.payee, "name": item.name, "amount_fen": item.amount_fen,
                 "estimate": item.estimate,
                 "lines": [{"name": line.name, "amount_fen": line.amount_fen}
                           for line in item.lines]}
                for item in self.items
            ],
            "total_fen": self.total_fen,
            "rule": {"effective": self.rule.effective.isoformat(), "basis": self.rule.basis},
            "declared_on": self.declared_on.isoformat(),
        }


def round_half_up(value: Decimal) -> int:
    """Round to a whole fen, halves away from zero (amounts are never negative)."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_area(text: str) -> Decimal:
    """Floor area in m², e.g. ``89.5``: positive, at most two decimals."""
    value = text.strip()
    if value.startswith("-"):
        raise ValidationError(f"area {value} is negative; give the floor area in m², e.g. 89.50",
                              field="area", code="fees_area")
    if not _AMOUNT.fullmatch(value) or Decimal(value) == 0:
        raise ValidationError(
            f"area {value!r} is not a floor area; give a positive number of m² with at most "
            "two decimals, e.g. 89.50", field="area", code="fees_area")
    return Decimal(value)


def parse_price_fen(text: str) -> int:
    """Contract price in yuan, e.g. ``650000`` or ``650000.50``, as fen."""
    value = text.strip()
    if not _AMOUNT.fullmatch(value) or Decimal(value) == 0:
        raise ValidationError(
            f"price {value!r} is not an amount of yuan; give a positive number with at most "
            "two decimals and no separators, e.g. 650000.00", field="price", code="fees_price")
    return int(Decimal(value) * 100)


def parse_purchase_date(text: str, *, field: str = "date") -> date:
    """A date written YYYY-MM-DD; ``field`` names the option in errors."""
    value = text.strip()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValidationError(f"date {value!r} is not written YYYY-MM-DD, e.g. 2025-03-01",
                              field=field, code="fees_date")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"date {value} does not exist; give a real date as YYYY-MM-DD",
                              field=field, code="fees_date") from None


def rule_for(day: date, rules: Sequence[RuleVersion] = RULES) -> RuleVersion:
    """The version in force on ``day``."""
    chosen = None
    for version in sorted(rules, key=lambda version: version.effective):
        if version.effective <= day:
            chosen = version
    if chosen is None:
        first = min(version.effective for version in rules)
        raise ValidationError(
            f"no fee rule covers {day.isoformat()}: the rule table starts on {first.isoformat()}; "
            "purchases before then cannot be estimated here",
            field="date", code="fees_no_rule")
    return chosen


def estimate_fees(purchase: Purchase, settings: FeeSettings | None = None,
                  rules: Sequence[RuleVersion] = RULES) -> FeeEstimate:
    """One item per payee: deed tax (an estimate), registration fees, maintenance fund."""
    settings = settings or FeeSettings()
    _check(purchase)
    rule = rule_for(declaration_date(purchase), rules)
    items = [_deed_tax(purchase, rule, settings), _registration(purchase, rule)]
    if settings.maintenance_fund_fen_per_m2 > 0:
        rate = settings.maintenance_fund_fen_per_m2
        amount = round_half_up(rate * purchase.area_m2)
        line = FeeLine(f"维修资金 {purchase.area_m2} m² × {format_yuan(rate)} 元/m²", amount)
        items.append(FeeItem(payee=MAINTENANCE_FUND, name="住宅专项维修资金", amount_fen=amount,
                             estimate=False, lines=(line,)))
    return FeeEstimate(items=tuple(items), rule=rule, declared_on=declaration_date(purchase))


def declaration_date(purchase: Purchase) -> date:
    """The day the deed tax is declared, which chooses the rule version."""
    return purchase.declared_on or purchase.purchase_date


def _check(purchase: Purchase) -> None:
    if purchase.use not in USES:
        raise ValidationError(f"use must be one of {', '.join(USES)}", field="use", code="fees_use")
    if purchase.use == "residential" and purchase.home not in HOMES:
        raise ValidationError(
            f"for a home, say which home it is for the family: {', '.join(HOMES)}",
            field="home", code="fees_home")
    area = purchase.area_m2
    if (not isinstance(area, Decimal) or not area.is_finite() or area <= 0
            or area != area.quantize(Decimal("0.01"))):
        raise ValidationError("area must be a positive number of m² with at most two decimals",
                              field="area", code="fees_area")
    if not _positive_int(purchase.price_fen):
        raise ValidationError("price must be a positive whole number of fen",
                              field="price", code="fees_price")
    if not _positive_int(purchase.certificates):
        raise ValidationError(
            "certificates must be at least 1 (one per co-owner who wants their own)",
            field="certificates", code="fees_certificates")
    if purchase.declared_on is not None and purchase.declared_on < purchase.purchase_date:
        raise ValidationError(
            f"the declaration date {purchase.declared_on.isoformat()} is before the purchase date "
            f"{purchase.purchase_date.isoformat()}; deed tax is declared on or after the purchase",
            field="declared-on", code="fees_declared_before_purchase")
    if purchase.exemption is not None and purchase.exemption not in EXEMPTIONS:
        raise ValidationError(f"exemption must be one of {', '.join(EXEMPTIONS)}",
                              field="exemption", code="fees_exemption")


def _deed_tax(purchase: Purchase, rule: RuleVersion, settings: FeeSettings) -> FeeItem:
    small = purchase.area_m2 <= rule.area_threshold_m2
    threshold = f"{'≤' if small else '>'}{rule.area_threshold_m2} m²"
    if purchase.use == "non-residential":
        permille, what = settings.other_home_rate_permille, "非住宅"
    elif purchase.home == "first":
        permille, what = rule.first_home_permille[0 if small else 1], f"首套住房 {threshold}"
    elif purchase.home == "second":
        permille, what = rule.second_home_permille[0 if small else 1], f"第二套住房 {threshold}"
    else:
        permille, what = settings.other_home_rate_permille, "第三套及以上住房"
    amount = round_half_up(Decimal(purchase.price_fen) * permille / 1000)
    return FeeItem(payee=TAX_BUREAU, name="契税（估算，以税务机关核定为准）", amount_fen=amount,
                   estimate=True,
                   lines=(FeeLine(f"契税 {what} {_percent(permille)}", amount),))


def _registration(purchase: Purchase, rule: RuleVersion) -> FeeItem:
    residential = purchase.use == "residential"
    fee_name = "住宅类不动产登记费" if residential else "非住宅类不动产登记费"
    fee = rule.residential_fee_fen if residential else rule.non_residential_fee_fen
    extra = purchase.certificates - 1
    lines: tuple[FeeLine, ...]
    if purchase.exemption == "advance-notice":
        lines = (FeeLine(f"{fee_name}（免收：预告登记）", 0),)
    else:
        if purchase.exemption is not None:
            first = FeeLine(f"{fee_name}（免收：{EXEMPTIONS[purchase.exemption]}）", 0)
        else:
            first = FeeLine(fee_name, fee)
        lines = (first,)
        if extra:
            each = rule.extra_certificate_fen
            lines += (FeeLine(f"不动产权属证书工本费 {extra} 本 × {format_yuan(each)} 元", extra * each),)
    name = "不动产登记费" + ("及工本费" if len(lines) > 1 else "")
    return FeeItem(payee=REGISTRATION_OFFICE, name=name,
                   amount_fen=sum(line.amount_fen for line in lines), estimate=False, lines=lines)


def _positive_int(value: object) -> bool:
    # bool is an int subclass; True must not pass as one fen or one certificate.
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _percent(permille: int) -> str:
    return f"{(Decimal(permille) / 10).normalize():f}%"

