<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CertificatePage</name>
    <message>
        <source>培训样张 · 不是证书</source>
        <translation>TRAINING SAMPLE · NOT A CERTIFICATE</translation>
    </message>
    <message>
        <source>不动产权证书 %1</source>
        <translation>Real estate title certificate %1</translation>
    </message>
    <message>
        <source>预览 · 灰色为证书纸上已印的表格，黑色为将要打印的内容</source>
        <translation>Preview · grey: the form pre-printed on the sheet; black: what will be printed</translation>
    </message>
    <message>
        <source>证书预览</source>
        <translation>Certificate preview</translation>
    </message>
    <message>
        <source>证书套打校准页</source>
        <translation>Certificate printing calibration page</translation>
    </message>
    <message>
        <source>打印机：%1    当前偏移：dx = %2 mm，dy = %3 mm</source>
        <translation>Printer: %1    offset in use: dx = %2 mm, dy = %3 mm</translation>
    </message>
    <message>
        <source>1. 将本页打印在一张作废的证书纸上（或叠放对光）。</source>
        <translation>1. Print this page on a spoiled certificate sheet (or lay it over one against the light).</translation>
    </message>
    <message>
        <source>2. 量出十字中心与表格对应框线交点的偏差：向右、向下为正。</source>
        <translation>2. Measure how far each cross lies from the matching corner of the form: right and down are positive.</translation>
    </message>
    <message>
        <source>3. 把偏差加到当前偏移上保存，重新打印本页，直到偏差小于 0.5 mm。</source>
        <translation>3. Add the difference to the current offset, save, and print this page again until it is under 0.5 mm.</translation>
    </message>
</context>
<context>
    <name>ContractDocument</name>
    <message>
        <source>网签备案编号</source>
        <translation>Filing number</translation>
    </message>
    <message>
        <source>合同编号 %1（第 %2 版）</source>
        <translation>Contract %1 (version %2)</translation>
    </message>
    <message>
        <source>文本摘要 %1</source>
        <translation>Text SHA-256 %1</translation>
    </message>
    <message>
        <source>商品房买卖合同 %1</source>
        <translation>Sale contract %1</translation>
    </message>
    <message>
        <source>签名页</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <source>以下签名系买受人在终端触摸屏上对本合同文本（摘要 %1）的签署。</source>
        <translation>The buyers signed this contract text (SHA-256 %1) on the kiosk's touchscreen as shown below.</translation>
    </message>
    <message>
        <source>买受人 %1：%2</source>
        <translation>Buyer %1: %2</translation>
    </message>
</context>
<context>
    <name>DocumentFrame</name>
    <message>
        <source>河南省郏县 · 交房即交证</source>
        <translation>Jia County, Henan · Keys and title together</translation>
    </message>
    <message>
        <source>培训数据 · 非正式文件 · 不具法律效力</source>
        <translation>TRAINING DATA · NOT AN OFFICIAL DOCUMENT · NO LEGAL EFFECT</translation>
    </message>
    <message>
        <source>第 %1 页 共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>HandoverPapers</name>
    <message>
        <source>本人到场</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>委托代理人代为办理</source>
        <translation>Through the authorised agent</translation>
    </message>
    <message>
        <source>未到场</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>%1（委托代理人）</source>
        <translation>%1 (authorised agent)</translation>
    </message>
    <message>
        <source>签名：</source>
        <translation>Signature:</translation>
    </message>
    <message>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>不动产权证书领取确认</source>
        <translation>Receipt of the title certificate</translation>
    </message>
    <message>
        <source>房屋交接确认书</source>
        <translation>Handover confirmation</translation>
    </message>
    <message>
        <source>办理编号</source>
        <translation>Handover number</translation>
    </message>
    <message>
        <source>不动产单元代码</source>
        <translation>Real estate unit code</translation>
    </message>
    <message>
        <source>坐落</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>不动产权证书号</source>
        <translation>Certificate number</translation>
    </message>
    <message>
        <source>证书印制号</source>
        <translation>Printed serial</translation>
    </message>
    <message>
        <source>服务网点</source>
        <translation>Service point</translation>
    </message>
    <message>
        <source>办理日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>权利人</source>
        <translation>Holders</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>公民身份号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>办理方式</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>委托代理人</source>
        <translation>Authorised agent</translation>
    </message>
    <message>
        <source>授权委托书编号</source>
        <translation>Authorisation number</translation>
    </message>
    <message>
        <source>买受人确认已领取上述不动产权证书。</source>
        <translation>The buyers confirm that they have received the certificate above.</translation>
    </message>
    <message>
        <source>请妥善保管证书。证书信息可通过下方二维码核验电子证照。</source>
        <translation>Keep the certificate safe. Scan the code below to verify the electronic certificate.</translation>
    </message>
    <message>
        <source>请妥善保管证书。</source>
        <translation>Keep the certificate safe.</translation>
    </message>
    <message>
        <source>买受人确认已查验房屋并接收钥匙。</source>
        <translation>The buyers confirm that they have inspected the home and received its keys.</translation>
    </message>
    <message>
        <source>房屋交付同时办理不动产转移登记，实行“交房即交证”。</source>
        <translation>The transfer of title is registered with the handover: keys and title together.</translation>
    </message>
    <message>
        <source>电子证照核验</source>
        <translation>Verify the e-certificate</translation>
    </message>
    <message>
        <source>签署文本摘要 %1</source>
        <translation>Signed text SHA-256 %1</translation>
    </message>
    <message>
        <source>办理编号 %1</source>
        <translation>Handover %1</translation>
    </message>
