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
        <name>ContractsScreen</name>
        <message>
            <source>Contracts: find the unit</source>
            <translation>网签：查找房屋</translation>
        </message>
        <message>
            <source>Draft the contract</source>
            <translation>按范本起草合同</translation>
        </message>
        <message>
            <source>Buyers sign</source>
            <translation>买受人签署</translation>
        </message>
        <message>
            <source>Correct: new version</source>
            <translation>更正（生成新版本）</translation>
        </message>
        <message>
            <source>Reason for the correction (required)</source>
            <translation>更正原因（必填）</translation>
        </message>
        <message>
            <source>New price (yuan)</source>
            <translation>新总价（元）</translation>
        </message>
        <message>
            <source>Save the new version</source>
            <translation>保存新版本</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Stop signing</source>
            <translation>停止签署</translation>
        </message>
        <message>
            <source>Buyer {n} of {total} signs: {name} ({id})</source>
            <translation>第 {n} 位买受人（共 {total} 位）签名：{name}（{id}）</translation>
        </message>
        <message>
            <source>Every buyer has signed; the contract is being sealed…</source>
            <translation>全部买受人已签名，正在加签合同……</translation>
        </message>
        <message>
            <source>Correct version {n}</source>
            <translation>更正第 {n} 版</translation>
        </message>
        <message>
            <source>Buyers: {list}</source>
            <translation>买受人：{list}</translation>
        </message>
        <message>
            <source>No contract yet: draft it from the template with the unit's price.</source>
            <translation>尚无合同：请按范本和房屋总价起草。</translation>
        </message>
        <message>
            <source>Version {n}, draft, price ¥{price}: each buyer signs it on this screen.</source>
            <translation>第 {n} 版，草稿，总价 ¥{price}：请每位买受人在本屏签名。</translation>
        </message>
        <message>
            <source>Version {n}, signed on {when}, price ¥{price}: the filing number arrives from the platform with the sync.</source>
            <translation>第 {n} 版，{when} 已签署，总价 ¥{price}：备案号将随同步从平台送达。</translation>
        </message>
        <message>
            <source>Version {n}, filed as {filing}, price ¥{price}.</source>
            <translation>第 {n} 版，已备案，备案号 {filing}，总价 ¥{price}。</translation>
        </message>
        <message>
            <source>Version {n} · {state} · ¥{price} · drafted {when}</source>
            <translation>第 {n} 版 · {state} · ¥{price} · {when} 起草</translation>
        </message>
        <message>
            <source> · corrected because: {reason}</source>
            <translation> · 更正原因：{reason}</translation>
        </message>
        <message>
            <source>draft, to be signed</source>
            <translation>草稿，待签署</translation>
        </message>
        <message>
            <source>signed, awaiting filing</source>
            <translation>已签署，待备案</translation>
        </message>
        <message>
            <source>filed</source>
            <translation>已备案</translation>
        </message>
        <message>
            <source>replaced by a correction</source>
            <translation>已被更正版本取代</translation>
        </message>
        <message>
            <source>discarded</source>
            <translation>已作废</translation>
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
        <name>OfficeRefusal</name>
        <message>
            <source>Neither a document number nor a QR code was given.</source>
            <translation>没有填写文件编号，也没有扫描二维码。</translation>
        </message>
        <message>
            <source>Type the acceptance document's number, or scan its QR code.</source>
            <translation>请输入验收文件编号，或扫描文件上的二维码。</translation>
        </message>
        <message>
            <source>The price is not an amount in yuan.</source>
            <translation>总价不是以元为单位的金额。</translation>
        </message>
        <message>
            <source>Type the new total price in yuan with at most two decimals, or leave it empty.</source>
            <translation>请输入以元为单位、最多两位小数的新总价，或留空。</translation>
        </message>
        <message>
            <source>The statement file cannot be read as a payee statement.</source>
            <translation>该文件无法作为收款单位的对账单读取。</translation>
        </message>
        <message>
            <source>Check the file below with the payee: a CSV with the columns channel_serial and amount_fen.</source>
            <translation>请与收款单位核对下方所示文件：应为含 channel_serial 和 amount_fen 两列的 CSV 文件。</translation>
        </message>
        <message>
            <source>A written reason is needed.</source>
            <translation>需要填写书面理由。</translation>
        </message>
        <message>
            <source>Write in a sentence why, at least 4 characters.</source>
            <translation>请用一句话写明原因，至少 4 个字。</translation>
        </message>
        <message>
            <source>There is no unit with this code on this kiosk.</source>
            <translation>本机没有这个单元号的房屋。</translation>
        </message>
        <message>
            <source>Check the unit code, or sync the master data.</source>
            <translation>请核对单元号，或同步基础数据。</translation>
        </message>
        <message>
            <source>There is no such project on this kiosk.</source>
            <translation>本机没有这个项目。</translation>
        </message>
        <message>
            <source>Sync the master data, then open the project again.</source>
            <translation>请同步基础数据后再打开该项目。</translation>
        </message>
        <message>
            <source>The first registration is already requested: acceptances can no longer change.</source>
            <translation>已申请首次登记，验收信息不能再更改。</translation>
        </message>
        <message>
            <source>Wait for the platform's answer.</source>
            <translation>请等待平台的审批结果。</translation>
        </message>
        <message>
            <source>This unit already has a contract.</source>
            <translation>这套房屋已有合同。</translation>
        </message>
        <message>
            <source>Open it; a signed contract is corrected as a new version.</source>
            <translation>请打开该合同；已签署的合同以新版本更正。</translation>
        </message>
        <message>
            <source>Not every buyer has signed the contract.</source>
            <translation>还有买受人没有签署合同。</translation>
        </message>
        <message>
            <source>Every buyer on the contract signs it.</source>
            <translation>合同上的每位买受人都须签名。</translation>
        </message>
        <message>
            <source>No buyer is recorded for this unit.</source>
            <translation>这套房屋没有登记买受人。</translation>
        </message>
        <message>
            <source>Sync the master data, or record the buyers first.</source>
            <translation>请同步基础数据，或先录入买受人。</translation>
        </message>
        <message>
            <source>The buyer has already paid part of this order.</source>
            <translation>买受人已缴纳该订单的部分款项。</translation>
        </message>
        <message>
            <source>Request the refund of the paid items first, then void the order.</source>
            <translation>请先申请退还已缴款项，再作废订单。</translation>
        </message>
        <message>
            <source>Only a paid item can be refunded.</source>
            <translation>只有已到账的款项才能退款。</translation>
        </message>
        <message>
            <source>An unpaid order is voided instead.</source>
            <translation>未缴费的订单请作废。</translation>
        </message>
        <message>
            <source>The refund of this item was already requested.</source>
            <translation>该款项已申请退款。</translation>
        </message>
        <message>
            <source>The payee's refund arrives with the sync.</source>
            <translation>收款单位的退款结果将随同步送达。</translation>
        </message>
        <message>
            <source>Training and real cases never mix.</source>
            <translation>培训数据与真实业务不能混用。</translation>
        </message>
        <message>
            <source>Use a session of the same kind as the case.</source>
            <translation>请使用与该业务相同类型的登录。</translation>
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
            <source>Joint acceptance</source>
            <translation>联合验收</translation>
        </message>
        <message>
            <source>Contracts</source>
            <translation>网签</translation>
        </message>
        <message>
            <source>Payments</source>
            <translation>缴费与对账</translation>
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
        <name>PaymentsScreen</name>
        <message>
            <source>Orders</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>Payments: find the unit</source>
            <translation>缴费：查找房屋</translation>
        </message>
        <message>
            <source>Reconciliation</source>
            <translation>每日对账</translation>
        </message>
        <message>
            <source>Other unit</source>
            <translation>其他房屋</translation>
        </message>
        <message>
            <source>Reconcile</source>
            <translation>对账</translation>
        </message>
        <message>
            <source>Day before</source>
            <translation>前一天</translation>
        </message>
        <message>
            <source>Day after</source>
            <translation>后一天</translation>
        </message>
        <message>
            <source>USB stick</source>
            <translation>读取U盘</translation>
        </message>
        <message>
            <source>Void the unpaid order with payment code {code} of unit {unit}</source>
            <translation>作废房屋 {unit} 缴费码为 {code} 的未缴订单</translation>
        </message>
        <message>
            <source>Request the refund of {item} ¥{amount} paid to {payee} (channel serial {serial})</source>
            <translation>申请退还已缴入{payee}的{item} ¥{amount}（渠道流水号 {serial}）</translation>
        </message>
        <message>
            <source>No payment order yet: the fees are computed at the buyer's payment step.</source>
            <translation>尚无缴费订单：费用在买受人缴费环节计算。</translation>
        </message>
        <message>
            <source>Payment code {code} · {state} · total ¥{total} · made {when}</source>
            <translation>缴费码 {code} · {state} · 合计 ¥{total} · {when} 生成</translation>
        </message>
        <message>
            <source>Void order</source>
            <translation>作废订单</translation>
        </message>
        <message>
            <source>Request refund</source>
            <translation>申请退款</translation>
        </message>
        <message>
            <source>awaiting payment</source>
            <translation>待缴费</translation>
        </message>
        <message>
            <source>paid in full</source>
            <translation>已缴清</translation>
        </message>
        <message>
            <source>void</source>
            <translation>已作废</translation>
        </message>
        <message>
            <source>refunded</source>
            <translation>已退款</translation>
        </message>
        <message>
            <source>tax bureau</source>
            <translation>税务机关</translation>
        </message>
        <message>
            <source>registration office</source>
            <translation>不动产登记机构</translation>
        </message>
        <message>
            <source>maintenance fund</source>
            <translation>住宅专项维修资金账户</translation>
        </message>
        <message>
            <source>{payee} · {name} ¥{amount} · paid {when}, serial {serial}</source>
            <translation>{payee} · {name} ¥{amount} · {when} 已到账，流水号 {serial}</translation>
        </message>
        <message>
            <source>{payee} · {name} ¥{amount} · refunded {when}</source>
            <translation>{payee} · {name} ¥{amount} · {when} 已退款</translation>
        </message>
        <message>
            <source>not yet paid</source>
            <translation>待缴</translation>
        </message>
        <message>
            <source>{payee} · {name} ¥{amount} · {state}</source>
            <translation>{payee} · {name} ¥{amount} · {state}</translation>
        </message>
        <message>
            <source>refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <source>payment</source>
            <translation>缴款</translation>
        </message>
        <message>
            <source>applied</source>
            <translation>已入账</translation>
        </message>
        <message>
            <source>a repeat, kept aside</source>
            <translation>重复送达，已另存不计</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>已拒收</translation>
        </message>
        <message>
            <source>{when} · {kind} ¥{amount} from {payee} · {result}</source>
            <translation>{when} · {payee}{kind} ¥{amount} · {result}</translation>
        </message>
        <message>
            <source>No statement chosen: only refunds can be listed.</source>
            <translation>未选择对账单：只能列出退款。</translation>
        </message>
        <message>
            <source>Whose statement is {file}?</source>
            <translation>{file} 是哪个收款账户的对账单？</translation>
        </message>
        <message>
            <source>Statement files on {volume}: tap one.</source>
            <translation>{volume} 上的对账单文件，点按选择：</translation>
        </message>
        <message>
            <source>No CSV file at the top of {volume}.</source>
            <translation>{volume} 根目录下没有 CSV 文件。</translation>
        </message>
        <message>
            <source>Choose the USB stick.</source>
            <translation>请选择U盘。</translation>
        </message>
        <message>
            <source>Plug in the USB stick with the payees' statement files (CSV).</source>
            <translation>请插入存有收款单位对账单（CSV 文件）的U盘。</translation>
        </message>
        <message>
            <source>statement ¥{amount}</source>
            <translation>对账单 ¥{amount}</translation>
        </message>
        <message>
            <source>no statement</source>
            <translation>无对账单</translation>
        </message>
        <message>
            <source>{payee}: confirmed ¥{confirmed} ({count} payments), still due ¥{due}, {statement}; {n} mismatches</source>
            <translation>{payee}：已到账 ¥{confirmed}（{count} 笔），待缴 ¥{due}，{statement}；不符 {n} 项</translation>
        </message>
        <message>
            <source>… and {n} more: kiosk reconcile --date {day} lists them all.</source>
            <translation>……另有 {n} 项：运行 kiosk reconcile --date {day} 可列出全部。</translation>
        </message>
        <message>
            <source>Missing from the statement</source>
            <translation>对账单缺少此笔</translation>
        </message>
        <message>
            <source>Not known to this kiosk</source>
            <translation>本机无此笔</translation>
        </message>
        <message>
            <source>Amount differs</source>
            <translation>金额不符</translation>
        </message>
        <message>
            <source>Confirmed on another day</source>
            <translation>本机记在其他日期</translation>
        </message>
        <message>
            <source>Listed twice on the statement</source>
            <translation>对账单重复列出</translation>
        </message>
        <message>
            <source>Refunded since</source>
            <translation>已退款</translation>
        </message>
        <message>
            <source>{type}: serial {serial} · kiosk ¥{kiosk} · statement ¥{statement}</source>
            <translation>{type}：流水号 {serial} · 本机 ¥{kiosk} · 对账单 ¥{statement}</translation>
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
    <context>
        <name>UnitMatches</name>
        <message>
            <source>Type or scan a unit code on the left.</source>
            <translation>请在左侧输入或扫描不动产单元号。</translation>
        </message>
        <message>
            <source>No unit matches. Type at least 4 characters of the unit code.</source>
            <translation>没有匹配的房屋。请至少输入单元号中的 4 位。</translation>
        </message>
        <message>
            <source>Units found: tap one to open it.</source>
            <translation>找到以下房屋，点按一套打开。</translation>
        </message>
        <message>
            <source>no contract yet</source>
            <translation>尚无合同</translation>
        </message>
        <message>
            <source>contract drafted</source>
            <translation>合同草稿</translation>
        </message>
        <message>
            <source>contract signed</source>
            <translation>合同已签署</translation>
        </message>
        <message>
            <source>contract filed</source>
            <translation>合同已备案</translation>
        </message>
        <message>
            <source>contract corrected</source>
            <translation>合同已更正</translation>
        </message>
        <message>
            <source>contract discarded</source>
            <translation>合同已作废</translation>
        </message>
    </context>
    <context>
        <name>UnitSearch</name>
        <message>
            <source>Unit code (4 characters or more)</source>
            <translation>不动产单元号（至少 4 位）</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>查找</translation>
        </message>
        <message>
            <source>Scan</source>
            <translation>扫码</translation>
        </message>
    </context>
</TS>
