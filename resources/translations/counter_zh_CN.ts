<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>HandoverScreen</name>
        <message>
            <source>Agent {agent} for {name}</source>
            <translation>代理人 {agent}（代 {name}）</translation>
        </message>
        <message>
            <source>Handover with certificate</source>
            <translation>交房即交证</translation>
        </message>
        <message>
            <source>Back to the queue</source>
            <translation>返回待办列表</translation>
        </message>
        <message>
            <source>Start the handover</source>
            <translation>开始办理交房</translation>
        </message>
        <message>
            <source>Identify every holder: the ID card on the reader, the e-ID QR code at the scanner, or the number typed on the keypad.</source>
            <translation>核验每位权利人：身份证放上读卡器、电子身份证二维码对准扫码器，或在键盘上输入号码。</translation>
        </message>
        <message>
            <source>Identify the typed number</source>
            <translation>核验输入的号码</translation>
        </message>
        <message>
            <source>The supervisor's own number and PIN, and why this unit may proceed. It is recorded and reported.</source>
            <translation>由主管输入本人工号和 PIN，并写明本单元准予办理的理由。此操作将被记录并上报。</translation>
        </message>
        <message>
            <source>Handover with certificate, unit {unit}</source>
            <translation>交房即交证：{unit}</translation>
        </message>
        <message>
            <source>For {name} {id}</source>
            <translation>代{name} {id}</translation>
        </message>
        <message>
            <source>The agent's ID number</source>
            <translation>代理人身份证号</translation>
        </message>
        <message>
            <source>A holder's ID number</source>
            <translation>权利人身份证号</translation>
        </message>
        <message>
            <source>Back to identifying the holders</source>
            <translation>返回核验权利人</translation>
        </message>
        <message>
            <source>An agent comes for absent holders</source>
            <translation>未到场权利人由代理人办理</translation>
        </message>
        <message>
            <source>The agent's ID number on the keypad; the authorisation (授权委托书) number here.</source>
            <translation>在键盘上输入代理人身份证号；在此填写授权委托书编号。</translation>
        </message>
        <message>
            <source>The keypad types the supervisor's PIN.</source>
            <translation>键盘正在输入主管 PIN。</translation>
        </message>
        <message>
            <source>The keypad types the supervisor's staff number. Tap the PIN field next.</source>
            <translation>键盘正在输入主管工号。输完后请点 PIN 栏。</translation>
        </message>
        <message>
            <source>Read ID card</source>
            <translation>读取身份证</translation>
        </message>
        <message>
            <source>Scan e-ID QR</source>
            <translation>扫电子身份证</translation>
        </message>
        <message>
            <source>Authorisation number</source>
            <translation>授权委托书编号</translation>
        </message>
        <message>
            <source>Record the agent</source>
            <translation>登记代理人</translation>
        </message>
        <message>
            <source>Next: the checks</source>
            <translation>下一步：交房检查</translation>
        </message>
        <message>
            <source>Run the checks</source>
            <translation>执行交房检查</translation>
        </message>
        <message>
            <source>Back to identification</source>
            <translation>返回核验身份</translation>
        </message>
        <message>
            <source>Supervisor override for the restricted developer</source>
            <translation>开发企业受限：主管授权放行</translation>
        </message>
        <message>
            <source>Supervisor's staff number</source>
            <translation>主管工号</translation>
        </message>
        <message>
            <source>Supervisor's PIN</source>
            <translation>主管 PIN</translation>
        </message>
        <message>
            <source>Written reason</source>
            <translation>书面理由</translation>
        </message>
        <message>
            <source>Allow this unit</source>
            <translation>准予本单元办理</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Stop signing</source>
            <translation>中止签署</translation>
        </message>
        <message>
            <source>Bind the typed serial</source>
            <translation>绑定输入的印制号</translation>
        </message>
        <message>
            <source>Scan the certificate</source>
            <translation>扫描证书</translation>
        </message>
        <message>
            <source>Print on blank certificate stock</source>
            <translation>用空白证书纸打印</translation>
        </message>
        <message>
            <source>Serial printed on the certificate paper</source>
            <translation>证书纸上的印制号</translation>
        </message>
        <message>
            <source>Print the receipt</source>
            <translation>打印回执</translation>
        </message>
        <message>
            <source>Continue without the paper receipt</source>
            <translation>暂不打印回执，继续</translation>
        </message>
        <message>
            <source>The keys are handed over</source>
            <translation>钥匙已交给买受人</translation>
        </message>
        <message>
            <source>Confirm the delivery</source>
            <translation>确认交付</translation>
        </message>
        <message>
            <source>Identify</source>
            <translation>核验身份</translation>
        </message>
        <message>
            <source>Checks</source>
            <translation>交房检查</translation>
        </message>
        <message>
            <source>Sign</source>
            <translation>签署文书</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>绑定证书</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>打印回执</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>交付钥匙</translation>
        </message>
        <message>
            <source>Deliver</source>
            <translation>确认交付</translation>
        </message>
        <message>
            <source>Hand the keys to the buyer, then confirm here.</source>
            <translation>请把钥匙交给买受人，然后在此确认。</translation>
        </message>
        <message>
            <source>Everything is done. Confirm the delivery: the checks run once more and the case is closed.</source>
            <translation>各项已办完。请确认交付：系统将再检查一次，然后办结本案。</translation>
        </message>
        <message>
            <source>Delivered. Keys and certificate {number} are handed over.</source>
            <translation>已交付。钥匙和不动产权证书 {number} 已交给买受人。</translation>
        </message>
        <message>
            <source>Loading the case…</source>
            <translation>正在读取案件…</translation>
        </message>
        <message>
            <source>{project}, building {building}, room {room}
