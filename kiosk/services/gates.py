"""The checks that gate a handover, in one place and one fixed order.

Every reader of "may this unit be handed over?" asks here: the handover flow
(``handover.start``, ``check`` and ``deliver``), the registration request (the
checks before its own), the supervision ledger (the first check a unit fails
today) and the read side (a case's list of what is still missing, the queue).

The checks follow the life of a case, so the first failure is also the next
thing to do:

====================== ============================================================
check                  passes when
====================== ============================================================
project_not_eligible   the project's first registration is approved
contract_not_filed     a contract of the unit is filed (网签备案); signed and waiting for
                       the filing number: code ``contract_awaiting_filing``
unpaid                 every item of the unit's current payment order is confirmed
not_registered         a certificate number is recorded for the unit, in the same
                       data scope (real or training), and, when asked, backed by a
                       platform-signed approval (codes ``training_scope``,
                       ``unverified_certificate``, ``not_enrolled``)
developer_restricted   the developer is not restricted today, or a supervisor
                       overrode the restriction for this unit
keys_not_ready         the developer marked the keys ready
holder_missing         (with a handover only) every holder is present or
                       represented by an agent
====================== ============================================================

A check is named by the code of its usual refusal; ``Gate.code`` is the
precise code of a failure (and the message id a UI translates), ``reason``
and ``next_action`` are the plain-Chinese default texts, ``message`` and
``hint`` the English texts the refusal (``CheckFailed``) carries.

Reading is split from judging so a screen or the ledger can judge thousands
of units from a handful of queries: ``load_facts`` reads, ``case_gates`` judges
(pure). The tamper check on the certificate (its signed approval) and the
people present belong to the counter and are added by ``handover_gates``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.errors import CheckFailed, FlowError
from kiosk.masterdata import buyers_of_unit
from kiosk.privacy import mask_name
from kiosk.rules.fees import MAINTENANCE_FUND, REGISTRATION_OFFICE, TAX_BUREAU
from kiosk.rules.money import format_yuan
from kiosk.services import payments
from kiosk.services.context import Context
from kiosk.services.credit import in_force
from kiosk.services.verification import check_certificate_approval
from kiosk.store import Store

# A services module's __all__ lists its commands (kiosk.services); the gates only judge.
__all__: list[str] = []

CASE_CHECKS: tuple[str, ...] = (
    "project_not_eligible", "contract_not_filed", "unpaid", "not_registered", "developer_restricted",
    "keys_not_ready")
CHECKS: tuple[str, ...] = (*CASE_CHECKS, "holder_missing")

PAYEE_NAMES: dict[str, str] = {
    TAX_BUREAU: "税务机关",
    REGISTRATION_OFFICE: "不动产登记机构",
    MAINTENANCE_FUND: "住宅专项维修资金账户",
}
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Gate:
    """One check of one unit.

    ``check``: which check (of ``CHECKS``); ``code``: the refusal code when it failed (the check's
    name, or a variant such as ``training_scope``), the message id a UI translates; ``reason``:
    Chinese, what is wrong, or for a passed check the checklist line (``LABELS``);
    ``next_action``: Chinese, what to do ('' when passed); ``message``/``hint``: the English
    texts of the refusal (''/None when passed).
    """

    check: str
    passed: bool
    code: str
    reason: str
    next_action: str
    message: str = ""
    hint: str | None = None

    def refusal(self) -> CheckFailed:
        return CheckFailed(self.message, code=self.code, hint=self.hint)


@dataclass(frozen=True, slots=True)
class CertificateFacts:
    certificate_no: str
    serial: str | None
    training: bool


@dataclass(frozen=True, slots=True)
class RestrictionFacts:
    reason: str
    since: str


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the checks look at for one unit, read in bulk by ``load_facts``."""

    unit_code: str
    training: bool
    eligible: bool
    first_registration: str
    keys_ready: bool
    registration_requested_at: str | None
    developer_uscc: str
    developer_name: str
    contract_filed: bool
    contract_signed: bool
    certificate: CertificateFacts | None
    order: dict[str, Any] | None
    order_items: tuple[dict[str, Any], ...]
    restriction: RestrictionFacts | None
    overridden: bool

    # Judged only when asked: a list of thousands of units stops most cases at an earlier check.
    @property
    def payment(self) -> payments.PaymentStatus:
        return payments.order_status(self.unit_code, self.order, list(self.order_items))

    @property
    def payment_code(self) -> str | None:
        return str(self.order["payment_code"]) if self.order else None

    @property
    def refunded(self) -> bool:
        return any(i["state"] == "refunded" for i in self.order_items)


