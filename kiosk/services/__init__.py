"""Case flows as headless services over the store: acceptance, signing, payment, handover, mailing.

One calling convention: a command is ``command(ctx, actor, ...)``; it checks
the actor and the case's state machine, runs its own unit(s) of work, and
raises the documented errors (``kiosk.errors``). Each module lists its
commands in ``__all__``, and ``kiosk.app.Kiosk.run`` runs only those. Every
other public function is either a building block (it takes a ``UnitOfWork``,
runs inside the caller's transaction and checks neither the actor nor the
state machine, e.g. ``certificates.bind``) or a read (it takes a ``Store`` or
a ``Context`` and changes nothing). ``staff.login`` makes the actor, so it is
the one command without one (``Kiosk.login``).
"""
