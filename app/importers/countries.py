"""Destination countries as exports write them (English or Chinese names, or codes) ->
ISO 3166-1 alpha-2. An unknown name leaves the country empty and is shown as a warning."""

from __future__ import annotations

NAMES = {
    "united states": "US", "usa": "US", "美国": "US", "brazil": "BR", "巴西": "BR",
    "russian federation": "RU", "russia": "RU", "俄罗斯": "RU", "spain": "ES", "西班牙": "ES",
    "france": "FR", "法国": "FR", "germany": "DE", "德国": "DE", "italy": "IT", "意大利": "IT",
    "poland": "PL", "波兰": "PL", "united kingdom": "GB", "uk": "GB", "英国": "GB",
    "netherlands": "NL", "荷兰": "NL", "belgium": "BE", "比利时": "BE", "mexico": "MX",
    "墨西哥": "MX", "chile": "CL", "智利": "CL", "israel": "IL", "以色列": "IL",
    "saudi arabia": "SA", "沙特阿拉伯": "SA", "korea": "KR", "south korea": "KR", "韩国": "KR",
    "japan": "JP", "日本": "JP", "canada": "CA", "加拿大": "CA", "australia": "AU",
    "澳大利亚": "AU", "ukraine": "UA", "乌克兰": "UA", "turkey": "TR", "türkiye": "TR",
    "土耳其": "TR", "portugal": "PT", "葡萄牙": "PT", "czech republic": "CZ", "捷克": "CZ",
    "sweden": "SE", "瑞典": "SE", "switzerland": "CH", "瑞士": "CH", "austria": "AT",
    "奥地利": "AT", "kazakhstan": "KZ", "哈萨克斯坦": "KZ", "belarus": "BY", "白俄罗斯": "BY",
    "united arab emirates": "AE", "阿联酋": "AE", "colombia": "CO", "哥伦比亚": "CO",
    "peru": "PE", "秘鲁": "PE", "argentina": "AR", "阿根廷": "AR", "china": "CN", "中国": "CN",
    "new zealand": "NZ", "新西兰": "NZ", "ireland": "IE", "爱尔兰": "IE", "greece": "GR",
    "希腊": "GR", "hungary": "HU", "匈牙利": "HU", "romania": "RO", "罗马尼亚": "RO",
    "slovakia": "SK", "斯洛伐克": "SK", "lithuania": "LT", "立陶宛": "LT", "latvia": "LV",
    "拉脱维亚": "LV", "finland": "FI", "芬兰": "FI", "denmark": "DK", "丹麦": "DK",
    "norway": "NO", "挪威": "NO", "morocco": "MA", "摩洛哥": "MA", "egypt": "EG", "埃及": "EG",
    "thailand": "TH", "泰国": "TH", "vietnam": "VN", "越南": "VN", "malaysia": "MY",
    "马来西亚": "MY", "philippines": "PH", "菲律宾": "PH", "indonesia": "ID", "印度尼西亚": "ID",
    "singapore": "SG", "新加坡": "SG", "india": "IN", "印度": "IN", "south africa": "ZA",
    "南非": "ZA", "bulgaria": "BG", "保加利亚": "BG",
}


def country_code(text: str) -> str | None:
    """'BR', 'Brazil' or '巴西' -> 'BR'; None when not known."""
    text = (text or "").strip()
    if not text:
        return ""
    if len(text) == 2 and text.isascii() and text.isalpha():
        return text.upper()
    return NAMES.get(text.lower())
