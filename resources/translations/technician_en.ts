<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>DecommissionScreen</name>
        <message>
            <source>New records were written after the export. Export them to the USB stick again, or sync now.</source>
            <translation>New records were written after the export. Export them to the USB stick again, or sync now.</translation>
        </message>
        <message>
            <source>The USB stick is gone. Plug it in again, tap Look again and choose it.</source>
            <translation>The USB stick is gone. Plug it in again, tap Look again and choose it.</translation>
        </message>
        <message>
            <source>The sync agent is sending right now. Wait a minute and watch the count above fall, or export to a USB stick.</source>
            <translation>The sync agent is sending right now. Wait a minute and watch the count above fall, or export to a USB stick.</translation>
        </message>
        <message>
            <source>This app cannot reach the sync layer. Decommission from the command line: kiosk decommission.</source>
            <translation>This app cannot reach the sync layer. Decommission from the command line: kiosk decommission.</translation>
        </message>
        <message>
            <source>Only a technician can decommission this kiosk. Log in again.</source>
            <translation>Only a technician can decommission this kiosk. Log in again.</translation>
        </message>
        <message>
            <source>Decommission</source>
            <translation>Decommission</translation>
        </message>
        <message>
            <source>Only a technician can decommission the kiosk. Log in on the maintenance screen first.</source>
            <translation>Only a technician can decommission the kiosk. Log in on the maintenance screen first.</translation>
        </message>
        <message>
            <source>✔ Decommissioned</source>
            <translation>✔ Decommissioned</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>not enrolled</source>
            <translation>not enrolled</translation>
        </message>
        <message>
            <source>Device {device} · {pending} records not at the county yet · {quarantined} quarantined</source>
            <translation>Device {device} · {pending} records not at the county yet · {quarantined} quarantined</translation>
        </message>
        <message>
            <source> {records} records went to the county on the USB stick.</source>
            <translation> {records} records went to the county on the USB stick.</translation>
        </message>
        <message>
            <source>✔ This kiosk was decommissioned at {at} by {by}: its enrollment and device keys are removed and its data key is wiped.{left} The data can no longer be read. Close the app now; it will not open this data again.</source>
            <translation>✔ This kiosk was decommissioned at {at} by {by}: its enrollment and device keys are removed and its data key is wiped.{left} The data can no longer be read. Close the app now; it will not open this data again.</translation>
        </message>
        <message>
            <source>Sync now, or write them to a USB stick for the county.</source>
            <translation>Sync now, or write them to a USB stick for the county.</translation>
        </message>
        <message>
            <source>This is a training session: its practice data is never handed on and the kiosk is not decommissioned from it. Start the app without training to decommission.</source>
            <translation>This is a training session: its practice data is never handed on and the kiosk is not decommissioned from it. Start the app without training to decommission.</translation>
        </message>
        <message>
            <source>✖ Sync failed [{codes}]: check the network, or export to a USB stick.</source>
            <translation>✖ Sync failed [{codes}]: check the network, or export to a USB stick.</translation>
        </message>
        <message>
            <source>Removes the keys and wipes the data key for good.</source>
            <translation>Removes the keys and wipes the data key for good.</translation>
        </message>
        <message>
            <source>Close the kiosk app</source>
            <translation>Close the kiosk app</translation>
        </message>
        <message>
            <source>1. Hand the records on</source>
            <translation>1. Hand the records on</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Syncing…</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>Writing…</translation>
        </message>
        <message>
            <source>Export to USB stick</source>
            <translation>Export to USB stick</translation>
        </message>
        <message>
            <source>✔ The county has every record of this kiosk.</source>
            <translation>✔ The county has every record of this kiosk.</translation>
        </message>
        <message>
            <source>✔ {records} records are on the USB stick {stick}. Hand the stick to the county for import.</source>
            <translation>✔ {records} records are on the USB stick {stick}. Hand the stick to the county for import.</translation>
        </message>
        <message>
            <source>✖ This kiosk is not enrolled, so its {pending} records cannot be sent or sealed. Enroll it first.</source>
            <translation>✖ This kiosk is not enrolled, so its {pending} records cannot be sent or sealed. Enroll it first.</translation>
        </message>
        <message>
            <source>Sent {pushed}; {pending} still wait. Sync again, or export them.</source>
            <translation>Sent {pushed}; {pending} still wait. Sync again, or export them.</translation>
        </message>
        <message>
            <source>2. Revoke and wipe</source>
            <translation>2. Revoke and wipe</translation>
        </message>
        <message>
            <source>Wiping…</source>
            <translation>Wiping…</translation>
        </message>
        <message>
            <source>Hold 3 seconds to decommission</source>
            <translation>Hold 3 seconds to decommission</translation>
        </message>
        <message>
            <source>Locked in a training session.</source>
            <translation>Locked in a training session.</translation>
        </message>
        <message>
            <source>Locked: hand the {pending} records on first (step 1).</source>
            <translation>Locked: hand the {pending} records on first (step 1).</translation>
        </message>
        <message>
            <source>Keep your finger on the button until it is full; letting go early stops it.</source>
            <translation>Keep your finger on the button until it is full; letting go early stops it.</translation>
        </message>
    </context>
    <context>
        <name>DeviceTestsScreen</name>
        <message>
            <source>Device tests</source>
            <translation>Device tests</translation>
        </message>
        <message>
            <source>Only a technician can test the devices. Log in on the maintenance screen first.</source>
            <translation>Only a technician can test the devices. Log in on the maintenance screen first.</translation>
        </message>
        <message>
            <source>ID card reader</source>
            <translation>ID card reader</translation>
        </message>
        <message>
            <source>Receipt printer</source>
            <translation>Receipt printer</translation>
        </message>
        <message>
            <source>A4 printer</source>
            <translation>A4 printer</translation>
        </message>
        <message>
            <source>Waiting for a card…</source>
            <translation>Waiting for a card…</translation>
        </message>
        <message>
            <source>Read a card</source>
            <translation>Read a card</translation>
        </message>
        <message>
            <source>Check status</source>
            <translation>Check status</translation>
        </message>
        <message>
            <source>Test receipt</source>
            <translation>Test receipt</translation>
        </message>
        <message>
            <source>Test page</source>
            <translation>Test page</translation>
        </message>
        <message>
            <source>Calibration page</source>
            <translation>Calibration page</translation>
        </message>
        <message>
            <source>Right</source>
            <translation>Right</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>Down</translation>
        </message>
        <message>
            <source>{mm} mm</source>
            <translation>{mm} mm</translation>
        </message>
        <message>
            <source>Save offsets</source>
            <translation>Save offsets</translation>
        </message>
        <message>
            <source>No camera is configured ([devices] camera in kiosk.toml).</source>
            <translation>No camera is configured ([devices] camera in kiosk.toml).</translation>
        </message>
        <message>
            <source>✖ The camera gives no picture [{code}]. Check its cable, then start it again.</source>
            <translation>✖ The camera gives no picture [{code}]. Check its cable, then start it again.</translation>
        </message>
        <message>
            <source>Camera stopped.</source>
            <translation>Camera stopped.</translation>
        </message>
        <message>
            <source>{fps} frames/s · ✔ code read: {code}</source>
            <translation>{fps} frames/s · ✔ code read: {code}</translation>
        </message>
        <message>
            <source>{fps} frames/s · hold a QR code up to the camera</source>
            <translation>{fps} frames/s · hold a QR code up to the camera</translation>
        </message>
        <message>
            <source>Stop the camera</source>
            <translation>Stop the camera</translation>
        </message>
        <message>
            <source>Start the camera</source>
            <translation>Start the camera</translation>
        </message>
        <message>
            <source>✖ Not printed [{code}]: the printer is {state}.</source>
            <translation>✖ Not printed [{code}]: the printer is {state}.</translation>
        </message>
        <message>
            <source>✖ The device refused [{code}]: {reason}</source>
            <translation>✖ The device refused [{code}]: {reason}</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>Working…</translation>
        </message>
        <message>
            <source>Not fitted ([devices] in kiosk.toml).</source>
            <translation>Not fitted ([devices] in kiosk.toml).</translation>
        </message>
        <message>
            <source>✔ Card read: {number}</source>
            <translation>✔ Card read: {number}</translation>
        </message>
        <message>
            <source>✔ The calibration page went to {printer}. Lay it on a spoiled form and measure how far the crosses miss the marks.</source>
            <translation>✔ The calibration page went to {printer}. Lay it on a spoiled form and measure how far the crosses miss the marks.</translation>
        </message>
        <message>
            <source>✔ The test page went to {printer}. Check its edge lines, the 100 mm grid, the greys and the small text.</source>
            <translation>✔ The test page went to {printer}. Check its edge lines, the 100 mm grid, the greys and the small text.</translation>
        </message>
        <message>
            <source>✔ Offsets saved for {printer}: certificate pages print with them now.</source>
            <translation>✔ Offsets saved for {printer}: certificate pages print with them now.</translation>
        </message>
        <message>
            <source>ready</source>
            <translation>ready</translation>
        </message>
        <message>
            <source>out of paper: load a new roll, close the cover</source>
            <translation>out of paper: load a new roll, close the cover</translation>
        </message>
        <message>
            <source>the cover is open: close it</source>
            <translation>the cover is open: close it</translation>
        </message>
        <message>
            <source>offline: check its power and cable</source>
            <translation>offline: check its power and cable</translation>
        </message>
        <message>
            <source>reports an error: switch it off and on</source>
            <translation>reports an error: switch it off and on</translation>
        </message>
        <message>
            <source>its status cannot be read over this connection</source>
            <translation>its status cannot be read over this connection</translation>
        </message>
        <message>
            <source>, paper near its end</source>
            <translation>, paper near its end</translation>
        </message>
        <message>
            <source>✔ Test receipt printed. The printer is {state}.</source>
            <translation>✔ Test receipt printed. The printer is {state}.</translation>
        </message>
        <message>
            <source>✔ The printer is {state}.</source>
            <translation>✔ The printer is {state}.</translation>
        </message>
        <message>
            <source>✖ The printer is {state}.</source>
            <translation>✖ The printer is {state}.</translation>
        </message>
    </context>
    <context>
        <name>DevicesScreen</name>
        <message>
            <source>ID card reader</source>
            <translation>ID card reader</translation>
        </message>
        <message>
            <source>Receipt printer</source>
            <translation>Receipt printer</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Camera</translation>
        </message>
        <message>
            <source>Code scanner</source>
            <translation>Code scanner</translation>
        </message>
        <message>
            <source>A4 printer</source>
            <translation>A4 printer</translation>
        </message>
        <message>
            <source>Device addresses</source>
            <translation>Device addresses</translation>
        </message>
        <message>
            <source>Each device's address as kiosk.toml holds it. Leave a field empty for a device that is not fitted; sim:// is the simulator.</source>
            <translation>Each device's address as kiosk.toml holds it. Leave a field empty for a device that is not fitted; sim:// is the simulator.</translation>
        </message>
        <message>
            <source>Only a technician can change the devices. Log in on the maintenance screen first.</source>
            <translation>Only a technician can change the devices. Log in on the maintenance screen first.</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <source>Save to kiosk.toml</source>
            <translation>Save to kiosk.toml</translation>
        </message>
        <message>
            <source>Undo changes</source>
            <translation>Undo changes</translation>
        </message>
        <message>
            <source>Test the devices</source>
            <translation>Test the devices</translation>
        </message>
        <message>
            <source>✖ {device}: this address is not right. Correct it and save again.</source>
            <translation>✖ {device}: this address is not right. Correct it and save again.</translation>
        </message>
        <message>
            <source>✖ kiosk.toml would not accept this. Nothing was saved.</source>
            <translation>✖ kiosk.toml would not accept this. Nothing was saved.</translation>
        </message>
        <message>
            <source>✖ Nothing was saved. Try again; if it happens again, export the diagnostics.</source>
            <translation>✖ Nothing was saved. Try again; if it happens again, export the diagnostics.</translation>
        </message>
        <message>
            <source>✔ Saved to kiosk.toml. The app uses these devices now.</source>
            <translation>✔ Saved to kiosk.toml. The app uses these devices now.</translation>
        </message>
    </context>
    <context>
        <name>DiagnosticsScreen</name>
        <message>
            <source>Diagnostics</source>
            <translation>Diagnostics</translation>
        </message>
        <message>
            <source>Only a technician can see the diagnostics. Log in on the maintenance screen first.</source>
            <translation>Only a technician can see the diagnostics. Log in on the maintenance screen first.</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>Quarantine</source>
            <translation>Quarantine</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>Log</translation>
        </message>
        <message>
            <source>Self-test</source>
            <translation>Self-test</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>✔ The record is marked as dealt with.</source>
            <translation>✔ The record is marked as dealt with.</translation>
        </message>
        <message>
            <source>✔ The diagnostics file is written. Remove the USB stick.</source>
            <translation>✔ The diagnostics file is written. Remove the USB stick.</translation>
        </message>
        <message>
            <source>Write what was done about this record (at least 4 characters), then tap Mark dealt with.</source>
            <translation>Write what was done about this record (at least 4 characters), then tap Mark dealt with.</translation>
        </message>
        <message>
            <source>This record was already dealt with. The list is shown again.</source>
            <translation>This record was already dealt with. The list is shown again.</translation>
        </message>
        <message>
            <source>The USB stick is gone. Plug it in again, tap Look again and choose it.</source>
            <translation>The USB stick is gone. Plug it in again, tap Look again and choose it.</translation>
        </message>
        <message>
            <source>Only a technician or a supervisor may do this. Log in again.</source>
            <translation>Only a technician or a supervisor may do this. Log in again.</translation>
        </message>
        <message>
            <source>never</source>
            <translation>never</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>not enrolled</source>
            <translation>not enrolled</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>stopped</translation>
        </message>
        <message>
            <source>errors</source>
            <translation>errors</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>ok</translation>
        </message>
        <message>
            <source>Enrollment</source>
            <translation>Enrollment</translation>
        </message>
        <message>
            <source>Outbox</source>
            <translation>Outbox</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Push (to the county)</source>
            <translation>Push (to the county)</translation>
        </message>
        <message>
            <source>Pull (from the county)</source>
            <translation>Pull (from the county)</translation>
        </message>
        <message>
            <source>✖ Not enrolled: enroll this kiosk before it can sync.</source>
            <translation>✖ Not enrolled: enroll this kiosk before it can sync.</translation>
        </message>
        <message>
            <source>✔ Not stopped</source>
            <translation>✔ Not stopped</translation>
        </message>
        <message>
            <source>✔ No record is in quarantine.</source>
            <translation>✔ No record is in quarantine.</translation>
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
            <source>What was done</source>
            <translation>What was done</translation>
        </message>
        <message>
            <source>e.g. unit code corrected, county informed</source>
            <translation>e.g. unit code corrected, county informed</translation>
        </message>
        <message>
            <source>Mark dealt with</source>
            <translation>Mark dealt with</translation>
        </message>
        <message>
            <source>No log lines yet.</source>
            <translation>No log lines yet.</translation>
        </message>
        <message>
            <source>Outbox: {pending} to send · Quarantine: {open} open · Sync: {sync}</source>
            <translation>Outbox: {pending} to send · Quarantine: {open} open · Sync: {sync}</translation>
        </message>
        <message>
            <source>Device {device}, gateway {gateway}</source>
            <translation>Device {device}, gateway {gateway}</translation>
        </message>
        <message>
            <source>{pending} records waiting to be sent, {acked} acknowledged</source>
            <translation>{pending} records waiting to be sent, {acked} acknowledged</translation>
        </message>
        <message>
            <source>✖ Stopped [{code}]: {reason}. It needs a technician and the county.</source>
            <translation>✖ Stopped [{code}]: {reason}. It needs a technician and the county.</translation>
        </message>
        <message>
            <source>Last success {success} · last attempt {attempt}</source>
            <translation>Last success {success} · last attempt {attempt}</translation>
        </message>
        <message>
            <source>✖ Last error at {at} [{code}]: {reason} ({failures} failures in a row)</source>
            <translation>✖ Last error at {at} [{code}]: {reason} ({failures} failures in a row)</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>Page {page} of {pages}</translation>
        </message>
        <message>
            <source>{kind} · {record} · {at}
