"""The fictitious Jia County sample data set: loading, checking and installing it.

``resources/samples/`` holds one developer, two projects with their units and
buyers, a staff roster and a batch of certificate paper, all made up (see the
README there). The demo, the tests and ``kiosk simulate`` install it through
the same master-data functions the sync agent uses, so every ID number, name,
phone and address ends up encrypted by the vault like real data.

``load_samples`` checks every record with ``kiosk.rules`` before anything is
written: a bad sample fails at load with the file and the record named, never
half-way through an install. ``synthetic_units`` makes more units and buyers
of the same shape, deterministically, for simulations larger than the sample.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

from kiosk import masterdata
from kiosk.errors import ValidationError
from kiosk.masterdata import Home, Use
from kiosk.privacy import mask_id, mask_name
from kiosk.resources import RESOURCES_DIR
from kiosk.rules.fees import HOMES, USES
from kiosk.rules.idcard import make_check_char, parse_id_number
from kiosk.rules.unitcode import format_unit_code, parse_unit_code
from kiosk.rules.uscc import parse_uscc
from kiosk.services.context import Context
from kiosk.services.staff import Actor, Role, add_staff, set_staff_card
from kiosk.store import UnitOfWork
from sync.wire.roster import ROLES

__all__ = ["install_samples"]

SAMPLES_DIR = RESOURCES_DIR / "samples"

FILES = ("developers.json", "projects.json", "units.json", "staff.json", "certificate_stock.json")
# Not installed with the rest: the platform publishes it (kiosk.services.sample_platform).
RESTRICTIONS_FILE = "restrictions.json"

# Synthetic units live on their own parcel of the first sample project, so their
# codes never meet the sample's; their ID numbers use sequence codes 500-999,
# which the sample leaves free, so they never meet a sample person either.
SYNTHETIC_PROJECT_ID = "JX-LSHY"
SYNTHETIC_PARCEL_FIRST = 50001
SYNTHETIC_SEQ_FIRST = 500
_SYNTHETIC_AREAS = (8950, 9200, 13980, 14000, 14120, 12645, 8876, 11830, 14365, 9620)
_SYNTHETIC_HOMES: tuple[Home, ...] = ("first", "first", "second", "other")
_SYNTHETIC_REGIONS = ("410425", "410425", "410425", "410402", "410421", "410422", "410423", "410482")
_SYNTHETIC_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高罗郑梁谢宋唐许韩冯邓曹彭"
_SYNTHETIC_MALE = ("建国", "志强", "海军", "文涛", "晨阳", "宇航", "思远", "俊豪")
_SYNTHETIC_FEMALE = ("秀兰", "丽华", "晓燕", "雅静", "梦琪", "诗涵", "雨桐", "佳怡")
_BIRTH_FIRST = dt.date(1955, 1, 1)
_BIRTH_DAYS = 40 * 365


@dataclass(frozen=True)
class SampleDeveloper:
    uscc: str
    name: str
    address: str


@dataclass(frozen=True)
class SampleProject:
    id: str
    name: str
    developer_uscc: str
    service_point: str
    address: str


@dataclass(frozen=True)
class SampleBuyer:
    """One holder of a unit; ``repr`` masks the personal fields so it is safe to log."""

    name: str
    id_number: str
    phone: str
    address: str
    home: Home

    def __repr__(self) -> str:
        return f"SampleBuyer(name={mask_name(self.name)!r}, id_number={mask_id(self.id_number)!r})"

    __str__ = __repr__


@dataclass(frozen=True)
class SampleUnit:
    code: str
    project_id: str
    use: Use
    area_centi_m2: int
    price_fen: int
    buyers: tuple[SampleBuyer, ...]


@dataclass(frozen=True)
class SampleStaff:
    """A sample roster entry; the PIN is a demo credential and, like the ID number on the staff
    member's (simulated) ID card, never shown by ``repr``."""

    id: str
    name: str
    id_number: str
    role: Role
    cert_no: str
    cert_expires: dt.date
    pin: str

    def __repr__(self) -> str:
        return f"SampleStaff(id={self.id!r}, role={self.role!r}, cert_expires={self.cert_expires})"

    __str__ = __repr__


@dataclass(frozen=True)
class Samples:
    """The whole data set. Extend it with ``dataclasses.replace(s, units=s.units + extra)``."""

    developers: tuple[SampleDeveloper, ...]
    projects: tuple[SampleProject, ...]
    units: tuple[SampleUnit, ...]
    staff: tuple[SampleStaff, ...]
    stock: tuple[str, ...]


