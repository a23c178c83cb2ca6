<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>BuyerRefusal</name>
        <message>
            <source>This is an old 15-digit ID number, which can no longer be used. Please use your current 18-character ID card.</source>
            <translation>这是15位的旧身份证号码，已不能用于办理。请使用现行的18位身份证。</translation>
        </message>
        <message>
            <source>The ID number does not check out. Please compare it with your ID card.</source>
            <translation>身份证号码校验不通过。请对照身份证核对。</translation>
        </message>
        <message>
            <source>An ID number has 18 characters. Please type it again from your ID card.</source>
            <translation>身份证号码应为18位。请对照身份证重新输入。</translation>
        </message>
        <message>
            <source>This cannot be an ID number. Please compare it with your ID card.</source>
            <translation>这不是有效的身份证号码。请对照身份证核对。</translation>
        </message>
        <message>
            <source>This code does not carry an ID number. Please show your e-ID code or place your ID card.</source>
            <translation>这个二维码里没有身份证号码。请出示电子身份证二维码，或放置身份证。</translation>
        </message>
        <message>
            <source>Every buyer on the contract has to sign it. Please ask the other buyers to come, or ask staff.</source>
            <translation>合同上的每位买受人都要签名。请其他买受人到场，或咨询工作人员。</translation>
        </message>
        <message>
            <source>Every buyer present has to sign both papers. Please ask staff.</source>
            <translation>每位到场的买受人都要签署两份文书。请咨询工作人员。</translation>
        </message>
        <message>
            <source>A signature came from someone not on the contract. Please ask staff.</source>
            <translation>有签名不属于合同上的买受人。请咨询工作人员。</translation>
        </message>
        <message>
            <source>A signature came from someone not identified. Please ask staff.</source>
            <translation>有签名来自未核验身份的人。请咨询工作人员。</translation>
        </message>
        <message>
            <source>This ID card is not the signer's. The person named on the screen places their own ID card.</source>
            <translation>这不是签名人的身份证。请屏幕上显示姓名的本人放置自己的身份证。</translation>
        </message>
        <message>
            <source>A signer's own ID card was not read before signing. Please sign again: each signer places their ID card first.</source>
            <translation>签名前没有读取签名人本人的身份证。请重新签名：每位签名人先放置自己的身份证。</translation>
        </message>
        <message>
            <source>This step is already done or not possible now. Please go back to your case.</source>
            <translation>这一步已经办完或现在不能办理。请返回查看办理进度。</translation>
        </message>
        <message>
            <source>This is a practice case. Payments are only possible in practice mode.</source>
            <translation>这是演练数据，只能在演练模式下缴费。</translation>
        </message>
        <message>
            <source>This unit is not known at this terminal. Please ask staff.</source>
            <translation>本机没有这套房屋的信息。请咨询工作人员。</translation>
        </message>
        <message>
            <source>A payment order already exists for this unit. Please go back and open it.</source>
            <translation>这套房屋已有缴费单。请返回后打开该缴费单。</translation>
        </message>
        <message>
            <source>The signature could not be recorded. Please sign again.</source>
            <translation>签名未能保存。请重新签名。</translation>
        </message>
        <message>
            <source>This step cannot be done here now. Please ask staff for help.</source>
            <translation>这一步现在无法在本机办理。请咨询工作人员。</translation>
        </message>
        <message>
            <source>Something went wrong at the terminal. Nothing was lost; please ask staff for help.</source>
            <translation>本机出了点问题，已办理的内容不会丢失。请咨询工作人员。</translation>
        </message>
    </context>
    <context>
        <name>DoneScreen</name>
        <message>
            <source>Thank you. Your evaluation is recorded.</source>
            <translation>谢谢！您的评价已记录。</translation>
        </message>
        <message>
            <source>Mailing: first type your own ID number</source>
            <translation>邮寄证书：请先输入您本人的身份证号</translation>
        </message>
        <message>
            <source>Mailing: to whom, and where</source>
            <translation>邮寄证书：寄给谁，寄到哪里</translation>
        </message>
        <message>
            <source>Please type your own ID number first.</source>
            <translation>请先输入您本人的身份证号。</translation>
        </message>
        <message>
            <source>Congratulations on your new home</source>
            <translation>交房完成，祝贺您乔迁新居</translation>
        </message>
        <message>
            <source>Keep this code: photograph it or scan it into the e-certificate app to check your electronic certificate.</source>
            <translation>请保存此码：拍照或用电子证照App扫码，即可查验您的电子不动产权证书。</translation>
        </message>
        <message>
            <source>Mail the certificate</source>
            <translation>邮寄给未到场共有人</translation>
        </message>
        <message>
            <source>Please rate this service.</source>
            <translation>请评价本次服务。</translation>
        </message>
        <message>
            <source>Rate this service</source>
            <translation>评价本次服务</translation>
        </message>
        <message>
            <source>Back to the code</source>
            <translation>返回证书二维码</translation>
        </message>
        <message>
            <source>Change the rating</source>
            <translation>重新选择评价</translation>
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
            <source>What went wrong? (optional)</source>
            <translation>请告诉我们不满意的原因（可不填）</translation>
        </message>
        <message>
            <source>Send evaluation</source>
            <translation>提交评价</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一步</translation>
        </message>
        <message>
            <source>Back to the ID number</source>
            <translation>返回身份证号</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>收件人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Full postal address</source>
            <translation>详细邮寄地址</translation>
        </message>
        <message>
            <source>Send request</source>
            <translation>提交申请</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Certificate {number}</source>
            <translation>不动产权证书号 {number}</translation>
        </message>
        <message>
            <source>No e-certificate code yet</source>
            <translation>暂无电子证照码</translation>
        </message>
        <message>
            <source>The mailing request is sent. The tracking number comes by text message.</source>
            <translation>邮寄申请已提交，快递单号将以短信通知。</translation>
        </message>
        <message>
            <source>Mailing a certificate to an absent co-owner is arranged at the counter.</source>
            <translation>为未到场共有人邮寄证书，请到窗口办理。</translation>
        </message>
        <message>
            <source>Your rating: {level}</source>
            <translation>您的评价：{level}</translation>
        </message>
    </context>
    <context>
        <name>IdentifyScreen</name>
        <message>
            <source>Who are you? Choose one way</source>
            <translation>请选择一种方式核验身份</translation>
        </message>
        <message>
            <source>Place ID card</source>
            <translation>放置身份证</translation>
        </message>
        <message>
            <source>Show QR code</source>
            <translation>出示二维码</translation>
        </message>
        <message>
            <source>Type ID number</source>
            <translation>输入身份证号</translation>
        </message>
        <message>
            <source>Please place your ID card flat on the reader below the screen.</source>
            <translation>请将身份证平放在屏幕下方的读卡区。</translation>
        </message>
        <message>
            <source>Hold the QR code of your electronic ID or of your contract in front of the camera, about 20 cm away.</source>
            <translation>请将电子身份证或合同上的二维码对准摄像头，距离约20厘米。</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>继续</translation>
        </message>
        <message>
            <source>Enter your ID number</source>
            <translation>请输入身份证号</translation>
        </message>
        <message>
            <source>The camera picture appears here.</source>
            <translation>摄像头画面将显示在这里</translation>
        </message>
        <message>
            <source>The card reader is not working right now. Please show your QR code or type your ID number instead.</source>
            <translation>读卡器暂时无法使用。请改用二维码或输入身份证号。</translation>
        </message>
        <message>
            <source>The card was moved while it was being read. Please place it again and hold it still.</source>
            <translation>读卡时证件被移开了。请重新放好，稍等片刻不要移动。</translation>
        </message>
        <message>
            <source>This card cannot be read here. Please type your ID number instead.</source>
            <translation>本机无法读取这张证件。请改为输入身份证号。</translation>
        </message>
        <message>
            <source>The card could not be read. Please place it again, or choose another way on the left.</source>
            <translation>没有读到证件。请重新放置，或选择左侧的其他方式。</translation>
        </message>
        <message>
            <source>No card yet? You can also show your QR code or type your ID number: use the buttons on the left.</source>
            <translation>还没放好证件？也可以点左侧按钮，出示二维码或输入身份证号。</translation>
        </message>
        <message>
            <source>Still waiting for your card.</source>
            <translation>正在等待您放置身份证。</translation>
        </message>
        <message>
            <source>ID card ▼</source>
            <translation>身份证 ▼</translation>
        </message>
        <message>
            <source>ID card ▽</source>
            <translation>身份证 ▽</translation>
        </message>
        <message>
            <source>The camera is not working right now. Please place your ID card or type your ID number instead.</source>
            <translation>摄像头暂时无法使用。请改为放置身份证或输入身份证号。</translation>
        </message>
        <message>
            <source>No home purchase was found for this ID number at this terminal. Please check the number, or ask staff at the counter.</source>
            <translation>本机没有查到这个身份证号的购房记录。请核对号码，或到窗口咨询工作人员。</translation>
        </message>
    </context>
    <context>
        <name>MyCaseScreen</name>
        <message>
            <source>Your home purchase</source>
            <translation>我的办理进度</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Still missing, and what to do</source>
            <translation>还缺什么、下一步怎么办</translation>
        </message>
        <message>
            <source>Read and sign the contract</source>
            <translation>阅读并签署合同</translation>
        </message>
        <message>
            <source>Read and sign the handover papers</source>
            <translation>阅读并签署交房文书</translation>
        </message>
        <message>
            <source>Pay taxes and fees</source>
            <translation>缴纳税费</translation>
        </message>
        <message>
            <source>Certificate and evaluation</source>
            <translation>领证与评价</translation>
        </message>
        <message>
            <source>Previous unit</source>
            <translation>上一套房</translation>
        </message>
        <message>
            <source>Next unit</source>
            <translation>下一套房</translation>
        </message>
        <message>
            <source>Not ready for handover yet.</source>
            <translation>暂不具备交房条件。</translation>
        </message>
        <message>
            <source>Ready for handover: please go to the counter with every co-owner.</source>
            <translation>已具备交房条件：请与全体共有人一起到窗口办理。</translation>
        </message>
        <message>
            <source>Your handover is under way.</source>
            <translation>交房正在办理中。</translation>
        </message>
        <message>
            <source>Handed over. Your certificate is ready to keep.</source>
            <translation>已交房，请保存好您的不动产权证书。</translation>
        </message>
        <message>
            <source>Wait for the project's joint acceptance and first registration.</source>
            <translation>先完成联合验收各项并等待首次登记批准（随同步到达）</translation>
        </message>
        <message>
            <source>Sign the contract and wait for its filing number.</source>
            <translation>签订合同并等待备案号（随同步到达）</translation>
        </message>
        <message>
            <source>A supervisor may allow it with a written reason. Please ask staff.</source>
            <translation>主管可针对本单元书面说明理由后准予办理，请咨询工作人员</translation>
        </message>
        <message>
            <source>Pay with the payment code; confirmation takes minutes.</source>
            <translation>请使用缴费码缴费；到账确认可能需要几分钟</translation>
        </message>
        <message>
            <source>Nothing to do: the filing number arrives with the next sync.</source>
            <translation>无需操作：备案号由平台审核后随同步到达</translation>
        </message>
        <message>
            <source>Wait for the registration office's result.</source>
            <translation>等待登记机构审核，结果随下次同步到达</translation>
        </message>
        <message>
            <source>The developer confirms the keys when the flat is ready.</source>
            <translation>房屋具备交付条件后由开发企业确认钥匙就绪</translation>
        </message>
        <message>
            <source>Every co-owner comes in person, or an agent with an authorisation.</source>
            <translation>全体权利人本人到场，或由持授权委托书的代理人办理</translation>
        </message>
        <message>
            <source>Go to the counter with every co-owner to start the handover.</source>
            <translation>全体权利人到场后开始交房办理</translation>
        </message>
        <message>
            <source>Staff identify every co-owner, then check the case.</source>
            <translation>核验全部权利人身份后进行交房检查</translation>
        </message>
        <message>
            <source>Every co-owner present signs both papers.</source>
            <translation>请每位到场权利人签署两份文书</translation>
        </message>
        <message>
            <source>Staff bind your certificate to the case.</source>
            <translation>工作人员绑定您的不动产权证书</translation>
        </message>
        <message>
            <source>Staff print your receipt.</source>
            <translation>工作人员开具交房回执</translation>
        </message>
        <message>
            <source>Staff hand over your keys.</source>
            <translation>工作人员交付钥匙</translation>
        </message>
        <message>
            <source>Staff confirm the delivery.</source>
            <translation>工作人员确认交付，结束办理</translation>
        </message>
        <message>
            <source>The project is not registered for handover yet.</source>
            <translation>项目尚未完成联合验收和首次登记</translation>
        </message>
        <message>
            <source>The sale contract is not signed and filed yet.</source>
            <translation>商品房买卖合同尚未网签备案</translation>
        </message>
        <message>
            <source>The sale contract is signed and waits to be filed.</source>
            <translation>商品房买卖合同已签署，正在等待网签备案</translation>
        </message>
        <message>
            <source>Taxes and fees are not all paid and confirmed yet.</source>
            <translation>税费尚未全部缴清并确认到账</translation>
        </message>
        <message>
            <source>The transfer registration is not recorded yet.</source>
            <translation>转移登记尚未登簿</translation>
        </message>
        <message>
            <source>The developer is under a credit restriction.</source>
            <translation>开发企业被列入信用限制名单</translation>
        </message>
        <message>
            <source>The keys are not ready yet.</source>
            <translation>开发企业尚未确认钥匙就绪</translation>
        </message>
        <message>
            <source>Not every co-owner is here.</source>
            <translation>还有权利人未到场</translation>
        </message>
        <message>
            <source>The handover has not started yet.</source>
            <translation>尚未开始交房</translation>
        </message>
        <message>
            <source>The handover checks are not done yet.</source>
            <translation>交房办理已开始，尚未完成检查</translation>
        </message>
        <message>
            <source>The handover papers are not signed yet.</source>
            <translation>交房确认书和证书领取确认尚未签署</translation>
        </message>
        <message>
            <source>Your certificate is not ready at the counter yet.</source>
            <translation>不动产权证书尚未绑定</translation>
        </message>
        <message>
            <source>The receipt is not printed yet.</source>
            <translation>交房回执尚未开具</translation>
        </message>
        <message>
            <source>The keys are not handed over yet.</source>
            <translation>钥匙尚未交付</translation>
        </message>
        <message>
            <source>The delivery is not confirmed yet.</source>
            <translation>尚未确认交付</translation>
        </message>
        <message>
            <source>The project is registered.</source>
            <translation>项目已首次登记</translation>
        </message>
        <message>
            <source>The contract is filed.</source>
            <translation>合同已网签备案</translation>
        </message>
        <message>
            <source>Taxes and fees are paid.</source>
            <translation>税费已缴清</translation>
        </message>
        <message>
            <source>The transfer is registered.</source>
            <translation>转移登记已登簿</translation>
        </message>
        <message>
            <source>The developer is in good standing.</source>
            <translation>开发企业未受信用限制</translation>
        </message>
        <message>
            <source>The keys are ready.</source>
            <translation>钥匙已就绪</translation>
        </message>
        <message>
            <source>Every co-owner is here.</source>
            <translation>权利人均已到场</translation>
        </message>
        <message>
            <source>{project}, building {building}, room {room}</source>
            <translation>{project} {building}号楼 {room}室</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>已交付</translation>
        </message>
        <message>
            <source>Nothing yet.</source>
            <translation>暂无。</translation>
        </message>
        <message>
            <source>Nothing is missing.</source>
            <translation>手续齐全，无需补充。</translation>
        </message>
        <message>
            <source>Unit {n} of {total}</source>
            <translation>第 {n} 套，共 {total} 套</translation>
        </message>
    </context>
    <context>
        <name>PayScreen</name>
        <message>
            <source>Pay taxes and fees with one code</source>
            <translation>一码缴纳税费</translation>
        </message>
        <message>
            <source>Scan with a bank app, WeChat or Alipay. One payment pays every item.</source>
            <translation>请用银行App、微信或支付宝扫码。一次支付即缴清全部款项。</translation>
        </message>
        <message>
            <source>Back to my case</source>
            <translation>返回办理进度</translation>
        </message>
        <message>
            <source>Payment code {code}</source>
            <translation>缴费码 {code}</translation>
        </message>
        <message>
            <source>Total ¥{amount}</source>
            <translation>合计 ¥{amount}</translation>
        </message>
        <message>
            <source>Tax bureau</source>
            <translation>税务机关</translation>
        </message>
        <message>
            <source>Registration office</source>
            <translation>不动产登记机构</translation>
        </message>
        <message>
            <source>Maintenance fund account</source>
            <translation>住宅专项维修资金账户</translation>
        </message>
        <message>
            <source>confirmed ✓</source>
            <translation>已到账 ✓</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>待确认</translation>
        </message>
        <message>
            <source>{payee}: {name} ¥{amount} ({state})</source>
            <translation>{payee}：{name} ¥{amount}（{state}）</translation>
        </message>
        <message>
            <source>Paid already? Your payment is not lost: the confirmation can take a few minutes. You may come back later, or ask staff to check.</source>
            <translation>如已缴费：您的缴费不会丢失，到账确认可能需要几分钟，可稍后再来查看或请工作人员核实。</translation>
        </message>
        <message>
            <source>Not paid yet? Show the code again.</source>
            <translation>尚未缴费：请重新显示缴费码。</translation>
        </message>
        <message>
            <source>Show the code again</source>
            <translation>重新显示缴费码</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>再试一次</translation>
        </message>
        <message>
            <source>Preparing your payment code…</source>
            <translation>正在生成缴费码…</translation>
        </message>
        <message>
            <source>Paid: every item is confirmed.</source>
            <translation>已缴清：各项均已确认到账。</translation>
        </message>
        <message>
            <source>Thank you. Go back to your case for the next step.</source>
            <translation>谢谢。请返回办理进度，办理下一步。</translation>
        </message>
        <message>
            <source>The time for this code is up.</source>
            <translation>本次缴费码显示时间已到。</translation>
        </message>
        <message>
            <source>Time left {m}:{s:02d}</source>
            <translation>剩余时间 {m}:{s:02d}</translation>
        </message>
        <message>
            <source>Less than a minute left. After paying, please wait here for the confirmation.</source>
            <translation>剩余时间不到一分钟。缴费后请在此等待到账确认。</translation>
        </message>
    </context>
    <context>
        <name>ReadSignScreen</name>
        <message>
            <source>Page {n} of {total}</source>
            <translation>第 {n} 页，共 {total} 页</translation>
        </message>
        <message>
            <source>Signing opens on the last page.</source>
            <translation>读到最后一页后即可签名</translation>
        </message>
        <message>
            <source>the sale contract</source>
            <translation>商品房买卖合同</translation>
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
            <source>Signature {n} of {total}: {name}, please sign {paper}.</source>
            <translation>第 {n} 个签名，共 {total} 个：请{name}签署《{paper}》。</translation>
        </message>
        <message>
            <source>Please go to the service counter with every signer and their ID cards: staff will check them and you sign there.</source>
            <translation>请与每位签名人携带身份证到服务窗口，工作人员核验身份后在窗口签署。</translation>
        </message>
        <message>
            <source>Read and sign the contract</source>
            <translation>阅读并签署合同</translation>
        </message>
        <message>
            <source>Read and sign the handover papers</source>
            <translation>阅读并签署交房文书</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>上一页</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一页</translation>
        </message>
        <message>
            <source>I have read it: sign</source>
            <translation>已阅读，去签名</translation>
        </message>
        <message>
            <source>Sign again</source>
            <translation>重新签名</translation>
        </message>
        <message>
            <source>Read again</source>
            <translation>重新阅读</translation>
        </message>
    </context>
    <context>
        <name>SignerCard</name>
        <message>
            <source>The card reader is not working right now. Please sign at the counter.</source>
            <translation>读卡器暂时无法使用。请到服务窗口签署。</translation>
        </message>
        <message>
            <source>The card could not be read. Please place it again and hold it still.</source>
            <translation>没有读到身份证。请重新放置并保持不动。</translation>
        </message>
        <message>
            <source>This ID card is not {name}'s nor their agent's. Please place {name}'s card or the agent's own card.</source>
            <translation>这不是{name}或其代理人的身份证。请放置{name}本人或代理人本人的身份证。</translation>
        </message>
        <message>
            <source>This ID card is not {name}'s. Please place {name}'s own ID card.</source>
            <translation>这不是{name}的身份证。请放置{name}本人的身份证。</translation>
        </message>
        <message>
            <source>{name} is represented: the authorised agent, please place your own ID card on the reader.</source>
            <translation>{name}由代理人代为签署：请受托代理人把本人身份证放在读卡区。</translation>
        </message>
        <message>
            <source>{name}, please place your own ID card on the reader.</source>
            <translation>请{name}把本人身份证放在读卡区。</translation>
        </message>
        <message>
            <source>Each signer shows their own ID card before signing, so nobody can sign for someone else.</source>
            <translation>每位签名人签名前都要放置本人身份证，任何人不能代替他人签名。</translation>
        </message>
        <message>
            <source>ID card ▼</source>
            <translation>身份证 ▼</translation>
        </message>
        <message>
            <source>Sign at the counter</source>
            <translation>到服务窗口签署</translation>
        </message>
    </context>
</TS>