def _passed(check: str, label: str) -> Gate:
    return Gate(check, True, check, label, "")


# What each check asks for (a ticked checklist line) and how a case it holds back is listed.
LABELS: dict[str, str] = {
    "project_not_eligible": "项目已首次登记",
    "contract_not_filed": "合同已网签备案",
    "unpaid": "税费已全部缴清",
    "not_registered": "转移登记已登簿（有证书号）",
    "developer_restricted": "开发企业未受信用限制",
    "keys_not_ready": "钥匙已就绪",
    "holder_missing": "全部权利人到场或已委托",
}
BLOCKED_LABELS: dict[str, str] = {
    "project_not_eligible": "项目未首次登记",
    "contract_not_filed": "合同未备案",
    "unpaid": "缴费未确认",
    "not_registered": "未登记（无证书号）",
    "developer_restricted": "开发企业受限",
    "keys_not_ready": "钥匙未就绪",
    "holder_missing": "权利人未到齐",
}


def _eligible(f: CaseFacts) -> Gate:
    check = "project_not_eligible"
    if f.eligible:
        return _passed(check, LABELS[check])
    return Gate(check, False, check, "项目尚未完成联合验收和首次登记",
                "先完成联合验收各项并等待首次登记批准（随同步到达）",
                f"the project of unit {f.unit_code} is not yet registered (first registration "
                f"{f.first_registration})",
                "the joint acceptance and first registration must be approved first")


def _contract(f: CaseFacts) -> Gate:
    check = "contract_not_filed"
    if f.contract_filed:
        return _passed(check, LABELS[check])
    if f.contract_signed:
        # Signed here, not yet filed: nothing is left for the buyer to do, and saying "sign the
        # contract" to someone who just did sends them back to sign again.
        return Gate(check, False, "contract_awaiting_filing", "商品房买卖合同已签署，正在等待网签备案",
                    "无需操作：备案号由平台审核后随同步到达",
                    f"the sales contract of unit {f.unit_code} is signed and waits for its filing number",
                    "the filing number arrives with the sync once the platform files the contract")
    return Gate(check, False, check, "商品房买卖合同尚未网签备案",
                "签订合同并等待备案号（随同步到达）",
                f"the sales contract of unit {f.unit_code} is not filed (网签备案) yet",
                "the contract must be signed and its filing number received")


def _paid(f: CaseFacts) -> Gate:
    check = "unpaid"
    status = f.payment
    if status.all_confirmed:
        return _passed(check, LABELS[check])
    hint = "payment confirmations arrive with the sync; the case continues once all are in"
    if status.order_id is None:
        reason, action = "尚未生成缴费单", "在缴费环节生成缴费码，扫码缴纳税费"
    elif f.refunded:
        reason = "缴费单已部分退款，不能再用于本案"
        action = "由主管申请退回其余已缴款项、作废该缴费单，再重新生成缴费单"
    else:
        due = "、".join(f"{name.split('（')[0]} {format_yuan(fen)} 元（{PAYEE_NAMES.get(payee, payee)}）"
                       for payee, name, fen in status.missing)
        reason = f"尚未确认到账：{due}"
        action = f"请买受人使用缴费码 {f.payment_code} 缴费；到账确认可能需要几分钟"
    return Gate(check, False, check, reason, action, status.reason, hint)


def _registered(f: CaseFacts) -> Gate:
    check = "not_registered"
    cert = f.certificate
    if cert is None:
        if f.registration_requested_at:
            reason = f"转移登记已于 {f.registration_requested_at[:10]} 申请，登记机构尚未登簿（无证书号）"
            action = "等待登记机构审核，结果随下次同步到达"
        else:
            reason, action = "尚未申请转移登记，无不动产权证书号", "合同备案、税费缴清后提交转移登记申请"
        return Gate(check, False, check, reason, action,
                    f"the transfer registration of unit {f.unit_code} is not recorded yet: no certificate "
                    "number", "wait for the registration office's approval (it arrives with the next sync)")
    if cert.training != f.training:
        return Gate(check, False, "training_scope", "已记录的证书与本案的数据范围不符（演练与正式数据混用）",
                    "不要交付；请技术人员核查", "the recorded certificate belongs to training data")
    return _passed(check, LABELS[check])


