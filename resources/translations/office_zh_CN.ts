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
            <source>New mailing request</source>
            <translation>新建邮寄申请</translation>
        </message>
        <message>
            <source>Back to the requests</source>
            <translation>返回邮寄申请列表</translation>
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
            <source>Tap the unit whose certificate is to be mailed: its registration is recorded and it is not handed over.</source>
            <translation>点选要邮寄证书的单元：登记已记载、尚未交付。</translation>
        </message>
        <message>
            <source>No certificate may be mailed now: mailing is asked for once the registration is recorded, before the handover.</source>
            <translation>现在没有可邮寄的证书：登记记载后、交付前才能申请邮寄，已绑定的证书不能邮寄。</translation>
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
            <source>Mail this one</source>
            <translation>邮寄此证</translation>
        </message>
        <message>
            <source>Mailing of unit {unit}'s certificate is requested ({id}); the mailing slip is queued for the printer.</source>
            <translation>单元 {unit} 的证书已申请邮寄（{id}），邮寄单已送打印。</translation>
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
            <source>from {since}, lifted on {lifted}</source>
            <translation>自 {since} 起，解除于 {lifted}</translation>
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
        <name>MailForm</name>
        <message>
            <source>Type the agent's ID number on the keypad.</source>
            <translation>请在数字键盘上输入代理人的身份证号码。</translation>
        </message>
        <message>
            <source>Type the holder's ID number on the keypad.</source>
            <translation>请在数字键盘上输入权利人的身份证号码。</translation>
        </message>
        <message>
            <source>Write the number of the agent's authorisation (授权委托书).</source>
            <translation>请填写代理人的授权委托书编号。</translation>
        </message>
        <message>
            <source>Write the recipient's name.</source>
            <translation>请填写收件人姓名。</translation>
        </message>
        <message>
            <source>Type the recipient's phone number.</source>
            <translation>请填写收件人电话。</translation>
        </message>
        <message>
            <source>Write the postal address.</source>
            <translation>请填写邮寄地址。</translation>
        </message>
        <message>
            <source>Tap Send: the request goes to the platform and the mailing slip is printed.</source>
            <translation>点“提交”：申请报送平台，并打印邮寄单。</translation>
        </message>
        <message>
            <source>Authorisation no.</source>
            <translation>授权委托书编号</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>收件人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Postal address</source>
            <translation>邮寄地址</translation>
        </message>
        <message>
            <source>Mail the certificate of unit {unit}</source>
            <translation>邮寄单元 {unit} 的证书</translation>
        </message>
        <message>
            <source>Holder in person</source>
            <translation>权利人本人</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>代理人</translation>
        </message>
        <message>
            <source>As on the paper</source>
            <translation>按委托书填写</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Mobile number</source>
            <translation>手机号码</translation>
        </message>
        <message>
            <source>Province, city, street, no.</source>
            <translation>省、市、区、街道门牌号</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>提交</translation>
        </message>
    </context>
    <context>
        <name>MailRefusal</name>
        <message>
            <source>The recipient's name is missing.</source>
            <translation>没有填写收件人姓名。</translation>
        </message>
        <message>
            <source>Write the name of the person who receives the certificate.</source>
            <translation>请填写收取证书的人的姓名。</translation>
        </message>
        <message>
            <source>The phone number is not right.</source>
            <translation>电话号码不对。</translation>
        </message>
        <message>
            <source>Type the recipient's phone number again: 7 to 20 digits.</source>
            <translation>请重新填写收件人电话：7 到 20 位数字。</translation>
        </message>
        <message>
            <source>The postal address is too short.</source>
            <translation>邮寄地址太短。</translation>
        </message>
        <message>
            <source>Write the full address: province, city, district, street and number.</source>
            <translation>请填写完整地址：省、市、区、街道和门牌号。</translation>
        </message>
        <message>
            <source>The ID number typed is not a holder of this unit.</source>
            <translation>输入的身份证号码不是本单元的权利人。</translation>
        </message>
        <message>
            <source>Compare it with the ID card, or choose Agent and type the authorisation number.</source>
            <translation>请与身份证核对；代理人申请请选“代理人”并填写授权委托书编号。</translation>
        </message>
        <message>
            <source>This unit's certificate is not recorded yet.</source>
            <translation>本单元的证书尚未登簿。</translation>
        </message>
        <message>
            <source>Mailing can be asked for once the registration is recorded.</source>
            <translation>登记记载后才能申请邮寄。</translation>
        </message>
        <message>
            <source>This unit's certificate can no longer be mailed: it is bound at a handover, or its mailing was already asked for.</source>
            <translation>本单元的证书不能再邮寄：已在交房时绑定，或已申请过邮寄。</translation>
        </message>
        <message>
            <source>Choose a unit from the list of certificates that may be mailed.</source>
            <translation>请从可邮寄证书的单元列表中选择。</translation>
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
            <translation>本机没有这个单元代码。</translation>
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
            <source>Open it; a contract, even a draft, is corrected as a new version.</source>
            <translation>请打开该合同；合同（草稿也一样）只能以新版本更正。</translation>
        </message>
        <message>
            <source>The scanner sent something that is not readable text.</source>
            <translation>扫码枪发来的内容无法识别为文字。</translation>
        </message>
        <message>
            <source>Ask the technician to set the scanner's output to UTF-8, then scan again.</source>
            <translation>请技术人员把扫码枪的输出设为 UTF-8，然后重新扫码。</translation>
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
            <source>Staff accounts are real: a training session does not change them.</source>
            <translation>员工账号是真实的：培训模式下不能更改。</translation>
        </message>
        <message>
            <source>End the training session and do this in a real one.</source>
            <translation>请退出培训模式，在正式模式下办理。</translation>
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
        <message>
            <source>{title}: {action}</source>
            <translation>{title}：{action}</translation>
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
