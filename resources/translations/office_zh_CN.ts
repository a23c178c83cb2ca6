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
            <source>Supervision ledger</source>
            <translation>督查台账</translation>
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
        <name>SupervisionScreen</name>
        <message>
            <source>The USB stick is gone. Plug it in again, tap Look again and choose it.</source>
            <translation>U盘已拔出。请重新插入，点“重新查找”后选中它。</translation>
        </message>
        <message>
            <source>The CSV file could not be written on the USB stick (full or write-protected?). Nothing was exported; free some space or use another stick.</source>
            <translation>CSV 文件写不进U盘（可能已满或写保护），什么都没有导出。请腾出空间或换一个U盘。</translation>
        </message>
        <message>
            <source>The PDF file could not be written on the USB stick (full or write-protected?). Nothing was exported; free some space or use another stick.</source>
            <translation>PDF 文件写不进U盘（可能已满或写保护），什么都没有导出。请腾出空间或换一个U盘。</translation>
        </message>
        <message>
            <source>Not registered (no certificate number)</source>
            <translation>未登记（无证书号）</translation>
        </message>
        <message>
            <source>Payment not confirmed</source>
            <translation>缴费未确认</translation>
        </message>
        <message>
            <source>Developer restricted</source>
            <translation>开发企业受限</translation>
        </message>
        <message>
            <source>Contract not filed</source>
            <translation>合同未备案</translation>
        </message>
        <message>
            <source>Keys not ready</source>
            <translation>钥匙未就绪</translation>
        </message>
        <message>
            <source>Very satisfied</source>
            <translation>非常满意</translation>
        </message>
        <message>
            <source>Satisfied</source>
            <translation>满意</translation>
        </message>
        <message>
            <source>Basically satisfied</source>
            <translation>基本满意</translation>
        </message>
        <message>
            <source>Dissatisfied</source>
            <translation>不满意</translation>
        </message>
        <message>
            <source>Very dissatisfied</source>
            <translation>非常不满意</translation>
        </message>
        <message>
            <source>All service points</source>
            <translation>全部网点</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Supervision ledger</source>
            <translation>督查台账</translation>
        </message>
        <message>
            <source>Only signed-in staff can see the supervision ledger. Log in at the counter first.</source>
            <translation>督查台账只对已登录的工作人员开放。请先在窗口登录。</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <source>{point} · {day} · {delivered} of {units} units handed over, {blocked} blocked{training}</source>
            <translation>{point} · {day} · 共 {units} 套，已交证 {delivered} 套，受阻 {blocked} 套{training}</translation>
        </message>
        <message>
            <source> · training data</source>
            <translation> · 培训数据</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Ledger</source>
            <translation>台账</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>交付进度</translation>
        </message>
        <message>
            <source>Blocked</source>
            <translation>受阻</translation>
        </message>
        <message>
            <source>Days to title</source>
            <translation>办证天数</translation>
        </message>
        <message>
            <source>Ratings</source>
            <translation>好差评</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Point</source>
            <translation>网点</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>单元</translation>
        </message>
        <message>
            <source>Eligible</source>
            <translation>可交付</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>已交证</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>待办理</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>天数</translation>
        </message>
        <message>
            <source>▲ a project with blocked units. Days: least / median / most, from joint acceptance to certificate.</source>
            <translation>▲ 表示该项目有受阻单元。天数：从联合验收到交证，最少 / 中位 / 最多。</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>第 {page} 页，共 {pages} 页</translation>
        </message>
        <message>
            <source>◀ Prev</source>
            <translation>◀ 上一页</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>下一页 ▶</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Total {point}</source>
            <translation>{point} 合计</translation>
        </message>
        <message>
            <source>Units per project: handed over, pending, blocked</source>
            <translation>各项目单元：已交证、待办理、受阻</translation>
        </message>
        <message>
            <source>Handed over</source>
            <translation>已交证</translation>
        </message>
        <message>
            <source>Blocked units by the first check they fail</source>
            <translation>受阻单元（按第一项未通过的检查）</translation>
        </message>
        <message>
            <source>Blocked units</source>
            <translation>受阻单元</translation>
        </message>
        <message>
            <source>Calendar days from joint acceptance to certificate</source>
            <translation>从联合验收到交证的自然日数</translation>
        </message>
        <message>
            <source>Least</source>
            <translation>最少</translation>
        </message>
        <message>
            <source>Median</source>
            <translation>中位</translation>
        </message>
        <message>
            <source>Most</source>
            <translation>最多</translation>
        </message>
        <message>
            <source>Buyers' ratings (好差评) of handovers</source>
            <translation>购房人对交证服务的好差评</translation>
        </message>
        <message>
            <source>The ledger as it stands now is written as a CSV file (for Excel) and as the printable PDF. Plug in a USB stick and choose it.</source>
            <translation>把当前台账写成 CSV 文件（可用 Excel 打开）和可打印的 PDF。请插入U盘并选中它。</translation>
        </message>
        <message>
            <source>No USB stick found. Plug one in, then tap Look again.</source>
            <translation>没有找到U盘。请插入U盘，再点“重新查找”。</translation>
        </message>
        <message>
            <source>Look again</source>
            <translation>重新查找</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>正在写入…</translation>
        </message>
        <message>
            <source>Write CSV and PDF</source>
            <translation>写入 CSV 和 PDF</translation>
        </message>
        <message>
            <source>✔ Written: {csv} and {pdf}. Remove the USB stick.</source>
            <translation>✔ 已写入：{csv} 和 {pdf}。请取下U盘。</translation>
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
