"""How evidence categories read to a rep and on the pack (English, Chinese)."""

CATEGORY_LABELS = {
    "conversation": ("Conversation with the buyer", "与买家的聊天记录"),
    "tracking": ("Logistics tracking", "物流跟踪记录"),
    "proof_of_delivery": ("Post-office proof of delivery", "邮局妥投证明"),
    "carrier_statement": ("Carrier statement", "承运商证明"),
    "product_description": ("Product description", "商品描述"),
    "product_photo": ("Product photos", "商品实拍图"),
    "buyer_photo": ("Buyer's photos", "买家提供的照片"),
    "quality_check": ("Quality check report", "质检报告"),
    "purchase_invoice": ("Purchase invoices", "进货发票"),
    "brand_authorisation": ("Brand authorisation", "品牌授权书"),
    "trademark_certificate": ("Trademark certificate", "商标注册证"),
    "statement": ("Seller's statement", "卖家声明"),
    "other": ("Other evidence", "其他证据"),
}

# Categories whose evidence is a file (photo or PDF) rather than a message or a tracking line.
FILE_CATEGORIES = tuple(c for c in CATEGORY_LABELS if c not in ("conversation", "tracking"))


def category_label(category: str, language: str = "en") -> str:
    en, zh = CATEGORY_LABELS.get(category, (category, category))
    return zh if language.startswith("zh") else en


def bilingual(category: str) -> str:
    en, zh = CATEGORY_LABELS.get(category, (category, category))
    return f"{zh} / {en}"

# Reasons of Taobao after-sales requests, as codes in the database.
REQUEST_REASONS = {
    "not_received": ("goods not received", "未收到货"),
    "quality": ("quality problem", "质量问题"),
    "damaged": ("goods damaged", "商品破损"),
    "not_as_described": ("not as described", "与描述不符"),
    "wrong_item": ("wrong item sent", "卖家发错货"),
    "short_quantity": ("short quantity", "少件/漏发"),
    "seven_day_no_reason": ("seven-day no-reason return", "七天无理由退换货"),
    "other": ("other", "其他"),
}


def reason_label(reason: str, language: str = "en") -> str:
    en, zh = REQUEST_REASONS.get(reason, (reason, reason))
    return zh if language.startswith("zh") else en
