<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>CallStaffPanel</name>
        <message>
            <source>Please wait here: a staff member is coming to help you.</source>
            <translation>Please wait here: a staff member is coming to help you.</translation>
        </message>
        <message>
            <source>If nobody comes within a few minutes, please go to the service desk.</source>
            <translation>If nobody comes within a few minutes, please go to the service desk.</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>DemoPanel</name>
        <message>
            <source>Contract waiting for signatures</source>
            <translation>Contract waiting for signatures</translation>
        </message>
        <message>
            <source>Contract filed, payment due</source>
            <translation>Contract filed, payment due</translation>
        </message>
        <message>
            <source>Registered, keys not ready yet</source>
            <translation>Registered, keys not ready yet</translation>
        </message>
        <message>
            <source>Ready for handover at the counter</source>
            <translation>Ready for handover at the counter</translation>
        </message>
        <message>
            <source>Handover started: papers to sign</source>
            <translation>Handover started: papers to sign</translation>
        </message>
        <message>
            <source>Delivered: certificate issued</source>
            <translation>Delivered: certificate issued</translation>
        </message>
        <message>
            <source>The platform filed the contract.</source>
            <translation>The platform filed the contract.</translation>
        </message>
        <message>
            <source>The buyer paid with the code; the bank confirmed every item.</source>
            <translation>The buyer paid with the code; the bank confirmed every item.</translation>
        </message>
        <message>
            <source>The registration office recorded the certificate number.</source>
            <translation>The registration office recorded the certificate number.</translation>
        </message>
        <message>
            <source>The developer marked the keys ready: go to the counter.</source>
            <translation>The developer marked the keys ready: go to the counter.</translation>
        </message>
        <message>
            <source>First the buyers sign the contract at the kiosk.</source>
            <translation>First the buyers sign the contract at the kiosk.</translation>
        </message>
        <message>
            <source>First open the payment code on the kiosk's pay screen.</source>
            <translation>First open the payment code on the kiosk's pay screen.</translation>
        </message>
        <message>
            <source>Nothing outside is left: the handover is at the counter.</source>
            <translation>Nothing outside is left: the handover is at the counter.</translation>
        </message>
        <message>
            <source>Not possible: {error}</source>
            <translation>Not possible: {error}</translation>
        </message>
        <message>
            <source>Counter staff</source>
            <translation>Counter staff</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <source>Technician (closes the demo)</source>
            <translation>Technician (closes the demo)</translation>
        </message>
        <message>
            <source>Demo: simulated card reader and camera</source>
            <translation>Demo: simulated card reader and camera</translation>
        </message>
        <message>
            <source>Simulated devices</source>
            <translation>Simulated devices</translation>
        </message>
        <message>
            <source>Play a sample buyer when the kiosk asks; "Outside step" plays the platform, the bank and the developer.</source>
            <translation>Play a sample buyer when the kiosk asks; "Outside step" plays the platform, the bank and the developer.</translation>
        </message>
        <message>
            <source>Remove card</source>
            <translation>Remove card</translation>
        </message>
        <message>
            <source>Take QR away</source>
            <translation>Take QR away</translation>
        </message>
        <message>
            <source>Sign-in at the kiosk's staff entry (number or ID card, then the PIN):</source>
            <translation>Sign-in at the kiosk's staff entry (number or ID card, then the PIN):</translation>
        </message>
        <message>
            <source>{role}: number {staff_id}, PIN {pin}</source>
            <translation>{role}: number {staff_id}, PIN {pin}</translation>
        </message>
        <message>
            <source>Place a staff member's ID card on the reader:</source>
            <translation>Place a staff member's ID card on the reader:</translation>
        </message>
        <message>
            <source>The card reader is not simulated.</source>
            <translation>The card reader is not simulated.</translation>
        </message>
        <message>
            <source>On the reader: {name}</source>
            <translation>On the reader: {name}</translation>
        </message>
        <message>
            <source>No card on the reader.</source>
            <translation>No card on the reader.</translation>
        </message>
        <message>
            <source>The camera is not simulated.</source>
            <translation>The camera is not simulated.</translation>
        </message>
        <message>
            <source>The camera sees the QR code of {name}</source>
            <translation>The camera sees the QR code of {name}</translation>
        </message>
        <message>
            <source>Nothing in front of the camera.</source>
            <translation>Nothing in front of the camera.</translation>
        </message>
    </context>
    <context>
        <name>FaultPanel</name>
        <message>
            <source>Something went wrong with the system. Please ask a staff member.</source>
            <translation>Something went wrong with the system. Please ask a staff member.</translation>
        </message>
        <message>
            <source>Your details have been cleared from the screen. You can start again when staff have checked the terminal.</source>
            <translation>Your details have been cleared from the screen. You can start again when staff have checked the terminal.</translation>
        </message>
        <message>
            <source>Back to the start</source>
            <translation>Back to the start</translation>
        </message>
    </context>
    <context>
        <name>Header</name>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>Large text</source>
            <translation>Large text</translation>
        </message>
        <message>
            <source>Call staff</source>
            <translation>Call staff</translation>
        </message>
        <message>
            <source>Contrast</source>
            <translation>Contrast</translation>
        </message>
        <message>
            <source>Volume ●○○</source>
            <translation>Volume ●○○</translation>
        </message>
        <message>
            <source>Large
