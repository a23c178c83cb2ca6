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
            <translation>如不选择，本次办理将结束，
屏幕上您的信息将被清除。</translation>
        </message>
    </context>
    <context>
        <name>IdKeypad</name>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <source>Type the 18 characters of your ID number.</source>
            <translation>请输入18位身份证号码。</translation>
        </message>
        <message>
            <source>{count} more to type.</source>
            <translation>还差 {count} 位。</translation>
        </message>
        <message>
            <source>The number is complete and its last character checks out.</source>
            <translation>号码已输完，校验位正确。</translation>
        </message>
        <message>
            <source>The last character does not match the others. Please compare the number with your ID card.</source>
            <translation>最后一位与前面的号码对不上。请对照身份证核对号码。</translation>
        </message>
        <message>
            <source>This cannot be an ID number. Please compare it with your ID card.</source>
            <translation>这不是有效的身份证号码。请对照身份证核对。</translation>
        </message>
    </context>
    <context>
        <name>MediaChooser</name>
        <message>
            <source>No USB stick found. Plug one in, then tap Look again.</source>
            <translation>没有找到U盘。请插入U盘，再点“重新查找”。</translation>
        </message>
        <message>
            <source>Look again</source>
            <translation>重新查找</translation>
        </message>
    </context>
    <context>
        <name>PageButtons</name>
        <message>
            <source>Previous</source>
            <translation>上一页</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一页</translation>
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
            <translation>签名人：{name}</translation>
        </message>
        <message>
            <source>Undo stroke</source>
            <translation>撤销一笔</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销一笔</translation>
        </message>
        <message>
            <source>Start over</source>
            <translation>重写</translation>
        </message>
        <message>
            <source>Confirm signature</source>
            <translation>确认签名</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>确认签名</translation>
        </message>
        <message>
            <source>Please sign your full name in the box above the line.</source>
            <translation>请在框内横线上方签写您的姓名。</translation>
        </message>
        <message>
            <source>The signature is too small to confirm. Please sign across at least a quarter of the box.</source>
            <translation>签名太小，还不能确认。请签满签名框宽度的四分之一以上。</translation>
        </message>
    </context>
</TS>
