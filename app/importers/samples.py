"""Example exports in every layout AfterDesk reads, written the way the platforms write
them (GBK or BOM CSV, ="…" order numbers, '-prefixed phones, the header with a line break,
several products in one cell). Used by the tests, the benchmark and the documentation.

xlsx is written with openpyxl, xls with xlwt (a test-only dependency).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

AE_CLASSIC = ["订单号", "订单状态", "负责人(业务员)", "买家名称", "下单时间", "付款时间", "产品总金额",
              "物流费用", "订单金额", "满立减", "产品信息\n（双击单元格展开所有产品信息！）", "订单备注",
              "收货地址", "收货人名称", "收货国家", "州/省", "城市", "地址", "邮编", "联系电话", "手机",
              "买家选择物流", "发货期限", "实际发货物流:运单号", "发货时间", "确认收货时间"]
AE_2025 = ["订单号", "店铺", "订单状态", "负责人（业务员）", "买家名称", "下单时间", "付款时间", "支付方式",
           "供货价", "产品总金额", "物流费用", "预计增值税", "平台是否代征代缴", "订单金额", "买家实付金额",
           "DDP关税", "店铺优惠", "托管商家折扣", "平台补贴", "商品ID", "商品信息", "EANcode", "商品编码",
           "订单备注", "完整收货地址", "完整收货地址（常用语言）", "收件人名称", "联系电话", "手机", "联系邮件",
           "详细地址", "邮编", "扩展城市（德/意/波/墨为真实的城市）", "城市", "州/省", "收货国家",
           "National address（仅沙特使用）", "税号", "买家选择物流", "发货期限", "实际发货单号", "发货时间",
           "确认收货时间", "订单业务模式", "定制信息"]
TB_CLASSIC = ["订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分", "总金额",
              "返点积分", "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址",
              "运送方式", "联系电话", "联系手机", "订单创建时间", "订单付款时间", "宝贝标题", "宝贝种类",
              "物流单号", "物流公司", "订单备注", "宝贝总数量", "店铺Id", "店铺名称", "订单关闭原因"]
TB_21 = ["订单编号", "支付单号", "买家应付货款", "买家应付邮费", "总金额", "买家实付金额", "订单状态", "收货地址",
         "运送方式", "订单创建时间", "商品标题", "宝贝种类", "物流单号", "物流公司", "备注标签", "商家备注",
         "宝贝总数量", "开票信息", "手机订单", "商品属性SKU", "发货时间"]
TB_ITEMS = ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态",
            "商家编码"]


def ae_classic_row(order_no: str, **over) -> list:
    row = {"订单号": order_no, "订单状态": "等待买家收货", "负责人(业务员)": "小王",
           "买家名称": "Maria Silva", "下单时间": "2026-03-01 10:15:00",
           "付款时间": "2026-03-01 10:16:30", "产品总金额": "US $24.00", "物流费用": "US $3.50",
           "订单金额": "US $27.50", "满立减": "",
           "产品信息\n（双击单元格展开所有产品信息！）":
               "【1】Summer dress (属性:Color:Red;Size:M) (数量:2 件) (商家编码:D-1)\n"
               "【2】Straw hat（属性：Colour:Beige）（数量：1 piece）",
           "订单备注": "", "收货地址": "Rua A ****", "收货人名称": "Maria Silva",
           "收货国家": "Brazil", "州/省": "SP", "城市": "São Paulo", "地址": "Rua A ****",
           "邮编": "01000-000", "联系电话": "", "手机": "'5511987654321",
           "买家选择物流": "AliExpress Standard Shipping", "发货期限": "2026-03-08 10:16:30",
           "实际发货物流:运单号": "CAINIAO_STANDARD:LP00123456789012", "发货时间": "2026-03-02 09:00:00",
           "确认收货时间": ""}
    row.update(over)
    return [row.get(h, "") for h in AE_CLASSIC]


def ae_2025_row(order_no: str, **over) -> list:
    row = {"订单号": order_no, "店铺": "Sunny Store", "订单状态": "已完成", "买家名称": "John Doe",
           "下单时间": "2026-02-01 08:00:00", "付款时间": "2026-02-01 08:05:00",
           "产品总金额": "12.00", "物流费用": "0.00", "订单金额": "12.00", "买家实付金额": "11.50",
           "商品ID": "1005001234567890", "商品信息": "[1] Phone case (属性:Model:X) (数量:3)",
           "收件人名称": "John Doe", "手机": "'+1 555 0100", "联系邮件": "john@example.com",
           "收货国家": "US", "实际发货单号": "YANWEN:UG123456789CN", "发货时间": "2026-02-02 10:00:00",
           "确认收货时间": "2026-02-20 12:00:00"}
    row.update(over)
    return [row.get(h, "") for h in AE_2025]


def tb_classic_row(order_no: str, **over) -> list:
    row = {"订单编号": f'="{order_no}"', "买家会员名": "tb_buyer_01", "买家应付货款": "99.00",
           "买家应付邮费": "0.00", "总金额": "99.00", "买家实际支付金额": "99.00",
           "订单状态": "卖家已发货，等待买家确认", "收货人姓名": "张三",
           "收货地址": "浙江省 杭州市 西湖区 ****", "联系手机": "'13812345678",
           "订单创建时间": "2026-03-05 20:01:02", "订单付款时间": "2026-03-05 20:02:00",
           "宝贝标题": "纯棉T恤 男款", "宝贝种类": "1", "物流单号": "No:SF1234567890",
           "物流公司": "顺丰速运", "宝贝总数量": "2", "店铺名称": "小店"}
    row.update(over)
    return [row.get(h, "") for h in TB_CLASSIC]


def tb_21_row(order_no: str, **over) -> list:
    row = {"订单编号": f'="{order_no}"', "支付单号": "2026030522001", "买家应付货款": "59.90",
           "买家应付邮费": "6.00", "总金额": "65.90", "买家实付金额": "65.90", "订单状态": "交易成功",
           "收货地址": "广东省 深圳市 ****", "订单创建时间": "2026/03/06 09:30:00",
           "商品标题": "保温杯 500ml", "宝贝种类": "1", "物流单号": "YT1234567890", "物流公司": "圆通速递",
           "宝贝总数量": "1", "商品属性SKU": "颜色分类:白色", "发货时间": "2026/03/06 15:00:00"}
    row.update(over)
    return [row.get(h, "") for h in TB_21]


def tb_item_row(order_no: str, title: str, price: str, qty: str, attrs: str = "",
                code: str = "") -> list:
    row = {"订单编号": f'="{order_no}"', "标题": title, "价格": price, "购买数量": qty,
           "商品属性": attrs, "订单状态": "交易成功", "商家编码": code}
    return [row.get(h, "") for h in TB_ITEMS]


def write_xlsx(path, header: list, rows: list) -> Path:
    from openpyxl import Workbook
    book = Workbook(write_only=True)
    sheet = book.create_sheet("订单")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return Path(path)


def write_xls(path, header: list, rows: list) -> Path:
    import xlwt
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("订单")
    for r, row in enumerate([header] + rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(str(path))
    return Path(path)


def write_csv(path, header: list, rows: list, encoding: str = "gbk") -> Path:
    """A CSV as Taobao writes it: GBK, or UTF-8 with a byte-order mark ('utf-8-sig')."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    text = buffer.getvalue().replace('"=""', '="').replace('"""', '"')
    Path(path).write_bytes(text.encode(encoding))
    return Path(path)