def _developer(f: CaseFacts) -> Gate:
    check = "developer_restricted"
    if f.restriction is None or f.overridden:
        return _passed(check, LABELS[check])
    r = f.restriction
    return Gate(check, False, check, f"开发企业 {f.developer_name} 自 {r.since} 起被列入信用限制名单：{r.reason}",
                "主管可针对本单元书面说明理由后准予办理",
                f"the developer {f.developer_name} is on the credit restriction list since {r.since}: "
                f"{r.reason}", "a supervisor may override for this unit with a written reason")


def _keys(f: CaseFacts) -> Gate:
    check = "keys_not_ready"
    if f.keys_ready:
        return _passed(check, LABELS[check])
    return Gate(check, False, check, "开发企业尚未确认钥匙就绪", "房屋具备交付条件后由开发企业确认钥匙就绪",
                f"the keys of unit {f.unit_code} are not ready",
                "the developer marks the keys ready when the flat can be handed over")


_JUDGES = {"project_not_eligible": _eligible, "contract_not_filed": _contract, "unpaid": _paid,
           "not_registered": _registered, "developer_restricted": _developer, "keys_not_ready": _keys}


def case_gates(facts: CaseFacts, *, only: Collection[str] | None = None) -> list[Gate]:
    """The checks about the case itself (no people, no tamper check), in the fixed order."""
    return [_JUDGES[check](facts) for check in CASE_CHECKS if only is None or check in only]


def first_failure(gates: Iterable[Gate]) -> Gate | None:
    return next((g for g in gates if not g.passed), None)


def first_case_failure(facts: CaseFacts) -> Gate | None:
    """The first case check ``facts`` fail, judging no further (lists of thousands of units)."""
    for check in CASE_CHECKS:
        gate = _JUDGES[check](facts)
        if not gate.passed:
            return gate
    return None


def require_passed(gates: Iterable[Gate]) -> None:
    """Raise the first failed check as ``CheckFailed`` (its code, message and hint)."""
    failed = first_failure(gates)
    if failed is not None:
        raise failed.refusal()


def _verified(ctx: Context, facts: CaseFacts, gate: Gate) -> Gate:
    cert = facts.certificate
    if not gate.passed or facts.training or cert is None:
        return gate
    try:
        check_certificate_approval(ctx, facts.unit_code, {"certificate_no": cert.certificate_no,
                                                          "serial": cert.serial})
    except CheckFailed as exc:
        if exc.code == "not_enrolled":
            reason, action = "本机尚未在县平台注册，无法核验证书", "请技术人员完成设备注册后再办理"
        else:
            reason, action = "证书记录没有平台签名的登记结果佐证", "不要交付；请技术人员检查本机并重新同步"
        return Gate(gate.check, False, exc.code, reason, action, exc.message, exc.hint)
    return gate


def _holders(ctx: Context, unit_code: str, covered: Collection[int]) -> Gate:
    check = "holder_missing"
    absent = [b for b in buyers_of_unit(ctx.store, unit_code) if b.id not in covered]
    if not absent:
        return _passed(check, LABELS[check])
    return Gate(check, False, check,
                "以下权利人尚未到场核验身份：" + "、".join(f"{b.position}号 {mask_name(b.name)} {b.id_masked}"
                                              for b in absent),
                "请其本人刷身份证核验，或由持授权委托书的代理人代为办理；不能到场的可申请证书邮寄",
                "not every holder is here: " + ", ".join(
                    f"{b.position}号 {mask_name(b.name)} {b.id_masked}" for b in absent),
                "every co-owner must be present, or represented by an agent with an authorisation; "
                "an absent buyer may ask for the certificate to be mailed")


def handover_gates(ctx: Context, unit_code: str, *, covered: Collection[int] | None = None,
                   verify: bool = True, only: Collection[str] | None = None) -> list[Gate]:
    """Every check of ``unit_code`` today, in the fixed order, passed or not.

    ``covered``: the buyer ids present or represented at a handover; without it
    the people check is left out. ``verify``: re-check the certificate against
    its platform-signed approval (real cases). ``only``: evaluate just these checks.
    Raises ``FlowError`` (``unknown_unit``) for a unit this kiosk does not know.
    """
    facts = load_facts(ctx.store, ctx.today(), unit_codes=[unit_code]).get(unit_code)
    if facts is None:
        raise FlowError(f"no unit {unit_code} on this kiosk", code="unknown_unit",
                        hint="check the unit code, or sync master data")
    gates = case_gates(facts, only=only)
    if verify:
        gates = [_verified(ctx, facts, g) if g.check == "not_registered" else g for g in gates]
    if covered is not None and (only is None or "holder_missing" in only):
        gates.append(_holders(ctx, unit_code, covered))
    return gates


