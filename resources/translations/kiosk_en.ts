<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>CountdownPanel</name>
        <message>
            <source>Do you need more time?</source>
            <translation>Do you need more time?</translation>
        </message>
        <message>
            <source>Yes, continue</source>
            <translation>Yes, continue</translation>
        </message>
        <message>
            <source>End session</source>
            <translation>End session</translation>
        </message>
        <message>
            <source>{seconds} s</source>
            <translation>{seconds} s</translation>
        </message>
        <message>
            <source>If you do not answer, the session ends and your details are cleared from the screen.</source>
            <translation>If you do not answer, the session ends and your details are cleared from the screen.</translation>
        </message>
    </context>
    <context>
        <name>IdKeypad</name>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>Type the 18 characters of your ID number.</source>
            <translation>Type the 18 characters of your ID number.</translation>
        </message>
        <message>
            <source>{count} more to type.</source>
            <translation>{count} more to type.</translation>
        </message>
        <message>
            <source>The number is complete and its last character checks out.</source>
            <translation>The number is complete and its last character checks out.</translation>
        </message>
        <message>
            <source>The last character does not match the others. Please compare the number with your ID card.</source>
            <translation>The last character does not match the others. Please compare the number with your ID card.</translation>
        </message>
        <message>
            <source>This cannot be an ID number. Please compare it with your ID card.</source>
            <translation>This cannot be an ID number. Please compare it with your ID card.</translation>
        </message>
    </context>
    <context>
        <name>MediaChooser</name>
        <message>
            <source>No USB stick found. Plug one in, then tap Look again.</source>
            <translation>No USB stick found. Plug one in, then tap Look again.</translation>
        </message>
        <message>
            <source>Look again</source>
            <translation>Look again</translation>
        </message>
    </context>
    <context>
        <name>PageButtons</name>
        <message>
            <source>Previous</source>
            <translation>Previous</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>{n} / {total}</source>
            <translation>{n} / {total}</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <source>Signer: {name}</source>
            <translation>Signer: {name}</translation>
        </message>
        <message>
            <source>Undo stroke</source>
            <translation>Undo stroke</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>Start over</source>
            <translation>Start over</translation>
        </message>
        <message>
            <source>Confirm signature</source>
            <translation>Confirm signature</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>Confirm</translation>
        </message>
        <message>
            <source>Please sign your full name in the box above the line.</source>
            <translation>Please sign your full name in the box above the line.</translation>
        </message>
        <message>
            <source>The signature is too small to confirm. Please sign across at least a quarter of the box.</source>
            <translation>The signature is too small to confirm. Please sign across at least a quarter of the box.</translation>
        </message>
    </context>
</TS>