text</source>
            <translation>Large
text</translation>
        </message>
        <message>
            <source>Call
staff</source>
            <translation>Call
staff</translation>
        </message>
        <message>
            <source>Volume
●○○</source>
            <translation>Volume
●○○</translation>
        </message>
        <message>
            <source>Volume
●●○</source>
            <translation>Volume
●●○</translation>
        </message>
        <message>
            <source>Volume
●●●</source>
            <translation>Volume
●●●</translation>
        </message>
        <message>
            <source>Volume ●●○</source>
            <translation>Volume ●●○</translation>
        </message>
        <message>
            <source>Volume ●●●</source>
            <translation>Volume ●●●</translation>
        </message>
        <message>
            <source>Repeat</source>
            <translation>Repeat</translation>
        </message>
    </context>
    <context>
        <name>HeaderCompact</name>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
    </context>
    <context>
        <name>PersonRow</name>
        <message>
            <source>Place ID card</source>
            <translation>Place ID card</translation>
        </message>
        <message>
            <source>Show QR</source>
            <translation>Show QR</translation>
        </message>
        <message>
            <source>Outside step</source>
            <translation>Outside step</translation>
        </message>
    </context>
    <context>
        <name>ReachBand</name>
        <message>
            <source>Jia County: keys and certificate together</source>
            <translation>Jia County: keys and certificate together</translation>
        </message>
    </context>
    <context>
        <name>StaffStatusStrip</name>
        <message>
            <source>Sync: checking…</source>
            <translation>Sync: checking…</translation>
        </message>
        <message>
            <source>✓ Online</source>
            <translation>✓ Online</translation>
        </message>
        <message>
            <source>✗ Offline</source>
            <translation>✗ Offline</translation>
        </message>
        <message>
            <source>To sync: {count}</source>
            <translation>To sync: {count}</translation>
        </message>
        <message>
            <source>Last sync: {time}</source>
            <translation>Last sync: {time}</translation>
        </message>
        <message>
            <source>Last sync: never</source>
            <translation>Last sync: never</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>Printer</translation>
        </message>
        <message>
            <source>Reader</source>
            <translation>Reader</translation>
        </message>
        <message>
            <source>{name} ({role})</source>
            <translation>{name} ({role})</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Nobody logged in</source>
            <translation>Nobody logged in</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Sign out</translation>
        </message>
        <message>
            <source>{device}: checking…</source>
            <translation>{device}: checking…</translation>
        </message>
        <message>
            <source>{device}: not installed</source>
            <translation>{device}: not installed</translation>
        </message>
        <message>
            <source>{device}: ✓ ready</source>
            <translation>{device}: ✓ ready</translation>
        </message>
        <message>
            <source>{device}: ✗ fault</source>
            <translation>{device}: ✗ fault</translation>
        </message>
    </context>
    <context>
        <name>TechnicianScreen</name>
        <message>
            <source>Maintenance</source>
            <translation>Maintenance</translation>
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
            <source>Log in</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>Close the kiosk app</source>
            <translation>Close the kiosk app</translation>
        </message>
        <message>
            <source>Diagnostics</source>
            <translation>Diagnostics</translation>
        </message>
        <message>
            <source>Devices</source>
            <translation>Devices</translation>
        </message>
        <message>
            <source>Enroll</source>
            <translation>Enroll</translation>
        </message>
        <message>
            <source>Decommission</source>
            <translation>Decommission</translation>
        </message>
        <message>
            <source>Closing the app leaves this terminal without its screens until it is started again.</source>
            <translation>Closing the app leaves this terminal without its screens until it is started again.</translation>
        </message>
        <message>
            <source>Only a technician can close the kiosk app. Log in with your own staff number and PIN.</source>
            <translation>Only a technician can close the kiosk app. Log in with your own staff number and PIN.</translation>
        </message>
        <message>
            <source>Enter your staff number and PIN, then tap Log in.</source>
            <translation>Enter your staff number and PIN, then tap Log in.</translation>
        </message>
        <message>
            <source>This account is not a technician's. Ask a technician to close the app.</source>
            <translation>This account is not a technician's. Ask a technician to close the app.</translation>
        </message>
        <message>
            <source>This staff number is not on this kiosk. Check the number and try again.</source>
            <translation>This staff number is not on this kiosk. Check the number and try again.</translation>
        </message>
        <message>
            <source>The PIN is wrong. Try again; too many wrong PINs lock the account.</source>
            <translation>The PIN is wrong. Try again; too many wrong PINs lock the account.</translation>
        </message>
        <message>
            <source>This account is locked after wrong PINs. Wait, or ask a supervisor.</source>
            <translation>This account is locked after wrong PINs. Wait, or ask a supervisor.</translation>
        </message>
        <message>
            <source>This certification has expired. Renew it before working here.</source>
            <translation>This certification has expired. Renew it before working here.</translation>
        </message>
        <message>
            <source>This account is deactivated. Ask a supervisor.</source>
            <translation>This account is deactivated. Ask a supervisor.</translation>
        </message>
        <message>
            <source>Login refused. Ask a supervisor.</source>
            <translation>Login refused. Ask a supervisor.</translation>
        </message>
    </context>
    <context>
        <name>TrainingBanner</name>
        <message>
            <source>Training mode: practice data only, nothing here is real</source>
            <translation>Training mode: practice data only, nothing here is real</translation>
        </message>
    </context>
    <context>
        <name>WaitPanel</name>
        <message>
            <source>One moment please: the terminal is getting ready.</source>
            <translation>One moment please: the terminal is getting ready.</translation>
        </message>
        <message>
            <source>The next screen opens by itself in a moment.</source>
            <translation>The next screen opens by itself in a moment.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>WelcomeScreen</name>
        <message>
            <source>Keys and certificate together</source>
            <translation>Keys and certificate together</translation>
        </message>
        <message>
            <source>At this terminal you sign for your new home, pay the fees, and collect your keys together with your property certificate.</source>
            <translation>At this terminal you sign for your new home, pay the fees, and collect your keys together with your property certificate.</translation>
        </message>
        <message>
            <source>Please have your ID card ready.</source>
            <translation>Please have your ID card ready.</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>A+ Large text</source>
            <translation>A+ Large text</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Staff</translation>
        </message>
    </context>
</TS>
