<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>CertificatesScreen</name>
        <message>
            <source>Certificates</source>
            <translation>Certificates</translation>
        </message>
        <message>
            <source>Paper stock</source>
            <translation>Paper stock</translation>
        </message>
        <message>
            <source>Reprint</source>
            <translation>Reprint</translation>
        </message>
        <message>
            <source>Mailing</source>
            <translation>Mailing</translation>
        </message>
        <message>
            <source>Add a pack</source>
            <translation>Add a pack</translation>
        </message>
        <message>
            <source>Void a sheet</source>
            <translation>Void a sheet</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>as printed</source>
            <translation>as printed</translation>
        </message>
        <message>
            <source>No blank certificate paper left. Add the next pack before the next handover.</source>
            <translation>No blank certificate paper left. Add the next pack before the next handover.</translation>
        </message>
        <message>
            <source>{n} blank sheets on hand, {first} to {last}.</source>
            <translation>{n} blank sheets on hand, {first} to {last}.</translation>
        </message>
        <message>
            <source>Low: fewer than {n}; order the next pack.</source>
            <translation>Low: fewer than {n}; order the next pack.</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Sheets voided, newest first:</source>
            <translation>Sheets voided, newest first:</translation>
        </message>
        <message>
            <source>No sheet has been voided.</source>
            <translation>No sheet has been voided.</translation>
        </message>
        <message>
            <source>Certificates printed and not yet handed over: a spoiled one is printed again on the next sheet, the old sheet voided.</source>
            <translation>Certificates printed and not yet handed over: a spoiled one is printed again on the next sheet, the old sheet voided.</translation>
        </message>
        <message>
            <source>No certificate is printed and waiting to be handed over.</source>
            <translation>No certificate is printed and waiting to be handed over.</translation>
        </message>
        <message>
            <source>Mailing requests, newest first:</source>
            <translation>Mailing requests, newest first:</translation>
        </message>
        <message>
            <source>No certificate is to be mailed.</source>
            <translation>No certificate is to be mailed.</translation>
        </message>
        <message>
            <source>Reason: {reason}</source>
            <translation>Reason: {reason}</translation>
        </message>
        <message>
            <source>{number}, on sheet {serial}</source>
            <translation>{number}, on sheet {serial}</translation>
        </message>
        <message>
            <source>shipped: {carrier} {tracking}</source>
            <translation>shipped: {carrier} {tracking}</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>cancelled</translation>
        </message>
        <message>
            <source>requested, waiting for the tracking number</source>
            <translation>requested, waiting for the tracking number</translation>
        </message>
        <message>
            <source>Request {id}, asked by {who}</source>
            <translation>Request {id}, asked by {who}</translation>
        </message>
        <message>
            <source>First serial</source>
            <translation>First serial</translation>
        </message>
        <message>
            <source>Serial of the spoiled sheet</source>
            <translation>Serial of the spoiled sheet</translation>
        </message>
        <message>
            <source>Last serial</source>
            <translation>Last serial</translation>
        </message>
        <message>
            <source>Type the first serial as printed on the pack.</source>
            <translation>Type the first serial as printed on the pack.</translation>
        </message>
        <message>
            <source>Type the serial printed on the spoiled sheet.</source>
            <translation>Type the serial printed on the spoiled sheet.</translation>
        </message>
        <message>
            <source>Type the last serial of the pack.</source>
            <translation>Type the last serial of the pack.</translation>
        </message>
        <message>
            <source>Tap Next: a supervisor confirms with their number and PIN.</source>
            <translation>Tap Next: a supervisor confirms with their number and PIN.</translation>
        </message>
        <message>
            <source>record {n} sheets, {first} to {last}</source>
            <translation>record {n} sheets, {first} to {last}</translation>
        </message>
        <message>
            <source>{n} sheets are added to the stock.</source>
            <translation>{n} sheets are added to the stock.</translation>
        </message>
        <message>
            <source>void the spoiled sheet {serial}</source>
            <translation>void the spoiled sheet {serial}</translation>
        </message>
        <message>
            <source>Sheet {serial} is voided.</source>
            <translation>Sheet {serial} is voided.</translation>
        </message>
        <message>
            <source>reprint the certificate of unit {unit} (sheet {serial} is voided)</source>
            <translation>reprint the certificate of unit {unit} (sheet {serial} is voided)</translation>
        </message>
        <message>
            <source>The certificate is printed again on sheet {serial}.</source>
            <translation>The certificate is printed again on sheet {serial}.</translation>
        </message>
    </context>
    <context>
        <name>CreditScreen</name>
        <message>
            <source>Credit restrictions</source>
            <translation>Credit restrictions</translation>
        </message>
        <message>
            <source>Restriction list</source>
            <translation>Restriction list</translation>
        </message>
        <message>
            <source>Violations recorded</source>
            <translation>Violations recorded</translation>
        </message>
        <message>
            <source>Record a violation</source>
            <translation>Record a violation</translation>
        </message>
        <message>
            <source>Back to the list</source>
            <translation>Back to the list</translation>
        </message>
        <message>
            <source>Developer</source>
            <translation>Developer</translation>
        </message>
        <message>
            <source>Kind of violation</source>
            <translation>Kind of violation</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>What happened</translation>
        </message>
        <message>
            <source>One sentence, e.g. the keys were handed over three months late</source>
            <translation>One sentence, e.g. the keys were handed over three months late</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Late handover</source>
            <translation>Late handover</translation>
        </message>
        <message>
            <source>Breach of contract</source>
            <translation>Breach of contract</translation>
        </message>
        <message>
            <source>Missing documents</source>
            <translation>Missing documents</translation>
        </message>
        <message>
            <source>Loading the restriction list…</source>
            <translation>Loading the restriction list…</translation>
        </message>
        <message>
            <source>{n} restrictions from the platform, {held} in force today.</source>
            <translation>{n} restrictions from the platform, {held} in force today.</translation>
        </message>
        <message>
            <source>The platform has restricted no developer of this service point.</source>
            <translation>The platform has restricted no developer of this service point.</translation>
        </message>
        <message>
            <source>{n} violations recorded here, newest first.</source>
            <translation>{n} violations recorded here, newest first.</translation>
        </message>
        <message>
            <source>No violation has been recorded here.</source>
            <translation>No violation has been recorded here.</translation>
        </message>
        <message>
            <source>{developer}: {n} units. An override lets one unit be handed over despite the restriction.</source>
            <translation>{developer}: {n} units. An override lets one unit be handed over despite the restriction.</translation>
        </message>
        <message>
            <source>lifted</source>
            <translation>lifted</translation>
        </message>
        <message>
            <source>in force</source>
            <translation>in force</translation>
        </message>
        <message>
            <source>not in force today</source>
            <translation>not in force today</translation>
        </message>
        <message>
            <source>from {since} until {until}</source>
            <translation>from {since} until {until}</translation>
        </message>
        <message>
            <source>from {since}, no end date</source>
            <translation>from {since}, no end date</translation>
        </message>
        <message>
            <source>Platform: {reason}; {dates}</source>
            <translation>Platform: {reason}; {dates}</translation>
        </message>
        <message>
            <source>Units ({n})</source>
            <translation>Units ({n})</translation>
        </message>
        <message>
            <source>May proceed: overridden by {who}: {reason}</source>
            <translation>May proceed: overridden by {who}: {reason}</translation>
        </message>
        <message>
            <source>Held by the restriction</source>
            <translation>Held by the restriction</translation>
        </message>
        <message>
            <source>Not held today</source>
            <translation>Not held today</translation>
        </message>
        <message>
            <source>Override</source>
            <translation>Override</translation>
        </message>
        <message>
            <source>Override the restriction for unit {unit}</source>
            <translation>Override the restriction for unit {unit}</translation>
        </message>
        <message>
            <source>Unit {unit} may now be handed over despite the restriction.</source>
            <translation>Unit {unit} may now be handed over despite the restriction.</translation>
        </message>
        <message>
            <source>Tap the developer.</source>
            <translation>Tap the developer.</translation>
        </message>
        <message>
            <source>Tap the kind of violation.</source>
            <translation>Tap the kind of violation.</translation>
        </message>
        <message>
            <source>Tap the field below the kinds and write what happened, in a sentence.</source>
            <translation>Tap the field below the kinds and write what happened, in a sentence.</translation>
        </message>
        <message>
            <source>Tap Record: the violation goes to the platform.</source>
            <translation>Tap Record: the violation goes to the platform.</translation>
        </message>
        <message>
            <source>The violation is recorded and goes to the platform.</source>
            <translation>The violation is recorded and goes to the platform.</translation>
        </message>
    </context>
    <context>
        <name>OfficeRefusal</name>
        <message>
            <source>This staff number is already on the roster.</source>
            <translation>This staff number is already on the roster.</translation>
        </message>
        <message>
            <source>Choose another number, or reset that member's PIN.</source>
            <translation>Choose another number, or reset that member's PIN.</translation>
        </message>
        <message>
            <source>A staff number is a capital letter then letters or digits, 2 to 16 in all.</source>
            <translation>A staff number is a capital letter then letters or digits, 2 to 16 in all.</translation>
        </message>
        <message>
            <source>Type it again, for example S010.</source>
            <translation>Type it again, for example S010.</translation>
        </message>
        <message>
            <source>The name is missing.</source>
            <translation>The name is missing.</translation>
        </message>
        <message>
            <source>Write the staff member's name.</source>
            <translation>Write the staff member's name.</translation>
        </message>
        <message>
            <source>This certification has already expired.</source>
            <translation>This certification has already expired.</translation>
        </message>
        <message>
            <source>Only certified staff work at the kiosk: enter the renewed certification.</source>
            <translation>Only certified staff work at the kiosk: enter the renewed certification.</translation>
        </message>
        <message>
            <source>This account is not locked.</source>
            <translation>This account is not locked.</translation>
        </message>
        <message>
            <source>Nothing to unlock; the member may log in.</source>
            <translation>Nothing to unlock; the member may log in.</translation>
        </message>
        <message>
            <source>There is no unit with this code on this kiosk.</source>
            <translation>There is no unit with this code on this kiosk.</translation>
        </message>
        <message>
            <source>Check the unit code, or wait for the master data to sync.</source>
            <translation>Check the unit code, or wait for the master data to sync.</translation>
        </message>
        <message>
            <source>The developer of this unit is not restricted.</source>
            <translation>The developer of this unit is not restricted.</translation>
        </message>
        <message>
            <source>No override is needed; the case may proceed.</source>
            <translation>No override is needed; the case may proceed.</translation>
        </message>
        <message>
            <source>Choose the kind of violation.</source>
            <translation>Choose the kind of violation.</translation>
        </message>
        <message>
            <source>Tap one of the kinds listed.</source>
            <translation>Tap one of the kinds listed.</translation>
        </message>
        <message>
            <source>The violation is not described.</source>
            <translation>The violation is not described.</translation>
        </message>
        <message>
            <source>Write in a sentence what the developer did.</source>
            <translation>Write in a sentence what the developer did.</translation>
        </message>
        <message>
            <source>A serial in this range is already in the stock book.</source>
            <translation>A serial in this range is already in the stock book.</translation>
        </message>
        <message>
            <source>Check the first and last serial on the paper and type the range again.</source>
            <translation>Check the first and last serial on the paper and type the range again.</translation>
        </message>
        <message>
            <source>The serial is not valid.</source>
            <translation>The serial is not valid.</translation>
        </message>
        <message>
            <source>Type the serial exactly as printed on the paper.</source>
            <translation>Type the serial exactly as printed on the paper.</translation>
        </message>
        <message>
            <source>These two serials do not make a range.</source>
            <translation>These two serials do not make a range.</translation>
        </message>
        <message>
            <source>Type the first and the last serial of the pack: same beginning, the last number after the first.</source>
            <translation>Type the first and the last serial of the pack: same beginning, the last number after the first.</translation>
        </message>
        <message>
            <source>This unit has no certificate printed and not yet handed over.</source>
            <translation>This unit has no certificate printed and not yet handed over.</translation>
        </message>
        <message>
            <source>Only a bound certificate that is still at the counter is reprinted.</source>
            <translation>Only a bound certificate that is still at the counter is reprinted.</translation>
        </message>
    </context>
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
        <name>Pager</name>
        <message>
            <source>Previous page</source>
            <translation>Previous page</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Next page</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>Page {page} of {pages}</translation>
        </message>
    </context>
    <context>
        <name>SectionScreen</name>
        <message>
            <source>Log in at the counter first; the back office is for signed-in staff.</source>
            <translation>Log in at the counter first; the back office is for signed-in staff.</translation>
        </message>
        <message>
            <source>Only a supervisor may open this. Ask a supervisor to log in.</source>
            <translation>Only a supervisor may open this. Ask a supervisor to log in.</translation>
        </message>
    </context>
    <context>
        <name>StaffRosterScreen</name>
        <message>
            <source>Staff roster</source>
            <translation>Staff roster</translation>
        </message>
        <message>
            <source>Add staff</source>
            <translation>Add staff</translation>
        </message>
        <message>
            <source>Reset PIN</source>
            <translation>Reset PIN</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>YYYY-MM-DD</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>Technician</translation>
        </message>
        <message>
            <source>deactivated</source>
            <translation>deactivated</translation>
        </message>
        <message>
            <source>certification expired</source>
            <translation>certification expired</translation>
        </message>
        <message>
            <source>locked after wrong PINs until {time}</source>
            <translation>locked after wrong PINs until {time}</translation>
        </message>
        <message>
            <source>certification expires in {days} days</source>
            <translation>certification expires in {days} days</translation>
        </message>
        <message>
            <source>certified</source>
            <translation>certified</translation>
        </message>
        <message>
            <source>Loading the roster…</source>
            <translation>Loading the roster…</translation>
        </message>
        <message>
            <source>{n} on the roster: {expiring} expiring within 30 days, {expired} expired, {locked} locked.</source>
            <translation>{n} on the roster: {expiring} expiring within 30 days, {expired} expired, {locked} locked.</translation>
        </message>
        <message>
            <source>Certification {number}, until {date}</source>
            <translation>Certification {number}, until {date}</translation>
        </message>
        <message>
            <source>{id} is unlocked and may log in again.</source>
            <translation>{id} is unlocked and may log in again.</translation>
        </message>
        <message>
            <source>Type the new staff number on the keypad (e.g. S010).</source>
            <translation>Type the new staff number on the keypad (e.g. S010).</translation>
        </message>
        <message>
            <source>Tap the name field and write the name.</source>
            <translation>Tap the name field and write the name.</translation>
        </message>
        <message>
            <source>Tap the certification field and write its number.</source>
            <translation>Tap the certification field and write its number.</translation>
        </message>
        <message>
            <source>Type the certification's expiry date as YYYY-MM-DD.</source>
            <translation>Type the certification's expiry date as YYYY-MM-DD.</translation>
        </message>
        <message>
            <source>Type the new PIN (6 to 12 digits).</source>
            <translation>Type the new PIN (6 to 12 digits).</translation>
        </message>
        <message>
            <source>Type the same PIN again in the second PIN field.</source>
            <translation>Type the same PIN again in the second PIN field.</translation>
        </message>
        <message>
            <source>Staff number</source>
            <translation>Staff number</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Certificate no.</source>
            <translation>Certificate no.</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>Valid until</translation>
        </message>
        <message>
            <source>New PIN</source>
            <translation>New PIN</translation>
        </message>
        <message>
            <source>PIN again</source>
            <translation>PIN again</translation>
        </message>
        <message>
            <source>New PIN for {id} {name}</source>
            <translation>New PIN for {id} {name}</translation>
        </message>
        <message>
            <source>Add a staff member</source>
            <translation>Add a staff member</translation>
        </message>
        <message>
            <source>Tap Save.</source>
            <translation>Tap Save.</translation>
        </message>
        <message>
            <source>{id} has a new PIN.</source>
            <translation>{id} has a new PIN.</translation>
        </message>
        <message>
            <source>{id} {name} is on the roster and may log in.</source>
            <translation>{id} {name} is on the roster and may log in.</translation>
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
            <source>{title}: {action}</source>
            <translation>{title}: {action}</translation>
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
