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
            <source>New mailing request</source>
            <translation>New mailing request</translation>
        </message>
        <message>
            <source>Back to the requests</source>
            <translation>Back to the requests</translation>
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
            <source>Tap the unit whose certificate is to be mailed: its registration is recorded and it is not handed over.</source>
            <translation>Tap the unit whose certificate is to be mailed: its registration is recorded and it is not handed over.</translation>
        </message>
        <message>
            <source>No certificate may be mailed now: mailing is asked for once the registration is recorded, before the handover.</source>
            <translation>No certificate may be mailed now: mailing is asked for once the registration is recorded, before the handover.</translation>
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
            <source>Mail this one</source>
            <translation>Mail this one</translation>
        </message>
        <message>
            <source>Mailing of unit {unit}'s certificate is requested ({id}); the mailing slip is queued for the printer.</source>
            <translation>Mailing of unit {unit}'s certificate is requested ({id}); the mailing slip is queued for the printer.</translation>
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
            <source>from {since}, lifted on {lifted}</source>
            <translation>from {since}, lifted on {lifted}</translation>
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
        <name>MailForm</name>
        <message>
            <source>Type the agent's ID number on the keypad.</source>
            <translation>Type the agent's ID number on the keypad.</translation>
        </message>
        <message>
            <source>Type the holder's ID number on the keypad.</source>
            <translation>Type the holder's ID number on the keypad.</translation>
        </message>
        <message>
            <source>Write the number of the agent's authorisation (授权委托书).</source>
            <translation>Write the number of the agent's authorisation (授权委托书).</translation>
        </message>
        <message>
            <source>Write the recipient's name.</source>
            <translation>Write the recipient's name.</translation>
        </message>
        <message>
            <source>Type the recipient's phone number.</source>
            <translation>Type the recipient's phone number.</translation>
        </message>
        <message>
            <source>Write the postal address.</source>
            <translation>Write the postal address.</translation>
        </message>
        <message>
            <source>Tap Send: the request goes to the platform and the mailing slip is printed.</source>
            <translation>Tap Send: the request goes to the platform and the mailing slip is printed.</translation>
        </message>
        <message>
            <source>Authorisation no.</source>
            <translation>Authorisation no.</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Recipient</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Postal address</source>
            <translation>Postal address</translation>
        </message>
        <message>
            <source>Mail the certificate of unit {unit}</source>
            <translation>Mail the certificate of unit {unit}</translation>
        </message>
        <message>
            <source>Holder in person</source>
            <translation>Holder in person</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>As on the paper</source>
            <translation>As on the paper</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Mobile number</source>
            <translation>Mobile number</translation>
        </message>
        <message>
            <source>Province, city, street, no.</source>
            <translation>Province, city, street, no.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Send</translation>
        </message>
    </context>
    <context>
        <name>MailRefusal</name>
        <message>
            <source>The recipient's name is missing.</source>
            <translation>The recipient's name is missing.</translation>
        </message>
        <message>
            <source>Write the name of the person who receives the certificate.</source>
            <translation>Write the name of the person who receives the certificate.</translation>
        </message>
        <message>
            <source>The phone number is not right.</source>
            <translation>The phone number is not right.</translation>
        </message>
        <message>
            <source>Type the recipient's phone number again: 7 to 20 digits.</source>
            <translation>Type the recipient's phone number again: 7 to 20 digits.</translation>
        </message>
        <message>
            <source>The postal address is too short.</source>
            <translation>The postal address is too short.</translation>
        </message>
        <message>
            <source>Write the full address: province, city, district, street and number.</source>
            <translation>Write the full address: province, city, district, street and number.</translation>
        </message>
        <message>
            <source>The ID number typed is not a holder of this unit.</source>
            <translation>The ID number typed is not a holder of this unit.</translation>
        </message>
        <message>
            <source>Compare it with the ID card, or choose Agent and type the authorisation number.</source>
            <translation>Compare it with the ID card, or choose Agent and type the authorisation number.</translation>
        </message>
        <message>
            <source>This unit's certificate is not recorded yet.</source>
            <translation>This unit's certificate is not recorded yet.</translation>
        </message>
        <message>
            <source>Mailing can be asked for once the registration is recorded.</source>
            <translation>Mailing can be asked for once the registration is recorded.</translation>
        </message>
        <message>
            <source>This unit's certificate can no longer be mailed: it is bound at a handover, or its mailing was already asked for.</source>
            <translation>This unit's certificate can no longer be mailed: it is bound at a handover, or its mailing was already asked for.</translation>
        </message>
        <message>
            <source>Choose a unit from the list of certificates that may be mailed.</source>
            <translation>Choose a unit from the list of certificates that may be mailed.</translation>
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
            <source>Open it; a contract, even a draft, is corrected as a new version.</source>
            <translation>Open it; a contract, even a draft, is corrected as a new version.</translation>
        </message>
        <message>
            <source>The scanner sent something that is not readable text.</source>
            <translation>The scanner sent something that is not readable text.</translation>
        </message>
        <message>
            <source>Ask the technician to set the scanner's output to UTF-8, then scan again.</source>
            <translation>Ask the technician to set the scanner's output to UTF-8, then scan again.</translation>
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
            <source>Staff accounts are real: a training session does not change them.</source>
            <translation>Staff accounts are real: a training session does not change them.</translation>
        </message>
        <message>
            <source>End the training session and do this in a real one.</source>
            <translation>End the training session and do this in a real one.</translation>
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
        <message>
            <source>{title}: {action}</source>
            <translation>{title}: {action}</translation>
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
