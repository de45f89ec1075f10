"""Conversation threads of the demo shops: turns of (direction, text, Chinese translation
or None[, language of the text when not the shop's usual one]).

AliExpress buyers write in English (a few in their own language); the platform shows the
rep a Chinese translation (AE-13). Taobao threads are in Chinese. The first turn is always
the buyer's; a thread cut after a buyer's turn leaves the conversation unreplied.
"""

IN, OUT = "in", "out"

AE_GENERAL = [
    [(IN, "Hello, my order has not arrived yet. The tracking has not changed for 10 days. "
          "Can you help?", "你好，我的订单还没到。物流信息已经10天没有更新了。你能帮忙吗？"),
     (OUT, "Dear friend, sorry for the wait. We have contacted the carrier and will update "
           "you within 24 hours.", None)],
    [(IN, "Is it possible to change the color to black before shipping?",
      "发货前可以把颜色换成黑色吗？"),
     (OUT, "Yes, we have changed it to black for you. Thank you!", None)],
    [(IN, "Thank you, everything arrived in good condition!", "谢谢，所有东西都完好无损地到了！"),
     (OUT, "Thank you for your kind words! We hope to see you again.", None)],
    [(IN, "Do you have this charger with a UK plug?", "这个充电器有英规插头的吗？"),
     (OUT, "Yes, please choose 'Plug: UK' on the product page.", None),
     (IN, "Great, ordered. Thanks!", "好的，已下单。谢谢！")],
    [(IN, "Olá, meu pedido ainda não chegou. Quando vai chegar?",
      "你好，我的订单还没到。什么时候能到？", "pt"),
     (OUT, "Hello! Parcels to Brazil take 30-60 days; yours is in customs now.", None)],
    [(IN, "Hola, ¿pueden enviar dos unidades en el mismo paquete?",
      "你好，两件可以放在同一个包裹里寄吗？", "es"),
     (OUT, "Yes, we will ship both items together.", None)],
    [(IN, "Do I have to pay customs tax for this order?", "这个订单我需要付关税吗？"),
     (OUT, "For orders under 150 EUR the tax is already included in the price.", None),
     (IN, "Perfect, thank you.", "好的，谢谢。")],
]

AE_PROBLEM = [
    [(IN, "The earbuds I received do not charge. I want a refund.",
      "我收到的耳机无法充电。我想要退款。"),
     (OUT, "We are sorry to hear that. Could you send us a short video of the problem? We "
           "will refund or resend at once.", None),
     (IN, "Here is the video. The light does not turn on.", "这是视频。指示灯不亮。"),
     (OUT, "Thank you. We will send a new pair today; no need to return the old one.", None),
     (IN, "OK, please send the tracking number.", "好的，请发物流单号给我。")],
    [(IN, "The package says delivered but I did not receive anything.",
      "包裹显示已签收，但我什么都没收到。"),
     (OUT, "Please check with your neighbours and local post office; we have also opened an "
           "inquiry with the carrier.", None),
     (IN, "I asked my neighbours, nobody has it.", "我问了邻居，没有人收到。"),
     (OUT, "We are sorry. The carrier confirmed the loss; we will refund you in full.", None),
     (IN, "Thank you for your help.", "谢谢你的帮助。")],
    [(IN, "Only 1 of the 2 items was in the parcel.", "包裹里只有2件中的1件。"),
     (OUT, "Sorry for the mistake. We will resend the missing item today, no need to open a "
           "dispute.", None)],
    [(IN, "The bottle arrived dented. I opened a dispute.", "水壶到的时候有凹痕。我开了纠纷。"),
     (OUT, "We are sorry. Would a 50% refund be fine for you, so you can keep the bottle?",
      None),
     (IN, "No, I want a full refund.", "不，我要全额退款。"),
     (OUT, "Then please send the bottle back; we refund in full when it arrives.", None),
     (IN, "Who pays the return shipping?", "退货运费谁出？"),
     (OUT, "We do: we will refund the return shipping too, please keep the receipt.", None),
     (IN, "OK, I will send it tomorrow.", "好的，我明天寄出。"),
     (IN, "Sent. Tracking RR123456785CN.", "已寄出。单号 RR123456785CN。")],
    [(IN, "The watch does not connect to the app. Refund please.",
      "手表连不上应用。请退款。"),
     (OUT, "Please try the reset steps in the manual (hold the button 10 seconds).", None),
     (IN, "Still not working.", "还是不行。"),
     (OUT, "Sorry. Please send a photo of the screen; we will decide refund or resend.", None),
     (IN, "Photo attached.", "照片已附上。"),
     (OUT, "Thank you. We agreed to your refund in the dispute.", None)],
    [(IN, "Why did you refuse my dispute? The color is clearly different.",
      "你为什么拒绝我的纠纷？颜色明显不一样。"),
     (OUT, "The product page shows this exact shade under daylight; we can offer a 30% "
           "refund as a gesture.", None),
     (IN, "I will escalate to AliExpress.", "我会把纠纷升级给速卖通。")],
]

