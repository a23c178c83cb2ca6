<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>A4TestPage</name>
        <message>
            <source>Edge lines: thin 3 mm, dashed 5 mm, heavy 10 mm from the edges of the sheet</source>
            <translation>Edge lines: thin 3 mm, dashed 5 mm, heavy 10 mm from the edges of the sheet</translation>
        </message>
        <message>
            <source>Grid 100 x 100 mm, a line every mm: measure it with a ruler.</source>
            <translation>Grid 100 x 100 mm, a line every mm: measure it with a ruler.</translation>
        </message>
        <message>
            <source>Greys (per cent black)</source>
            <translation>Greys (per cent black)</translation>
        </message>
        <message>
            <source>Text samples</source>
            <translation>Text samples</translation>
        </message>
        <message>
            <source>A4 printer test page</source>
            <translation>A4 printer test page</translation>
        </message>
        <message>
            <source>not enrolled</source>
            <translation>not enrolled</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>Printer</translation>
        </message>
        <message>
            <source>Printed at</source>
            <translation>Printed at</translation>
        </message>
        <message>
            <source>Terminal</source>
            <translation>Terminal</translation>
        </message>
        <message>
            <source>Service point</source>
            <translation>Service point</translation>
        </message>
        <message>
            <source>Check: the 10 mm edge line is printed on all four sides (the certificate form needs 15 mm); the grid measures 100 mm both ways; every grey differs from its neighbours; the 7 pt Chinese text is legible.</source>
            <translation>Check: the 10 mm edge line is printed on all four sides (the certificate form needs 15 mm); the grid measures 100 mm both ways; every grey differs from its neighbours; the 7 pt Chinese text is legible.</translation>
        </message>
        <message>
            <source>Then print the calibration page on a spoiled certificate sheet to set the offsets of the certificate page.</source>
            <translation>Then print the calibration page on a spoiled certificate sheet to set the offsets of the certificate page.</translation>
        </message>
        <message>
            <source>Test page %1</source>
            <translation>Test page %1</translation>
        </message>
    </context>
    <context>
        <name>CertificatePage</name>
        <message>
            <source>TRAINING SAMPLE · NOT A CERTIFICATE</source>
            <translation>TRAINING SAMPLE · NOT A CERTIFICATE</translation>
        </message>
        <message>
            <source>Real estate title certificate %1</source>
            <translation>Real estate title certificate %1</translation>
        </message>
        <message>
            <source>Preview · grey: the form pre-printed on the sheet; black: what will be printed</source>
            <translation>Preview · grey: the form pre-printed on the sheet; black: what will be printed</translation>
        </message>
        <message>
            <source>Certificate preview</source>
            <translation>Certificate preview</translation>
        </message>
        <message>
            <source>Certificate printing calibration page</source>
            <translation>Certificate printing calibration page</translation>
        </message>
        <message>
            <source>Printer: %1    offset in use: dx = %2 mm, dy = %3 mm</source>
            <translation>Printer: %1    offset in use: dx = %2 mm, dy = %3 mm</translation>
        </message>
        <message>
            <source>1. Print this page on a spoiled certificate sheet (or lay it over one against the light).</source>
            <translation>1. Print this page on a spoiled certificate sheet (or lay it over one against the light).</translation>
        </message>
        <message>
            <source>2. Measure how far each cross lies from the matching corner of the form: right and down are positive.</source>
            <translation>2. Measure how far each cross lies from the matching corner of the form: right and down are positive.</translation>
        </message>
        <message>
            <source>3. Add the difference to the current offset, save, and print this page again until it is under 0.5 mm.</source>
            <translation>3. Add the difference to the current offset, save, and print this page again until it is under 0.5 mm.</translation>
        </message>
    </context>
    <context>
        <name>ContractDocument</name>
        <message>
            <source>Filing number</source>
            <translation>Filing number</translation>
        </message>
        <message>
            <source>Contract %1 (version %2)</source>
            <translation>Contract %1 (version %2)</translation>
        </message>
        <message>
            <source>Text SHA-256 %1</source>
            <translation>Text SHA-256 %1</translation>
        </message>
        <message>
            <source>Sale contract %1</source>
            <translation>Sale contract %1</translation>
        </message>
        <message>
            <source>Signatures</source>
            <translation>Signatures</translation>
        </message>
        <message>
            <source>The buyers signed this contract text (SHA-256 %1) on the kiosk's touchscreen as shown below.</source>
            <translation>The buyers signed this contract text (SHA-256 %1) on the kiosk's touchscreen as shown below.</translation>
        </message>
        <message>
            <source>Buyer %1: %2</source>
            <translation>Buyer %1: %2</translation>
        </message>
    </context>
    <context>
        <name>DocumentFrame</name>
        <message>
            <source>Jia County, Henan · Keys and title together</source>
            <translation>Jia County, Henan · Keys and title together</translation>
        </message>
        <message>
            <source>TRAINING DATA · NOT AN OFFICIAL DOCUMENT · NO LEGAL EFFECT</source>
            <translation>TRAINING DATA · NOT AN OFFICIAL DOCUMENT · NO LEGAL EFFECT</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>Page %1 of %2</translation>
        </message>
    </context>
    <context>
        <name>HandoverPapers</name>
        <message>
            <source>In person</source>
            <translation>In person</translation>
        </message>
        <message>
            <source>Through the authorised agent</source>
            <translation>Through the authorised agent</translation>
        </message>
        <message>
            <source>Absent</source>
            <translation>Absent</translation>
        </message>
        <message>
            <source>%1 (authorised agent)</source>
            <translation>%1 (authorised agent)</translation>
        </message>
        <message>
            <source>Signature:</source>
            <translation>Signature:</translation>
        </message>
        <message>
            <source>Date:</source>
            <translation>Date:</translation>
        </message>
        <message>
            <source>Receipt of the title certificate</source>
            <translation>Receipt of the title certificate</translation>
        </message>
        <message>
            <source>Handover confirmation</source>
            <translation>Handover confirmation</translation>
        </message>
        <message>
            <source>Handover number</source>
            <translation>Handover number</translation>
        </message>
        <message>
            <source>Real estate unit code</source>
            <translation>Real estate unit code</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Location</translation>
        </message>
        <message>
            <source>Certificate number</source>
            <translation>Certificate number</translation>
        </message>
        <message>
            <source>Printed serial</source>
            <translation>Printed serial</translation>
        </message>
        <message>
            <source>Service point</source>
            <translation>Service point</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Holders</source>
            <translation>Holders</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>Attendance</source>
            <translation>Attendance</translation>
        </message>
        <message>
            <source>Authorised agent</source>
            <translation>Authorised agent</translation>
        </message>
        <message>
            <source>Authorisation number</source>
            <translation>Authorisation number</translation>
        </message>
        <message>
            <source>The buyers confirm that they have received the certificate above.</source>
            <translation>The buyers confirm that they have received the certificate above.</translation>
        </message>
        <message>
            <source>Keep the certificate safe. Scan the code below to verify the electronic certificate.</source>
            <translation>Keep the certificate safe. Scan the code below to verify the electronic certificate.</translation>
        </message>
        <message>
            <source>Keep the certificate safe.</source>
            <translation>Keep the certificate safe.</translation>
        </message>
        <message>
            <source>The buyers confirm that they have inspected the home and received its keys.</source>
            <translation>The buyers confirm that they have inspected the home and received its keys.</translation>
        </message>
        <message>
            <source>The transfer of title is registered with the handover: keys and title together.</source>
            <translation>The transfer of title is registered with the handover: keys and title together.</translation>
        </message>
        <message>
            <source>Verify the e-certificate</source>
            <translation>Verify the e-certificate</translation>
        </message>
        <message>
            <source>Signed text SHA-256 %1</source>
            <translation>Signed text SHA-256 %1</translation>
        </message>
        <message>
            <source>Handover %1</source>
            <translation>Handover %1</translation>
        </message>
    </context>
    <context>
        <name>ReconciliationReport</name>
        <message>
            <source>Tax bureau (deed tax)</source>
            <translation>Tax bureau (deed tax)</translation>
        </message>
        <message>
            <source>Registration office (registration and certificate fees)</source>
            <translation>Registration office (registration and certificate fees)</translation>
        </message>
        <message>
            <source>Housing maintenance fund</source>
            <translation>Housing maintenance fund</translation>
        </message>
        <message>
            <source>Missing from statement</source>
            <translation>Missing from statement</translation>
        </message>
        <message>
            <source>Unknown to the kiosk</source>
            <translation>Unknown to the kiosk</translation>
        </message>
        <message>
            <source>Other day</source>
            <translation>Other day</translation>
        </message>
        <message>
            <source>Amount differs</source>
            <translation>Amount differs</translation>
        </message>
        <message>
            <source>Listed twice</source>
            <translation>Listed twice</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>Refunded</translation>
        </message>
        <message>
            <source>CNY %1</source>
            <translation>CNY %1</translation>
        </message>
        <message>
            <source>Mismatch: %1 item(s), see the table</source>
            <translation>Mismatch: %1 item(s), see the table</translation>
        </message>
        <message>
            <source>Mismatch: the statement total differs from the confirmed amount</source>
            <translation>Mismatch: the statement total differs from the confirmed amount</translation>
        </message>
        <message>
            <source>Matched</source>
            <translation>Matched</translation>
        </message>
        <message>
            <source>No statement given; the kiosk's records only</source>
            <translation>No statement given; the kiosk's records only</translation>
        </message>
        <message>
            <source>Payee account: %1</source>
            <translation>Payee account: %1</translation>
        </message>
        <message>
            <source>Not given</source>
            <translation>Not given</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>Confirmed</translation>
        </message>
        <message>
            <source>%1 (%2 payments)</source>
            <translation>%1 (%2 payments)</translation>
        </message>
        <message>
            <source>In words</source>
            <translation>In words</translation>
        </message>
        <message>
            <source>Still due</source>
            <translation>Still due</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>Expected</translation>
        </message>
        <message>
            <source>Statement</source>
            <translation>Statement</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Flag</source>
            <translation>Flag</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Channel serial</source>
            <translation>Channel serial</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Kiosk (CNY)</source>
            <translation>Kiosk (CNY)</translation>
        </message>
        <message>
            <source>Statement (CNY)</source>
            <translation>Statement (CNY)</translation>
        </message>
        <message>
            <source>Mismatch</source>
            <translation>Mismatch</translation>
        </message>
        <message>
            <source>Daily reconciliation of one-code payments</source>
            <translation>Daily reconciliation of one-code payments</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>Service point</source>
            <translation>Service point</translation>
        </message>
        <message>
            <source>Generated</source>
            <translation>Generated</translation>
        </message>
        <message>
            <source>Overall</source>
            <translation>Overall</translation>
        </message>
        <message>
            <source>▲ %1 payee account(s) with mismatches, flagged below</source>
            <translation>▲ %1 payee account(s) with mismatches, flagged below</translation>
        </message>
        <message>
            <source>Every payee account matches</source>
            <translation>Every payee account matches</translation>
        </message>
        <message>
            <source>Reconciliation %1</source>
            <translation>Reconciliation %1</translation>
        </message>
        <message>
            <source>Day %1</source>
            <translation>Day %1</translation>
        </message>
    </context>
    <context>
        <name>SupervisionReport</name>
        <message>
            <source>Not registered</source>
            <translation>Not registered</translation>
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
            <source>Supervision ledger: keys and title together</source>
            <translation>Supervision ledger: keys and title together</translation>
        </message>
        <message>
            <source>training data included</source>
            <translation>training data included</translation>
        </message>
        <message>
            <source>training data left out</source>
            <translation>training data left out</translation>
        </message>
        <message>
            <source>Generated %1    Scope: %2    Projects: %3</source>
            <translation>Generated %1    Scope: %2    Projects: %3</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>Project</translation>
        </message>
        <message>
            <source>Service point</source>
            <translation>Service point</translation>
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
            <source>Handed over</source>
            <translation>Handed over</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>Days acceptance to title min/median/max</source>
            <translation>Days acceptance to title min/median/max</translation>
        </message>
        <message>
            <source>Days counted</source>
            <translation>Days counted</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Blocked units (by the first check failed)</source>
            <translation>Blocked units (by the first check failed)</translation>
        </message>
        <message>
            <source>▲ marks a project with blocked units; each unit counts under the first handover check it fails.</source>
            <translation>▲ marks a project with blocked units; each unit counts under the first handover check it fails.</translation>
        </message>
        <message>
            <source>Ledger %1</source>
            <translation>Ledger %1</translation>
        </message>
    </context>
</TS>
