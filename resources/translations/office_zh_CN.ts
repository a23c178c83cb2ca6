<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>OfficeScreen</name>
        <message>
            <source>Credit restrictions</source>
            <translation>信用限制</translation>
        </message>
        <message>
            <source>Certificates</source>
            <translation>证书与证书纸</translation>
        </message>
        <message>
            <source>Staff roster</source>
            <translation>人员名册</translation>
        </message>
        <message>
            <source>Back office</source>
            <translation>后台业务</translation>
        </message>
        <message>
            <source>Back to the queue</source>
            <translation>返回待办列表</translation>
        </message>
        <message>
            <source>Staff login</source>
            <translation>工作人员登录</translation>
        </message>
        <message>
            <source>The back office is for signed-in staff. Log in at the counter first.</source>
            <translation>后台业务仅供已登录的工作人员使用。请先在窗口登录。</translation>
        </message>
        <message>
            <source>Your role has no back-office work on this kiosk. Ask a supervisor.</source>
            <translation>您的岗位在本机没有后台业务。请联系主管。</translation>
        </message>
        <message>
            <source>staff</source>
            <translation>窗口人员</translation>
        </message>
        <message>
            <source>supervisor</source>
            <translation>主管</translation>
        </message>
        <message>
            <source>technician</source>
            <translation>技术人员</translation>
        </message>
        <message>
            <source>Signed in: {name} ({role})</source>
            <translation>已登录：{name}（{role}）</translation>
        </message>
    </context>
    <context>
        <name>SupervisorApproval</name>
        <message>
            <source>Type the supervisor's staff number on the keypad.</source>
            <translation>请用键盘输入主管的工号。</translation>
        </message>
        <message>
            <source>Tap the PIN field and type the supervisor's PIN (6 to 12 digits).</source>
            <translation>请点密码框，输入主管的密码（6 至 12 位数字）。</translation>
        </message>
        <message>
            <source>Tap the reason field and write why, in a sentence.</source>
            <translation>请点原因框，用一句话写明原因。</translation>
        </message>
        <message>
            <source>Supervisor number</source>
            <translation>主管工号</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Checking the supervisor's PIN…</source>
            <translation>正在核对主管密码…</translation>
        </message>
        <message>
            <source>Tap Approve to confirm.</source>
            <translation>请点“批准”确认。</translation>
        </message>
        <message>
            <source>Supervisor approval</source>
            <translation>主管审批</translation>
        </message>
        <message>
            <source>Why, in a sentence</source>
            <translation>用一句话写明原因</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>批准</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
</TS>
