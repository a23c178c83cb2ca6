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
</TS>
