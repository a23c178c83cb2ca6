<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AcceptanceScreen</name>
        <message>
            <source>Joint acceptance: projects</source>
            <translation>联合验收：项目</translation>
        </message>
        <message>
            <source>Document number of the acceptance</source>
            <translation>验收文件编号</translation>
        </message>
        <message>
            <source>Scan QR code</source>
            <translation>扫描二维码</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>录入</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Record: {item}</source>
            <translation>录入：{item}</translation>
        </message>
        <message>
            <source>QR code read: it is recorded with the item.</source>
            <translation>已读取二维码，将随本项一并录入。</translation>
        </message>
        <message>
            <source>Planning verification</source>
            <translation>规划核实</translation>
        </message>
        <message>
            <source>Fire safety acceptance</source>
            <translation>消防验收</translation>
        </message>
        <message>
            <source>Civil air defence acceptance</source>
            <translation>人防验收</translation>
        </message>
        <message>
            <source>Completion acceptance filing</source>
            <translation>竣工验收备案</translation>
        </message>
        <message>
            <source>Surveyed floor areas</source>
            <translation>房产实测面积</translation>
        </message>
        <message>
            <source>First registration approved: the units of this project can be handed over.</source>
            <translation>首次登记已批准：本项目的房屋可以办理交房。</translation>
        </message>
        <message>
            <source>First registration requested on {when}; the approval comes with the sync.</source>
            <translation>已于 {when} 申请首次登记，批准结果随同步送达。</translation>
        </message>
        <message>
            <source>{n} of {total} acceptances missing; the last one recorded requests the first registration.</source>
            <translation>{total} 项验收中还有 {n} 项未录入；最后一项录入后即自动申请首次登记。</translation>
        </message>
        <message>
            <source>No project on this kiosk yet: sync the master data.</source>
            <translation>本机还没有项目：请先同步基础数据。</translation>
        </message>
        <message>
            <source>QR code scanned</source>
            <translation>已扫码录入</translation>
        </message>
        <message>
            <source>{what} · {who} · {when}</source>
            <translation>{what} · {who} · {when}</translation>
        </message>
        <message>
            <source>Not recorded yet</source>
            <translation>尚未录入</translation>
        </message>
        <message>
            <source>Correct</source>
            <translation>更正</translation>
        </message>
        <message>
            <source>accepting</source>
            <translation>验收中</translation>
        </message>
        <message>
            <source>registration requested</source>
            <translation>已申请首次登记</translation>
        </message>
        <message>
            <source>registered</source>
            <translation>已首次登记</translation>
        </message>
    </context>
    <context>
        <name>OfficeBase</name>
        <message>
            <source>Log in at the counter first: the back office acts in the name of a signed-in staff member.</source>
            <translation>请先在窗口登录：后台业务须以已登录的工作人员名义办理。</translation>
        </message>
    </context>
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