TB_GENERAL = [
    [(IN, "你好，我的快递三天了还没到，能帮我查一下吗？", None),
     (OUT, "亲，已经帮您联系快递了，预计明天送达，请耐心等待哦。", None)],
    [(IN, "这个尺码偏小，可以换大一码吗？", None),
     (OUT, "可以的亲，请申请退货退款并重新下单，运费我们承担。", None)],
    [(IN, "什么时候发货？已经付款两天了。", None),
     (OUT, "亲，今天下午就会发货，发货后会同步物流单号给您。", None)],
    [(IN, "东西很好，谢谢老板！", None), (OUT, "感谢亲的支持，欢迎再次光临！", None)],
    [(IN, "可以开发票吗？", None), (OUT, "可以的，请留下抬头和税号，我们确认收货后开具。", None),
     (IN, "好的，抬头：杭州某某科技有限公司。", None), (OUT, "收到，发票三个工作日内发到邮箱。", None)],
    [(IN, "有没有优惠券？", None), (OUT, "亲，店铺首页可以领满199减20的券哦。", None)],
]

TB_PROBLEM = [
    [(IN, "收到的杯子有裂缝，我要申请退款。", None),
     (OUT, "非常抱歉给您带来不便，麻烦拍一下照片，我们马上为您处理退款。", None),
     (IN, "照片发你了。", None), (OUT, "收到，已同意退款，请留意支付宝到账。", None)],
    [(IN, "七天无理由退货可以吗？吊牌还在。", None),
     (OUT, "可以的，吊牌完好的情况下支持七天无理由退货，请在订单页申请。", None),
     (IN, "已经申请了，退货地址是哪里？", None),
     (OUT, "地址已在退货申请里，寄回后请填写单号。", None),
     (IN, "已寄回，顺丰单号SF1234567890。", None)],
    [(IN, "为什么拒绝我的退款？东西明明坏了。", None),
     (OUT, "亲，照片看不出问题，能再拍一段视频吗？", None),
     (IN, "视频已上传，你们再不处理我就申请小二介入了。", None),
     (OUT, "收到视频了，确实有问题，我们同意退款，麻烦修改一下申请。", None),
     (IN, "已修改退款申请。", None)],
    [(IN, "四只装只收到三只，少了一只。", None),
     (OUT, "非常抱歉，仓库核实了重量，确实少发，马上给您补发。", None),
     (IN, "不用补发了，退款吧。", None), (OUT, "好的，已为您退款一只的金额。", None)],
    [(IN, "退款申请提交三天了还没处理？", None), (OUT, "亲，已经在处理了，今天内给您答复。", None),
     (IN, "还要等多久？", None), (IN, "在吗？", None)],
    [(IN, "发错颜色了，我要的是雾蓝色。", None),
     (OUT, "抱歉亲，请申请退货退款，我们收到后马上退款，您也可以重新下单。", None),
     (IN, "运费谁出？", None), (OUT, "来回运费都由我们承担。", None),
     (IN, "好的，我今天寄回。", None), (OUT, "谢谢亲，收到货当天退款。", None),
     (IN, "已寄回，单号已填。", None)],
]

NOTES = {
    "aliexpress": ["内部备注：已联系仓库核实包裹重量。", "内部备注：买家在其他订单也开过纠纷，注意留证据。",
                   "Note: carrier inquiry opened, answer expected in 2 days."],
    "taobao": ["内部备注：已联系快递核实签收人。", "内部备注：退款前先确认退货已入库。",
               "内部备注：老客户，可适当补偿。"],
}
