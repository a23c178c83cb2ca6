"""The application facade: one open kiosk that the CLI, the touchscreen app and the demo share.

``open_kiosk(config)`` opens the store (through ``kiosk.store.opening``, the one
place that decides whether a data directory holds a usable kiosk), its vault,
the flows' ``Context`` with its clock, and a change feed. Devices are opened
on their own with ``hardware.devices.open_devices(config)``: the core does not
import the device layer, and a printer is handed to ``print_pending``.

Commands have one calling convention. A command is a function
``command(ctx, actor, ...)`` listed in its ``kiosk.services`` module's
``__all__``; ``Kiosk.run(command, actor, ...)`` runs it and returns an
``Outcome``: the command's value and the changes it made (one per audit
entry its units of work appended, with the subject's state now). Functions
not in ``__all__`` are building blocks (they take a ``UnitOfWork`` and check
neither the actor nor the state machine) or reads, and ``run`` refuses them.
Commands raise the documented errors of ``kiosk.errors`` with a code and a hint.

Read views (``kiosk.views``: case overview, handover, order, queue, staff) are
methods that build them from ``self.ctx``; they only read.

Threading rule: a ``Kiosk`` belongs to ONE worker thread, which makes every
call that reads or writes the store (commands, reports, views). The GUI
thread only reads the immutable objects those calls return (``Outcome``,
``Change``, ``ChangeBatch``, frozen view dataclasses), handed over by
signal. The one exception is the change feed (``change_cursor``,
``changes_since``): it has its own read-only connection and lock, so the GUI
thread may poll it on a timer while the worker runs a command.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from kiosk import audit, diagnostics, training
from kiosk.app.changes import DEFAULT_LIMIT, ChangeBatch, ChangeCursor, ChangeFeed
from kiosk.app.outcome import Outcome, changes_of
from kiosk.config import DEVICE_KINDS, Config
from kiosk.config_edit import set_values
from kiosk.app.decommissioning import Courier, DecommissionView, Drained, Exported, NoCourier
from kiosk.app.enrollment import AlreadyEnrolled, Enroller, EnrollmentCode, NoGateway, PendingEnrollment
from kiosk.decommission import Decommission, decommission
from kiosk.errors import AuthError, ConfigError, ValidationError
from kiosk.identity import Enrollment, audit_keys, is_enrolled, load_enrollment, save_enrollment
from kiosk.printjobs import JobPrinter
from kiosk.services import certificates, contracts, evaluations, handover, presence, printing, staff
from kiosk.services.context import Context, utc_clock
from kiosk.services.presence import Presence
from kiosk.services.printing import PrintRun
from kiosk.services.staff import Actor
from kiosk.status import summary
from kiosk.store import Store, outbox, quarantine
from kiosk.store.opening import open_store
from kiosk.views.acceptance import ProjectAcceptance, project_acceptances
from kiosk.views.diagnostics import DiagnosticsView, diagnostics_view
from kiosk.views.payments import ReconciliationView, UnitPayments, reconciliation_view, unit_payments
from kiosk.views.contracts import UnitContracts, UnitMatch, find_units, unit_contracts
from kiosk.views.case import CaseOverview, case_overview, cases_for_buyer
from kiosk.views.handover import HandoverView, handover_view
from kiosk.views.order import OrderView, current_order, order_view
from kiosk.views.queue import Queue, queue
from kiosk.views.certificates import CertificatesView, certificates_view
from kiosk.views.credit import CreditView, credit_view
from kiosk.views.staff import StaffView, staff_view

if TYPE_CHECKING:
    from kiosk.views.supervision import SupervisionView
    from kiosk.services.reconciliation import Statement

P = ParamSpec("P")
T = TypeVar("T")

# Who prints the queued jobs when nobody is logged in (`kiosk print-pending`).
PRINTER = Actor("printer", "system")


def is_command(fn: Callable[..., Any]) -> bool:
    """True for a function its ``kiosk.services`` module lists in ``__all__``."""
    module = sys.modules.get(getattr(fn, "__module__", "") or "")
    name = getattr(fn, "__name__", "")
    return (module is not None and module.__name__.startswith("kiosk.services.")
            and name in getattr(module, "__all__", ()))


class Kiosk:
    """An open kiosk: store, configuration, clock and change feed (see the module for the threading rule)."""

    def __init__(self, ctx: Context, feed: ChangeFeed, *, enroller: Enroller | None = None,
                 courier: Courier | None = None) -> None:
        self.ctx = ctx
        self._feed = feed
        self._enroller = enroller
        self._courier = courier
        self._exported: Exported | None = None  # this session's last outbox export (decommissioning)

    @property
    def config(self) -> Config:
        return self.ctx.config

    @property
    def store(self) -> Store:
        return self.ctx.store

    def now(self) -> dt.datetime:
        return self.ctx.now()

    def local_now(self) -> dt.datetime:
        """The county's wall-clock time now (what printouts and screens show)."""
        return self.ctx.local_now()

    def today(self) -> dt.date:
        """The county's date today (what an ID document's validity is judged by)."""
        return self.ctx.today()

    # -- commands ----------------------------------------------------------------------------------

    def run(self, command: Callable[Concatenate[Context, Actor, P], T], actor: Actor, /,
            *args: P.args, **kwargs: P.kwargs) -> Outcome[T]:
        """Run ``command(ctx, actor, *args, **kwargs)``; its value and the changes it made.

        A command that raises may already have committed part of its work (a wrong PIN
        counts towards the lockout); the change feed reports it like any other change.
        """
        if not is_command(command):
            raise TypeError(f"{getattr(command, '__qualname__', command)!r} is not a command: only functions "
                            "listed in a kiosk.services module's __all__ can be run")
        return self._recorded(lambda: command(self.ctx, actor, *args, **kwargs))

    def login(self, staff_id: str, pin: str) -> Outcome[Actor]:
        """Check a staff member's PIN (the ``[security]`` lockout applies); the actor to run commands as."""
        return self._recorded(lambda: staff.login(self.ctx, staff_id, pin))

    def staff_card(self, id_number: str) -> str:
        """The staff id whose ID card this is, refused as ``login`` refuses (expired, locked) and for a
        card not on the roster or a buyer's; the PIN is then asked with ``login``."""
        return staff.card_holder(self.ctx, id_number)

    def prove_presence(self, method: str, id_number: str) -> Presence:
        """The proof that the holder of the ID card just read (``id_number``) is at the self-service
        terminal: the buyers they are and the handovers they are the agent at, sealed by this core.
        Only a card read proves it (``presence.PROOF_METHODS``); a typed number or a QR code is refused
        with ``presence_not_proof``. It changes nothing; the signing commands check the proof
        (``kiosk.services.presence``)."""
        return presence.prove_presence(self.ctx, method, id_number)

    def prove_signer(self, method: str, id_number: str, buyer_id: int, *,
                     represented_at: str | None = None) -> Presence:
        """``prove_presence`` for the one signer ``buyer_id`` (or, with ``represented_at``, that
        handover's agent): somebody else's card is refused with ``not_the_signer``."""
        return presence.prove_signer(self.ctx, method, id_number, buyer_id, represented_at=represented_at)

    def print_pending(self, printer: JobPrinter, actor: Actor = PRINTER) -> Outcome[PrintRun]:
        """Print the waiting jobs ``printer`` takes; each result is written back (audited)."""
        return self.run(printing.print_pending, actor, printer)

    def request_reprint(self, actor: Actor, job_id: str, reason: str) -> Outcome[None]:
        """Queue a printed or failed job again, with the reason (audited)."""
        return self.run(printing.request_reprint, actor, job_id, reason)

    def simulate(self, handovers: int) -> Outcome[dict[str, Any]]:
        """Run scripted training handovers through every flow (`kiosk simulate`)."""
        # Reports and the simulator load on first use: the touchscreen app starts without them.
        from kiosk.services.simulate import simulate

        return self._recorded(lambda: simulate(self.ctx, handovers))

    def stage_sample(self, stage: str, *, co_owners: int = 1) -> Outcome[str]:
        """A fresh training unit moved to ``stage`` (``kiosk.services.simulate.STAGES``); its unit code.

        What the app's snapshots and the demo show a screen on: a contract to sign, a case ready at
        the counter, papers to sign, a delivered certificate.
        """
        from kiosk.services.simulate import stage_sample

        return self._recorded(lambda: stage_sample(self.ctx, stage, co_owners=co_owners))

    def platform_step(self, unit_code: str) -> Outcome[str]:
        """The demo's stand-in for the outside world: the next outside step of a training case
        (``kiosk.services.simulate.platform_step``)."""
        from kiosk.services.simulate import platform_step

        return self._recorded(lambda: platform_step(self.ctx, unit_code))

    def _recorded(self, call: Callable[[], T]) -> Outcome[T]:
        with self.store.recording() as seqs:
            value = call()
        return Outcome(value, changes_of(self.store.conn, seqs))

    # -- reports -----------------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        """Device, outbox backlog, quarantine, per-feed sync state and audit head (`kiosk status`)."""
        return summary(self.store, self.config)

    def verify_audit(self) -> audit.Verification:
        """The audit chain held against the device's signed checkpoints (`kiosk audit verify`)."""
        device_key, platform_key = audit_keys(self.config.key_dir)
        return audit.verify(self.store.conn, device_key=device_key, platform_key=platform_key)

    def export_diagnostics(self, folder: Path, extra: Mapping[str, str] | None = None) -> Path:
        """Write the technician's diagnostics zip into ``folder`` (a USB stick): what `kiosk diagnostics`
        writes, its ``status`` and ``audit verify`` answers, and ``extra`` parts (the app's self-test);
        everything scrubbed of ID and phone numbers. The zip's path."""
        if not folder.is_dir():
            raise ValidationError(f"{folder} is not there any more", field="folder", code="media_gone",
                                  hint="plug the USB stick in again and choose it once more")
        status = self.status()
        parts = diagnostics.core_parts(self.config)
        parts["status.json"] = diagnostics.as_json(status)
        parts["audit-verify.json"] = diagnostics.as_json(self.verify_audit().as_dict())
        parts.update(extra or {})
        stamp = self.now().astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        return diagnostics.write_zip(folder / diagnostics.bundle_name(status["device_id"] or "", stamp), parts)

    def set_devices(self, uris: Mapping[str, str], check: Callable[[Config], object] | None = None) -> Config:
        """Save device URIs (``[devices]`` keys of ``DEVICE_KINDS``) into ``kiosk.toml`` and use them;
        ``check`` (the device layer's ``open_devices``) refuses a URI that names no device. A refused
        change (``ConfigError``, or what ``check`` raises) leaves the file and the kiosk as they were."""
        unknown = sorted(set(uris) - set(DEVICE_KINDS))
        if unknown:
            raise ConfigError(f"not a device: {', '.join(unknown)}", hint=f"devices: {', '.join(DEVICE_KINDS)}")
        changed = set_values(self.config, "devices", uris, check)
        self.ctx.config = changed
        return changed

    def save_a4_calibration(self, actor: Actor, printer: str, dx_mm: float, dy_mm: float,
                            save: Callable[[str, float, float], object]) -> None:
        """Record where ``printer`` really puts the certificate page (offsets in mm, by a technician) and
        audit it. ``save`` is the device layer's calibration book (``hardware.a4.CalibrationBook``), which
        refuses offsets out of its range; the core does not import the device layer."""
        if actor.role != "technician":
            raise AuthError("only a technician can calibrate the certificate printer", code="not_technician",
                            hint="log in on the maintenance screen with a technician's staff number")
        save(printer, dx_mm, dy_mm)
        with self.store.unit_of_work(actor.label) as uow:
            uow.log("device.calibrated", printer, {"dx_mm": dx_mm, "dy_mm": dy_mm})

    # -- enrollment (kiosk.app.enrollment) ----------------------------------------------------------

    def enrollment(self) -> Enrollment | None:
        """The pinned enrollment, or None before the device is enrolled."""
        return load_enrollment(self.config.key_dir) if is_enrolled(self.config.key_dir) else None

    def request_enrollment(self, code: EnrollmentCode) -> PendingEnrollment:
        """Present ``code``'s token to its gateway; the checked answer, stored only by ``confirm_enrollment``."""
        self._refuse_enrolled()
        if self._enroller is None:
            raise NoGateway("this app was started without a connection to the county gateway",
                            hint="enroll from the command line: kiosk enroll --qr IMAGE")
        record = self._enroller(self.config, code, force=True)
        return PendingEnrollment(record, "qr" if code.scanned else "first use")

    def confirm_enrollment(self, actor: Actor, pending: PendingEnrollment) -> Enrollment:
        """Pin ``pending`` (its fingerprint confirmed by ``actor``, a technician) and audit it."""
        if actor.role != "technician":
            raise AuthError("only a technician can enroll this kiosk", code="not_technician",
                            hint="log in on the maintenance screen with a technician's staff number")
        self._refuse_enrolled()
        record = pending.record
        save_enrollment(self.config.key_dir, record)
        with self.store.unit_of_work(actor.label) as uow:
            uow.log("device.enrolled", record.device_id,
                    {"gateway_url": record.gateway_url, "service_point": record.service_point,
                     "fingerprint": record.fingerprint, "pinned_from": pending.pinned_from})
        return record

    def _refuse_enrolled(self) -> None:
        current = self.enrollment()
        if current is not None:
            raise AlreadyEnrolled(f"this kiosk is already enrolled as {current.device_id} at {current.gateway_url}",
                                  hint="decommission it first, or enroll again from the command line with "
                                       "kiosk enroll --force")

    # -- decommissioning (kiosk.app.decommissioning, kiosk.decommission) ----------------------------

    def decommission_view(self) -> DecommissionView:
        """The outbox backlog and whether it has been handed on (synced, or all in the last export)."""
        enrollment = self.enrollment()
        pending = outbox.counts(self.store)[outbox.PENDING]
        exported = self._exported
        covered = exported is not None and outbox.last_pending_seq(self.store) <= exported.last_seq
        return DecommissionView(training=training.is_training(self.config), enrolled=enrollment is not None,
                                device_id=enrollment.device_id if enrollment is not None else "",
                                pending=pending, quarantined=quarantine.count_open(self.store),
                                exported=exported,
                                handed_on=not training.is_training(self.config) and (pending == 0 or covered))

    def drain_outbox(self) -> Drained:
        """One sync cycle now (the technician's 立即同步), through the composition root's courier."""
        return self._need_courier().sync_once(self.config, self.store)

    def export_outbox(self, folder: Path) -> Exported:
        """Every pending record as sealed batch files in ``folder`` (a USB stick) for the gateway's import."""
        if not folder.is_dir():
            raise ValidationError(f"{folder} is not there any more", field="folder", code="media_gone",
                                  hint="plug the USB stick in again and choose it once more")
        training.refuse_sync(self.config, "exports records for the county")
        last_seq = outbox.last_pending_seq(self.store)
        files, records = self._need_courier().export(self.config, self.store, folder)
        self._exported = Exported(folder, tuple(files), records, last_seq)
        return self._exported

    def decommission(self, actor: Actor, confirmation: str) -> Decommission:
        """Revoke this kiosk and wipe its data key (``kiosk.decommission``), by a technician, once the
        outbox is empty or all of it is in this session's last export."""
        if actor.role != "technician":
            raise AuthError("only a technician can decommission this kiosk", code="not_technician",
                            hint="log in on the maintenance screen with a technician's staff number")
        training.refuse_sync(self.config, "gets decommissioned")
        view = self.decommission_view()
        exported_to = view.exported.folder if view.exported is not None and view.pending else None
        if view.pending and not view.handed_on:
            raise ValidationError(f"{view.pending} record(s) have not reached the county yet, and not all of them "
                                  "are in the last export", field="outbox", code="outbox_not_empty",
                                  hint="sync now until the backlog is 0, or export the records to a USB stick "
                                       "again")
        return decommission(self.config, self.store, actor, confirmation=confirmation, exported_to=exported_to)

    def _need_courier(self) -> Courier:
        if self._courier is None:
            raise NoCourier("this app was started without a connection to the sync layer",
                            hint="decommission from the command line: kiosk decommission --technician ID "
                                 "--confirm DECOMMISSION [--export DIR]")
        return self._courier

    def supervision_report(self, *, include_training: bool = False) -> dict[str, Any]:
        from kiosk.services.supervision import supervision_report

        return supervision_report(self.ctx, include_training=include_training)

    def reconcile(self, day: dt.date, statements: dict[str, Statement] | None = None) -> dict[str, Any]:
        from kiosk.services.reconciliation import reconcile

        return reconcile(self.ctx, day, statements)

    # -- read views ------------------------------------------------------------------------------

    def case(self, unit_code: str) -> CaseOverview:
        """One unit's case: holders, contract, order, registration, handover, what is missing."""
        return case_overview(self.ctx, unit_code)

    def cases_for_buyer(self, id_number: str) -> list[CaseOverview]:
        """Every case of the buyer with this ID number (through the blind index)."""
        return cases_for_buyer(self.ctx, id_number)

    def handover(self, handover_id: str) -> HandoverView:
        return handover_view(self.ctx, handover_id)

    def contract_text(self, contract_id: str) -> str:
        """A contract's full text, as its buyers read and sign it (it holds full ID numbers: screen only)."""
        return contracts.content(self.store, contract_id)

    def handover_papers(self, handover_id: str) -> dict[str, str]:
        """The handover's two papers by name, the texts the signatures are recorded against."""
        return handover.documents(self.ctx, handover.get(self.store, handover_id))

    def recorded_certificate(self, unit_code: str) -> dict[str, Any] | None:
        """The unit's recorded certificate (number, serial, e-certificate token), None before registration."""
        return certificates.recorded(self.store, unit_code)

    def evaluated(self, unit_code: str) -> bool:
        """Whether the unit's buyer has given the 好差评 evaluation."""
        return evaluations.evaluated(self.store, unit_code)

    def order(self, order_id: str) -> OrderView:
        return order_view(self.ctx, order_id)

    def current_order(self, unit_code: str) -> OrderView | None:
        """The unit's open or last payment order, or None before one is made."""
        return current_order(self.ctx, unit_code)

    def queue(self, search: str | None = None, *, include_training: bool = False) -> Queue:
        """Cases ready, in handover, blocked by reason and delivered; narrowed by a search."""
        return queue(self.ctx, search, include_training=include_training)

    def diagnostics(self) -> DiagnosticsView:
        """Enrollment, outbox backlog, sync feeds, open quarantine and recent log lines (technician)."""
        return diagnostics_view(self.ctx)

    def staff(self) -> StaffView:
        """The staff roster with certification and lock state (no PIN hashes)."""
        return staff_view(self.ctx)

    # -- change feed -------------------------------------------------------------------------------

    def change_cursor(self) -> ChangeCursor:
        """The cursor at the present state; poll ``changes_since`` with it."""
        return self._feed.cursor()

    def changes_since(self, cursor: ChangeCursor, *, limit: int = DEFAULT_LIMIT) -> ChangeBatch:
        """What changed after ``cursor``, in this process or another (see ``kiosk.app.changes``)."""
        return self._feed.since(cursor, limit=limit)

    # -- lifetime ----------------------------------------------------------------------------------

    def close(self) -> None:
        self._feed.close()
        self.store.close()

    def __enter__(self) -> Kiosk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- back office: approvals, staff, credit, certificates ---------------------------------------

    def supervisor_login(self, staff_id: str, pin: str) -> Outcome[Actor]:
        """A supervisor's approval of one action: ``login``'s checks and lockout, and only a supervisor."""
        return self._recorded(lambda: staff.supervisor_login(self.ctx, staff_id, pin))

    def credit(self, *, include_training: bool = False) -> CreditView:
        """The restriction list with its units and overrides, the developers and the violations recorded."""
        return credit_view(self.ctx, include_training=include_training)

    def certificates(self, *, include_training: bool = False) -> CertificatesView:
        """Security paper on hand (and whether it is low), sheets voided, certificates to reprint, mailing."""
        return certificates_view(self.ctx, include_training=include_training)

    # -- back office: acceptance, contracts, payments ------------------------------------------

    def acceptances(self, *, include_training: bool = False) -> tuple[ProjectAcceptance, ...]:
        """Every project's joint-acceptance checklist and first-registration state (real or training)."""
        return project_acceptances(self.ctx, training=include_training)

    def contracts(self, unit_code: str) -> UnitContracts:
        """The unit's sale contract, every version newest first, and its holders (masked)."""
        return unit_contracts(self.ctx, unit_code)

    def find_units(self, search: str, *, include_training: bool = False) -> tuple[UnitMatch, ...]:
        """A few units whose code contains ``search`` (4 characters or more), with their contract state."""
        return find_units(self.ctx, search, training=include_training)

    def payments(self, unit_code: str) -> UnitPayments:
        """The unit's payment orders (newest first) and the confirmations and refunds as they arrived."""
        return unit_payments(self.ctx, unit_code)

    def reconciliation(self, day: dt.date, statement_files: Mapping[str, Path] | None = None) -> ReconciliationView:
        """The county day ``day`` per payee account, against statement CSVs (payee -> file, as
        ``kiosk reconcile --statement`` reads them); a file that cannot be read is a ``ValidationError``."""
        from kiosk.services.reconciliation import read_statement_csv

        statements = {payee: read_statement_csv(path) for payee, path in (statement_files or {}).items()}
        return reconciliation_view(self.ctx, day, statements)

    # -- the back office: supervision (督查台账) ------------------------------------------------------

    def supervision(self, *, include_training: bool = False) -> SupervisionView:
        """The supervision ledger per project and service point, for the back office's charts."""
        from kiosk.views.supervision import supervision_view

        return supervision_view(self.ctx, include_training=include_training)

    def export_supervision(self, folder: Path, render_pdf: Callable[[dict[str, Any]], bytes], *,
                           include_training: bool = False) -> tuple[Path, Path]:
        """The ledger as it stands now, as CSV and as PDF (``render_pdf`` of the report: the printed
        ledger is drawn by the UI's document layer) into ``folder``, a USB stick; the two paths."""
        from kiosk.services.supervision import export_ledger, supervision_report

        report = supervision_report(self.ctx, include_training=include_training)
        return export_ledger(report, folder, render_pdf, self.ctx.local_now())


def open_kiosk(config: Config, *, clock: Callable[[], dt.datetime] | None = None,
               enroller: Enroller | None = None, courier: Courier | None = None) -> Kiosk:
    """Open the kiosk in ``config.data_dir``; a clear ``ConfigError``/``StoreError`` when it cannot.

    ``enroller`` (``sync.enroll.GatewayEnroller``) lets ``request_enrollment`` reach a gateway; ``courier``
    (``sync.courier.GatewayCourier``) lets ``drain_outbox`` and ``export_outbox`` hand records on."""
    store = open_store(config)
    if clock is not None:
        tick = clock
        # Audit and row timestamps follow the same clock as the flows' business dates.
        store.clock = lambda: tick().astimezone(dt.timezone.utc).isoformat(timespec="microseconds")
    try:
        feed = ChangeFeed(store.path)
    except BaseException:
        store.close()
        raise
    return Kiosk(Context(store, config, clock or utc_clock), feed, enroller=enroller, courier=courier)