class _Record:
    """Reads one JSON object's fields, turning every problem into an error naming file and record."""

    def __init__(self, file: str, index: int, raw: Any, label_key: str | None) -> None:
        self.file = file
        self.label = f"record {index + 1}"
        if not isinstance(raw, dict):
            raise self.error(f"is a {type(raw).__name__}, not a JSON object", "sample_record")
        if label_key and isinstance(raw.get(label_key), str):
            self.label += f" ({label_key} {raw[label_key]})"
        self.raw = raw
        self.used: set[str] = set()

    def error(self, problem: str, code: str, field: str | None = None) -> ValidationError:
        return ValidationError(f"sample file {self.file}, {self.label}: {problem}",
                               field=field, code=code,
                               hint="correct the sample file; nothing was installed")

    def get(self, key: str, kind: type, *, optional: bool = False) -> Any:
        self.used.add(key)
        if key not in self.raw:
            if optional:
                return None
            raise self.error(f"the field {key!r} is missing", "sample_field", key)
        value = self.raw[key]
        # bool is an int in Python; a JSON true where a number belongs is still wrong.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.error(f"the field {key!r} should be a {kind.__name__}, not "
                             f"{type(value).__name__}", "sample_field", key)
        return value

    def text(self, key: str) -> str:
        value: str = self.get(key, str).strip()
        if not value:
            raise self.error(f"the field {key!r} is empty", "sample_field", key)
        return value

    def choice(self, key: str, allowed: Iterable[str]) -> str:
        value = self.text(key)
        options = tuple(allowed)
        if value not in options:
            raise self.error(f"the field {key!r} is {value!r}; one of {', '.join(options)}",
                             "sample_field", key)
        return value

    def rule(self, check: Callable[[], Any]) -> Any:
        """Run a kiosk rule; its message never holds the checked value, so it is safe to repeat."""
        try:
            return check()
        except ValidationError as exc:
            raise self.error(exc.message, exc.code, exc.field) from None

    def finish(self) -> None:
        extra = sorted(set(self.raw) - self.used)
        if extra:
            raise self.error(f"unknown field(s) {', '.join(extra)}; check the spelling",
                             "sample_field", extra[0])


T = TypeVar("T")


def _records(directory: Path, name: str, label_key: str | None,
             build: Callable[[_Record], T]) -> tuple[T, ...]:
    path = directory / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValidationError(f"sample file {path} is missing", code="sample_missing",
                              hint=f"a sample directory holds {', '.join(FILES)}") from None
    except UnicodeDecodeError as exc:
        raise ValidationError(f"sample file {path} is not UTF-8 (byte {exc.start})",
                              code="sample_encoding", hint="save it as UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ValidationError(f"sample file {path} is not valid JSON: {exc.msg} at line "
                              f"{exc.lineno} column {exc.colno}", code="sample_json",
                              hint="fix the JSON syntax") from None
    if not isinstance(data, list):
        raise ValidationError(f"sample file {path} should hold a JSON list of records",
                              code="sample_json")
    out = []
    for index, raw in enumerate(data):
        record = _Record(name, index, raw, label_key)
        item = build(record)
        record.finish()
        out.append(item)
    return tuple(out)


def _developer(r: _Record) -> SampleDeveloper:
    uscc = r.rule(lambda: parse_uscc(r.text("uscc")))
    return SampleDeveloper(uscc=uscc.normalized, name=r.text("name"), address=r.text("address"))


def _project(r: _Record) -> SampleProject:
    return SampleProject(id=r.text("id"), name=r.text("name"), developer_uscc=r.text("developer_uscc"),
                         service_point=r.text("service_point"), address=r.text("address"))


def _buyer(r: _Record, raw: Any, position: int) -> SampleBuyer:
    sub = _Record(r.file, 0, raw, None)
    sub.label = f"{r.label}, buyer {position}"
    number = sub.rule(lambda: parse_id_number(sub.text("id_number"))).normalized
    buyer = SampleBuyer(name=sub.text("name"), id_number=number, phone=sub.text("phone"),
                        address=sub.text("address"), home=cast(Home, sub.choice("home", HOMES)))
    if not (len(buyer.phone) == 11 and buyer.phone.isascii() and buyer.phone.isdigit()
            and buyer.phone.startswith("1")):
        raise sub.error("the phone is not an 11-digit mobile number starting with 1",
                        "sample_phone", "phone")
    sub.finish()
    return buyer


