"""`kiosk check-id`, `check-unit`, `check-uscc` and `fees`: the domain rules at the terminal.

The check commands report every input, valid or not, and exit 0 once all were
checked; only a usage error (no input, bad option) exits non-zero. With
``--json`` each input gives one JSON object echoing the ``input`` as typed and,
for an ID number, the full ``normalized`` number: the operator typed it on
their own terminal and scripts need it to match records. The readable lines
show ID numbers masked, like every screen (and leave out the birth date, which
is exactly what the mask hides), and no error message ever carries the full
number.
"""

from __future__ import annotations

import argparse
import sys
from kiosk.cli.output import add_json_flag, config_from, emit
from kiosk.errors import ValidationError

USAGE_ERROR = 2


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("check-id", help="validate ID numbers (GB 11643): resident ID card, residence "
                                        "permit, foreign permanent residence ID card")
    p.add_argument("inputs", nargs="+", metavar="NUMBER",
                   help="18-digit (or old 15-digit) ID number")
    add_json_flag(p)
    p.set_defaults(func=cmd_check_id)

    p = sub.add_parser("check-unit", help="validate real-estate unit codes (GB/T 37346)")
    p.add_argument("inputs", nargs="+", metavar="CODE", help="28-character unit code")
    add_json_flag(p)
    p.set_defaults(func=cmd_check_unit)

    p = sub.add_parser("check-uscc", help="validate unified social credit codes (GB 32100)")
    p.add_argument("inputs", nargs="+", metavar="CODE",
                   help="18-character credit code (spaces or hyphens between the groups are ignored)")
    add_json_flag(p)
    p.set_defaults(func=cmd_check_uscc)

    p = sub.add_parser("fees", help="fee and deed-tax estimate for a purchase, one item per payee")
    p.add_argument("--area", required=True, metavar="M2",
                   help="registered floor area in m², e.g. 89.50")
    p.add_argument("--price", required=True, metavar="YUAN", help="contract price in yuan")
    p.add_argument("--home", choices=("first", "second", "other"),
                   help="which home this is for the family (required for residential use)")
    p.add_argument("--use", choices=("residential", "non-residential"), default="residential")
    p.add_argument("--certificates", default="1", metavar="N",
                   help="ownership certificates wanted (first free, each extra 10 yuan)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="purchase date (default: the declaration date)")
    p.add_argument("--declared-on", metavar="YYYY-MM-DD",
                   help="deed-tax declaration date, which picks the rule (default: today in the county)")
    p.add_argument("--exemption", choices=("small-micro", "affordable-housing", "advance-notice"),
                   help="registration-fee exemption that applies")
    add_json_flag(p)
    p.set_defaults(func=cmd_fees)


def cmd_check_id(args: argparse.Namespace) -> int:
    from kiosk.privacy import mask_id
    from kiosk.rules.idcard import parse_id_number

    for text in args.inputs:
        try:
            number = parse_id_number(text)
        except ValidationError as exc:
            _report_invalid(args, text, mask_id(text.strip()), exc)
            continue
        if args.json:
            emit({"input": text, "valid": True, "normalized": number.normalized,
                  "birth_date": number.birth_date.isoformat(), "sex": number.sex,
                  "region": number.region, "region_name": number.region_name,
                  "document": number.document, "legacy15": number.legacy15})
        else:
            # The mask hides exactly the birth date, so the readable line must not print it.
            legacy = ("  (old 15-digit number, converted: matches old records only, not an identity "
                      "document)" if number.legacy15 else "")
            print(f"{mask_id(number.normalized)}  valid  {number.document_name}  {number.sex}  "
                  f"{number.region_name or 'region ' + number.region}{legacy}")
    return 0


def cmd_check_unit(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from kiosk.rules.unitcode import UnitCodeRules, parse_unit_code

    config = config_from(args)
    rules = UnitCodeRules.from_config(config["unit_code"], county=config["county"]["code"])
    for text in args.inputs:
        try:
            unit = parse_unit_code(text, rules)
        except ValidationError as exc:
            _report_invalid(args, text, text, exc)
            continue
        if args.json:
            fields = asdict(unit)
            # "code" in a check record is the error code, so the unit code goes out as "normalized".
            emit({"input": text, "valid": True, "normalized": fields.pop("code"), **fields})
        else:
            where = (f"building {unit.building} room {unit.room}" if unit.building is not None
                     else f"fixture {unit.fixture} {unit.fixture_number}")
            print(f"{unit.code}  valid  district {unit.district}/{unit.subdistrict}  "
                  f"{unit.ownership}{unit.right} parcel {unit.parcel_seq}  {where}")
    return 0


def cmd_check_uscc(args: argparse.Namespace) -> int:
    from kiosk.rules.uscc import parse_uscc

    for text in args.inputs:
        try:
            code = parse_uscc(text)
        except ValidationError as exc:
            _report_invalid(args, text, text, exc)
            continue
        if args.json:
            emit({"input": text, "valid": True, "normalized": code.normalized,
                  "region": code.region, "organisation_code": code.organisation_code})
        else:
            print(f"{code.normalized}  valid  region {code.region}  "
                  f"organisation code {code.organisation_code}")
    return 0


def cmd_fees(args: argparse.Namespace) -> int:
    from kiosk.rules import fees
    from kiosk.rules.county_time import county_today, county_zone

    try:
        config = config_from(args)
        declared = (fees.parse_purchase_date(args.declared_on, field="declared-on") if args.declared_on
                    else county_today(county_zone(config["county"]["time_zone"])))
        purchase = fees.Purchase(
            area_m2=fees.parse_area(args.area),
            price_fen=fees.parse_price_fen(args.price),
            purchase_date=fees.parse_purchase_date(args.date) if args.date else declared,
            declared_on=declared,
            home=args.home,
            use=args.use,
            certificates=_certificates(args.certificates),
            exemption=args.exemption,
        )
        settings = fees.FeeSettings.from_config(config["fees"])
        result = fees.estimate_fees(purchase, settings)
    except ValidationError as exc:
        print(f"kiosk fees: error: --{exc.field}: {exc}", file=sys.stderr)
        return USAGE_ERROR
    if args.json:
        emit(result.to_dict())
        return 0
    for item in result.items:
        mark = "  (estimate)" if item.estimate else ""
        print(f"{item.name}  {_yuan(item.amount_fen)}{mark}")
        for line in item.lines:
            print(f"    {line.name}  {_yuan(line.amount_fen)}")
    print(f"合计 total  {_yuan(result.total_fen)}")
    print(f"申报日期 declared on {result.declared_on.isoformat()}: rule in force from "
          f"{result.rule.effective.isoformat()}")
    return 0


def _certificates(text: str) -> int:
    value = text.strip()
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        raise ValidationError(
            f"{value!r} is not a number of certificates; give a whole number, at least 1",
            field="certificates", code="fees_certificates")
    return int(value)


def _report_invalid(args: argparse.Namespace, text: str, shown: str, exc: ValidationError) -> None:
    if args.json:
        emit({"input": text, "valid": False, "error": str(exc), "code": exc.code})
    else:
        print(f"{shown}  invalid  {exc}")


def _yuan(fen: int) -> str:
    from kiosk.rules.money import format_yuan

    return f"{format_yuan(fen)} 元"