Holders: {holders}</source>
            <translation>{project} {building} 幢 {room} 室
权利人：{holders}</translation>
        </message>
        <message>
            <source>present</source>
            <translation>已到场</translation>
        </message>
        <message>
            <source>represented by the agent</source>
            <translation>由代理人办理</translation>
        </message>
        <message>
            <source>not yet identified</source>
            <translation>尚未核验</translation>
        </message>
        <message>
            <source>{mark} {name} {id}: {state}</source>
            <translation>{mark} {name} {id}：{state}</translation>
        </message>
        <message>
            <source>Agent {agent}, authorisation {number}</source>
            <translation>代理人 {agent}，授权委托书 {number}</translation>
        </message>
        <message>
            <source>✔ passed: {what}</source>
            <translation>✔ 通过：{what}</translation>
        </message>
        <message>
            <source>✘ failed: {what}
    next: {todo}</source>
            <translation>✘ 未通过：{what}
    下一步：{todo}</translation>
        </message>
        <message>
            <source>the project is registered</source>
            <translation>项目已首次登记</translation>
        </message>
        <message>
            <source>the contract is filed</source>
            <translation>合同已网签备案</translation>
        </message>
        <message>
            <source>every payment is confirmed</source>
            <translation>税费已全部缴清</translation>
        </message>
        <message>
            <source>the registration is recorded, with a certificate number</source>
            <translation>转移登记已登簿（有证书号）</translation>
        </message>
        <message>
            <source>the developer is not restricted</source>
            <translation>开发企业未受信用限制</translation>
        </message>
        <message>
            <source>the keys are ready</source>
            <translation>钥匙已就绪</translation>
        </message>
        <message>
            <source>every holder is present or represented</source>
            <translation>全部权利人到场或已委托</translation>
        </message>
        <message>
            <source>Recording the signatures…</source>
            <translation>正在保存签名…</translation>
        </message>
        <message>
            <source>the handover confirmation</source>
            <translation>房屋交接确认书</translation>
        </message>
        <message>
            <source>the certificate receipt</source>
            <translation>不动产权证书领取确认</translation>
        </message>
        <message>
            <source>Please turn the screen to the buyer. {signer}, please sign: {paper} ({n} of {total})</source>
            <translation>请将屏幕转向买受人。请{signer}签字：{paper}（第 {n} 个，共 {total} 个）</translation>
        </message>
        <message>
            <source>Certificate number: {number}</source>
            <translation>不动产权证书号：{number}</translation>
        </message>
        <message>
            <source>Pre-printed paper expected, serial {serial}: scan or type it.</source>
            <translation>本案使用已印制的证书，印制号 {serial}：请扫描或输入。</translation>
        </message>
        <message>
            <source>No paper is pre-printed: print on blank stock, or scan or type the serial of the paper used.</source>
            <translation>没有已印制的证书：请用空白证书纸打印，或扫描、输入所用证书纸的印制号。</translation>
        </message>
        <message>
            <source>No receipt printer is configured. The receipt stays queued; call the technician.</source>
            <translation>未配置回执打印机。回执将留在打印队列中；请呼叫技术人员。</translation>
        </message>
        <message>
            <source>The receipt is queued but not printed: {error}</source>
            <translation>回执已排队，但尚未打印：{error}</translation>
        </message>
        <message>
            <source>Print the handover receipt with the e-certificate QR code for the buyer.</source>
            <translation>为买受人打印带电子证照二维码的交房回执。</translation>
        </message>
        <message>
            <source>The receipt did not print: {error}. Fix the printer and print again; the receipt stays queued.</source>
            <translation>回执没有打印出来：{error}。请处理打印机后重新打印；回执仍在打印队列中。</translation>
        </message>
        <message>
            <source>The receipt is printed.</source>
            <translation>回执已打印。</translation>
        </message>
    </context>
    <context>
        <name>QueueScreen</name>
        <message>
            <source>Search</source>
            <translation>查询</translation>
        </message>
        <message>
            <source>Scan a code</source>
            <translation>扫码查询</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>显示全部</translation>
        </message>
        <message>
            <source>Back office</source>
            <translation>后台业务</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>上一页</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>下一页</translation>
        </message>
        <message>
            <source>Unit code, certificate or ID number</source>
            <translation>单元代码、证书号或身份证号</translation>
        </message>
        <message>
            <source>Ready for handover ({n})</source>
            <translation>可以交房（{n}）</translation>
        </message>
        <message>
            <source>In a handover ({n})</source>
            <translation>正在办理（{n}）</translation>
        </message>
        <message>
            <source>Blocked: {label} ({n})</source>
            <translation>暂不能办理：{label}（{n}）</translation>
        </message>
        <message>
            <source>project not yet registered</source>
            <translation>项目未首次登记</translation>
        </message>
        <message>
            <source>contract not filed</source>
            <translation>合同未备案</translation>
        </message>
        <message>
            <source>payment not confirmed</source>
            <translation>缴费未确认</translation>
        </message>
        <message>
            <source>not registered (no certificate number)</source>
            <translation>未登记（无证书号）</translation>
        </message>
        <message>
            <source>developer restricted</source>
            <translation>开发企业受限</translation>
        </message>
        <message>
            <source>keys not ready</source>
            <translation>钥匙未就绪</translation>
        </message>
        <message>
            <source>holders missing</source>
            <translation>权利人未到齐</translation>
        </message>
        <message>
            <source>Loading the cases…</source>
            <translation>正在读取案件…</translation>
        </message>
        <message>
            <source>Search: {text}. </source>
            <translation>查询：{text}。</translation>
        </message>
        <message>
            <source>{ready} ready, {busy} in a handover, {blocked} blocked, {delivered} delivered.</source>
            <translation>可以交房 {ready} 件，正在办理 {busy} 件，暂不能办理 {blocked} 件，已交付 {delivered} 件。</translation>
        </message>
        <message>
            <source>No case matches. Type at least 4 characters of a unit code or certificate number, or a whole ID number; or show all cases.</source>
            <translation>没有符合的案件。单元代码或证书号请至少输入4位，身份证号请输入完整号码；或显示全部案件。</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>第 {page} 页，共 {pages} 页</translation>
        </message>
        <message>
            <source>Start handover</source>
            <translation>办理交房</translation>
        </message>
        <message>
            <source>Continue handover</source>
            <translation>继续办理</translation>
        </message>
    </context>
    <context>
        <name>RefusalPanel</name>
        <message>
            <source>The kiosk refused this step.</source>
            <translation>系统未能办理这一步。</translation>
        </message>
        <message>
            <source>Read the line below to the supervisor, or call the technician.</source>
            <translation>请把下面一行告知主管，或呼叫技术人员。</translation>
        </message>
        <message>
            <source>The device or the kiosk did not answer.</source>
            <translation>设备或系统没有响应。</translation>
        </message>
        <message>
            <source>Try again; if it happens again, call the technician.</source>
            <translation>请重试；如再次出现，请呼叫技术人员。</translation>
        </message>
        <message>
            <source>The PIN is wrong.</source>
            <translation>PIN 不正确。</translation>
        </message>
        <message>
            <source>Type it again carefully: after several wrong PINs in a row the account is locked.</source>
            <translation>请仔细重新输入；连续输错多次，账号将被锁定。</translation>
        </message>
        <message>
            <source>This staff account is locked after repeated wrong PINs.</source>
            <translation>PIN 连续输错，该工作人员账号已被锁定。</translation>
        </message>
        <message>
            <source>Wait until the lock ends, or ask a supervisor.</source>
            <translation>请等待锁定结束，或请主管处理。</translation>
        </message>
        <message>
            <source>Your work certification (持证上岗) has expired.</source>
            <translation>您的持证上岗证书已过期。</translation>
        </message>
        <message>
            <source>Renew the certification first; ask a supervisor.</source>
            <translation>请先办理证书续期再上岗；请联系主管。</translation>
        </message>
        <message>
            <source>There is no staff member with this number on this kiosk.</source>
            <translation>本机没有这个工号的工作人员。</translation>
        </message>
        <message>
            <source>Check the number, or ask a supervisor to sync the roster.</source>
            <translation>请核对工号，或请主管同步人员名单。</translation>
        </message>
        <message>
            <source>This staff account is deactivated.</source>
            <translation>该工作人员账号已停用。</translation>
        </message>
        <message>
            <source>Ask a supervisor.</source>
            <translation>请联系主管。</translation>
        </message>
        <message>
            <source>This staff member has no PIN on this kiosk yet (added at another kiosk).</source>
            <translation>该工作人员在本机还没有 PIN 码（在其他终端添加）。</translation>
        </message>
        <message>
            <source>Ask a supervisor to set your PIN here with Reset PIN.</source>
            <translation>请主管在本机用“重置 PIN 码”为您设置。</translation>
        </message>
        <message>
            <source>This ID card is not on this kiosk's staff roster.</source>
            <translation>这张身份证不在本机的工作人员名册中。</translation>
        </message>
        <message>
            <source>Log in with your staff number, or ask a supervisor to sync the roster.</source>
            <translation>请用工号登录，或请主管同步工作人员名册。</translation>
        </message>
        <message>
            <source>This is a buyer's ID card, not a staff member's.</source>
            <translation>这是购房人的身份证，不是工作人员的。</translation>
        </message>
        <message>
            <source>Use your own card or staff number.</source>
            <translation>请用本人身份证或工号登录。</translation>
        </message>
        <message>
            <source>No ID card was read.</source>
            <translation>没有读到身份证。</translation>
        </message>
        <message>
            <source>Place the card flat on the reader and try again.</source>
            <translation>请把身份证平放在读卡器上，再试一次。</translation>
        </message>
        <message>
            <source>The card was moved while it was being read.</source>
            <translation>读卡时身份证被移动了。</translation>
        </message>
        <message>
            <source>Place it again and hold it still.</source>
            <translation>请重新放好，不要移动。</translation>
        </message>
        <message>
            <source>Only a supervisor may do this.</source>
            <translation>此操作只能由主管办理。</translation>
        </message>
        <message>
            <source>Ask a supervisor to enter their staff number and PIN.</source>
            <translation>请主管输入本人工号和 PIN。</translation>
        </message>
        <message>
            <source>A written reason is needed.</source>
            <translation>需要填写书面理由。</translation>
        </message>
        <message>
            <source>Write in a sentence why the case may proceed.</source>
            <translation>请用一句话写明准予办理的理由。</translation>
        </message>
        <message>
            <source>This person is not a holder of this unit.</source>
            <translation>此人不是本单元的权利人。</translation>
        </message>
        <message>
            <source>Only the buyers on the contract, or their authorised agent, can take over the unit.</source>
            <translation>只有合同上的买受人或其委托代理人可以办理交房。</translation>
        </message>
        <message>
            <source>The agent's authorisation number is missing.</source>
            <translation>缺少代理人的授权委托书编号。</translation>
        </message>
        <message>
            <source>Type the number of the notarised authorisation (授权委托书).</source>
            <translation>请输入经公证的授权委托书编号。</translation>
        </message>
        <message>
            <source>The master data on this kiosk is too old to start a new handover.</source>
            <translation>本机基础数据已过期，不能开始新的交房。</translation>
        </message>
        <message>
            <source>Connect the kiosk so it can sync, then start again.</source>
            <translation>请连接网络完成同步后再开始。</translation>
        </message>
        <message>
            <source>This unit already has a handover in progress.</source>
            <translation>该单元已有正在办理的交房。</translation>
        </message>
        <message>
            <source>Continue that handover from the queue.</source>
            <translation>请从待办列表继续办理该交房。</translation>
        </message>
        <message>
            <source>Not every buyer has signed both papers.</source>
            <translation>还有买受人未签完两份文书。</translation>
        </message>
        <message>
            <source>Each buyer present signs the handover confirmation and the certificate receipt.</source>
            <translation>每位到场买受人都要签署房屋交接确认书和证书领取确认。</translation>
        </message>
        <message>
            <source>This certificate paper belongs to another case.</source>
            <translation>这张证书纸属于其他案件。</translation>
        </message>
        <message>
            <source>Take the paper of this unit and scan it again.</source>
            <translation>请取本单元的证书纸重新扫描。</translation>
        </message>
        <message>
            <source>This is the wrong certificate paper for this unit.</source>
            <translation>这不是本单元的证书纸。</translation>
        </message>
        <message>
            <source>Compare the serial with the registration and scan the right paper.</source>
            <translation>请核对印制号，扫描正确的证书纸。</translation>
        </message>
        <message>
            <source>This certificate serial is already used.</source>
            <translation>该证书印制号已被使用。</translation>
        </message>
        <message>
            <source>Check the paper; a spoiled paper is voided by a supervisor.</source>
            <translation>请检查证书纸；损坏的证书纸由主管作废。</translation>
        </message>
        <message>
            <source>This certificate serial is not in this service point's stock.</source>
            <translation>该印制号不在本网点的证书库存中。</translation>
        </message>
        <message>
            <source>Check the serial, or ask a supervisor to record the stock.</source>
            <translation>请核对印制号，或请主管登记库存。</translation>
        </message>
        <message>
            <source>There is no blank certificate paper in stock.</source>
            <translation>空白证书纸已无库存。</translation>
        </message>
        <message>
            <source>Ask a supervisor to record new stock, or bind a pre-printed certificate.</source>
            <translation>请主管登记新库存，或绑定已印制的证书。</translation>
        </message>
        <message>
            <source>The ID number's last character does not match.</source>
            <translation>身份证号码最后一位校验不符。</translation>
        </message>
        <message>
            <source>Compare the number with the ID card and type it again.</source>
            <translation>请对照身份证重新输入。</translation>
        </message>
        <message>
            <source>An old 15-digit ID number cannot be used.</source>
            <translation>不能使用旧的15位身份证号码。</translation>
        </message>
        <message>
            <source>Ask for the current 18-digit ID card.</source>
            <translation>请出示现行18位身份证。</translation>
        </message>
        <message>
            <source>This step cannot be done now.</source>
            <translation>现在不能办理这一步。</translation>
        </message>
        <message>
            <source>Go back to the queue and open the handover again.</source>
            <translation>请返回待办列表，重新打开该交房。</translation>
        </message>
    </context>
    <context>
        <name>StaffKeypad</name>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清空</translation>
        </message>
    </context>
    <context>
        <name>StaffLoginScreen</name>
        <message>
            <source>Staff login</source>
            <translation>工作人员登录</translation>
        </message>
        <message>
            <source>Use my ID card</source>
            <translation>刷本人身份证</translation>
        </message>
        <message>
            <source>Staff number</source>
            <translation>工号</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN 码</translation>
        </message>
        <message>
            <source>Place your ID card on the reader now.</source>
            <translation>请现在把身份证放在读卡器上。</translation>
        </message>
        <message>
            <source>ID card of {name}. The keypad types your PIN (6 to 12 digits).</source>
            <translation>已读取{name}的身份证。请用键盘输入 PIN 码（6至12位数字）。</translation>
        </message>
        <message>
            <source>The keypad types the PIN (6 to 12 digits). Tap the staff number to change it.</source>
            <translation>键盘正在输入 PIN 码（6至12位数字）。要修改工号，请点工号栏。</translation>
        </message>
        <message>
            <source>The keypad types the staff number, or use your ID card. Tap the PIN field next.</source>
            <translation>键盘输入工号，也可刷本人身份证。然后点 PIN 码栏。</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在核验…</translation>
        </message>
    </context>
</TS>