def _unit(r: _Record) -> SampleUnit:
    code = r.rule(lambda: parse_unit_code(r.text("code"))).code
    area = r.get("area_centi_m2", int)
    price = r.get("price_fen", int)
    if area <= 0:
        raise r.error("area_centi_m2 must be positive (hundredths of a square metre)",
                      "sample_area", "area_centi_m2")
    if price < 0:
        raise r.error("price_fen cannot be negative", "sample_price", "price_fen")
    raw_buyers = r.get("buyers", list)
    if not raw_buyers:
        raise r.error("a sample unit needs at least one buyer", "sample_buyers", "buyers")
    buyers = tuple(_buyer(r, raw, n) for n, raw in enumerate(raw_buyers, start=1))
    if len({b.id_number for b in buyers}) != len(buyers):
        raise r.error("the same person is listed twice as a holder", "sample_buyers", "buyers")
    return SampleUnit(code=code, project_id=r.text("project_id"), use=cast(Use, r.choice("use", USES)),
                      area_centi_m2=area, price_fen=price, buyers=buyers)


def _staff(r: _Record) -> SampleStaff:
    expires = r.text("cert_expires")
    try:
        expiry = dt.date.fromisoformat(expires)
    except ValueError:
        raise r.error(f"cert_expires {expires!r} is not a YYYY-MM-DD date", "sample_date",
                      "cert_expires") from None
    pin = r.text("pin")
    if not (pin.isascii() and pin.isdigit() and 6 <= len(pin) <= 12):
        raise r.error("the PIN must be 6 to 12 digits", "sample_pin", "pin")
    number = r.rule(lambda: parse_id_number(r.text("id_number"))).normalized
    return SampleStaff(id=r.text("id"), name=r.text("name"), id_number=number,
                       role=cast(Role, r.choice("role", ROLES)), cert_no=r.text("cert_no"),
                       cert_expires=expiry, pin=pin)


def _stock_batch(r: _Record) -> tuple[str, ...]:
    r.text("batch")
    prefix = r.get("prefix", str)
    first, last, width = r.get("first", int), r.get("last", int), r.get("width", int)
    if not 0 <= first <= last or width < len(str(last)):
        raise r.error(f"the range {first}-{last} does not fit in {width} digits or runs backwards",
                      "sample_stock", "first")
    return tuple(f"{prefix}{n:0{width}d}" for n in range(first, last + 1))


def _unique(file: str, what: str, keys: Iterable[str]) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise ValidationError(f"sample file {file}: {what} {key} occurs twice",
                                  code="sample_duplicate", hint="each record needs its own key")
        seen.add(key)


def load_samples(path: Path | str | None = None) -> Samples:
    """Read and check the sample directory (``resources/samples`` by default).

    Raises ``ValidationError`` naming the file and the record at the first
    problem: an invalid ID number, unit code or USCC, a missing or unknown
    field, a duplicate key or a reference to a project or developer that is
    not in the sample.
    """
    directory = Path(path) if path is not None else SAMPLES_DIR
    developers = _records(directory, "developers.json", "uscc", _developer)
    projects = _records(directory, "projects.json", "id", _project)
    units = _records(directory, "units.json", "code", _unit)
    staff = _records(directory, "staff.json", "id", _staff)
    batches = _records(directory, "certificate_stock.json", "batch", _stock_batch)
    stock = tuple(serial for batch in batches for serial in batch)
    _unique("developers.json", "USCC", (d.uscc for d in developers))
    _unique("projects.json", "project id", (p.id for p in projects))
    _unique("units.json", "unit code", (u.code for u in units))
    _unique("staff.json", "staff id", (s.id for s in staff))
    _unique("certificate_stock.json", "serial", stock)
    known_developers = {d.uscc for d in developers}
    for project in projects:
        if project.developer_uscc not in known_developers:
            raise ValidationError(f"sample file projects.json, project {project.id}: its developer "
                                  f"{project.developer_uscc} is not in developers.json",
                                  field="developer_uscc", code="sample_reference")
    known_projects = {p.id for p in projects}
    for unit in units:
        if unit.project_id not in known_projects:
            raise ValidationError(f"sample file units.json, unit {unit.code}: its project "
                                  f"{unit.project_id} is not in projects.json",
                                  field="project_id", code="sample_reference")
    _distinct_cards(staff, units)
    return Samples(developers=developers, projects=projects, units=units, staff=staff, stock=stock)


