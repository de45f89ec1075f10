"""Words and sentences the demo shops are made of: products, buyers, conversations."""

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

AE_CARRIERS = ["Cainiao Standard Shipping", "AliExpress Standard Shipping", "China Post Registered Air Mail"]
TB_CARRIERS = ["中通快递", "顺丰速运", "圆通速递", "韵达快递"]

# (inbound text, optional Chinese translation, rep's answer)
AE_THREADS = [
    ("Hello, my order has not arrived yet. The tracking has not changed for 10 days. Can you help?",
     "你好，我的订单还没到。物流信息已经10天没有更新了。你能帮忙吗？",
     "Dear friend, sorry for the wait. We have contacted the carrier and will update you within 24 hours."),
    ("The earbuds I received do not charge. I want a refund.",
     "我收到的耳机无法充电。我想要退款。",
     "We are sorry to hear that. Could you send us a short video of the problem? We will refund or resend at once."),
    ("Is it possible to change the color to black before shipping?",
     "发货前可以把颜色换成黑色吗？",
     "Yes, we have changed it to black for you. Thank you!"),
    ("The package says delivered but I did not receive anything.",
     "包裹显示已签收，但我什么都没收到。",
     "Please check with your neighbours and local post office; we have also opened an inquiry with the carrier."),
    ("Only 1 of the 2 items was in the parcel.",
     "包裹里只有2件中的1件。",
     "Sorry for the mistake. We will resend the missing item today, no need to open a dispute."),
    ("Thank you, everything arrived in good condition!", "谢谢，所有东西都完好无损地到了！",
     "Thank you for your kind words! We hope to see you again."),
]

TB_THREADS = [
    ("你好，我的快递三天了还没到，能帮我查一下吗？", None,
     "亲，已经帮您联系快递了，预计明天送达，请耐心等待哦。"),
    ("收到的杯子有裂缝，我要申请退款。", None,
     "非常抱歉给您带来不便，麻烦拍一下照片，我们马上为您处理退款。"),
    ("这个尺码偏小，可以换大一码吗？", None,
     "可以的亲，请申请退货退款并重新下单，运费我们承担。"),
    ("七天无理由退货可以吗？吊牌还在。", None,
     "可以的，吊牌完好的情况下支持七天无理由退货，请在订单页申请。"),
    ("什么时候发货？已经付款两天了。", None,
     "亲，今天下午就会发货，发货后会同步物流单号给您。"),
    ("东西很好，谢谢老板！", None, "感谢亲的支持，欢迎再次光临！"),
]

REQUEST_DESCRIPTIONS = {
    "not_received": "快递一直没有更新，没收到货。",
    "quality": "收到的商品有质量问题，照片已上传。",
    "damaged": "包裹破损，商品有裂缝。",
    "seven_day_no_reason": "不喜欢，吊牌完好，申请七天无理由退货。",
    "not_as_described": "颜色和描述不一致。",
}

DISPUTE_REASONS = {
    ("not_received", "in_transit"): "Shipment is still in transit",
    ("not_received", "no_tracking"): "No tracking information",
    ("not_received", "lost"): "Package lost",
    ("not_as_described", "quality"): "Quality problem",
    ("not_as_described", "damaged"): "Product damaged",
    ("not_as_described", "short_quantity"): "Short quantity",
    ("not_as_described", "counterfeit"): "Counterfeit item",
    ("not_as_described", "not_as_described"): "Personal Reasons",
}
