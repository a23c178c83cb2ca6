"""Administrative division codes (GB/T 2260) the rules need: every province-level
prefix, and the county-level codes of Pingdingshan, the city Jia County is in.

Only the first two digits of an ID number's address code are checked against
this table: abolished county codes stay valid inside numbers issued under them,
so a full county list would reject real people (domain.md section 1).
"""

from __future__ import annotations

PROVINCES: dict[str, str] = {
    "11": "北京市",
    "12": "天津市",
    "13": "河北省",
    "14": "山西省",
    "15": "内蒙古自治区",
    "21": "辽宁省",
    "22": "吉林省",
    "23": "黑龙江省",
    "31": "上海市",
    "32": "江苏省",
    "33": "浙江省",
    "34": "安徽省",
    "35": "福建省",
    "36": "江西省",
    "37": "山东省",
    "41": "河南省",
    "42": "湖北省",
    "43": "湖南省",
    "44": "广东省",
    "45": "广西壮族自治区",
    "46": "海南省",
    "50": "重庆市",
    "51": "四川省",
    "52": "贵州省",
    "53": "云南省",
    "54": "西藏自治区",
    "61": "陕西省",
    "62": "甘肃省",
    "63": "青海省",
    "64": "宁夏回族自治区",
    "65": "新疆维吾尔自治区",
    "71": "台湾省",
    "81": "香港特别行政区",
    "82": "澳门特别行政区",
    # 83 is not a GB/T 2260 division: residence permits for Taiwan residents
    # use 830000 so they do not collide with 71.
    "83": "台湾地区（居住证）",
}

# Pingdingshan (4104) and its county-level divisions, domain.md section 0.
COUNTIES: dict[str, str] = {
    "410400": "平顶山市",
    "410402": "新华区",
    "410403": "卫东区",
    "410404": "石龙区",
    "410411": "湛河区",
    "410421": "宝丰县",
    "410422": "叶县",
    "410423": "鲁山县",
    "410425": "郏县",
    "410481": "舞钢市",
    "410482": "汝州市",
}

JIA_COUNTY = "410425"


def province_name(code: str) -> str | None:
    """Name of the province-level division whose code starts ``code``, if any."""
    return PROVINCES.get(code[:2])


def region_name(code: str) -> str | None:
    """The most specific name this table knows for a 6-digit division code.

    A Pingdingshan county reads ``河南省平顶山市郏县``; anything else falls back to
    its province, because the county list is deliberately not kept here.
    """
    province = province_name(code)
    if province is None:
        return None
    county = COUNTIES.get(code)
    if county is None:
        return province
    city = COUNTIES["410400"]
    return province + (city if county == city else city + county)
