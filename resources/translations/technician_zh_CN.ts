<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>DecommissionScreen</name>
        <message>
            <source>New records were written after the export. Export them to the USB stick again, or sync now.</source>
            <translation>导出后又有新记录。请再导出一次到U盘，或立即同步。</translation>
        </message>
        <message>
            <source>The USB stick is gone. Plug it in again, tap Look again and choose it.</source>
            <translation>找不到U盘了。请重新插入，点“重新查找”后再选择它。</translation>
        </message>
        <message>
            <source>The sync agent is sending right now. Wait a minute and watch the count above fall, or export to a USB stick.</source>
            <translation>同步程序正在发送。请等一分钟，看上方的数目减少，或导出到U盘。</translation>
        </message>
        <message>
            <source>This app cannot reach the sync layer. Decommission from the command line: kiosk decommission.</source>
            <translation>本程序无法连接同步组件。请在命令行停用：kiosk decommission。</translation>
        </message>
        <message>
            <source>Only a technician can decommission this kiosk. Log in again.</source>
            <translation>只有技术员可以停用本机。请重新登录。</translation>
        </message>
        <message>
            <source>Decommission</source>
            <translation>停用本机</translation>
        </message>
        <message>
            <source>Only a technician can decommission the kiosk. Log in on the maintenance screen first.</source>
            <translation>只有技术员可以停用本机。请先在维护界面登录。</translation>
        </message>
        <message>
            <source>✔ Decommissioned</source>
            <translation>✔ 已停用</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <source>not enrolled</source>
            <translation>未入网</translation>
        </message>
        <message>
            <source>Device {device} · {pending} records not at the county yet · {quarantined} quarantined</source>
            <translation>设备 {device} · {pending} 条记录尚未送达县平台 · 隔离 {quarantined} 条</translation>
        </message>
        <message>
            <source> {records} records went to the county on the USB stick.</source>
            <translation>{records} 条记录经U盘交县平台。</translation>
        </message>
        <message>
            <source>✔ This kiosk was decommissioned at {at} by {by}: its enrollment and device keys are removed and its data key is wiped.{left} The data can no longer be read. Close the app now; it will not open this data again.</source>
            <translation>✔ 本机已于 {at} 由 {by} 停用：入网信息和设备密钥已删除，数据密钥已销毁。{left}数据再也无法读取。请现在关闭程序，它不会再打开这些数据。</translation>
        </message>
        <message>
            <source>Sync now, or write them to a USB stick for the county.</source>
            <translation>立即同步，或写入U盘交县平台导入。</translation>
        </message>
        <message>
            <source>This is a training session: its practice data is never handed on and the kiosk is not decommissioned from it. Start the app without training to decommission.</source>
            <translation>这是培训模式：练习数据不移交，也不能在培训模式下停用本机。要停用，请在非培训模式下启动程序。</translation>
        </message>
        <message>
            <source>✖ Sync failed [{codes}]: check the network, or export to a USB stick.</source>
            <translation>✖ 同步失败 [{codes}]：请检查网络，或导出到U盘。</translation>
        </message>
        <message>
            <source>Removes the keys and wipes the data key for good.</source>
            <translation>删除设备密钥，永久销毁数据密钥。</translation>
        </message>
        <message>
            <source>Close the kiosk app</source>
            <translation>退出终端程序</translation>
        </message>
        <message>
            <source>1. Hand the records on</source>
            <translation>1. 移交记录</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>正在同步…</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>立即同步</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>正在写入…</translation>
        </message>
        <message>
            <source>Export to USB stick</source>
            <translation>导出到U盘</translation>
        </message>
        <message>
            <source>✔ The county has every record of this kiosk.</source>
            <translation>✔ 县平台已收到本机的全部记录。</translation>
        </message>
        <message>
            <source>✔ {records} records are on the USB stick {stick}. Hand the stick to the county for import.</source>
            <translation>✔ {records} 条记录已写入U盘 {stick}。请把U盘交县平台导入。</translation>
        </message>
        <message>
            <source>✖ This kiosk is not enrolled, so its {pending} records cannot be sent or sealed. Enroll it first.</source>
            <translation>✖ 本机未入网，{pending} 条记录无法发送或封装。请先注册入网。</translation>
        </message>
        <message>
            <source>Sent {pushed}; {pending} still wait. Sync again, or export them.</source>
            <translation>已发送 {pushed} 条，还有 {pending} 条待发。请再同步一次，或导出。</translation>
        </message>
        <message>
            <source>2. Revoke and wipe</source>
            <translation>2. 注销并销毁密钥</translation>
        </message>
        <message>
            <source>Wiping…</source>
            <translation>正在销毁…</translation>
        </message>
        <message>
            <source>Hold 3 seconds to decommission</source>
            <translation>按住3秒停用本机</translation>
        </message>
        <message>
            <source>Locked in a training session.</source>
            <translation>培训模式下已锁定。</translation>
        </message>
        <message>
            <source>Locked: hand the {pending} records on first (step 1).</source>
            <translation>已锁定：请先移交这 {pending} 条记录（第 1 步）。</translation>
        </message>
        <message>
            <source>Keep your finger on the button until it is full; letting go early stops it.</source>
            <translation>手指按住按钮直到填满；提前松开即取消。</translation>
        </message>
    </context>
    <context>
        <name>DeviceTestsScreen</name>
        <message>
            <source>Device tests</source>
            <translation>设备测试</translation>
        </message>
        <message>
            <source>Only a technician can test the devices. Log in on the maintenance screen first.</source>
            <translation>只有技术员可以测试设备。请先在维护界面登录。</translation>
        </message>
        <message>
            <source>ID card reader</source>
            <translation>身份证读卡器</translation>
        </message>
        <message>
            <source>Receipt printer</source>
            <translation>凭条打印机</translation>
        </message>
        <message>
            <source>A4 printer</source>
            <translation>A4打印机</translation>
        </message>
        <message>
            <source>Waiting for a card…</source>
            <translation>正在等待放卡…</translation>
        </message>
        <message>
            <source>Read a card</source>
            <translation>读一张卡</translation>
        </message>
        <message>
            <source>Check status</source>
            <translation>查看状态</translation>
        </message>
        <message>
            <source>Test receipt</source>
            <translation>测试凭条</translation>
        </message>
        <message>
            <source>Test page</source>
            <translation>测试页</translation>
        </message>
        <message>
            <source>Calibration page</source>
            <translation>校准页</translation>
        </message>
        <message>
            <source>Right</source>
            <translation>向右</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>向下</translation>
        </message>
        <message>
            <source>{mm} mm</source>
            <translation>{mm} 毫米</translation>
        </message>
        <message>
            <source>Save offsets</source>
            <translation>保存偏移</translation>
        </message>
        <message>
            <source>No camera is configured ([devices] camera in kiosk.toml).</source>
            <translation>没有配置摄像头（kiosk.toml 的 [devices] camera）。</translation>
        </message>
        <message>
            <source>✖ The camera gives no picture [{code}]. Check its cable, then start it again.</source>
            <translation>✖ 摄像头没有画面 [{code}]。请检查连线，再重新启动。</translation>
        </message>
        <message>
            <source>Camera stopped.</source>
            <translation>摄像头已停止。</translation>
        </message>
        <message>
            <source>{fps} frames/s · ✔ code read: {code}</source>
            <translation>{fps} 帧/秒 · ✔ 已读到码：{code}</translation>
        </message>
        <message>
            <source>{fps} frames/s · hold a QR code up to the camera</source>
            <translation>{fps} 帧/秒 · 请把二维码对准摄像头</translation>
        </message>
        <message>
            <source>Stop the camera</source>
            <translation>停止摄像头</translation>
        </message>
        <message>
            <source>Start the camera</source>
            <translation>启动摄像头</translation>
        </message>
        <message>
            <source>✖ Not printed [{code}]: the printer is {state}.</source>
            <translation>✖ 未打印 [{code}]：打印机{state}。</translation>
        </message>
        <message>
            <source>✖ The device refused [{code}]: {reason}</source>
            <translation>✖ 设备拒绝了 [{code}]：{reason}</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>正在处理…</translation>
        </message>
        <message>
            <source>Not fitted ([devices] in kiosk.toml).</source>
            <translation>未安装（kiosk.toml 的 [devices]）。</translation>
        </message>
        <message>
            <source>✔ Card read: {number}</source>
            <translation>✔ 已读卡：{number}</translation>
        </message>
        <message>
            <source>✔ The calibration page went to {printer}. Lay it on a spoiled form and measure how far the crosses miss the marks.</source>
            <translation>✔ 校准页已发送到 {printer}。请把它叠在一张作废的证书纸上，量出十字与标记相差多少。</translation>
        </message>
        <message>
            <source>✔ The test page went to {printer}. Check its edge lines, the 100 mm grid, the greys and the small text.</source>
            <translation>✔ 测试页已发送到 {printer}。请检查边线、100 毫米网格、灰阶和小字。</translation>
        </message>
        <message>
            <source>✔ Offsets saved for {printer}: certificate pages print with them now.</source>
            <translation>✔ 已为 {printer} 保存偏移，证书页现在按此打印。</translation>
        </message>
        <message>
            <source>ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <source>out of paper: load a new roll, close the cover</source>
            <translation>缺纸：请装入新纸卷并合上盖子</translation>
        </message>
        <message>
            <source>the cover is open: close it</source>
            <translation>盖子开着：请合上</translation>
        </message>
        <message>
            <source>offline: check its power and cable</source>
            <translation>离线：请检查电源和连线</translation>
        </message>
        <message>
            <source>reports an error: switch it off and on</source>
            <translation>报告故障：请关机再开机</translation>
        </message>
        <message>
            <source>its status cannot be read over this connection</source>
            <translation>此连接方式读不到状态</translation>
        </message>
        <message>
            <source>, paper near its end</source>
            <translation>，纸快用完了</translation>
        </message>
        <message>
            <source>✔ Test receipt printed. The printer is {state}.</source>
            <translation>✔ 测试凭条已打印。打印机状态：{state}。</translation>
        </message>
        <message>
            <source>✔ The printer is {state}.</source>
            <translation>✔ 打印机状态：{state}。</translation>
        </message>
        <message>
            <source>✖ The printer is {state}.</source>
            <translation>✖ 打印机状态：{state}。</translation>
        </message>
    </context>
    <context>
        <name>DevicesScreen</name>
        <message>
            <source>ID card reader</source>
            <translation>身份证读卡器</translation>
        </message>
        <message>
            <source>Receipt printer</source>
            <translation>凭条打印机</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <source>Code scanner</source>
            <translation>扫码器</translation>
        </message>
        <message>
            <source>A4 printer</source>
            <translation>A4打印机</translation>
        </message>
        <message>
            <source>Device addresses</source>
            <translation>设备地址</translation>
        </message>
        <message>
            <source>Each device's address as kiosk.toml holds it. Leave a field empty for a device that is not fitted; sim:// is the simulator.</source>
            <translation>各设备在 kiosk.toml 中的地址。没有安装的设备请留空；sim:// 表示模拟器。</translation>
        </message>
        <message>
            <source>Only a technician can change the devices. Log in on the maintenance screen first.</source>
            <translation>只有技术人员可以更改设备。请先在维护页面登录。</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <source>Save to kiosk.toml</source>
            <translation>保存到 kiosk.toml</translation>
        </message>
        <message>
            <source>Undo changes</source>
            <translation>撤销更改</translation>
        </message>
        <message>
            <source>Test the devices</source>
            <translation>测试设备</translation>
        </message>
        <message>
            <source>✖ {device}: this address is not right. Correct it and save again.</source>
            <translation>✖ {device}：地址不正确。请改正后再保存。</translation>
        </message>
        <message>
            <source>✖ kiosk.toml would not accept this. Nothing was saved.</source>
            <translation>✖ kiosk.toml 不接受这个设置，没有保存任何内容。</translation>
        </message>
        <message>
            <source>✖ Nothing was saved. Try again; if it happens again, export the diagnostics.</source>
            <translation>✖ 没有保存。请再试一次；如果仍然失败，请导出诊断文件。</translation>
        </message>
        <message>
            <source>✔ Saved to kiosk.toml. The app uses these devices now.</source>
            <translation>✔ 已保存到 kiosk.toml，程序现在使用这些设备。</translation>
        </message>
    </context>
    <context>
        <name>DiagnosticsScreen</name>
        <message>
            <source>Diagnostics</source>
            <translation>诊断</translation>
        </message>
        <message>
            <source>Only a technician can see the diagnostics. Log in on the maintenance screen first.</source>
            <translation>只有技术人员可以查看诊断。请先在维护页面登录。</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>同步</translation>
        </message>
        <message>
            <source>Quarantine</source>
            <translation>隔离</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>日志</translation>
        </message>
        <message>
            <source>Self-test</source>
            <translation>自检</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>✔ The record is marked as dealt with.</source>
            <translation>✔ 该记录已标记为已处理。</translation>
        </message>
        <message>
            <source>✔ The diagnostics file is written. Remove the USB stick.</source>
            <translation>✔ 诊断文件已写好。请拔下U盘。</translation>
        </message>
        <message>
            <source>Write what was done about this record (at least 4 characters), then tap Mark dealt with.</source>
            <translation>请写明对这条记录做了什么处理（至少4个字），再点“标记为已处理”。</translation>
        </message>
        <message>
            <source>This record was already dealt with. The list is shown again.</source>
            <translation>这条记录已经有人处理过了。列表已刷新。</translation>
        </message>
        <message>
            <source>The USB stick is gone. Plug it in again, tap Look again and choose it.</source>
            <translation>找不到U盘了。请重新插入，点“重新查找”后再选择它。</translation>
        </message>
        <message>
            <source>Only a technician or a supervisor may do this. Log in again.</source>
            <translation>只有技术人员或主管可以这样做。请重新登录。</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从未</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <source>not enrolled</source>
            <translation>未入网</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <source>errors</source>
            <translation>有错误</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>Enrollment</source>
            <translation>入网登记</translation>
        </message>
        <message>
            <source>Outbox</source>
            <translation>待发送</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>同步程序</translation>
        </message>
        <message>
            <source>Push (to the county)</source>
            <translation>上传（到县平台）</translation>
        </message>
        <message>
            <source>Pull (from the county)</source>
            <translation>下载（从县平台）</translation>
        </message>
        <message>
            <source>✖ Not enrolled: enroll this kiosk before it can sync.</source>
            <translation>✖ 未入网：本机入网后才能同步。</translation>
        </message>
        <message>
            <source>✔ Not stopped</source>
            <translation>✔ 未停止</translation>
        </message>
        <message>
            <source>✔ No record is in quarantine.</source>
            <translation>✔ 没有被隔离的记录。</translation>
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
            <source>What was done</source>
            <translation>处理情况</translation>
        </message>
        <message>
            <source>e.g. unit code corrected, county informed</source>
            <translation>例如：已更正单元代码，已告知县平台</translation>
        </message>
        <message>
            <source>Mark dealt with</source>
            <translation>标记为已处理</translation>
        </message>
        <message>
            <source>No log lines yet.</source>
            <translation>还没有日志。</translation>
        </message>
        <message>
            <source>Outbox: {pending} to send · Quarantine: {open} open · Sync: {sync}</source>
            <translation>待发送：{pending} 条 · 隔离：{open} 条未处理 · 同步：{sync}</translation>
        </message>
        <message>
            <source>Device {device}, gateway {gateway}</source>
            <translation>设备 {device}，网关 {gateway}</translation>
        </message>
        <message>
            <source>{pending} records waiting to be sent, {acked} acknowledged</source>
            <translation>{pending} 条记录待发送，{acked} 条已确认</translation>
        </message>
        <message>
            <source>✖ Stopped [{code}]: {reason}. It needs a technician and the county.</source>
            <translation>✖ 已停止 [{code}]：{reason}。需要技术人员和县平台处理。</translation>
        </message>
        <message>
            <source>Last success {success} · last attempt {attempt}</source>
            <translation>上次成功 {success} · 上次尝试 {attempt}</translation>
        </message>
        <message>
            <source>✖ Last error at {at} [{code}]: {reason} ({failures} failures in a row)</source>
            <translation>✖ {at} 出错 [{code}]：{reason}（连续失败 {failures} 次）</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>第 {page} 页，共 {pages} 页</translation>
        </message>
        <message>
            <source>{kind} · {record} · {at}
