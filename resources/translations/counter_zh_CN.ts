<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>Type it again carefully: after several wrong PINs in a row the account is locked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This staff account is locked after repeated wrong PINs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wait until the lock ends, or ask a supervisor.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your work certification (持证上岗) has expired.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Renew the certification before working at the counter; ask a supervisor.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no staff member with this number on this kiosk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the number, or ask a supervisor to sync the roster.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This staff account is deactivated.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ask a supervisor.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only a supervisor may do this.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ask a supervisor to enter their staff number and PIN.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A written reason is needed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write in a sentence why the case may proceed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This person is not a holder of this unit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only the buyers on the contract, or their authorised agent, can take over the unit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The agent's authorisation number is missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the number of the notarised authorisation (授权委托书).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The master data on this kiosk is too old to start a new handover.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connect the kiosk so it can sync, then start again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This unit already has a handover in progress.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Continue that handover from the queue.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not every buyer has signed both papers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Each buyer present signs the handover confirmation and the certificate receipt.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This certificate paper belongs to another case.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take the paper of this unit and scan it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is the wrong certificate paper for this unit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare the serial with the registration and scan the right paper.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This certificate serial is already used.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the paper; a spoiled paper is voided by a supervisor.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This certificate serial is not in this service point's stock.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the serial, or ask a supervisor to record the stock.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no blank certificate paper in stock.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ask a supervisor to record new stock, or bind a pre-printed certificate.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The ID number's last character does not match.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare the number with the ID card and type it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An old 15-digit ID number cannot be used.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ask for the current 18-digit ID card.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This step cannot be done now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go back to the queue and open the handover again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HandoverScreen</name>
        <message>
            <source>Agent {agent} for {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Handover with certificate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back to the queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start the handover</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Identify every holder: the ID card on the reader, the e-ID QR code at the scanner, or the number typed on the keypad.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read the ID card</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scan the e-ID QR code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Identify the typed number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An agent comes for absent holders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the agent's ID number on the keypad, the number of the notarised authorisation (授权委托书), and tick whom the agent represents.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Authorisation number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record the agent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next: the checks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run the checks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Supervisor override for the restricted developer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The supervisor enters their staff number and PIN and writes why this unit may be handed over. It is recorded and reported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Supervisor's staff number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Supervisor's PIN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Written reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allow this unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bind the typed serial</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scan the certificate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print on blank certificate stock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Serial printed on the certificate paper</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print the receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Continue without the paper receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The keys are handed over</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirm the delivery</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Identify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Certificate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deliver</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Handover with certificate: {unit}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hand the keys to the buyer, then confirm here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Everything is done. Confirm the delivery: the checks run once more and the case is closed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delivered. Keys and certificate {number} are handed over.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading the case…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{project}, building {building}, room {room}
Holders: {holders}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>present</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>represented by the agent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not yet identified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Agent {agent}, authorisation {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>✔ passed: {what}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>✘ failed: {what}
    next: {todo}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Represents {name} {id}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recording the signatures…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the handover confirmation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the certificate receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Please turn the screen to the buyer. Buyer, please sign: {paper}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signature {n} of {total}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Certificate number: {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pre-printed paper expected, serial {serial}: scan or type it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No paper is pre-printed: print on blank stock, or scan or type the serial of the paper used.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No receipt printer is configured. The receipt stays queued; call the technician.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The receipt is queued but not printed: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print the handover receipt with the e-certificate QR code for the buyer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The receipt did not print: {error}. Fix the printer and print again; the receipt stays queued.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The receipt is printed.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QueueScreen</name>
        <message>
            <source>Handover counter: cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scan a code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Previous page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unit code, certificate number or ID number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type at least 4 characters of a unit code or certificate number, or a whole ID number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ready for handover ({n})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In a handover ({n})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blocked: {label} ({n})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading the cases…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search: {text}. </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{ready} ready, {busy} in a handover, {blocked} blocked, {delivered} delivered.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No case matches. Check what was typed, or show all cases.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start handover</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Continue handover</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RefusalPanel</name>
        <message>
            <source>The kiosk refused this step.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read the line below to the supervisor, or call the technician.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The device or the kiosk did not answer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try again; if it happens again, call the technician.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The PIN is wrong.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StaffKeypad</name>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StaffLoginScreen</name>
        <message>
            <source>Staff login</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Staff number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PIN (6 to 12 digits)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The keypad types the PIN. Tap the staff number to change it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The keypad types the staff number. Tap the PIN field next.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking…</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
