"""Every person-facing string printed on a receipt, per language.

Kept in one table so that the project's translation system can take them
over; Chinese is the default and the only language a buyer is guaranteed to
read, English is second.
"""

from __future__ import annotations

from kiosk.errors import ValidationError

DEFAULT_LANGUAGE = "zh"

RECEIPT_STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "county": "郏县",
        "handover_title": "交房即交证 凭条",
        "training_banner": "【演练数据 不作凭证】",
        "payment_title": "缴费凭条",
        "mailing_title": "证书邮寄单",
        "test_title": "交房即交证 打印测试",
        "unit_code": "不动产单元代码",
        "certificate_number": "不动产权证书号",
        "printed_serial": "印制号",
        "buyer": "权利人",
        "id_number": "证件号",
        "time": "时间",
        "service_point": "服务网点",
        "verify_hint": "扫码核验电子证照",
        "order_number": "缴费单号",
        "payee": "收款单位",
        "amount_yuan": "金额(元)",
        "total": "合计",
        "paid": "已缴",
        "unpaid": "未缴",
        "payee_tax_bureau": "税务机关",
        "payee_registration_office": "不动产登记机构",
        "payee_maintenance_fund": "住宅专项维修资金",
        "recipient": "收件人",
        "phone": "电话",
        "address": "地址",
        "postcode": "邮编",
        "tracking_number": "运单号",
        "printer": "打印机",
        "paper": "纸宽",
        "chinese_mode": "中文模式",
        "chinese_native": "原生中文(GB18030)",
        "chinese_raster": "图像中文(光栅)",
        "qr_mode": "二维码",
        "qr_native": "打印机生成",
        "qr_raster": "图像",
        "test_qr_hint": "扫描此码应得到测试内容",
        "keep_receipt": "请妥善保管本凭条",
        "footer": "郏县不动产登记中心",
    },
    "en": {
        "county": "Jia County",
        "handover_title": "Handover with certificate receipt",
        "training_banner": "[TRAINING - NOT A RECEIPT]",
        "payment_title": "Payment receipt",
        "mailing_title": "Certificate mailing slip",
        "test_title": "Handover kiosk print test",
        "unit_code": "Unit code",
        "certificate_number": "Certificate no.",
        "printed_serial": "Printed serial",
        "buyer": "Owner",
        "id_number": "ID no.",
        "time": "Time",
        "service_point": "Service point",
        "verify_hint": "Scan to verify the e-certificate",
        "order_number": "Order no.",
        "payee": "Payee",
        "amount_yuan": "Amount (CNY)",
        "total": "Total",
        "paid": "paid",
        "unpaid": "unpaid",
        "payee_tax_bureau": "Tax bureau",
        "payee_registration_office": "Real estate registration office",
        "payee_maintenance_fund": "Housing maintenance fund",
        "recipient": "Recipient",
        "phone": "Phone",
        "address": "Address",
        "postcode": "Postcode",
        "tracking_number": "Tracking no.",
        "printer": "Printer",
        "paper": "Paper",
        "chinese_mode": "Chinese mode",
        "chinese_native": "native (GB18030)",
        "chinese_raster": "raster image",
        "qr_mode": "QR code",
        "qr_native": "printer-generated",
        "qr_raster": "image",
        "test_qr_hint": "Scanning this code gives the test text",
        "keep_receipt": "Please keep this receipt",
        "footer": "Jia County Real Estate Registration Centre",
    },
}


def receipt_strings(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    try:
        return RECEIPT_STRINGS[language]
    except KeyError:
        raise ValidationError(f"no receipt texts for language {language!r}", field="language",
                              hint=f"use one of: {', '.join(RECEIPT_STRINGS)}") from None
