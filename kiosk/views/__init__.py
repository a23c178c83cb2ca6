"""The read side: typed, immutable views a screen shows, built without the screen writing SQL.

One module per view, each with one building function ``fn(ctx, key...)``:

- ``case``: ``case_overview(ctx, unit_code)``, ``cases_for_buyer(ctx, id_number)``
- ``handover``: ``handover_view(ctx, handover_id)``
- ``order``: ``order_view(ctx, order_id)``, ``current_order(ctx, unit_code)``
- ``queue``: ``queue(ctx, search=None)``
- ``staff``: ``staff_view(ctx)``
- ``diagnostics``: ``diagnostics_view(ctx)`` (the technician's)
- ``acceptance``: ``project_acceptances(ctx)``, ``acceptance_view(ctx, project_id)`` (back office)
- ``contracts``: ``unit_contracts(ctx, unit_code)``, ``find_units(ctx, search)`` (back office)
- ``payments``: ``unit_payments(ctx, unit_code)``, ``reconciliation_view(ctx, day, statements)`` (back office)

Every view is a tree of frozen, slotted dataclasses: safe to hand from the
worker thread that builds it to the GUI thread that only reads it. Building
a view only reads the store.

Personal data (design section 6):

- ID numbers appear only masked (``kiosk.privacy.mask_id``, first 6 and last
  4). No view holds a full ID number, phone number, address or signature.
- Names: a holder's full name (``name``) is in the views of one case
  (``CaseOverview``, ``HandoverView``), which staff and the identified buyer
  see, as the handover papers every buyer signs already show all holders'
  names; ``name_masked`` (张**) sits beside it for a screen a bystander can
  read. The ``Queue`` lists many people's cases and holds masked names only.
  Staff names are shown in full on the staff roster (a supervisor's screen).

Texts: every reason a view gives comes with a stable ``code`` (the refusal
codes of ``kiosk.errors``, e.g. ``unpaid``), which is the message id the UI
translates through Qt; ``reason``/``next_action``/``label`` hold the
plain-Chinese default text, ``detail``/``message`` the English text of the
matching refusal (logs, the CLI). Money is integer fen, with ``*_text`` in
yuan (``1,234.00``) for display.
"""
