<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>OfficeScreen</name>
        <message>
            <source>Credit restrictions</source>
            <translation>Credit restrictions</translation>
        </message>
        <message>
            <source>Certificates</source>
            <translation>Certificates</translation>
        </message>
        <message>
            <source>Staff roster</source>
            <translation>Staff roster</translation>
        </message>
        <message>
            <source>Supervision ledger</source>
            <translation>Supervision ledger</translation>
        </message>
        <message>
            <source>Back office</source>
            <translation>Back office</translation>
        </message>
        <message>
            <source>Back to the queue</source>
            <translation>Back to the queue</translation>
        </message>
        <message>
            <source>Staff login</source>
            <translation>Staff login</translation>
        </message>
        <message>
            <source>The back office is for signed-in staff. Log in at the counter first.</source>
            <translation>The back office is for signed-in staff. Log in at the counter first.</translation>
        </message>
        <message>
            <source>Your role has no back-office work on this kiosk. Ask a supervisor.</source>
            <translation>Your role has no back-office work on this kiosk. Ask a supervisor.</translation>
        </message>
        <message>
            <source>staff</source>
            <translation>staff</translation>
        </message>
        <message>
            <source>supervisor</source>
            <translation>supervisor</translation>
        </message>
        <message>
            <source>technician</source>
            <translation>technician</translation>
        </message>
        <message>
            <source>Signed in: {name} ({role})</source>
            <translation>Signed in: {name} ({role})</translation>
        </message>
    </context>
    <context>
        <name>SupervisionScreen</name>
        <message>
            <source>The USB stick is gone. Plug it in again, tap Look again and choose it.</source>
            <translation>The USB stick is gone. Plug it in again, tap Look again and choose it.</translation>
        </message>
        <message>
            <source>The CSV file could not be written on the USB stick (full or write-protected?). Nothing was exported; free some space or use another stick.</source>
            <translation>The CSV file could not be written on the USB stick (full or write-protected?). Nothing was exported; free some space or use another stick.</translation>
        </message>
        <message>
            <source>The PDF file could not be written on the USB stick (full or write-protected?). Nothing was exported; free some space or use another stick.</source>
            <translation>The PDF file could not be written on the USB stick (full or write-protected?). Nothing was exported; free some space or use another stick.</translation>
        </message>
        <message>
            <source>Not registered (no certificate number)</source>
            <translation>Not registered (no certificate number)</translation>
        </message>
        <message>
            <source>Payment not confirmed</source>
            <translation>Payment not confirmed</translation>
        </message>
        <message>
            <source>Developer restricted</source>
            <translation>Developer restricted</translation>
        </message>
        <message>
            <source>Contract not filed</source>
            <translation>Contract not filed</translation>
        </message>
        <message>
            <source>Keys not ready</source>
            <translation>Keys not ready</translation>
        </message>
        <message>
            <source>Very satisfied</source>
            <translation>Very satisfied</translation>
        </message>
        <message>
            <source>Satisfied</source>
            <translation>Satisfied</translation>
        </message>
        <message>
            <source>Basically satisfied</source>
            <translation>Basically satisfied</translation>
        </message>
        <message>
            <source>Dissatisfied</source>
            <translation>Dissatisfied</translation>
        </message>
        <message>
            <source>Very dissatisfied</source>
            <translation>Very dissatisfied</translation>
        </message>
        <message>
            <source>All service points</source>
            <translation>All service points</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Supervision ledger</source>
            <translation>Supervision ledger</translation>
        </message>
        <message>
            <source>Only signed-in staff can see the supervision ledger. Log in at the counter first.</source>
            <translation>Only signed-in staff can see the supervision ledger. Log in at the counter first.</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>{point} · {day} · {delivered} of {units} units handed over, {blocked} blocked{training}</source>
            <translation>{point} · {day} · {delivered} of {units} units handed over, {blocked} blocked{training}</translation>
        </message>
        <message>
            <source> · training data</source>
            <translation> · training data</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Ledger</source>
            <translation>Ledger</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>Blocked</source>
            <translation>Blocked</translation>
        </message>
        <message>
            <source>Days to title</source>
            <translation>Days to title</translation>
        </message>
        <message>
            <source>Ratings</source>
            <translation>Ratings</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>Project</translation>
        </message>
        <message>
            <source>Point</source>
            <translation>Point</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Units</translation>
        </message>
        <message>
            <source>Eligible</source>
            <translation>Eligible</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>▲ a project with blocked units. Days: least / median / most, from joint acceptance to certificate.</source>
            <translation>▲ a project with blocked units. Days: least / median / most, from joint acceptance to certificate.</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>Page {page} of {pages}</translation>
        </message>
        <message>
            <source>◀ Prev</source>
            <translation>◀ Prev</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>Next ▶</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Total {point}</source>
            <translation>Total {point}</translation>
        </message>
        <message>
            <source>Units per project: handed over, pending, blocked</source>
            <translation>Units per project: handed over, pending, blocked</translation>
        </message>
        <message>
            <source>Handed over</source>
            <translation>Handed over</translation>
        </message>
        <message>
            <source>Blocked units by the first check they fail</source>
            <translation>Blocked units by the first check they fail</translation>
        </message>
        <message>
            <source>Blocked units</source>
            <translation>Blocked units</translation>
        </message>
        <message>
            <source>Calendar days from joint acceptance to certificate</source>
            <translation>Calendar days from joint acceptance to certificate</translation>
        </message>
        <message>
            <source>Least</source>
            <translation>Least</translation>
        </message>
        <message>
            <source>Median</source>
            <translation>Median</translation>
        </message>
        <message>
            <source>Most</source>
            <translation>Most</translation>
        </message>
        <message>
            <source>Buyers' ratings (好差评) of handovers</source>
            <translation>Buyers' ratings (好差评) of handovers</translation>
        </message>
        <message>
            <source>The ledger as it stands now is written as a CSV file (for Excel) and as the printable PDF. Plug in a USB stick and choose it.</source>
            <translation>The ledger as it stands now is written as a CSV file (for Excel) and as the printable PDF. Plug in a USB stick and choose it.</translation>
        </message>
        <message>
            <source>No USB stick found. Plug one in, then tap Look again.</source>
            <translation>No USB stick found. Plug one in, then tap Look again.</translation>
        </message>
        <message>
            <source>Look again</source>
            <translation>Look again</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>Writing…</translation>
        </message>
        <message>
            <source>Write CSV and PDF</source>
            <translation>Write CSV and PDF</translation>
        </message>
        <message>
            <source>✔ Written: {csv} and {pdf}. Remove the USB stick.</source>
            <translation>✔ Written: {csv} and {pdf}. Remove the USB stick.</translation>
        </message>
    </context>
    <context>
        <name>SupervisorApproval</name>
        <message>
            <source>Type the supervisor's staff number on the keypad.</source>
            <translation>Type the supervisor's staff number on the keypad.</translation>
        </message>
        <message>
            <source>Tap the PIN field and type the supervisor's PIN (6 to 12 digits).</source>
            <translation>Tap the PIN field and type the supervisor's PIN (6 to 12 digits).</translation>
        </message>
        <message>
            <source>Tap the reason field and write why, in a sentence.</source>
            <translation>Tap the reason field and write why, in a sentence.</translation>
        </message>
        <message>
            <source>Supervisor number</source>
            <translation>Supervisor number</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Checking the supervisor's PIN…</source>
            <translation>Checking the supervisor's PIN…</translation>
        </message>
        <message>
            <source>Tap Approve to confirm.</source>
            <translation>Tap Approve to confirm.</translation>
        </message>
        <message>
            <source>Supervisor approval</source>
            <translation>Supervisor approval</translation>
        </message>
        <message>
            <source>Why, in a sentence</source>
            <translation>Why, in a sentence</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
</TS>
