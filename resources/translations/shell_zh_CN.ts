<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>CallStaffPanel</name>
        <message>
            <source>Please wait here: a staff member is coming to help you.</source>
            <translation>请在这里稍候，
工作人员马上过来帮您。</translation>
        </message>
        <message>
            <source>If nobody comes within a few minutes, please go to the service desk.</source>
            <translation>如果几分钟后还没有人来，请到服务台咨询。</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>好的</translation>
        </message>
    </context>
    <context>
        <name>DemoPanel</name>
        <message>
            <source>Contract waiting for signatures</source>
            <translation>合同待签字</translation>
        </message>
        <message>
            <source>Contract filed, payment due</source>
            <translation>合同已备案，待缴费</translation>
        </message>
        <message>
            <source>Registered, keys not ready yet</source>
            <translation>已登记，钥匙尚未备好</translation>
        </message>
        <message>
            <source>Ready for handover at the counter</source>
            <translation>可到柜台办理交房</translation>
        </message>
        <message>
            <source>Handover started: papers to sign</source>
            <translation>交房已开始：待签交房文件</translation>
        </message>
        <message>
            <source>Delivered: certificate issued</source>
            <translation>已交付：证书已发放</translation>
        </message>
        <message>
            <source>The platform filed the contract.</source>
            <translation>平台已为合同网签备案。</translation>
        </message>
        <message>
            <source>The buyer paid with the code; the bank confirmed every item.</source>
            <translation>买受人已扫码缴费，银行已确认每一项到账。</translation>
        </message>
        <message>
            <source>The registration office recorded the certificate number.</source>
            <translation>登记机构已登簿，不动产权证书号已下达。</translation>
        </message>
        <message>
            <source>The developer marked the keys ready: go to the counter.</source>
            <translation>开发企业已确认钥匙就绪：请到柜台办理交房。</translation>
        </message>
        <message>
            <source>First the buyers sign the contract at the kiosk.</source>
            <translation>请先由买受人在自助机上签署合同。</translation>
        </message>
        <message>
            <source>First open the payment code on the kiosk's pay screen.</source>
            <translation>请先在自助机的缴费页面打开缴费码。</translation>
        </message>
        <message>
            <source>Nothing outside is left: the handover is at the counter.</source>
            <translation>外部环节已全部完成：请到柜台办理交房。</translation>
        </message>
        <message>
            <source>Not possible: {error}</source>
            <translation>无法办理：{error}</translation>
        </message>
        <message>
            <source>Counter staff</source>
            <translation>柜台工作人员</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>主管</translation>
        </message>
        <message>
            <source>Technician (closes the demo)</source>
            <translation>技术员（可关闭演示）</translation>
        </message>
        <message>
            <source>Demo: simulated card reader and camera</source>
            <translation>演示：模拟读卡器和摄像头</translation>
        </message>
        <message>
            <source>Simulated devices</source>
            <translation>模拟设备</translation>
        </message>
        <message>
            <source>Play a sample buyer when the kiosk asks; "Outside step" plays the platform, the bank and the developer.</source>
            <translation>一体机提示时扮演样例购房人；“外部下一步”替平台、银行和开发企业办理。</translation>
        </message>
        <message>
            <source>Remove card</source>
            <translation>取走身份证</translation>
        </message>
        <message>
            <source>Take QR away</source>
            <translation>收起二维码</translation>
        </message>
        <message>
            <source>Sign-in at the kiosk's staff entry (number or ID card, then the PIN):</source>
            <translation>在自助机的“工作人员”入口登录（工号或身份证，再输入密码）：</translation>
        </message>
        <message>
            <source>{role}: number {staff_id}, PIN {pin}</source>
            <translation>{role}：工号 {staff_id}，密码 {pin}</translation>
        </message>
        <message>
            <source>Place a staff member's ID card on the reader:</source>
            <translation>把工作人员的身份证放到读卡器上：</translation>
        </message>
        <message>
            <source>The card reader is not simulated.</source>
            <translation>读卡器不是模拟设备。</translation>
        </message>
        <message>
            <source>On the reader: {name}</source>
            <translation>读卡器上：{name}的身份证</translation>
        </message>
        <message>
            <source>No card on the reader.</source>
            <translation>读卡器上没有身份证。</translation>
        </message>
        <message>
            <source>The camera is not simulated.</source>
            <translation>摄像头不是模拟设备。</translation>
        </message>
        <message>
            <source>The camera sees the QR code of {name}</source>
            <translation>摄像头前：{name}的二维码</translation>
        </message>
        <message>
            <source>Nothing in front of the camera.</source>
            <translation>摄像头前没有二维码。</translation>
        </message>
    </context>
    <context>
        <name>FaultPanel</name>
        <message>
            <source>Something went wrong with the system. Please ask a staff member.</source>
            <translation>系统出了点问题，请联系工作人员。</translation>
        </message>
        <message>
            <source>Your details have been cleared from the screen. You can start again when staff have checked the terminal.</source>
            <translation>您的信息已从屏幕上清除。
