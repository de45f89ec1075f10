"""Words the demo shops are made of: products, buyers, carriers, case texts.

The conversations live in app/demo/threads.py.
"""

AE_PRODUCTS = [
    ("1005006123450001", "Wireless Bluetooth Earbuds TWS 5.3", "Color: Black", "18.90"),
    ("1005006123450002", "Silicone Phone Case for iPhone 15", "Color: Dark Green", "4.50"),
    ("1005006123450003", "USB-C Fast Charger 65W GaN", "Plug: EU", "15.20"),
    ("1005006123450004", "Stainless Steel Water Bottle 750ml", "Color: Silver", "9.80"),
    ("1005006123450005", "LED Desk Lamp with Clamp", "Power: USB", "12.40"),
    ("1005006123450006", "Kids Smart Watch with GPS", "Color: Pink", "27.00"),
    ("1005006123450007", "Mechanical Keyboard 68 Keys", "Switch: Red", "35.60"),
    ("1005006123450008", "Yoga Mat 6mm Non-slip", "Color: Purple", "11.30"),
]

TB_PRODUCTS = [
    ("681234500001", "纯棉短袖T恤 男款 宽松", "颜色: 白色; 尺码: L", "59.00"),
    ("681234500002", "保温杯 316不锈钢 500ml", "颜色: 雾蓝", "89.00"),
    ("681234500003", "儿童益智积木 200粒", "套餐: 标准版", "128.00"),
    ("681234500004", "无线充电器 15W 快充", "颜色: 黑色", "69.00"),
    ("681234500005", "真丝枕套 单只装", "颜色: 香槟", "149.00"),
    ("681234500006", "手工陶瓷茶杯 四只装", "款式: 青瓷", "98.00"),
    ("681234500007", "运动跑鞋 透气网面", "颜色: 灰色; 尺码: 42", "239.00"),
    ("681234500008", "蓝牙音箱 便携防水", "颜色: 森林绿", "159.00"),
]

AE_BUYERS = [
    ("br1029384756", "Ana Souza", "BR", "pt"), ("us_mike_88", "Michael Carter", "US", "en"),
    ("ru_olga_k", "Olga Kuznetsova", "RU", "ru"), ("es_jgarcia", "Javier García", "ES", "es"),
    ("fr_claire.m", "Claire Martin", "FR", "fr"), ("pl_tomek", "Tomasz Nowak", "PL", "pl"),
    ("uk_sarah_j", "Sarah Jones", "GB", "en"), ("de_lukas", "Lukas Becker", "DE", "de"),
    ("kr_minji", "Kim Min-ji", "KR", "ko"), ("mx_luisa", "Luisa Hernández", "MX", "es"),
    ("au_jack", "Jack Wilson", "AU", "en"), ("cl_pedro", "Pedro Rojas", "CL", "es"),
]

TB_BUYERS = [
    ("tb_xiaoyu", "王小雨", "CN", "zh"), ("tb_chenfeng", "陈峰", "CN", "zh"),
    ("tb_lili2020", "李丽", "CN", "zh"), ("tb_zhangwei", "张伟", "CN", "zh"),
    ("tb_liuyang", "刘洋", "CN", "zh"), ("tb_zhaomin", "赵敏", "CN", "zh"),
    ("tb_sunhao", "孙浩", "CN", "zh"), ("tb_zhoujie", "周洁", "CN", "zh"),
    ("tb_wutong", "吴桐", "CN", "zh"), ("tb_hejing", "何静", "CN", "zh"),
]

AE_CARRIERS = ["Cainiao Standard Shipping", "AliExpress Standard Shipping",
               "China Post Registered Air Mail"]
TB_CARRIERS = ["中通快递", "顺丰速运", "圆通速递", "韵达快递"]
RETURN_CARRIERS = {"aliexpress": "China Post", "taobao": "顺丰速运"}

AE_TRACKING = ["Accepted by carrier", "Departed from sorting center, Shenzhen",
               "Arrived at destination country",
               "Customs clearance completed", "Out for delivery"]
TB_TRACKING = ["快件已揽收", "已发往转运中心", "到达目的地转运中心", "派送中"]
DELIVERED = {"aliexpress": "Delivered", "taobao": "已签收"}

# --- AliExpress disputes: (kind, sub_kind) -> the buyer's reason as the platform shows it
AE_NOT_AS_DESCRIBED = {
    ("not_as_described", "quality"): "Quality problem",
    ("not_as_described", "damaged"): "Product damaged",
    ("not_as_described", "short_quantity"): "Short quantity",
    ("not_as_described", "not_working"): "Item does not work",
    ("not_as_described", "counterfeit"): "Counterfeit item",
    ("not_as_described", "not_as_described"): "Color not as described",
}
AE_NOT_RECEIVED = {
    ("not_received", "lost"): "Package lost",
    ("not_received", "no_tracking"): "No tracking information",
    ("not_received", "customs"): "Held by customs",
}
AE_IN_TRANSIT = (("not_received", "in_transit"), "Shipment is still in transit")
AE_REASON_TEXTS = {
    "not_as_described": "The item I received is not what the listing shows.",
    "not_received": "I have not received my order.",
}
# GEN-1: who caused the problem, by dispute sub-kind or request reason.
CAUSE_OF = {
    "quality": "seller", "damaged": "carrier", "short_quantity": "seller",
    "not_working": "seller", "counterfeit": "seller", "not_as_described": "seller",
    "lost": "carrier", "no_tracking": "carrier", "customs": "carrier", "in_transit": "carrier",
    "not_received": "carrier", "wrong_item": "seller", "seven_day_no_reason": "buyer",
    "other": "buyer",
}

AE_SAY = {
    "refuse": ["Tracking shows the parcel was delivered and signed for.",
               "The photos show a different model than the one we sent; please check again.",
               "All items were weighed and checked before shipping; the weight matches."],
    "counter": "Partial refund offered: the item still works with a small scratch.",
    "counter_return": "Please send the item back; we refund in full when it arrives.",
    "modify": "The buyer changed the proposal after our message.",
    "proof": "Post-office proof of delivery with the recipient's signature",
    "platform": "Platform proposal after reviewing both sides' evidence",
    "appeal": ["The buyer disagrees with the ruling and sent new photos.",
               "The buyer says the parcel was signed by someone else."],
}

# --- Taobao after-sales requests
REQUEST_DESCRIPTIONS = {
    "not_received": "快递一直没有更新，没收到货，申请退款。",
    "quality": "收到的商品有质量问题，照片已上传，申请退款。",
    "damaged": "包裹破损，商品有裂缝。",
    "seven_day_no_reason": "不喜欢，吊牌完好，申请七天无理由退货。",
    "not_as_described": "颜色和描述不一致。",
    "wrong_item": "发错颜色了，我要的是雾蓝色。",
    "short_quantity": "四只装只收到三只。",
    "other": "拍错了，还没发货请直接退款。",
}
TB_SAY = {
    "refuse": ["商品已检查无质量问题，请提供更多照片。",
               "签收时未反馈破损，请提供快递员证明。",
               "退回的商品吊牌已拆，影响二次销售，不符合七天无理由退货。"],
    "revise": "已补充照片和视频，重新提交退款申请。",
}
