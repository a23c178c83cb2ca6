<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>HandoverScreen</name>
        <message>
            <source>Agent {agent} for {name}</source>
            <translation>Agent {agent} for {name}</translation>
        </message>
        <message>
            <source>Handover with certificate</source>
            <translation>Handover with certificate</translation>
        </message>
        <message>
            <source>Back to the queue</source>
            <translation>Back to the queue</translation>
        </message>
        <message>
            <source>Start the handover</source>
            <translation>Start the handover</translation>
        </message>
        <message>
            <source>Identify every holder: the ID card on the reader, the e-ID QR code at the scanner, or the number typed on the keypad.</source>
            <translation>Identify every holder: the ID card on the reader, the e-ID QR code at the scanner, or the number typed on the keypad.</translation>
        </message>
        <message>
            <source>Identify the typed number</source>
            <translation>Identify the typed number</translation>
        </message>
        <message>
            <source>The supervisor's own number and PIN, and why this unit may proceed. It is recorded and reported.</source>
            <translation>The supervisor's own number and PIN, and why this unit may proceed. It is recorded and reported.</translation>
        </message>
        <message>
            <source>Handover with certificate, unit {unit}</source>
            <translation>Handover with certificate, unit {unit}</translation>
        </message>
        <message>
            <source>For {name} {id}</source>
            <translation>For {name} {id}</translation>
        </message>
        <message>
            <source>The agent's ID number</source>
            <translation>The agent's ID number</translation>
        </message>
        <message>
            <source>A holder's ID number</source>
            <translation>A holder's ID number</translation>
        </message>
        <message>
            <source>Back to identifying the holders</source>
            <translation>Back to identifying the holders</translation>
        </message>
        <message>
            <source>An agent comes for absent holders</source>
            <translation>An agent comes for absent holders</translation>
        </message>
        <message>
            <source>The agent's ID number on the keypad; the authorisation (授权委托书) number here.</source>
            <translation>The agent's ID number on the keypad; the authorisation (授权委托书) number here.</translation>
        </message>
        <message>
            <source>The keypad types the supervisor's PIN.</source>
            <translation>The keypad types the supervisor's PIN.</translation>
        </message>
        <message>
            <source>The keypad types the supervisor's staff number. Tap the PIN field next.</source>
            <translation>The keypad types the supervisor's staff number. Tap the PIN field next.</translation>
        </message>
        <message>
            <source>Read ID card</source>
            <translation>Read ID card</translation>
        </message>
        <message>
            <source>Scan e-ID QR</source>
            <translation>Scan e-ID QR</translation>
        </message>
        <message>
            <source>Authorisation number</source>
            <translation>Authorisation number</translation>
        </message>
        <message>
            <source>Record the agent</source>
            <translation>Record the agent</translation>
        </message>
        <message>
            <source>Next: the checks</source>
            <translation>Next: the checks</translation>
        </message>
        <message>
            <source>Run the checks</source>
            <translation>Run the checks</translation>
        </message>
        <message>
            <source>Back to identification</source>
            <translation>Back to identification</translation>
        </message>
        <message>
            <source>Supervisor override for the restricted developer</source>
            <translation>Supervisor override for the restricted developer</translation>
        </message>
        <message>
            <source>Supervisor's staff number</source>
            <translation>Supervisor's staff number</translation>
        </message>
        <message>
            <source>Supervisor's PIN</source>
            <translation>Supervisor's PIN</translation>
        </message>
        <message>
            <source>Written reason</source>
            <translation>Written reason</translation>
        </message>
        <message>
            <source>Allow this unit</source>
            <translation>Allow this unit</translation>
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
            <source>Bind the typed serial</source>
            <translation>Bind the typed serial</translation>
        </message>
        <message>
            <source>Scan the certificate</source>
            <translation>Scan the certificate</translation>
        </message>
        <message>
            <source>Print on blank certificate stock</source>
            <translation>Print on blank certificate stock</translation>
        </message>
        <message>
            <source>Serial printed on the certificate paper</source>
            <translation>Serial printed on the certificate paper</translation>
        </message>
        <message>
            <source>Print the receipt</source>
            <translation>Print the receipt</translation>
        </message>
        <message>
            <source>Continue without the paper receipt</source>
            <translation>Continue without the paper receipt</translation>
        </message>
        <message>
            <source>The keys are handed over</source>
            <translation>The keys are handed over</translation>
        </message>
        <message>
            <source>Confirm the delivery</source>
            <translation>Confirm the delivery</translation>
        </message>
        <message>
            <source>Identify</source>
            <translation>Identify</translation>
        </message>
        <message>
            <source>Checks</source>
            <translation>Checks</translation>
        </message>
        <message>
            <source>Sign</source>
            <translation>Sign</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>Certificate</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Keys</translation>
        </message>
        <message>
            <source>Deliver</source>
            <translation>Deliver</translation>
        </message>
        <message>
            <source>Hand the keys to the buyer, then confirm here.</source>
            <translation>Hand the keys to the buyer, then confirm here.</translation>
        </message>
        <message>
            <source>Everything is done. Confirm the delivery: the checks run once more and the case is closed.</source>
            <translation>Everything is done. Confirm the delivery: the checks run once more and the case is closed.</translation>
        </message>
        <message>
            <source>Delivered. Keys and certificate {number} are handed over.</source>
            <translation>Delivered. Keys and certificate {number} are handed over.</translation>
        </message>
        <message>
            <source>Loading the case…</source>
            <translation>Loading the case…</translation>
        </message>
        <message>
            <source>{project}, building {building}, room {room}