工作人员检查后，您可以重新办理。</translation>
        </message>
        <message>
            <source>Back to the start</source>
            <translation>回到首页</translation>
        </message>
    </context>
    <context>
        <name>Header</name>
        <message>
            <source>Back</source>
            <translation>返回上一步</translation>
        </message>
        <message>
            <source>Large text</source>
            <translation>大字模式</translation>
        </message>
        <message>
            <source>Call staff</source>
            <translation>呼叫工作人员</translation>
        </message>
        <message>
            <source>Contrast</source>
            <translation>高对比</translation>
        </message>
        <message>
            <source>Volume ●○○</source>
            <translation>音量 小</translation>
        </message>
        <message>
            <source>Large
text</source>
            <translation>大字
模式</translation>
        </message>
        <message>
            <source>Call
staff</source>
            <translation>呼叫
工作人员</translation>
        </message>
        <message>
            <source>Volume
●○○</source>
            <translation>音量
小</translation>
        </message>
        <message>
            <source>Volume
●●○</source>
            <translation>音量
中</translation>
        </message>
        <message>
            <source>Volume
●●●</source>
            <translation>音量
大</translation>
        </message>
        <message>
            <source>Volume ●●○</source>
            <translation>音量 中</translation>
        </message>
        <message>
            <source>Volume ●●●</source>
            <translation>音量 大</translation>
        </message>
        <message>
            <source>Repeat</source>
            <translation>重听</translation>
        </message>
    </context>
    <context>
        <name>HeaderCompact</name>
        <message>
            <source>Back</source>
            <translation>返回