def _distinct_cards(staff: Iterable[SampleStaff], units: Iterable[SampleUnit]) -> None:
    """Each staff member's ID card is theirs alone: the counter tells a staff card from a buyer's."""
    buyers = {b.id_number for u in units for b in u.buyers}
    seen: set[str] = set()
    for member in staff:
        if member.id_number in seen or member.id_number in buyers:
            # Masked: the message may reach a log.
            raise ValidationError(f"sample file staff.json, staff {member.id}: the ID number "
                                  f"{mask_id(member.id_number)} is another staff member's or a buyer's",
                                  field="id_number", code="sample_duplicate",
                                  hint="give each staff member an ID number of their own")
        seen.add(member.id_number)


@dataclass(frozen=True)
class SampleRestriction:
    """A developer the sample county restricts; ``until_days`` after publication it ends (None: until
    lifted); ``lifted``: published, then lifted."""

    uscc: str
    name: str
    address: str
    reason: str
    until_days: int | None
    lifted: bool

    def until(self, today: dt.date) -> str | None:
        return None if self.until_days is None else (today + dt.timedelta(days=self.until_days)).isoformat()


def _restriction(r: _Record) -> SampleRestriction:
    uscc = r.rule(lambda: parse_uscc(r.text("uscc")))
    days = None if r.raw.get("until_days", 0) is None else r.get("until_days", int)
    r.used.add("until_days")
    if days is not None and days < 1:
        raise r.error("the field 'until_days' must be 1 or more (or null: until lifted)", "sample_field",
                      "until_days")
    return SampleRestriction(uscc=uscc.normalized, name=r.text("name"), address=r.text("address"),
                             reason=r.text("reason"), until_days=days, lifted=bool(r.get("lifted", bool)))


def load_sample_restrictions(directory: Path | None = None) -> tuple[SampleRestriction, ...]:
    """The sample county's restriction list, every record checked (``ValidationError`` naming it)."""
    return _records(directory or SAMPLES_DIR, RESTRICTIONS_FILE, "uscc", _restriction)


def _present(uow: UnitOfWork, sql: str) -> set[Any]:
    return {row[0] for row in uow.execute(sql).fetchall()}


def install_samples(ctx: Context, actor: Actor, samples: Samples, *,
                    training: bool = True) -> dict[str, dict[str, int]]:
    """Write the sample into the store; rows already there are left alone.

    Each section (developers and projects, units with their buyers, staff,
    certificate stock) is one unit of work, so a section lands whole or not
    at all and installing again only adds what is missing. Returns, per
    section, how many rows were added and how many were already present.
    """
    report: dict[str, dict[str, int]] = {}

    def count(section: str, added: int, total: int) -> None:
        report[section] = {"added": added, "present": total - added}

    with ctx.store.unit_of_work(actor.label) as uow:
        have = _present(uow, "SELECT uscc FROM developers")
        new_developers = [d for d in samples.developers if d.uscc not in have]
        for dev in new_developers:
            masterdata.add_developer(uow, dev.uscc, dev.name, address=dev.address, training=training)
        have = _present(uow, "SELECT id FROM projects")
        new_projects = [p for p in samples.projects if p.id not in have]
        for project in new_projects:
            masterdata.add_project(uow, project.id, project.name, project.developer_uscc,
                                   service_point=project.service_point, address=project.address,
                                   training=training)
    count("developers", len(new_developers), len(samples.developers))
    count("projects", len(new_projects), len(samples.projects))

    with ctx.store.unit_of_work(actor.label) as uow:
        have = _present(uow, "SELECT code FROM units")
        held = _present(uow, "SELECT unit_code || '/' || position FROM buyers")
        added_units = added_buyers = 0
        for unit in samples.units:
            if unit.code not in have:
                masterdata.add_unit(uow, unit.code, unit.project_id, area_centi_m2=unit.area_centi_m2,
                                    price_fen=unit.price_fen, use=unit.use,
                                    training=training)
                added_units += 1
            for position, buyer in enumerate(unit.buyers, start=1):
                if f"{unit.code}/{position}" in held:
                    continue
                masterdata.add_buyer(uow, unit.code, name=buyer.name, id_number=buyer.id_number,
                                     position=position, phone=buyer.phone, address=buyer.address,
                                     home=buyer.home, training=training)
                added_buyers += 1
    count("units", added_units, len(samples.units))
    count("buyers", added_buyers, sum(len(u.buyers) for u in samples.units))

    with ctx.store.unit_of_work(actor.label) as uow:
        have = _present(uow, "SELECT id FROM staff")
        new_staff = [s for s in samples.staff if s.id not in have]
        for member in new_staff:
            add_staff(uow, member.id, name=member.name, role=member.role, cert_no=member.cert_no,
                      cert_expires=member.cert_expires, pin=member.pin, id_number=member.id_number)
        # Sample staff installed before the roster held ID cards get theirs now.
        for member in samples.staff:
            if member.id in have:
                set_staff_card(uow, member.id, member.id_number, only_if_unset=True)
    count("staff", len(new_staff), len(samples.staff))

    with ctx.store.unit_of_work(actor.label) as uow:
        have = _present(uow, "SELECT serial FROM certificate_stock")
        new_serials = [s for s in samples.stock if s not in have]
        uow.conn.executemany(
            "INSERT INTO certificate_stock (serial, state, updated_by, updated_at) "
            "VALUES (?, 'on_hand', ?, ?)", [(s, actor.label, uow.at) for s in new_serials])
        if new_serials:
            uow.log("certificate_stock.receive", new_serials[0],
                    {"count": len(new_serials), "first": new_serials[0], "last": new_serials[-1],
                     "training": training})
    count("stock", len(new_serials), len(samples.stock))
    return report


