<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AcceptanceScreen</name>
        <message>
            <source>Joint acceptance: projects</source>
            <translation>Joint acceptance: projects</translation>
        </message>
        <message>
            <source>Document number of the acceptance</source>
            <translation>Document number of the acceptance</translation>
        </message>
        <message>
            <source>Scan QR code</source>
            <translation>Scan QR code</translation>
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
            <source>Record: {item}</source>
            <translation>Record: {item}</translation>
        </message>
        <message>
            <source>QR code read: it is recorded with the item.</source>
            <translation>QR code read: it is recorded with the item.</translation>
        </message>
        <message>
            <source>Planning verification</source>
            <translation>Planning verification</translation>
        </message>
        <message>
            <source>Fire safety acceptance</source>
            <translation>Fire safety acceptance</translation>
        </message>
        <message>
            <source>Civil air defence acceptance</source>
            <translation>Civil air defence acceptance</translation>
        </message>
        <message>
            <source>Completion acceptance filing</source>
            <translation>Completion acceptance filing</translation>
        </message>
        <message>
            <source>Surveyed floor areas</source>
            <translation>Surveyed floor areas</translation>
        </message>
        <message>
            <source>First registration approved: the units of this project can be handed over.</source>
            <translation>First registration approved: the units of this project can be handed over.</translation>
        </message>
        <message>
            <source>First registration requested on {when}; the approval comes with the sync.</source>
            <translation>First registration requested on {when}; the approval comes with the sync.</translation>
        </message>
        <message>
            <source>{n} of {total} acceptances missing; the last one recorded requests the first registration.</source>
            <translation>{n} of {total} acceptances missing; the last one recorded requests the first registration.</translation>
        </message>
        <message>
            <source>No project on this kiosk yet: sync the master data.</source>
            <translation>No project on this kiosk yet: sync the master data.</translation>
        </message>
        <message>
            <source>QR code scanned</source>
            <translation>QR code scanned</translation>
        </message>
        <message>
            <source>{what} · {who} · {when}</source>
            <translation>{what} · {who} · {when}</translation>
        </message>
        <message>
            <source>Not recorded yet</source>
            <translation>Not recorded yet</translation>
        </message>
        <message>
            <source>Correct</source>
            <translation>Correct</translation>
        </message>
        <message>
            <source>accepting</source>
            <translation>accepting</translation>
        </message>
        <message>
            <source>registration requested</source>
            <translation>registration requested</translation>
        </message>
        <message>
            <source>registered</source>
            <translation>registered</translation>
        </message>
    </context>
    <context>
        <name>ContractsScreen</name>
        <message>
            <source>Contracts: find the unit</source>
            <translation>Contracts: find the unit</translation>
        </message>
        <message>
            <source>Draft the contract</source>
            <translation>Draft the contract</translation>
        </message>
        <message>
            <source>Buyers sign</source>
            <translation>Buyers sign</translation>
        </message>
        <message>
            <source>Correct: new version</source>
            <translation>Correct: new version</translation>
        </message>
        <message>
            <source>Reason for the correction (required)</source>
            <translation>Reason for the correction (required)</translation>
        </message>
        <message>
            <source>New price (yuan)</source>
            <translation>New price (yuan)</translation>
        </message>
        <message>
            <source>Save the new version</source>
            <translation>Save the new version</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Stop signing</source>
            <translation>Stop signing</translation>
        </message>
        <message>
            <source>Buyer {n} of {total} signs: {name} ({id})</source>
            <translation>Buyer {n} of {total} signs: {name} ({id})</translation>
        </message>
        <message>
            <source>Every buyer has signed; the contract is being sealed…</source>
            <translation>Every buyer has signed; the contract is being sealed…</translation>
        </message>
        <message>
            <source>Correct version {n}</source>
            <translation>Correct version {n}</translation>
        </message>
        <message>
            <source>Buyers: {list}</source>
            <translation>Buyers: {list}</translation>
        </message>
        <message>
            <source>No contract yet: draft it from the template with the unit's price.</source>
            <translation>No contract yet: draft it from the template with the unit's price.</translation>
        </message>
        <message>
            <source>Version {n}, draft, price ¥{price}: each buyer signs it on this screen.</source>
            <translation>Version {n}, draft, price ¥{price}: each buyer signs it on this screen.</translation>
        </message>
        <message>
            <source>Version {n}, signed on {when}, price ¥{price}: the filing number arrives from the platform with the sync.</source>
            <translation>Version {n}, signed on {when}, price ¥{price}: the filing number arrives from the platform with the sync.</translation>
        </message>
        <message>
            <source>Version {n}, filed as {filing}, price ¥{price}.</source>
            <translation>Version {n}, filed as {filing}, price ¥{price}.</translation>
        </message>
        <message>
            <source>Version {n} · {state} · ¥{price} · drafted {when}</source>
            <translation>Version {n} · {state} · ¥{price} · drafted {when}</translation>
        </message>
        <message>
            <source> · corrected because: {reason}</source>
            <translation> · corrected because: {reason}</translation>
        </message>
        <message>
            <source>draft, to be signed</source>
            <translation>draft, to be signed</translation>
        </message>
        <message>
            <source>signed, awaiting filing</source>
            <translation>signed, awaiting filing</translation>
        </message>
        <message>
            <source>filed</source>
            <translation>filed</translation>
        </message>
        <message>
            <source>replaced by a correction</source>
            <translation>replaced by a correction</translation>
        </message>
        <message>
            <source>discarded</source>
            <translation>discarded</translation>
        </message>
    </context>
    <context>
        <name>OfficeBase</name>
        <message>
            <source>Log in at the counter first: the back office acts in the name of a signed-in staff member.</source>
            <translation>Log in at the counter first: the back office acts in the name of a signed-in staff member.</translation>
        </message>
    </context>
    <context>
        <name>OfficeRefusal</name>
        <message>
            <source>Neither a document number nor a QR code was given.</source>
            <translation>Neither a document number nor a QR code was given.</translation>
        </message>
        <message>
            <source>Type the acceptance document's number, or scan its QR code.</source>
            <translation>Type the acceptance document's number, or scan its QR code.</translation>
        </message>
        <message>
            <source>The price is not an amount in yuan.</source>
            <translation>The price is not an amount in yuan.</translation>
        </message>
        <message>
            <source>Type the new total price in yuan with at most two decimals, or leave it empty.</source>
            <translation>Type the new total price in yuan with at most two decimals, or leave it empty.</translation>
        </message>
        <message>
            <source>The statement file cannot be read as a payee statement.</source>
            <translation>The statement file cannot be read as a payee statement.</translation>
        </message>
        <message>
            <source>Check the file below with the payee: a CSV with the columns channel_serial and amount_fen.</source>
            <translation>Check the file below with the payee: a CSV with the columns channel_serial and amount_fen.</translation>
        </message>
        <message>
            <source>A written reason is needed.</source>
            <translation>A written reason is needed.</translation>
        </message>
        <message>
            <source>Write in a sentence why, at least 4 characters.</source>
            <translation>Write in a sentence why, at least 4 characters.</translation>
        </message>
        <message>
            <source>There is no unit with this code on this kiosk.</source>
            <translation>There is no unit with this code on this kiosk.</translation>
        </message>
        <message>
            <source>Check the unit code, or sync the master data.</source>
            <translation>Check the unit code, or sync the master data.</translation>
        </message>
        <message>
            <source>There is no such project on this kiosk.</source>
            <translation>There is no such project on this kiosk.</translation>
        </message>
        <message>
            <source>Sync the master data, then open the project again.</source>
            <translation>Sync the master data, then open the project again.</translation>
        </message>
        <message>
            <source>The first registration is already requested: acceptances can no longer change.</source>
            <translation>The first registration is already requested: acceptances can no longer change.</translation>
        </message>
        <message>
            <source>Wait for the platform's answer.</source>
            <translation>Wait for the platform's answer.</translation>
        </message>
        <message>
            <source>This unit already has a contract.</source>
            <translation>This unit already has a contract.</translation>
        </message>
        <message>
            <source>Open it; a signed contract is corrected as a new version.</source>
            <translation>Open it; a signed contract is corrected as a new version.</translation>
        </message>
        <message>
            <source>Not every buyer has signed the contract.</source>
            <translation>Not every buyer has signed the contract.</translation>
        </message>
        <message>
            <source>Every buyer on the contract signs it.</source>
            <translation>Every buyer on the contract signs it.</translation>
        </message>
        <message>
            <source>No buyer is recorded for this unit.</source>
            <translation>No buyer is recorded for this unit.</translation>
        </message>
        <message>
            <source>Sync the master data, or record the buyers first.</source>
            <translation>Sync the master data, or record the buyers first.</translation>
        </message>
        <message>
            <source>The buyer has already paid part of this order.</source>
            <translation>The buyer has already paid part of this order.</translation>
        </message>
        <message>
            <source>Request the refund of the paid items first, then void the order.</source>
            <translation>Request the refund of the paid items first, then void the order.</translation>
        </message>
        <message>
            <source>Only a paid item can be refunded.</source>
            <translation>Only a paid item can be refunded.</translation>
        </message>
        <message>
            <source>An unpaid order is voided instead.</source>
            <translation>An unpaid order is voided instead.</translation>
        </message>
        <message>
            <source>The refund of this item was already requested.</source>
            <translation>The refund of this item was already requested.</translation>
        </message>
        <message>
            <source>The payee's refund arrives with the sync.</source>
            <translation>The payee's refund arrives with the sync.</translation>
        </message>
        <message>
            <source>Training and real cases never mix.</source>
            <translation>Training and real cases never mix.</translation>
        </message>
        <message>
            <source>Use a session of the same kind as the case.</source>
            <translation>Use a session of the same kind as the case.</translation>
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
            <source>Joint acceptance</source>
            <translation>Joint acceptance</translation>
        </message>
        <message>
            <source>Contracts</source>
            <translation>Contracts</translation>
        </message>
        <message>
            <source>Payments</source>
            <translation>Payments</translation>
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
        <name>PaymentsScreen</name>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>Payments: find the unit</source>
            <translation>Payments: find the unit</translation>
        </message>
        <message>
            <source>Reconciliation</source>
            <translation>Reconciliation</translation>
        </message>
        <message>
            <source>Other unit</source>
            <translation>Other unit</translation>
        </message>
        <message>
            <source>Reconcile</source>
            <translation>Reconcile</translation>
        </message>
        <message>
            <source>Day before</source>
            <translation>Day before</translation>
        </message>
        <message>
            <source>Day after</source>
            <translation>Day after</translation>
        </message>
        <message>
            <source>USB stick</source>
            <translation>USB stick</translation>
        </message>
        <message>
            <source>Void the unpaid order with payment code {code} of unit {unit}</source>
            <translation>Void the unpaid order with payment code {code} of unit {unit}</translation>
        </message>
        <message>
            <source>Request the refund of {item} ¥{amount} paid to {payee} (channel serial {serial})</source>
            <translation>Request the refund of {item} ¥{amount} paid to {payee} (channel serial {serial})</translation>
        </message>
        <message>
            <source>No payment order yet: the fees are computed at the buyer's payment step.</source>
            <translation>No payment order yet: the fees are computed at the buyer's payment step.</translation>
        </message>
        <message>
            <source>Payment code {code} · {state} · total ¥{total} · made {when}</source>
            <translation>Payment code {code} · {state} · total ¥{total} · made {when}</translation>
        </message>
        <message>
            <source>Void order</source>
            <translation>Void order</translation>
        </message>
        <message>
            <source>Request refund</source>
            <translation>Request refund</translation>
        </message>
        <message>
            <source>awaiting payment</source>
            <translation>awaiting payment</translation>
        </message>
        <message>
            <source>paid in full</source>
            <translation>paid in full</translation>
        </message>
        <message>
            <source>void</source>
            <translation>void</translation>
        </message>
        <message>
            <source>refunded</source>
            <translation>refunded</translation>
        </message>
        <message>
            <source>tax bureau</source>
            <translation>tax bureau</translation>
        </message>
        <message>
            <source>registration office</source>
            <translation>registration office</translation>
        </message>
        <message>
            <source>maintenance fund</source>
            <translation>maintenance fund</translation>
        </message>
        <message>
            <source>{payee} · {name} ¥{amount} · paid {when}, serial {serial}</source>
            <translation>{payee} · {name} ¥{amount} · paid {when}, serial {serial}</translation>
        </message>
        <message>
            <source>{payee} · {name} ¥{amount} · refunded {when}</source>
            <translation>{payee} · {name} ¥{amount} · refunded {when}</translation>
        </message>
        <message>
            <source>not yet paid</source>
            <translation>not yet paid</translation>
        </message>
        <message>
            <source>{payee} · {name} ¥{amount} · {state}</source>
            <translation>{payee} · {name} ¥{amount} · {state}</translation>
        </message>
        <message>
            <source>refund</source>
            <translation>refund</translation>
        </message>
        <message>
            <source>payment</source>
            <translation>payment</translation>
        </message>
        <message>
            <source>applied</source>
            <translation>applied</translation>
        </message>
        <message>
            <source>a repeat, kept aside</source>
            <translation>a repeat, kept aside</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>refused</translation>
        </message>
        <message>
            <source>{when} · {kind} ¥{amount} from {payee} · {result}</source>
            <translation>{when} · {kind} ¥{amount} from {payee} · {result}</translation>
        </message>
        <message>
            <source>No statement chosen: only refunds can be listed.</source>
            <translation>No statement chosen: only refunds can be listed.</translation>
        </message>
        <message>
            <source>Whose statement is {file}?</source>
            <translation>Whose statement is {file}?</translation>
        </message>
        <message>
            <source>Statement files on {volume}: tap one.</source>
            <translation>Statement files on {volume}: tap one.</translation>
        </message>
        <message>
            <source>No CSV file at the top of {volume}.</source>
            <translation>No CSV file at the top of {volume}.</translation>
        </message>
        <message>
            <source>Choose the USB stick.</source>
            <translation>Choose the USB stick.</translation>
        </message>
        <message>
            <source>Plug in the USB stick with the payees' statement files (CSV).</source>
            <translation>Plug in the USB stick with the payees' statement files (CSV).</translation>
        </message>
        <message>
            <source>statement ¥{amount}</source>
            <translation>statement ¥{amount}</translation>
        </message>
        <message>
            <source>no statement</source>
            <translation>no statement</translation>
        </message>
        <message>
            <source>{payee}: confirmed ¥{confirmed} ({count} payments), still due ¥{due}, {statement}; {n} mismatches</source>
            <translation>{payee}: confirmed ¥{confirmed} ({count} payments), still due ¥{due}, {statement}; {n} mismatches</translation>
        </message>
        <message>
            <source>… and {n} more: kiosk reconcile --date {day} lists them all.</source>
            <translation>… and {n} more: kiosk reconcile --date {day} lists them all.</translation>
        </message>
        <message>
            <source>Missing from the statement</source>
            <translation>Missing from the statement</translation>
        </message>
        <message>
            <source>Not known to this kiosk</source>
            <translation>Not known to this kiosk</translation>
        </message>
        <message>
            <source>Amount differs</source>
            <translation>Amount differs</translation>
        </message>
        <message>
            <source>Confirmed on another day</source>
            <translation>Confirmed on another day</translation>
        </message>
        <message>
            <source>Listed twice on the statement</source>
            <translation>Listed twice on the statement</translation>
        </message>
        <message>
            <source>Refunded since</source>
            <translation>Refunded since</translation>
        </message>
        <message>
            <source>{type}: serial {serial} · kiosk ¥{kiosk} · statement ¥{statement}</source>
            <translation>{type}: serial {serial} · kiosk ¥{kiosk} · statement ¥{statement}</translation>
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
    <context>
        <name>UnitMatches</name>
        <message>
            <source>Type or scan a unit code on the left.</source>
            <translation>Type or scan a unit code on the left.</translation>
        </message>
        <message>
            <source>No unit matches. Type at least 4 characters of the unit code.</source>
            <translation>No unit matches. Type at least 4 characters of the unit code.</translation>
        </message>
        <message>
            <source>Units found: tap one to open it.</source>
            <translation>Units found: tap one to open it.</translation>
        </message>
        <message>
            <source>no contract yet</source>
            <translation>no contract yet</translation>
        </message>
        <message>
            <source>contract drafted</source>
            <translation>contract drafted</translation>
        </message>
        <message>
            <source>contract signed</source>
            <translation>contract signed</translation>
        </message>
        <message>
            <source>contract filed</source>
            <translation>contract filed</translation>
        </message>
        <message>
            <source>contract corrected</source>
            <translation>contract corrected</translation>
        </message>
        <message>
            <source>contract discarded</source>
            <translation>contract discarded</translation>
        </message>
    </context>
    <context>
        <name>UnitSearch</name>
        <message>
            <source>Unit code (4 characters or more)</source>
            <translation>Unit code (4 characters or more)</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Scan</source>
            <translation>Scan</translation>
        </message>
    </context>
</TS>
