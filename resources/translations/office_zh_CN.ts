<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>CertificatesScreen</name>
        <message>
            <source>Certificates</source>
            <translation>证书与证书纸</translation>
        </message>
        <message>
            <source>Paper stock</source>
            <translation>证书纸库存</translation>
        </message>
        <message>
            <source>Reprint</source>
            <translation>重打证书</translation>
        </message>
        <message>
            <source>Mailing</source>
            <translation>证书邮寄</translation>
        </message>
        <message>
            <source>Add a pack</source>
            <translation>登记入库</translation>
        </message>
        <message>
            <source>Void a sheet</source>
            <translation>作废证书纸</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一步</translation>
        </message>
        <message>
            <source>as printed</source>
            <translation>按纸上印的号码</translation>
        </message>
        <message>
            <source>No blank certificate paper left. Add the next pack before the next handover.</source>
            <translation>空白证书纸已用完。请在下一次交房前登记新的一包。</translation>
        </message>
        <message>
            <source>{n} blank sheets on hand, {first} to {last}.</source>
            <translation>库存空白证书纸 {n} 张，印制号 {first} 至 {last}。</translation>
        </message>
        <message>
            <source>Low: fewer than {n}; order the next pack.</source>
            <translation>库存偏低（少于 {n} 张），请申领新的一包。</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <source>Sheets voided, newest first:</source>
            <translation>已作废的证书纸（最新的在前）：</translation>
        </message>
        <message>
            <source>No sheet has been voided.</source>
            <translation>没有作废的证书纸。</translation>
        </message>
        <message>
            <source>Certificates printed and not yet handed over: a spoiled one is printed again on the next sheet, the old sheet voided.</source>
            <translation>已打印、尚未交付的证书：打印有误的可重打到下一张证书纸上，原证书纸作废。</translation>
        </message>
        <message>
            <source>No certificate is printed and waiting to be handed over.</source>
            <translation>没有已打印、等待交付的证书。</translation>
        </message>
        <message>
            <source>Mailing requests, newest first:</source>
            <translation>证书邮寄申请（最新的在前）：</translation>
        </message>
        <message>
            <source>No certificate is to be mailed.</source>
            <translation>没有需要邮寄的证书。</translation>
        </message>
        <message>
            <source>Reason: {reason}</source>
            <translation>原因：{reason}</translation>
        </message>
        <message>
            <source>{number}, on sheet {serial}</source>
            <translation>{number}，证书纸 {serial}</translation>
        </message>
        <message>
            <source>shipped: {carrier} {tracking}</source>
            <translation>已寄出：{carrier} {tracking}</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>requested, waiting for the tracking number</source>
            <translation>已申请，等待运单号</translation>
        </message>
        <message>
            <source>Request {id}, asked by {who}</source>
            <translation>申请 {id}，申请人 {who}</translation>
        </message>
        <message>
            <source>First serial</source>
            <translation>起始印制号</translation>
        </message>
        <message>
            <source>Serial of the spoiled sheet</source>
            <translation>作废纸张的印制号</translation>
        </message>
        <message>
            <source>Last serial</source>
            <translation>截止印制号</translation>
        </message>
        <message>
            <source>Type the first serial as printed on the pack.</source>
            <translation>请按纸包上印的号码输入起始印制号。</translation>
        </message>
        <message>
            <source>Type the serial printed on the spoiled sheet.</source>
            <translation>请输入作废纸张上印的印制号。</translation>
        </message>
        <message>
            <source>Type the last serial of the pack.</source>
            <translation>请输入这包纸的截止印制号。</translation>
        </message>
        <message>
            <source>Tap Next: a supervisor confirms with their number and PIN.</source>
            <translation>请点“下一步”：由主管输入工号和 PIN 码确认。</translation>
        </message>
        <message>
            <source>record {n} sheets, {first} to {last}</source>
            <translation>登记入库 {n} 张证书纸，{first} 至 {last}</translation>
        </message>
        <message>
            <source>{n} sheets are added to the stock.</source>
            <translation>已登记入库 {n} 张证书纸。</translation>
        </message>
        <message>
            <source>void the spoiled sheet {serial}</source>
            <translation>作废证书纸 {serial}</translation>
        </message>
        <message>
            <source>Sheet {serial} is voided.</source>
            <translation>证书纸 {serial} 已作废。</translation>
        </message>
        <message>
            <source>reprint the certificate of unit {unit} (sheet {serial} is voided)</source>
            <translation>重打单元 {unit} 的证书（原证书纸 {serial} 作废）</translation>
        </message>
        <message>
            <source>The certificate is printed again on sheet {serial}.</source>
            <translation>证书已重新打印到证书纸 {serial} 上。</translation>
        </message>
    </context>
    <context>
        <name>CreditScreen</name>
        <message>
            <source>Credit restrictions</source>
            <translation>信用限制</translation>
        </message>
        <message>
            <source>Restriction list</source>
            <translation>限制名单</translation>
        </message>
        <message>
            <source>Violations recorded</source>
            <translation>已记录的违规</translation>
        </message>
        <message>
            <source>Record a violation</source>
            <translation>记录违规</translation>
        </message>
        <message>
            <source>Back to the list</source>
            <translation>返回名单</translation>
        </message>
        <message>
            <source>Developer</source>
            <translation>开发企业</translation>
        </message>
        <message>
            <source>Kind of violation</source>
            <translation>违规类型</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>违规情况</translation>
        </message>
        <message>
            <source>One sentence, e.g. the keys were handed over three months late</source>
            <translation>一句话写明，如：逾期三个月交付钥匙</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Late handover</source>
            <translation>逾期交房</translation>
        </message>
        <message>
            <source>Breach of contract</source>
            <translation>合同违约</translation>
        </message>
        <message>
            <source>Missing documents</source>
            <translation>资料不全</translation>
        </message>
        <message>
            <source>Loading the restriction list…</source>
            <translation>正在读取限制名单…</translation>
        </message>
        <message>
            <source>{n} restrictions from the platform, {held} in force today.</source>
            <translation>平台下发限制 {n} 条，今日有效 {held} 条。</translation>
        </message>
        <message>
            <source>The platform has restricted no developer of this service point.</source>
            <translation>平台没有限制本服务点的开发企业。</translation>
        </message>
        <message>
            <source>{n} violations recorded here, newest first.</source>
            <translation>本机已记录违规 {n} 条，最新的在前。</translation>
        </message>
        <message>
            <source>No violation has been recorded here.</source>
            <translation>本机尚未记录违规。</translation>
        </message>
        <message>
            <source>{developer}: {n} units. An override lets one unit be handed over despite the restriction.</source>
            <translation>{developer}：共 {n} 个单元。放行后，该单元可以在限制期间办理交房。</translation>
        </message>
        <message>
            <source>lifted</source>
            <translation>已解除</translation>
        </message>
        <message>
            <source>in force</source>
            <translation>限制中</translation>
        </message>
        <message>
            <source>not in force today</source>
            <translation>今日不在限制期内</translation>
        </message>
        <message>
            <source>from {since} until {until}</source>
            <translation>自 {since} 至 {until}</translation>
        </message>
        <message>
            <source>from {since}, no end date</source>
            <translation>自 {since} 起，未定截止日期</translation>
        </message>
        <message>
            <source>Platform: {reason}; {dates}</source>
            <translation>平台原因：{reason}；{dates}</translation>
        </message>
        <message>
            <source>Units ({n})</source>
            <translation>单元（{n}）</translation>
        </message>
        <message>
            <source>May proceed: overridden by {who}: {reason}</source>
            <translation>已放行（{who}）：{reason}</translation>
        </message>
        <message>
            <source>Held by the restriction</source>
            <translation>受限制，暂不能交房</translation>
        </message>
        <message>
            <source>Not held today</source>
            <translation>今日不受限制</translation>
        </message>
        <message>
            <source>Override</source>
            <translation>放行</translation>
        </message>
        <message>
            <source>Override the restriction for unit {unit}</source>
            <translation>为单元 {unit} 放行（解除限制）</translation>
        </message>
        <message>
            <source>Unit {unit} may now be handed over despite the restriction.</source>
            <translation>单元 {unit} 已放行，可以办理交房。</translation>
        </message>
        <message>
            <source>Tap the developer.</source>
            <translation>请点选开发企业。</translation>
        </message>
        <message>
            <source>Tap the kind of violation.</source>
            <translation>请点选违规类型。</translation>
        </message>
        <message>
            <source>Tap the field below the kinds and write what happened, in a sentence.</source>
            <translation>请点违规类型下方的输入框，用一句话写明违规情况。</translation>
        </message>
        <message>
            <source>Tap Record: the violation goes to the platform.</source>
            <translation>请点“记录”：违规信息将报送平台。</translation>
        </message>
        <message>
            <source>The violation is recorded and goes to the platform.</source>
            <translation>违规已记录，将报送平台。</translation>
        </message>
    </context>
    <context>
        <name>OfficeRefusal</name>
        <message>
            <source>This staff number is already on the roster.</source>
            <translation>该工号已在名册中。</translation>
        </message>
        <message>
            <source>Choose another number, or reset that member's PIN.</source>
            <translation>请换一个工号；如是同一人，请为其重置 PIN 码。</translation>
        </message>
        <message>
            <source>A staff number is a capital letter then letters or digits, 2 to 16 in all.</source>
            <translation>工号以大写字母开头，后接字母或数字，共 2 至 16 位。</translation>
        </message>
        <message>
            <source>Type it again, for example S010.</source>
            <translation>请重新输入，例如 S010。</translation>
        </message>
        <message>
            <source>The name is missing.</source>
            <translation>没有填写姓名。</translation>
        </message>
        <message>
            <source>Write the staff member's name.</source>
            <translation>请填写该工作人员的姓名。</translation>
        </message>
        <message>
            <source>This certification has already expired.</source>
            <translation>该上岗证已经过期。</translation>
        </message>
        <message>
            <source>Only certified staff work at the kiosk: enter the renewed certification.</source>
            <translation>持证方可上岗：请填写换发后的上岗证。</translation>
        </message>
        <message>
            <source>This account is not locked.</source>
            <translation>该账号没有被锁定。</translation>
        </message>
        <message>
            <source>Nothing to unlock; the member may log in.</source>
            <translation>无需解锁，该人员可以直接登录。</translation>
        </message>
        <message>
            <source>There is no unit with this code on this kiosk.</source>
            <translation>本机没有这个单元代码。</translation>
        </message>
        <message>
            <source>Check the unit code, or wait for the master data to sync.</source>
            <translation>请核对单元代码，或等待基础数据同步后再试。</translation>
        </message>
        <message>
            <source>The developer of this unit is not restricted.</source>
            <translation>该单元的开发企业不在限制名单中。</translation>
        </message>
        <message>
            <source>No override is needed; the case may proceed.</source>
            <translation>无需放行，可以直接办理。</translation>
        </message>
        <message>
            <source>Choose the kind of violation.</source>
            <translation>请选择违规类型。</translation>
        </message>
        <message>
            <source>Tap one of the kinds listed.</source>
            <translation>请点选下列类型之一。</translation>
        </message>
        <message>
            <source>The violation is not described.</source>
            <translation>没有填写违规情况。</translation>
        </message>
        <message>
            <source>Write in a sentence what the developer did.</source>
            <translation>请用一句话写明开发企业的违规情况。</translation>
        </message>
        <message>
            <source>A serial in this range is already in the stock book.</source>
            <translation>这段印制号中有号码已经登记入库。</translation>
        </message>
        <message>
            <source>Check the first and last serial on the paper and type the range again.</source>
            <translation>请核对证书纸上的起止印制号，重新输入。</translation>
        </message>
        <message>
            <source>The serial is not valid.</source>
            <translation>印制号格式不对。</translation>
        </message>
        <message>
            <source>Type the serial exactly as printed on the paper.</source>
            <translation>请按证书纸上印的号码原样输入。</translation>
        </message>
        <message>
            <source>These two serials do not make a range.</source>
            <translation>这两个印制号不能组成一段连续号码。</translation>
        </message>
        <message>
            <source>Type the first and the last serial of the pack: same beginning, the last number after the first.</source>
            <translation>请输入这包证书纸的起号和止号：前缀相同，止号大于起号。</translation>
        </message>
        <message>
            <source>This unit has no certificate printed and not yet handed over.</source>
            <translation>该单元没有已打印但尚未交付的证书。</translation>
        </message>
        <message>
            <source>Only a bound certificate that is still at the counter is reprinted.</source>
            <translation>只有已绑定、仍在窗口未交付的证书才能重打。</translation>
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
        <name>Pager</name>
        <message>
            <source>Previous page</source>
            <translation>上一页</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>下一页</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>第 {page} 页，共 {pages} 页</translation>
        </message>
    </context>
    <context>
        <name>SectionScreen</name>
        <message>
            <source>Log in at the counter first; the back office is for signed-in staff.</source>
            <translation>请先在窗口登录；后台业务仅供已登录的工作人员使用。</translation>
        </message>
        <message>
            <source>Only a supervisor may open this. Ask a supervisor to log in.</source>
            <translation>只有主管可以打开此页。请主管登录。</translation>
        </message>
    </context>
    <context>
        <name>StaffRosterScreen</name>
        <message>
            <source>Staff roster</source>
            <translation>人员名册</translation>
        </message>
        <message>
            <source>Add staff</source>
            <translation>添加人员</translation>
        </message>
        <message>
            <source>Reset PIN</source>
            <translation>重置 PIN 码</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>如 2027-06-30</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>主管</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>窗口人员</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>技术人员</translation>
        </message>
        <message>
            <source>deactivated</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>certification expired</source>
            <translation>持证已过期</translation>
        </message>
        <message>
            <source>locked after wrong PINs until {time}</source>
            <translation>PIN 码错误次数过多，已锁定至 {time}</translation>
        </message>
        <message>
            <source>certification expires in {days} days</source>
            <translation>持证将于 {days} 天后到期</translation>
        </message>
        <message>
            <source>certified</source>
            <translation>持证有效</translation>
        </message>
        <message>
            <source>Loading the roster…</source>
            <translation>正在读取人员名册…</translation>
        </message>
        <message>
            <source>{n} on the roster: {expiring} expiring within 30 days, {expired} expired, {locked} locked.</source>
            <translation>名册共 {n} 人：{expiring} 人 30 天内到期，{expired} 人已过期，{locked} 人被锁定。</translation>
        </message>
        <message>
            <source>Certification {number}, until {date}</source>
            <translation>上岗证 {number}，有效期至 {date}</translation>
        </message>
        <message>
            <source>{id} is unlocked and may log in again.</source>
            <translation>{id} 已解锁，可以重新登录。</translation>
        </message>
        <message>
            <source>Type the new staff number on the keypad (e.g. S010).</source>
            <translation>请用键盘输入新工号（如 S010）。</translation>
        </message>
        <message>
            <source>Tap the name field and write the name.</source>
            <translation>请点姓名框，填写姓名。</translation>
        </message>
        <message>
            <source>Tap the certification field and write its number.</source>
            <translation>请点上岗证号框，填写证号。</translation>
        </message>
        <message>
            <source>Type the certification's expiry date as YYYY-MM-DD.</source>
            <translation>请按 YYYY-MM-DD 输入上岗证的有效期（如 2027-06-30）。</translation>
        </message>
        <message>
            <source>Type the new PIN (6 to 12 digits).</source>
            <translation>请输入新的 PIN 码（6 至 12 位数字）。</translation>
        </message>
        <message>
            <source>Type the same PIN again in the second PIN field.</source>
            <translation>请在第二个 PIN 码框中再输入一次同样的 PIN 码。</translation>
        </message>
        <message>
            <source>Staff number</source>
            <translation>工号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Certificate no.</source>
            <translation>上岗证号</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>New PIN</source>
            <translation>新 PIN 码</translation>
        </message>
        <message>
            <source>PIN again</source>
            <translation>再输一次</translation>
        </message>
        <message>
            <source>New PIN for {id} {name}</source>
            <translation>为 {id} {name} 设置新 PIN 码</translation>
        </message>
        <message>
            <source>Add a staff member</source>
            <translation>添加工作人员</translation>
        </message>
        <message>
            <source>Tap Save.</source>
            <translation>请点“保存”。</translation>
        </message>
        <message>
            <source>{id} has a new PIN.</source>
            <translation>{id} 的新 PIN 码已生效。</translation>
        </message>
        <message>
            <source>{id} {name} is on the roster and may log in.</source>
            <translation>{id} {name} 已加入名册，可以登录。</translation>
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
            <translation>请点 PIN 码框，输入主管的 PIN 码（6 至 12 位数字）。</translation>
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
            <translation>PIN 码</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Checking the supervisor's PIN…</source>
            <translation>正在核对主管的 PIN 码…</translation>
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
            <source>{title}: {action}</source>
            <translation>{title}：{action}</translation>
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