# --- reading the facts in bulk -------------------------------------------------------------------

def _chunks(codes: Sequence[str] | None) -> Iterator[tuple[str, tuple[str, ...]]]:
    """SQL filter fragments (``IN (?, …)``) for the unit codes, or one empty filter for every unit."""
    if codes is None:
        yield "", ()
        return
    for start in range(0, len(codes), _CHUNK):
        part = tuple(codes[start:start + _CHUNK])
        yield f"IN ({', '.join('?' for _ in part)})", part


def _read(store: Store, sql: str, column: str, codes: Sequence[str] | None,
          params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    """``sql`` has one ``{where}`` slot: nothing for every unit, else ``AND column IN (…)``."""
    rows: list[dict[str, Any]] = []
    for fragment, chunk in _chunks(codes):
        rows += store.read(sql.format(where=f"AND {column} {fragment}" if fragment else ""), (*params, *chunk))
    return rows


def load_facts(store: Store, today: dt.date, *, unit_codes: Sequence[str] | None = None,
               include_training: bool = True) -> dict[str, CaseFacts]:
    """The facts the checks need, for the given units (every unit when None), by unit code."""
    # Projects and developers are few: read once and joined here, not once per unit by SQLite.
    projects = {p["id"]: p for p in store.read(
        "SELECT p.id, p.eligible, p.first_registration, p.developer_uscc, d.name AS developer_name "
        "FROM projects p LEFT JOIN developers d ON d.uscc = p.developer_uscc")}
    units = _read(store, "SELECT code, project_id, training, keys_ready, registration_requested_at FROM units "
                         "WHERE (? OR training = 0) {where}", "code", unit_codes, (int(include_training),))
    certificates = {r["unit_code"]: CertificateFacts(r["certificate_no"], r["serial"], bool(r["training"]))
                    for r in _read(store, "SELECT unit_code, certificate_no, serial, training FROM certificates "
                                          "WHERE 1 {where}", "unit_code", unit_codes)}
    contract_states = {(r["unit_code"], r["state"]) for r in _read(
        store, "SELECT DISTINCT unit_code, state FROM contracts WHERE state IN ('filed', 'signed') {where}",
        "unit_code", unit_codes)}
    current: dict[tuple[str, int], dict[str, Any]] = {}
    for row in _read(store, "SELECT * FROM payment_orders WHERE state != 'void' {where} "
                            "ORDER BY created_at, rowid", "unit_code", unit_codes):
        current[(row["unit_code"], int(row["training"]))] = row
    items: dict[str, list[dict[str, Any]]] = {}
    for item in _read(store, "SELECT i.* FROM payment_items i JOIN payment_orders o ON o.id = i.order_id "
                             "WHERE o.state != 'void' {where} ORDER BY i.order_id, i.payee", "o.unit_code",
                      unit_codes):
        items.setdefault(item["order_id"], []).append(item)
    restrictions = {r["uscc"]: RestrictionFacts(r["reason"], r["since"])
                    for r in store.read("SELECT * FROM restrictions WHERE lifted_at IS NULL") if in_force(r, today)}
    overrides = {(r["unit_code"], r["uscc"]) for r in _read(
        store, "SELECT DISTINCT unit_code, uscc FROM overrides WHERE 1 {where}", "unit_code", unit_codes)}
    facts: dict[str, CaseFacts] = {}
    for u in units:
        code, training, project = u["code"], bool(u["training"]), projects[u["project_id"]]
        order = current.get((code, int(training)))
        order_items = items.get(order["id"], []) if order else []
        facts[code] = CaseFacts(
            unit_code=code, training=training, eligible=bool(project["eligible"]),
            first_registration=project["first_registration"], keys_ready=bool(u["keys_ready"]),
            registration_requested_at=u["registration_requested_at"], developer_uscc=project["developer_uscc"],
            developer_name=project["developer_name"] or project["developer_uscc"], contract_filed=(code, "filed") in contract_states,
            contract_signed=(code, "signed") in contract_states,
            certificate=certificates.get(code), order=order, order_items=tuple(order_items),
            restriction=restrictions.get(project["developer_uscc"]),
            overridden=(code, project["developer_uscc"]) in overrides)
    return facts