[{code}] {reason}</source>
            <translation>{kind} · {record} · {at}
[{code}] {reason}</translation>
        </message>
        <message>
            <source>▶ Chosen: {record}</source>
            <translation>▶ Chosen: {record}</translation>
        </message>
        <message>
            <source>Page {page} of {pages} (newest first)</source>
            <translation>Page {page} of {pages} (newest first)</translation>
        </message>
        <message>
            <source>Older</source>
            <translation>Older</translation>
        </message>
        <message>
            <source>Newer</source>
            <translation>Newer</translation>
        </message>
        <message>
            <source>ID card reader</source>
            <translation>ID card reader</translation>
        </message>
        <message>
            <source>Receipt printer</source>
            <translation>Receipt printer</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Camera</translation>
        </message>
        <message>
            <source>Code scanner</source>
            <translation>Code scanner</translation>
        </message>
        <message>
            <source>A4 printer</source>
            <translation>A4 printer</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>Testing…</translation>
        </message>
        <message>
            <source>Run the self-test</source>
            <translation>Run the self-test</translation>
        </message>
        <message>
            <source>— not configured</source>
            <translation>— not configured</translation>
        </message>
        <message>
            <source>✔ Works</source>
            <translation>✔ Works</translation>
        </message>
        <message>
            <source>✖ Failed</source>
            <translation>✖ Failed</translation>
        </message>
        <message>
            <source>Not tested yet</source>
            <translation>Not tested yet</translation>
        </message>
        <message>
            <source>The diagnostics file holds the settings, sync state, self-test, database check and recent log lines, without personal data. Plug in a USB stick and choose it.</source>
            <translation>The diagnostics file holds the settings, sync state, self-test, database check and recent log lines, without personal data. Plug in a USB stick and choose it.</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>Writing…</translation>
        </message>
        <message>
            <source>Write the diagnostics file</source>
            <translation>Write the diagnostics file</translation>
        </message>
    </context>
    <context>
        <name>EnrollScreen</name>
        <message>
            <source>✖ The gateway address must start with http:// or https://. Correct it.</source>
            <translation>✖ The gateway address must start with http:// or https://. Correct it.</translation>
        </message>
        <message>
            <source>✖ The token is 16 to 128 letters, digits, - or _. Type it exactly as issued.</source>
            <translation>✖ The token is 16 to 128 letters, digits, - or _. Type it exactly as issued.</translation>
        </message>
        <message>
            <source>✖ This code is not a kiosk enrollment code. Hold up the enrollment QR the county issued.</source>
            <translation>✖ This code is not a kiosk enrollment code. Hold up the enrollment QR the county issued.</translation>
        </message>
        <message>
            <source>✖ This token was already used. Ask the county platform for a new one.</source>
            <translation>✖ This token was already used. Ask the county platform for a new one.</translation>
        </message>
        <message>
            <source>✖ This token has expired. Ask the county platform for a new one.</source>
            <translation>✖ This token has expired. Ask the county platform for a new one.</translation>
        </message>
        <message>
            <source>✖ The gateway does not know this token. Check it, or ask for a new one.</source>
            <translation>✖ The gateway does not know this token. Check it, or ask for a new one.</translation>
        </message>
        <message>
            <source>✖ The gateway's key is not the one on the code. Nothing was stored. Do not use this gateway; call the county platform.</source>
            <translation>✖ The gateway's key is not the one on the code. Nothing was stored. Do not use this gateway; call the county platform.</translation>
        </message>
        <message>
            <source>✖ The gateway cannot be reached. Check the address and the network cable, then try again.</source>
            <translation>✖ The gateway cannot be reached. Check the address and the network cable, then try again.</translation>
        </message>
        <message>
            <source>✖ This kiosk is already enrolled. Decommission it before enrolling it again.</source>
            <translation>✖ This kiosk is already enrolled. Decommission it before enrolling it again.</translation>
        </message>
        <message>
            <source>✖ This app cannot reach a gateway. Enroll with the kiosk enroll command instead.</source>
            <translation>✖ This app cannot reach a gateway. Enroll with the kiosk enroll command instead.</translation>
        </message>
        <message>
            <source>✖ The camera is not working. Type the gateway address and token instead.</source>
            <translation>✖ The camera is not working. Type the gateway address and token instead.</translation>
        </message>
        <message>
            <source>✖ The enrollment failed. Nothing was stored. Try again; if it happens again, export the diagnostics.</source>
            <translation>✖ The enrollment failed. Nothing was stored. Try again; if it happens again, export the diagnostics.</translation>
        </message>
        <message>
            <source>Enroll this kiosk</source>
            <translation>Enroll this kiosk</translation>
        </message>
        <message>
            <source>Only a technician can enroll this kiosk. Log in on the maintenance screen first.</source>
            <translation>Only a technician can enroll this kiosk. Log in on the maintenance screen first.</translation>
        </message>
        <message>
            <source>Gateway address</source>
            <translation>Gateway address</translation>
        </message>
        <message>
            <source>Enrollment token</source>
            <translation>Enrollment token</translation>
        </message>
        <message>
            <source>Scan again</source>
            <translation>Scan again</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>Connect to the gateway</source>
            <translation>Connect to the gateway</translation>
        </message>
        <message>
            <source>It matches: enroll</source>
            <translation>It matches: enroll</translation>
        </message>
        <message>
            <source>It differs: cancel</source>
            <translation>It differs: cancel</translation>
        </message>
        <message>
            <source>Start again</source>
            <translation>Start again</translation>
        </message>
        <message>
            <source>No camera: type the address and token.</source>
            <translation>No camera: type the address and token.</translation>
        </message>
        <message>
            <source>The camera picture appears here.</source>
            <translation>The camera picture appears here.</translation>
        </message>
        <message>
            <source>✔ Code read: gateway {url}, service point {point}.</source>
            <translation>✔ Code read: gateway {url}, service point {point}.</translation>
        </message>
        <message>
            <source>Hold the county's enrollment QR up to the camera, about 20 cm away.</source>
            <translation>Hold the county's enrollment QR up to the camera, about 20 cm away.</translation>
        </message>
        <message>
            <source>Or type the gateway address and the token the county gave you.</source>
            <translation>Or type the gateway address and the token the county gave you.</translation>
        </message>
        <message>
            <source>The gateway's key matches the scanned code. Compare the fingerprint with the county's record too, then confirm.</source>
            <translation>The gateway's key matches the scanned code. Compare the fingerprint with the county's record too, then confirm.</translation>
        </message>
        <message>
            <source>Compare this fingerprint with the one the county platform gave you, group by group. Enroll only if every group is the same.</source>
            <translation>Compare this fingerprint with the one the county platform gave you, group by group. Enroll only if every group is the same.</translation>
        </message>
        <message>
            <source>Gateway {url} · service point {point} · device {device}</source>
            <translation>Gateway {url} · service point {point} · device {device}</translation>
        </message>
        <message>
            <source>✔ Enrolled as device {device} at service point {point}. The sync agent can start now.</source>
            <translation>✔ Enrolled as device {device} at service point {point}. The sync agent can start now.</translation>
        </message>
        <message>
            <source>This kiosk is already enrolled as device {device} at service point {point} ({url}). Decommission it before enrolling it again.</source>
            <translation>This kiosk is already enrolled as device {device} at service point {point} ({url}). Decommission it before enrolling it again.</translation>
        </message>
        <message>
            <source>Pinned platform key: {fingerprint}</source>
            <translation>Pinned platform key: {fingerprint}</translation>
        </message>
        <message>
            <source>Nothing was stored. Tell the county platform the fingerprint differed, and enroll only with a code they confirm.</source>
            <translation>Nothing was stored. Tell the county platform the fingerprint differed, and enroll only with a code they confirm.</translation>
        </message>
    </context>
</TS>