上一步</translation>
        </message>
    </context>
    <context>
        <name>PersonRow</name>
        <message>
            <source>Place ID card</source>
            <translation>放置身份证</translation>
        </message>
        <message>
            <source>Show QR</source>
            <translation>出示二维码</translation>
        </message>
        <message>
            <source>Outside step</source>
            <translation>外部下一步</translation>
        </message>
    </context>
    <context>
        <name>ReachBand</name>
        <message>
            <source>Jia County: keys and certificate together</source>
            <translation>郏县 交房即交证</translation>
        </message>
    </context>
    <context>
        <name>StaffStatusStrip</name>
        <message>
            <source>Sync: checking…</source>
            <translation>同步：检查中…</translation>
        </message>
        <message>
            <source>✓ Online</source>
            <translation>✓ 在线</translation>
        </message>
        <message>
            <source>✗ Offline</source>
            <translation>✗ 离线</translation>
        </message>
        <message>
            <source>To sync: {count}</source>
            <translation>待同步：{count} 条</translation>
        </message>
        <message>
            <source>Last sync: {time}</source>
            <translation>上次同步：{time}</translation>
        </message>
        <message>
            <source>Last sync: never</source>
            <translation>上次同步：从未</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>打印机</translation>
        </message>
        <message>
            <source>Reader</source>
            <translation>读卡器</translation>
        </message>
        <message>
            <source>{name} ({role})</source>
            <translation>{name}（{role}）</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>维护</translation>
        </message>
        <message>
            <source>Nobody logged in</source>
            <translation>未登录</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>培训</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>退出登录</translation>
        </message>
        <message>
            <source>{device}: checking…</source>
            <translation>{device}：检查中…</translation>
        </message>
        <message>
            <source>{device}: not installed</source>
            <translation>{device}：未安装</translation>
        </message>
        <message>
            <source>{device}: ✓ ready</source>
            <translation>{device}：✓ 正常</translation>
        </message>
        <message>
            <source>{device}: ✗ fault</source>
            <translation>{device}：✗ 故障</translation>
        </message>
    </context>
    <context>
        <name>TechnicianScreen</name>
        <message>
            <source>Maintenance</source>
            <translation>技术维护</translation>
        </message>
        <message>
            <source>Staff number</source>
            <translation>工号</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Close the kiosk app</source>
            <translation>退出终端程序</translation>
        </message>
        <message>
            <source>Diagnostics</source>
            <translation>诊断</translation>
        </message>
        <message>
            <source>Devices</source>
            <translation>设备</translation>
        </message>
        <message>
            <source>Enroll</source>
            <translation>设备注册</translation>
        </message>
        <message>
            <source>Decommission</source>
            <translation>停用本机</translation>
        </message>
        <message>
            <source>Closing the app leaves this terminal without its screens until it is started again.</source>
            <translation>退出后，本终端将不再显示办理界面，直到重新启动。</translation>
        </message>
        <message>
            <source>Only a technician can close the kiosk app. Log in with your own staff number and PIN.</source>
            <translation>只有技术人员可以退出终端程序。请用您本人的工号和密码登录。</translation>
        </message>
        <message>
            <source>Enter your staff number and PIN, then tap Log in.</source>
            <translation>请输入工号和密码，再点“登录”。</translation>
        </message>
        <message>
            <source>This account is not a technician's. Ask a technician to close the app.</source>
            <translation>这个账号不是技术人员账号。请联系技术人员退出程序。</translation>
        </message>
        <message>
            <source>This staff number is not on this kiosk. Check the number and try again.</source>
            <translation>本终端没有这个工号。请核对后重试。</translation>
        </message>
        <message>
            <source>The PIN is wrong. Try again; too many wrong PINs lock the account.</source>
            <translation>密码不对，请重试。连续输错多次账号会被锁定。</translation>
        </message>
        <message>
            <source>This account is locked after wrong PINs. Wait, or ask a supervisor.</source>
            <translation>密码输错次数过多，账号已锁定。请稍后再试，或联系主管。</translation>
        </message>
        <message>
            <source>This certification has expired. Renew it before working here.</source>
            <translation>上岗证已过期。请先办理续期。</translation>
        </message>
        <message>
            <source>This account is deactivated. Ask a supervisor.</source>
            <translation>这个账号已停用。请联系主管。</translation>
        </message>
        <message>
            <source>Login refused. Ask a supervisor.</source>
            <translation>无法登录。请联系主管。</translation>
        </message>
    </context>
    <context>
        <name>TrainingBanner</name>
        <message>
            <source>Training mode: practice data only, nothing here is real</source>
            <translation>培训模式：仅为练习数据，这里办理的业务都不生效</translation>
        </message>
    </context>
    <context>
        <name>WaitPanel</name>
        <message>
            <source>One moment please: the terminal is getting ready.</source>
            <translation>请稍候，终端正在准备。</translation>
        </message>
        <message>
            <source>The next screen opens by itself in a moment.</source>
            <translation>准备好后会自动进入下一步，无需再次点击。</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>WelcomeScreen</name>
        <message>
            <source>Keys and certificate together</source>
            <translation>交房即交证</translation>
        </message>
        <message>
            <source>At this terminal you sign for your new home, pay the fees, and collect your keys together with your property certificate.</source>
            <translation>在这里签署交房文件、缴纳税费，领取钥匙和不动产权证书。</translation>
        </message>
        <message>
            <source>Please have your ID card ready.</source>
            <translation>请准备好您的身份证。</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>开始办理</translation>
        </message>
        <message>
            <source>A+ Large text</source>
            <translation>A+ 大字模式</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>工作人员</translation>
        </message>
    </context>
</TS>
