<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>A4TestPage</name>
        <message>
            <source>Edge lines: thin 3 mm, dashed 5 mm, heavy 10 mm from the edges of the sheet</source>
            <translation>边线：细线距纸边 3 毫米，虚线 5 毫米，粗线 10 毫米</translation>
        </message>
        <message>
            <source>Grid 100 x 100 mm, a line every mm: measure it with a ruler.</source>
            <translation>网格 100 × 100 毫米，每毫米一条线：请用直尺量一量。</translation>
        </message>
        <message>
            <source>Greys (per cent black)</source>
            <translation>灰阶（黑色百分比）</translation>
        </message>
        <message>
            <source>Text samples</source>
            <translation>文字样张</translation>
        </message>
        <message>
            <source>A4 printer test page</source>
            <translation>A4 打印机测试页</translation>
        </message>
        <message>
            <source>not enrolled</source>
            <translation>未注册</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>打印机</translation>
        </message>
        <message>
            <source>Printed at</source>
            <translation>打印时间</translation>
        </message>
        <message>
            <source>Terminal</source>
            <translation>终端</translation>
        </message>
        <message>
            <source>Service point</source>
            <translation>服务网点</translation>
        </message>
        <message>
            <source>Check: the 10 mm edge line is printed on all four sides (the certificate form needs 15 mm); the grid measures 100 mm both ways; every grey differs from its neighbours; the 7 pt Chinese text is legible.</source>
            <translation>检查：四边都印出了 10 毫米边线（证书页需要 15 毫米）；网格横竖都是 100 毫米；相邻灰块能分清；7 磅中文清晰可读。</translation>
        </message>
        <message>
            <source>Then print the calibration page on a spoiled certificate sheet to set the offsets of the certificate page.</source>
            <translation>然后在一张作废的证书纸上打印校准页，设定证书页的偏移。</translation>
        </message>
        <message>
            <source>Test page %1</source>
            <translation>测试页 %1</translation>
        </message>
    </context>
    <context>
        <name>CertificatePage</name>
        <message>
            <source>TRAINING SAMPLE · NOT A CERTIFICATE</source>
            <translation>培训样张 · 不是证书</translation>
        </message>
        <message>
            <source>Real estate title certificate %1</source>
            <translation>不动产权证书 %1</translation>
        </message>
        <message>
            <source>Preview · grey: the form pre-printed on the sheet; black: what will be printed</source>
            <translation>预览 · 灰色为证书纸上已印的表格，黑色为将要打印的内容</translation>
        </message>
        <message>
            <source>Certificate preview</source>
            <translation>证书预览</translation>
        </message>
        <message>
            <source>Certificate printing calibration page</source>
            <translation>证书套打校准页</translation>
        </message>
        <message>
            <source>Printer: %1    offset in use: dx = %2 mm, dy = %3 mm</source>
            <translation>打印机：%1    当前偏移：dx = %2 mm，dy = %3 mm</translation>
        </message>
        <message>
            <source>1. Print this page on a spoiled certificate sheet (or lay it over one against the light).</source>
            <translation>1. 将本页打印在一张作废的证书纸上（或叠放对光）。</translation>
        </message>
        <message>
            <source>2. Measure how far each cross lies from the matching corner of the form: right and down are positive.</source>
            <translation>2. 量出十字中心与表格对应框线交点的偏差：向右、向下为正。</translation>
        </message>
        <message>
            <source>3. Add the difference to the current offset, save, and print this page again until it is under 0.5 mm.</source>
            <translation>3. 把偏差加到当前偏移上保存，重新打印本页，直到偏差小于 0.5 mm。</translation>
        </message>
    </context>
    <context>
        <name>ContractDocument</name>
        <message>
            <source>Filing number</source>
            <translation>网签备案编号</translation>
        </message>
        <message>
            <source>Contract %1 (version %2)</source>
            <translation>合同编号 %1（第 %2 版）</translation>
        </message>
        <message>
            <source>Text SHA-256 %1</source>
            <translation>文本摘要 %1</translation>
        </message>
        <message>
            <source>Sale contract %1</source>
            <translation>商品房买卖合同 %1</translation>
        </message>
        <message>
            <source>Signatures</source>
            <translation>签名页</translation>
        </message>
        <message>
            <source>The buyers signed this contract text (SHA-256 %1) on the kiosk's touchscreen as shown below.</source>
            <translation>以下签名系买受人在终端触摸屏上对本合同文本（摘要 %1）的签署。</translation>
        </message>
        <message>
            <source>Buyer %1: %2</source>
            <translation>买受人 %1：%2</translation>
        </message>
    </context>
    <context>
        <name>DocumentFrame</name>
        <message>
            <source>Jia County, Henan · Keys and title together</source>
            <translation>河南省郏县 · 交房即交证</translation>
        </message>
        <message>
            <source>TRAINING DATA · NOT AN OFFICIAL DOCUMENT · NO LEGAL EFFECT</source>
            <translation>培训数据 · 非正式文件 · 不具法律效力</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>第 %1 页 共 %2 页</translation>
        </message>
    </context>
    <context>
        <name>HandoverPapers</name>
        <message>
            <source>In person</source>
            <translation>本人到场</translation>
        </message>
        <message>
            <source>Through the authorised agent</source>
            <translation>委托代理人代为办理</translation>
        </message>
        <message>
            <source>Absent</source>
            <translation>未到场</translation>
        </message>
        <message>
            <source>%1 (authorised agent)</source>
            <translation>%1（委托代理人）</translation>
        </message>
        <message>
            <source>Signature:</source>
            <translation>签名：</translation>
        </message>
        <message>
            <source>Date:</source>
            <translation>日期：</translation>
        </message>
        <message>
            <source>Receipt of the title certificate</source>
            <translation>不动产权证书领取确认</translation>
        </message>
        <message>
            <source>Handover confirmation</source>
            <translation>房屋交接确认书</translation>
        </message>
        <message>
            <source>Handover number</source>
            <translation>办理编号</translation>
        </message>
        <message>
            <source>Real estate unit code</source>
            <translation>不动产单元代码</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>坐落</translation>
        </message>
        <message>
            <source>Certificate number</source>
            <translation>不动产权证书号</translation>
        </message>
        <message>
            <source>Printed serial</source>
            <translation>证书印制号</translation>
        </message>
        <message>
            <source>Service point</source>
            <translation>服务网点</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>办理日期</translation>
        </message>
        <message>
            <source>Holders</source>
            <translation>权利人</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>公民身份号码</translation>
        </message>
        <message>
            <source>Attendance</source>
            <translation>办理方式</translation>
        </message>
        <message>
            <source>Authorised agent</source>
            <translation>委托代理人</translation>
        </message>
        <message>
            <source>Authorisation number</source>
            <translation>授权委托书编号</translation>
        </message>
        <message>
            <source>The buyers confirm that they have received the certificate above.</source>
            <translation>买受人确认已领取上述不动产权证书。</translation>
        </message>
        <message>
            <source>Keep the certificate safe. Scan the code below to verify the electronic certificate.</source>
            <translation>请妥善保管证书。证书信息可通过下方二维码核验电子证照。</translation>
        </message>
        <message>
            <source>Keep the certificate safe.</source>
            <translation>请妥善保管证书。</translation>
        </message>
        <message>
            <source>The buyers confirm that they have inspected the home and received its keys.</source>
            <translation>买受人确认已查验房屋并接收钥匙。</translation>
        </message>
        <message>
            <source>The transfer of title is registered with the handover: keys and title together.</source>
            <translation>房屋交付同时办理不动产转移登记，实行“交房即交证”。</translation>
        </message>
        <message>
            <source>Verify the e-certificate</source>
            <translation>电子证照核验</translation>
        </message>
        <message>
            <source>Signed text SHA-256 %1</source>
            <translation>签署文本摘要 %1</translation>
        </message>
        <message>
            <source>Handover %1</source>
            <translation>办理编号 %1</translation>
        </message>
    </context>
    <context>
        <name>ReconciliationReport</name>
        <message>
            <source>Tax bureau (deed tax)</source>
            <translation>税务部门（契税）</translation>
        </message>
        <message>
            <source>Registration office (registration and certificate fees)</source>
            <translation>不动产登记机构（登记费、工本费）</translation>
        </message>
        <message>
            <source>Housing maintenance fund</source>
            <translation>住宅专项维修资金</translation>
        </message>
        <message>
            <source>Missing from statement</source>
            <translation>对账单缺失</translation>
        </message>
        <message>
            <source>Unknown to the kiosk</source>
            <translation>终端无此笔</translation>
        </message>
        <message>
            <source>Other day</source>
            <translation>日期不符</translation>
        </message>
        <message>
            <source>Amount differs</source>
            <translation>金额不符</translation>
        </message>
        <message>
            <source>Listed twice</source>
            <translation>重复列示</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>已退款</translation>
        </message>
        <message>
            <source>CNY %1</source>
            <translation>%1 元</translation>
        </message>
        <message>
            <source>Mismatch: %1 item(s), see the table</source>
            <translation>不符：%1 项，见下表</translation>
        </message>
        <message>
            <source>Mismatch: the statement total differs from the confirmed amount</source>
            <translation>不符：对账单合计与已确认金额不同</translation>
        </message>
        <message>
            <source>Matched</source>
            <translation>一致</translation>
        </message>
        <message>
            <source>No statement given; the kiosk's records only</source>
            <translation>未提供对账单，仅列终端记录</translation>
        </message>
        <message>
            <source>Payee account: %1</source>
            <translation>收款账户：%1</translation>
        </message>
        <message>
            <source>Not given</source>
            <translation>未提供</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>已确认到账</translation>
        </message>
        <message>
            <source>%1 (%2 payments)</source>
            <translation>%1（%2 笔）</translation>
        </message>
        <message>
            <source>In words</source>
            <translation>大写</translation>
        </message>
        <message>
            <source>Still due</source>
            <translation>当日未缴</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>应收合计</translation>
        </message>
        <message>
            <source>Statement</source>
            <translation>对账单金额</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>对账结果</translation>
        </message>
        <message>
            <source>Flag</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Channel serial</source>
            <translation>渠道流水号</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>订单号</translation>
        </message>
        <message>
            <source>Kiosk (CNY)</source>
            <translation>终端金额（元）</translation>
        </message>
        <message>
            <source>Statement (CNY)</source>
            <translation>对账单金额（元）</translation>
        </message>
        <message>
            <source>Mismatch</source>
            <translation>不符</translation>
        </message>
        <message>
            <source>Daily reconciliation of one-code payments</source>
            <translation>一码缴费日对账报告</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>对账日期</translation>
        </message>
        <message>
            <source>Service point</source>
            <translation>服务网点</translation>
        </message>
        <message>
            <source>Generated</source>
            <translation>生成时间</translation>
        </message>
        <message>
            <source>Overall</source>
            <translation>总体结果</translation>
        </message>
        <message>
            <source>▲ %1 payee account(s) with mismatches, flagged below</source>
            <translation>▲ %1 个收款账户有不符，见标注</translation>
        </message>
        <message>
            <source>Every payee account matches</source>
            <translation>各收款账户均无不符</translation>
        </message>
        <message>
            <source>Reconciliation %1</source>
            <translation>对账报告 %1</translation>
        </message>
        <message>
            <source>Day %1</source>
            <translation>对账日期 %1</translation>
        </message>
    </context>
    <context>
        <name>SupervisionReport</name>
        <message>
            <source>Not registered</source>
            <translation>未登记</translation>
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
            <source>Supervision ledger: keys and title together</source>
            <translation>交房即交证督查台账</translation>
        </message>
        <message>
            <source>training data included</source>
            <translation>含培训数据</translation>
        </message>
        <message>
            <source>training data left out</source>
            <translation>不含培训数据</translation>
        </message>
        <message>
            <source>Generated %1    Scope: %2    Projects: %3</source>
            <translation>生成时间：%1　　统计范围：%2　　项目数：%3</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Service point</source>
            <translation>服务网点</translation>
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
            <source>Handed over</source>
            <translation>已交证</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>待办理</translation>
        </message>
        <message>
            <source>Days acceptance to title min/median/max</source>
            <translation>验收至交证天数 最少/中位/最多</translation>
        </message>
        <message>
            <source>Days counted</source>
            <translation>已统计</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Blocked units (by the first check failed)</source>
            <translation>受阻单元（按首个未通过的检查）</translation>
        </message>
        <message>
            <source>▲ marks a project with blocked units; each unit counts under the first handover check it fails.</source>
            <translation>▲ 表示项目有受阻单元；受阻原因按交房核验顺序只计首个未通过的检查。</translation>
        </message>
        <message>
            <source>Ledger %1</source>
            <translation>督查台账 %1</translation>
        </message>
    </context>
</TS>