def _synthetic_person(i: int, surname_shift: int) -> tuple[str, str]:
    """Name and ID number of synthetic person ``i``: distinct for every ``i``."""
    seq = SYNTHETIC_SEQ_FIRST + i % 500
    born = _BIRTH_FIRST + dt.timedelta(days=(i // 500) % _BIRTH_DAYS)
    region = _SYNTHETIC_REGIONS[(i // (500 * _BIRTH_DAYS)) % len(_SYNTHETIC_REGIONS)]
    body = f"{region}{born:%Y%m%d}{seq:03d}"
    given = _SYNTHETIC_MALE if seq % 2 else _SYNTHETIC_FEMALE
    name = (_SYNTHETIC_SURNAMES[(i + surname_shift) % len(_SYNTHETIC_SURNAMES)]
            + given[(i // len(_SYNTHETIC_SURNAMES)) % len(given)])
    return name, body + make_check_char(body)


def _synthetic_units(n: int, start: int, project_id: str) -> Iterator[SampleUnit]:
    for k in range(start, start + n):
        building, room = divmod(k, 9999)
        parcel, building = divmod(building, 9999)
        code = format_unit_code(district=1, subdistrict=3, ownership="G", right="B",
                                parcel_seq=SYNTHETIC_PARCEL_FIRST + parcel,
                                building=building + 1, room=room + 1)
        area = _SYNTHETIC_AREAS[k % len(_SYNTHETIC_AREAS)]
        home = _SYNTHETIC_HOMES[k % len(_SYNTHETIC_HOMES)]
        address = f"河南省平顶山市郏县演练路{k % 997 + 1}号"
        name, number = _synthetic_person(2 * k, 0)
        buyers = [SampleBuyer(name, number, f"170{2 * k % 10 ** 8:08d}", address, home)]
        if k % 3 == 2:
            name, number = _synthetic_person(2 * k + 1, 7)
            buyers.append(SampleBuyer(name, number, f"171{(2 * k + 1) % 10 ** 8:08d}", address, home))
        yield SampleUnit(code=code, project_id=project_id, use="residential", area_centi_m2=area,
                         price_fen=area * 5000, buyers=tuple(buyers))


def synthetic_units(n: int, *, start: int = 0,
                    project_id: str = SYNTHETIC_PROJECT_ID) -> list[SampleUnit]:
    """``n`` more fictitious units with buyers, the same every time for the same ``start``.

    Unit ``k`` (from ``start``) has its own code on a parcel the sample does
    not use, and buyers whose ID numbers are valid and distinct from each
    other and from the sample's; every third unit has a co-owner. Install
    them with ``install_samples(ctx, actor, replace(samples, units=...))``.
    """
    if n < 0 or start < 0:
        raise ValidationError("the number of synthetic units and the start must not be negative",
                              field="n", code="synthetic_count")
    return list(_synthetic_units(n, start, project_id))