[{code}] {reason}</source>
            <translation>{kind} · {record} · {at}
[{code}] {reason}</translation>
        </message>
        <message>
            <source>▶ Chosen: {record}</source>
            <translation>▶ 已选：{record}</translation>
        </message>
        <message>
            <source>Page {page} of {pages} (newest first)</source>
            <translation>第 {page} 页，共 {pages} 页（最新在前）</translation>
        </message>
        <message>
            <source>Older</source>
            <translation>更早</translation>
        </message>
        <message>
            <source>Newer</source>
            <translation>更新</translation>
        </message>
        <message>
            <source>ID card reader</source>
            <translation>身份证读卡器</translation>
        </message>
        <message>
            <source>Receipt printer</source>
            <translation>凭条打印机</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <source>Code scanner</source>
            <translation>扫码器</translation>
        </message>
        <message>
            <source>A4 printer</source>
            <translation>A4打印机</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>正在检测…</translation>
        </message>
        <message>
            <source>Run the self-test</source>
            <translation>开始自检</translation>
        </message>
        <message>
            <source>— not configured</source>
            <translation>— 未配置</translation>
        </message>
        <message>
            <source>✔ Works</source>
            <translation>✔ 正常</translation>
        </message>
        <message>
            <source>✖ Failed</source>
            <translation>✖ 故障</translation>
        </message>
        <message>
            <source>Not tested yet</source>
            <translation>尚未检测</translation>
        </message>
        <message>
            <source>The diagnostics file holds the settings, sync state, self-test, database check and recent log lines, without personal data. Plug in a USB stick and choose it.</source>
            <translation>诊断文件包含设置、同步状态、自检结果、数据库检查和最近的日志，不含个人信息。请插入U盘并选择它。</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>正在写入…</translation>
        </message>
        <message>
            <source>Write the diagnostics file</source>
            <translation>写入诊断文件</translation>
        </message>
    </context>
    <context>
        <name>EnrollScreen</name>
        <message>
            <source>✖ The gateway address must start with http:// or https://. Correct it.</source>
            <translation>✖ 网关地址须以 http:// 或 https:// 开头。请改正。</translation>
        </message>
        <message>
            <source>✖ The token is 16 to 128 letters, digits, - or _. Type it exactly as issued.</source>
            <translation>✖ 注册令牌为 16 至 128 位字母、数字、- 或 _。请按发放时的原样输入。</translation>
        </message>
        <message>
            <source>✖ This code is not a kiosk enrollment code. Hold up the enrollment QR the county issued.</source>
            <translation>✖ 这不是一体机注册码。请出示县平台发放的注册二维码。</translation>
        </message>
        <message>
            <source>✖ This token was already used. Ask the county platform for a new one.</source>
            <translation>✖ 此令牌已被使用。请向县平台申请新的令牌。</translation>
        </message>
        <message>
            <source>✖ This token has expired. Ask the county platform for a new one.</source>
            <translation>✖ 此令牌已过期。请向县平台申请新的令牌。</translation>
        </message>
        <message>
            <source>✖ The gateway does not know this token. Check it, or ask for a new one.</source>
            <translation>✖ 网关不认识此令牌。请核对，或申请新的令牌。</translation>
        </message>
        <message>
            <source>✖ The gateway's key is not the one on the code. Nothing was stored. Do not use this gateway; call the county platform.</source>
            <translation>✖ 网关的密钥与注册码上的不一致，未保存任何内容。请勿使用此网关，并联系县平台。</translation>
        </message>
        <message>
            <source>✖ The gateway cannot be reached. Check the address and the network cable, then try again.</source>
            <translation>✖ 无法连接网关。请检查地址和网线后重试。</translation>
        </message>
        <message>
            <source>✖ This kiosk is already enrolled. Decommission it before enrolling it again.</source>
            <translation>✖ 本机已注册。须先办理停用，才能重新注册。</translation>
        </message>
        <message>
            <source>✖ This app cannot reach a gateway. Enroll with the kiosk enroll command instead.</source>
            <translation>✖ 本程序无法连接网关。请改用 kiosk enroll 命令注册。</translation>
        </message>
        <message>
            <source>✖ The camera is not working. Type the gateway address and token instead.</source>
            <translation>✖ 摄像头无法使用。请改为输入网关地址和令牌。</translation>
        </message>
        <message>
            <source>✖ The enrollment failed. Nothing was stored. Try again; if it happens again, export the diagnostics.</source>
            <translation>✖ 注册失败，未保存任何内容。请重试；如再次失败，请导出诊断信息。</translation>
        </message>
        <message>
            <source>Enroll this kiosk</source>
            <translation>注册本机</translation>
        </message>
        <message>
            <source>Only a technician can enroll this kiosk. Log in on the maintenance screen first.</source>
            <translation>只有技术人员才能注册本机。请先在维护界面登录。</translation>
        </message>
        <message>
            <source>Gateway address</source>
            <translation>网关地址</translation>
        </message>
        <message>
            <source>Enrollment token</source>
            <translation>注册令牌</translation>
        </message>
        <message>
            <source>Scan again</source>
            <translation>重新扫码</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <source>Connect to the gateway</source>
            <translation>连接网关</translation>
        </message>
        <message>
            <source>It matches: enroll</source>
            <translation>一致，注册</translation>
        </message>
        <message>
            <source>It differs: cancel</source>
            <translation>不一致，取消</translation>
        </message>
        <message>
            <source>Start again</source>
            <translation>重新开始</translation>
        </message>
        <message>
            <source>No camera: type the address and token.</source>
            <translation>没有摄像头：请输入地址和令牌。</translation>
        </message>
        <message>
            <source>The camera picture appears here.</source>
            <translation>摄像头画面显示在这里。</translation>
        </message>
        <message>
            <source>✔ Code read: gateway {url}, service point {point}.</source>
            <translation>✔ 已读取注册码：网关 {url}，服务点 {point}。</translation>
        </message>
        <message>
            <source>Hold the county's enrollment QR up to the camera, about 20 cm away.</source>
            <translation>请将县平台的注册二维码对准摄像头，距离约 20 厘米。</translation>
        </message>
        <message>
            <source>Or type the gateway address and the token the county gave you.</source>
            <translation>或输入县平台提供的网关地址和令牌。</translation>
        </message>
        <message>
            <source>The gateway's key matches the scanned code. Compare the fingerprint with the county's record too, then confirm.</source>
            <translation>网关的密钥与所扫注册码一致。请再与县平台的记录核对指纹，然后确认。</translation>
        </message>
        <message>
            <source>Compare this fingerprint with the one the county platform gave you, group by group. Enroll only if every group is the same.</source>
            <translation>请逐组核对此指纹与县平台提供的指纹。每一组都相同才能注册。</translation>
        </message>
        <message>
            <source>Gateway {url} · service point {point} · device {device}</source>
            <translation>网关 {url} · 服务点 {point} · 设备 {device}</translation>
        </message>
        <message>
            <source>✔ Enrolled as device {device} at service point {point}. The sync agent can start now.</source>
            <translation>✔ 已注册为服务点 {point} 的设备 {device}。现在可以启动同步程序。</translation>
        </message>
        <message>
            <source>This kiosk is already enrolled as device {device} at service point {point} ({url}). Decommission it before enrolling it again.</source>
            <translation>本机已注册为服务点 {point} 的设备 {device}（{url}）。须先办理停用，才能重新注册。</translation>
        </message>
        <message>
            <source>Pinned platform key: {fingerprint}</source>
            <translation>已固定的平台密钥：{fingerprint}</translation>
        </message>
        <message>
            <source>Nothing was stored. Tell the county platform the fingerprint differed, and enroll only with a code they confirm.</source>
            <translation>未保存任何内容。请告知县平台指纹不一致，只用县平台确认过的注册码注册。</translation>
        </message>
    </context>
</TS>