</context>
<context>
    <name>ReconciliationReport</name>
    <message>
        <source>税务部门（契税）</source>
        <translation>Tax bureau (deed tax)</translation>
    </message>
    <message>
        <source>不动产登记机构（登记费、工本费）</source>
        <translation>Registration office (registration and certificate fees)</translation>
    </message>
    <message>
        <source>住宅专项维修资金</source>
        <translation>Housing maintenance fund</translation>
    </message>
    <message>
        <source>对账单缺失</source>
        <translation>Missing from statement</translation>
    </message>
    <message>
        <source>终端无此笔</source>
        <translation>Unknown to the kiosk</translation>
    </message>
    <message>
        <source>日期不符</source>
        <translation>Other day</translation>
    </message>
    <message>
        <source>金额不符</source>
        <translation>Amount differs</translation>
    </message>
    <message>
        <source>重复列示</source>
        <translation>Listed twice</translation>
    </message>
    <message>
        <source>已退款</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>%1 元</source>
        <translation>CNY %1</translation>
    </message>
    <message>
        <source>不符：%1 项，见下表</source>
        <translation>Mismatch: %1 item(s), see the table</translation>
    </message>
    <message>
        <source>不符：对账单合计与已确认金额不同</source>
        <translation>Mismatch: the statement total differs from the confirmed amount</translation>
    </message>
    <message>
        <source>一致</source>
        <translation>Matched</translation>
    </message>
    <message>
        <source>未提供对账单，仅列终端记录</source>
        <translation>No statement given; the kiosk's records only</translation>
    </message>
    <message>
        <source>收款账户：%1</source>
        <translation>Payee account: %1</translation>
    </message>
    <message>
        <source>未提供</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>已确认到账</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>%1（%2 笔）</source>
        <translation>%1 (%2 payments)</translation>
    </message>
    <message>
        <source>大写</source>
        <translation>In words</translation>
    </message>
    <message>
        <source>当日未缴</source>
        <translation>Still due</translation>
    </message>
    <message>
        <source>应收合计</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>对账单金额</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>对账结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>渠道流水号</source>
        <translation>Channel serial</translation>
    </message>
    <message>
        <source>订单号</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>终端金额（元）</source>
        <translation>Kiosk (CNY)</translation>
    </message>
    <message>
        <source>对账单金额（元）</source>
        <translation>Statement (CNY)</translation>
    </message>
    <message>
        <source>不符</source>
        <translation>Mismatch</translation>
    </message>
    <message>
        <source>一码缴费日对账报告</source>
        <translation>Daily reconciliation of one-code payments</translation>
    </message>
    <message>
        <source>对账日期</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>服务网点</source>
        <translation>Service point</translation>
    </message>
    <message>
        <source>生成时间</source>
        <translation>Generated</translation>
    </message>
    <message>
        <source>总体结果</source>
        <translation>Overall</translation>
    </message>
    <message>
        <source>▲ %1 个收款账户有不符，见标注</source>
        <translation>▲ %1 payee account(s) with mismatches, flagged below</translation>
    </message>
    <message>
        <source>各收款账户均无不符</source>
        <translation>Every payee account matches</translation>
    </message>
    <message>
        <source>对账报告 %1</source>
        <translation>Reconciliation %1</translation>
    </message>
    <message>
        <source>对账日期 %1</source>
        <translation>Day %1</translation>
    </message>
</context>
<context>
    <name>SupervisionReport</name>
    <message>
        <source>未登记</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <source>缴费未确认</source>
        <translation>Payment not confirmed</translation>
    </message>
    <message>
        <source>开发企业受限</source>
        <translation>Developer restricted</translation>
    </message>
    <message>
        <source>合同未备案</source>
        <translation>Contract not filed</translation>
    </message>
    <message>
        <source>钥匙未就绪</source>
        <translation>Keys not ready</translation>
    </message>
    <message>
        <source>交房即交证督查台账</source>
        <translation>Supervision ledger: keys and title together</translation>
    </message>
    <message>
        <source>含培训数据</source>
        <translation>training data included</translation>
    </message>
    <message>
        <source>不含培训数据</source>
        <translation>training data left out</translation>
    </message>
    <message>
        <source>生成时间：%1&#x3000;&#x3000;统计范围：%2&#x3000;&#x3000;项目数：%3</source>
        <translation>Generated %1    Scope: %2    Projects: %3</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>服务网点</source>
        <translation>Service point</translation>
    </message>
    <message>
        <source>单元</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>可交付</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>已交证</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <source>待办理</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>验收至交证天数 最少/中位/最多</source>
        <translation>Days acceptance to title min/median/max</translation>
    </message>
    <message>
        <source>已统计</source>
        <translation>Days counted</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>受阻单元（按首个未通过的检查）</source>
        <translation>Blocked units (by the first check failed)</translation>
    </message>
    <message>
        <source>▲ 表示项目有受阻单元；受阻原因按交房核验顺序只计首个未通过的检查。</source>
        <translation>▲ marks a project with blocked units; each unit counts under the first handover check it fails.</translation>
    </message>
    <message>
        <source>督查台账 %1</source>
        <translation>Ledger %1</translation>
    </message>
</context>
</TS>