Holders: {holders}</source>
            <translation>{project}, building {building}, room {room}
Holders: {holders}</translation>
        </message>
        <message>
            <source>present</source>
            <translation>present</translation>
        </message>
        <message>
            <source>represented by the agent</source>
            <translation>represented by the agent</translation>
        </message>
        <message>
            <source>not yet identified</source>
            <translation>not yet identified</translation>
        </message>
        <message>
            <source>{mark} {name} {id}: {state}</source>
            <translation>{mark} {name} {id}: {state}</translation>
        </message>
        <message>
            <source>Agent {agent}, authorisation {number}</source>
            <translation>Agent {agent}, authorisation {number}</translation>
        </message>
        <message>
            <source>✔ passed: {what}</source>
            <translation>✔ passed: {what}</translation>
        </message>
        <message>
            <source>✘ failed: {what}
    next: {todo}</source>
            <translation>✘ failed: {what}
    next: {todo}</translation>
        </message>
        <message>
            <source>the project is registered</source>
            <translation>the project is registered</translation>
        </message>
        <message>
            <source>the contract is filed</source>
            <translation>the contract is filed</translation>
        </message>
        <message>
            <source>every payment is confirmed</source>
            <translation>every payment is confirmed</translation>
        </message>
        <message>
            <source>the registration is recorded, with a certificate number</source>
            <translation>the registration is recorded, with a certificate number</translation>
        </message>
        <message>
            <source>the developer is not restricted</source>
            <translation>the developer is not restricted</translation>
        </message>
        <message>
            <source>the keys are ready</source>
            <translation>the keys are ready</translation>
        </message>
        <message>
            <source>every holder is present or represented</source>
            <translation>every holder is present or represented</translation>
        </message>
        <message>
            <source>Recording the signatures…</source>
            <translation>Recording the signatures…</translation>
        </message>
        <message>
            <source>the handover confirmation</source>
            <translation>the handover confirmation</translation>
        </message>
        <message>
            <source>the certificate receipt</source>
            <translation>the certificate receipt</translation>
        </message>
        <message>
            <source>Please turn the screen to the buyer. {signer}, please sign: {paper} ({n} of {total})</source>
            <translation>Please turn the screen to the buyer. {signer}, please sign: {paper} ({n} of {total})</translation>
        </message>
        <message>
            <source>Certificate number: {number}</source>
            <translation>Certificate number: {number}</translation>
        </message>
        <message>
            <source>Pre-printed paper expected, serial {serial}: scan or type it.</source>
            <translation>Pre-printed paper expected, serial {serial}: scan or type it.</translation>
        </message>
        <message>
            <source>No paper is pre-printed: print on blank stock, or scan or type the serial of the paper used.</source>
            <translation>No paper is pre-printed: print on blank stock, or scan or type the serial of the paper used.</translation>
        </message>
        <message>
            <source>No receipt printer is configured. The receipt stays queued; call the technician.</source>
            <translation>No receipt printer is configured. The receipt stays queued; call the technician.</translation>
        </message>
        <message>
            <source>The receipt is queued but not printed: {error}</source>
            <translation>The receipt is queued but not printed: {error}</translation>
        </message>
        <message>
            <source>Print the handover receipt with the e-certificate QR code for the buyer.</source>
            <translation>Print the handover receipt with the e-certificate QR code for the buyer.</translation>
        </message>
        <message>
            <source>The receipt did not print: {error}. Fix the printer and print again; the receipt stays queued.</source>
            <translation>The receipt did not print: {error}. Fix the printer and print again; the receipt stays queued.</translation>
        </message>
        <message>
            <source>The receipt is printed.</source>
            <translation>The receipt is printed.</translation>
        </message>
    </context>
    <context>
        <name>QueueScreen</name>
        <message>
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Scan a code</source>
            <translation>Scan a code</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>Show all</translation>
        </message>
        <message>
            <source>Back office</source>
            <translation>Back office</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>Previous page</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Next page</translation>
        </message>
        <message>
            <source>Unit code, certificate or ID number</source>
            <translation>Unit code, certificate or ID number</translation>
        </message>
        <message>
            <source>Ready for handover ({n})</source>
            <translation>Ready for handover ({n})</translation>
        </message>
        <message>
            <source>In a handover ({n})</source>
            <translation>In a handover ({n})</translation>
        </message>
        <message>
            <source>Blocked: {label} ({n})</source>
            <translation>Blocked: {label} ({n})</translation>
        </message>
        <message>
            <source>project not yet registered</source>
            <translation>project not yet registered</translation>
        </message>
        <message>
            <source>contract not filed</source>
            <translation>contract not filed</translation>
        </message>
        <message>
            <source>payment not confirmed</source>
            <translation>payment not confirmed</translation>
        </message>
        <message>
            <source>not registered (no certificate number)</source>
            <translation>not registered (no certificate number)</translation>
        </message>
        <message>
            <source>developer restricted</source>
            <translation>developer restricted</translation>
        </message>
        <message>
            <source>keys not ready</source>
            <translation>keys not ready</translation>
        </message>
        <message>
            <source>holders missing</source>
            <translation>holders missing</translation>
        </message>
        <message>
            <source>Loading the cases…</source>
            <translation>Loading the cases…</translation>
        </message>
        <message>
            <source>Search: {text}. </source>
            <translation>Search: {text}. </translation>
        </message>
        <message>
            <source>{ready} ready, {busy} in a handover, {blocked} blocked, {delivered} delivered.</source>
            <translation>{ready} ready, {busy} in a handover, {blocked} blocked, {delivered} delivered.</translation>
        </message>
        <message>
            <source>No case matches. Type at least 4 characters of a unit code or certificate number, or a whole ID number; or show all cases.</source>
            <translation>No case matches. Type at least 4 characters of a unit code or certificate number, or a whole ID number; or show all cases.</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>Page {page} of {pages}</translation>
        </message>
        <message>
            <source>Start handover</source>
            <translation>Start handover</translation>
        </message>
        <message>
            <source>Continue handover</source>
            <translation>Continue handover</translation>
        </message>
    </context>
    <context>
        <name>RefusalPanel</name>
        <message>
            <source>The kiosk refused this step.</source>
            <translation>The kiosk refused this step.</translation>
        </message>
        <message>
            <source>Read the line below to the supervisor, or call the technician.</source>
            <translation>Read the line below to the supervisor, or call the technician.</translation>
        </message>
        <message>
            <source>The device or the kiosk did not answer.</source>
            <translation>The device or the kiosk did not answer.</translation>
        </message>
        <message>
            <source>Try again; if it happens again, call the technician.</source>
            <translation>Try again; if it happens again, call the technician.</translation>
        </message>
        <message>
            <source>The PIN is wrong.</source>
            <translation>The PIN is wrong.</translation>
        </message>
        <message>
            <source>Type it again carefully: after several wrong PINs in a row the account is locked.</source>
            <translation>Type it again carefully: after several wrong PINs in a row the account is locked.</translation>
        </message>
        <message>
            <source>This staff account is locked after repeated wrong PINs.</source>
            <translation>This staff account is locked after repeated wrong PINs.</translation>
        </message>
        <message>
            <source>Wait until the lock ends, or ask a supervisor.</source>
            <translation>Wait until the lock ends, or ask a supervisor.</translation>
        </message>
        <message>
            <source>Your work certification (持证上岗) has expired.</source>
            <translation>Your work certification (持证上岗) has expired.</translation>
        </message>
        <message>
            <source>Renew the certification first; ask a supervisor.</source>
            <translation>Renew the certification first; ask a supervisor.</translation>
        </message>
        <message>
            <source>There is no staff member with this number on this kiosk.</source>
            <translation>There is no staff member with this number on this kiosk.</translation>
        </message>
        <message>
            <source>Check the number, or ask a supervisor to sync the roster.</source>
            <translation>Check the number, or ask a supervisor to sync the roster.</translation>
        </message>
        <message>
            <source>This staff account is deactivated.</source>
            <translation>This staff account is deactivated.</translation>
        </message>
        <message>
            <source>Ask a supervisor.</source>
            <translation>Ask a supervisor.</translation>
        </message>
        <message>
            <source>This staff member has no PIN on this kiosk yet (added at another kiosk).</source>
            <translation>This staff member has no PIN on this kiosk yet (added at another kiosk).</translation>
        </message>
        <message>
            <source>Ask a supervisor to set your PIN here with Reset PIN.</source>
            <translation>Ask a supervisor to set your PIN here with Reset PIN.</translation>
        </message>
        <message>
            <source>This ID card is not on this kiosk's staff roster.</source>
            <translation>This ID card is not on this kiosk's staff roster.</translation>
        </message>
        <message>
            <source>Log in with your staff number, or ask a supervisor to sync the roster.</source>
            <translation>Log in with your staff number, or ask a supervisor to sync the roster.</translation>
        </message>
        <message>
            <source>This is a buyer's ID card, not a staff member's.</source>
            <translation>This is a buyer's ID card, not a staff member's.</translation>
        </message>
        <message>
            <source>Use your own card or staff number.</source>
            <translation>Use your own card or staff number.</translation>
        </message>
        <message>
            <source>No ID card was read.</source>
            <translation>No ID card was read.</translation>
        </message>
        <message>
            <source>Place the card flat on the reader and try again.</source>
            <translation>Place the card flat on the reader and try again.</translation>
        </message>
        <message>
            <source>The card was moved while it was being read.</source>
            <translation>The card was moved while it was being read.</translation>
        </message>
        <message>
            <source>Place it again and hold it still.</source>
            <translation>Place it again and hold it still.</translation>
        </message>
        <message>
            <source>Only a supervisor may do this.</source>
            <translation>Only a supervisor may do this.</translation>
        </message>
        <message>
            <source>Ask a supervisor to enter their staff number and PIN.</source>
            <translation>Ask a supervisor to enter their staff number and PIN.</translation>
        </message>
        <message>
            <source>A written reason is needed.</source>
            <translation>A written reason is needed.</translation>
        </message>
        <message>
            <source>Write in a sentence why the case may proceed.</source>
            <translation>Write in a sentence why the case may proceed.</translation>
        </message>
        <message>
            <source>This person is not a holder of this unit.</source>
            <translation>This person is not a holder of this unit.</translation>
        </message>
        <message>
            <source>Only the buyers on the contract, or their authorised agent, can take over the unit.</source>
            <translation>Only the buyers on the contract, or their authorised agent, can take over the unit.</translation>
        </message>
        <message>
            <source>The agent's authorisation number is missing.</source>
            <translation>The agent's authorisation number is missing.</translation>
        </message>
        <message>
            <source>Type the number of the notarised authorisation (授权委托书).</source>
            <translation>Type the number of the notarised authorisation (授权委托书).</translation>
        </message>
        <message>
            <source>The master data on this kiosk is too old to start a new handover.</source>
            <translation>The master data on this kiosk is too old to start a new handover.</translation>
        </message>
        <message>
            <source>Connect the kiosk so it can sync, then start again.</source>
            <translation>Connect the kiosk so it can sync, then start again.</translation>
        </message>
        <message>
            <source>This unit already has a handover in progress.</source>
            <translation>This unit already has a handover in progress.</translation>
        </message>
        <message>
            <source>Continue that handover from the queue.</source>
            <translation>Continue that handover from the queue.</translation>
        </message>
        <message>
            <source>Not every buyer has signed both papers.</source>
            <translation>Not every buyer has signed both papers.</translation>
        </message>
        <message>
            <source>Each buyer present signs the handover confirmation and the certificate receipt.</source>
            <translation>Each buyer present signs the handover confirmation and the certificate receipt.</translation>
        </message>
        <message>
            <source>This certificate paper belongs to another case.</source>
            <translation>This certificate paper belongs to another case.</translation>
        </message>
        <message>
            <source>Take the paper of this unit and scan it again.</source>
            <translation>Take the paper of this unit and scan it again.</translation>
        </message>
        <message>
            <source>This is the wrong certificate paper for this unit.</source>
            <translation>This is the wrong certificate paper for this unit.</translation>
        </message>
        <message>
            <source>Compare the serial with the registration and scan the right paper.</source>
            <translation>Compare the serial with the registration and scan the right paper.</translation>
        </message>
        <message>
            <source>This certificate serial is already used.</source>
            <translation>This certificate serial is already used.</translation>
        </message>
        <message>
            <source>Check the paper; a spoiled paper is voided by a supervisor.</source>
            <translation>Check the paper; a spoiled paper is voided by a supervisor.</translation>
        </message>
        <message>
            <source>This certificate serial is not in this service point's stock.</source>
            <translation>This certificate serial is not in this service point's stock.</translation>
        </message>
        <message>
            <source>Check the serial, or ask a supervisor to record the stock.</source>
            <translation>Check the serial, or ask a supervisor to record the stock.</translation>
        </message>
        <message>
            <source>There is no blank certificate paper in stock.</source>
            <translation>There is no blank certificate paper in stock.</translation>
        </message>
        <message>
            <source>Ask a supervisor to record new stock, or bind a pre-printed certificate.</source>
            <translation>Ask a supervisor to record new stock, or bind a pre-printed certificate.</translation>
        </message>
        <message>
            <source>The ID number's last character does not match.</source>
            <translation>The ID number's last character does not match.</translation>
        </message>
        <message>
            <source>Compare the number with the ID card and type it again.</source>
            <translation>Compare the number with the ID card and type it again.</translation>
        </message>
        <message>
            <source>An old 15-digit ID number cannot be used.</source>
            <translation>An old 15-digit ID number cannot be used.</translation>
        </message>
        <message>
            <source>Ask for the current 18-digit ID card.</source>
            <translation>Ask for the current 18-digit ID card.</translation>
        </message>
        <message>
            <source>This step cannot be done now.</source>
            <translation>This step cannot be done now.</translation>
        </message>
        <message>
            <source>Go back to the queue and open the handover again.</source>
            <translation>Go back to the queue and open the handover again.</translation>
        </message>
    </context>
    <context>
        <name>StaffKeypad</name>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
    </context>
    <context>
        <name>StaffLoginScreen</name>
        <message>
            <source>Staff login</source>
            <translation>Staff login</translation>
        </message>
        <message>
            <source>Use my ID card</source>
            <translation>Use my ID card</translation>
        </message>
        <message>
            <source>Staff number</source>
            <translation>Staff number</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>Place your ID card on the reader now.</source>
            <translation>Place your ID card on the reader now.</translation>
        </message>
        <message>
            <source>ID card of {name}. The keypad types your PIN (6 to 12 digits).</source>
            <translation>ID card of {name}. The keypad types your PIN (6 to 12 digits).</translation>
        </message>
        <message>
            <source>The keypad types the PIN (6 to 12 digits). Tap the staff number to change it.</source>
            <translation>The keypad types the PIN (6 to 12 digits). Tap the staff number to change it.</translation>
        </message>
        <message>
            <source>The keypad types the staff number, or use your ID card. Tap the PIN field next.</source>
            <translation>The keypad types the staff number, or use your ID card. Tap the PIN field next.</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
    </context>
</TS>
