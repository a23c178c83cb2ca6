<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>CountdownPanel</name>
        <message>
            <source>Do you need more time?</source>
            <translation>您还需要继续办理吗？</translation>
        </message>
        <message>
            <source>Yes, continue</source>
            <translation>需要，继续办理</translation>
        </message>
        <message>
            <source>End session</source>
            <translation>结束办理</translation>
        </message>
        <message>
            <source>{seconds} s</source>
            <translation>{seconds} 秒</translation>
        </message>
        <message>
            <source>If you do not answer, the session ends and your details are cleared from the screen.</source>
            <translation>如不选择，本次办理将结束，屏幕上您的信息将被清除。</translation>
        </message>
    </context>
</TS>
