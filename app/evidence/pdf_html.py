"""The HTML of a pack's PDF: cover, contents, statement, case timeline, chat transcript,
tracking, photos, attached documents and the manifest. Rich-text HTML as QTextDocument reads
it; sizes in points, spacing in device pixels (`px`)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from app.evidence.content import PackContent
from app.evidence import pack_words as words
from app.evidence.labels import bilingual
from app.evidence.manifest import Entry
from app.evidence.timefmt import local, zone, zone_label

MONO = "WenQuanYi Micro Hei Mono"


@dataclass(frozen=True)
class Section:
    key: str
    title: str


@dataclass(frozen=True)
class Picture:
    position: int
    url: str                 # resource name in the document, "" when the photo is unreadable
    width: int               # display size in 1/96 inch
    height: int


def page_marker(key: str) -> str:
    """Placeholder of a section's page number in the contents (replaced after layout)."""
    return f"[[{key}]]"


def sections(content: PackContent, documents: list) -> list[Section]:
    out = [Section("statement", "卖家声明 / Seller's statement"),
           Section("timeline", "纠纷经过 / Case timeline")]
    if content.threads:
        out.append(Section("chat", "聊天记录 / Conversation with the buyer"))
    if content.tracking:
        out.append(Section("tracking", "物流跟踪 / Tracking"))
    if any(f.is_image for f in content.files):
        out.append(Section("photos", "照片 / Photos"))
    if documents:
        out.append(Section("documents", "附件文件 / Attached documents"))
    out.append(Section("manifest", "证据清单与哈希 / Manifest with SHA-256"))
    return out


def document_html(content: PackContent, family: str, px, pictures: dict[int, Picture],
                  entries: list[Entry], pack_hash: str, built_at,
                  signer: str = "") -> tuple[str, list[Section]]:
    c = content.case
    tz = zone(c.timezone)
    documents = [f for f in content.files if not f.is_image]
    secs = sections(content, documents)
    style = (f"body {{ font-family: '{family}'; font-size: 10pt; }}"
             f"h1 {{ font-size: 15pt; margin-bottom: {px(10)}px; }}"
             f"h2 {{ font-size: 11.5pt; margin-top: {px(12)}px; margin-bottom: {px(4)}px; }}"
             f"td {{ padding: {px(3)}px; }}"
             f".meta {{ font-size: 8.5pt; color: #555555; margin-top: {px(7)}px; }}"
             f".in {{ color: #1f4e8c; }} .out {{ color: #2e7d32; }}"
             f".tr {{ color: #555555; margin-left: {px(14)}px; }}"
             f".caption {{ font-size: 9pt; color: #333333; margin-bottom: {px(14)}px; }}"
             f".hash {{ font-family: '{MONO}'; font-size: 6.5pt; }}"
             f".small {{ font-size: 8.5pt; color: #555555; }}")
    out = [f"<html><head><style>{style}</style></head><body>"]
    out.append(_cover(content, tz, pack_hash, built_at, px, signer))
    out.append("<h1 style='page-break-before: always'>目录 / Contents</h1>"
               f"<table width='100%' cellspacing='0' cellpadding='{px(4)}'>")
    for index, sec in enumerate(secs, 1):
        out.append(f"<tr><td>{index}. {escape(sec.title)}</td>"
                   f"<td align='right'>{page_marker(sec.key)}</td></tr>")
    out.append("</table>")
    for sec in secs:
        out.append(f"<h1 style='page-break-before: always'>{escape(sec.title)}</h1>")
        out.append(_SECTION[sec.key](content, tz, px, pictures, entries, documents))
    out.append("</body></html>")
    return "".join(out), secs


def _cover(content, tz, pack_hash, built_at, px, signer) -> str:
    c = content.case
    state = words.in_words(words.PACK_STATES, content.state, c.platform)
    platform = {"aliexpress": "AliExpress 速卖通", "taobao": "淘宝 Taobao"}.get(c.platform,
                                                                            c.platform)
    rows = [
        ("店铺 Shop", f"{c.shop_name} ({platform})"),
        ("订单 Order", c.order_no),
        ("案件 Case", c.ref + (f" · 平台编号 issue {c.issue_id}" if c.issue_id else "")),
        ("类型 Kind", c.kind), ("原因 Reason", c.reason), ("状态 State", c.state),
        ("买家 Buyer", " · ".join(p for p in (c.buyer_name, c.buyer_login, c.buyer_country) if p)),
        ("商品 Goods", "<br>".join(escape(g) for g in c.goods)),
        ("金额 Amount", c.amount),
        ("付款 Paid", local(c.paid_at, tz)), ("发货 Shipped", local(c.shipped_at, tz)),
        ("妥投 Delivered", local(c.delivered_at, tz) or "尚未妥投 not delivered yet"),
        ("物流 Carrier", f"{c.carrier} {c.tracking_no}".strip()),
        ("提出 Opened", local(c.opened_at, tz)),
        ("结束 Closed", local(c.closed_at, tz) or "尚未结束 still open"),
        ("证据包版本 Pack version", f"{content.version} · {state}"
         + (f" · {local(content.submitted_at, tz)}" if content.submitted_at else "")),
        ("生成时间 Built", local(built_at, tz)),
        ("时区 Time zone", zone_label(tz, c.opened_at)),
    ]
    body = "".join(
        f"<tr><td width='28%'><b>{escape(k)}</b></td><td>"
        f"{v if k.startswith('商品') else escape(v or '无 none')}</td></tr>" for k, v in rows)
    key = (f"<p><b>签名密钥指纹 Signing key fingerprint</b><br><span class='hash'>{signer}</span>"
           "</p><p class='small'>店铺用自己的密钥签署证据包 ZIP 中的清单；用 AfterDesk 的"
           "“afterdesk verify”命令可核对 ZIP 的每个文件、签名以及此指纹。 The shop signs the "
           "manifest in this pack's ZIP with its own key; the command “afterdesk verify” "
           "checks every file of the ZIP, the signature and this fingerprint.</p>"
           if signer else
           "<p class='small'>用 AfterDesk 的“afterdesk verify”命令可核对证据包 ZIP 的每个文件。"
           " The command “afterdesk verify” checks every file of this pack's ZIP.</p>")
    return (f"<h1 style='font-size: 18pt'>申诉证据包 Appeal evidence pack</h1>"
            f"<table width='100%' border='0' cellspacing='0' cellpadding='{px(3)}'>{body}</table>"
            f"<p><b>证据包哈希 Pack hash (SHA-256)</b><br><span class='hash'>{pack_hash}</span></p>"
            + key)


def _statement(content, tz, px, *_):
    if not content.statement.strip():
        return "<p><i>卖家未写声明。 The seller wrote no statement.</i></p>"
    paragraphs = [p for p in content.statement.replace("\r\n", "\n").split("\n")]
    return "".join(f"<p>{escape(p) if p.strip() else '&nbsp;'}</p>" for p in paragraphs)


def _timeline(content, tz, px, *_):
    if not content.timeline:
        return "<p>无记录 Nothing recorded.</p>"
    rows = "".join(
        f"<tr><td>{local(e.at, tz)}</td><td>{escape(e.actor)}</td><td>{escape(e.action)}</td>"
        f"<td>{escape(e.change)}</td><td>{escape(e.by_rule)}</td></tr>" for e in content.timeline)
    return (f"<table width='100%' border='1' cellspacing='0' cellpadding='{px(3)}' "
            "style='border-color: #999999; border-style: solid'>"
            "<tr><th>时间 Time</th><th>谁 Who</th><th>动作 Action</th><th>状态 State</th>"
            f"<th>规则 Rule</th></tr>{rows}</table>")


def _chat(content, tz, px, *_):
    out = []
    for thread in content.threads:
        channel = words.in_words(words.CHANNELS, thread.channel, content.case.platform)
        out.append(f"<h2>{escape(thread.subject or '聊天 Conversation')} · {escape(channel)} · "
                   f"{len(thread.lines)} 条消息 messages</h2>")
        for line in thread.lines:
            who = "买家 Buyer" if line.direction == "in" else "卖家 Seller"
            auto = " · 自动回复 automatic reply" if line.is_auto else ""
            out.append(f"<p class='meta'><span class='{line.direction}'><b>{who}</b></span> "
                       f"{escape(line.author)} · {local(line.at, tz, seconds=True)} · "
                       f"{escape(words.in_words(words.CHANNELS, line.channel, content.case.platform))}"
                       f"{auto}</p>")
            out.append("<p>" + escape(line.body).replace("\n", "<br>") + "</p>")
            if line.translation:
                out.append(f"<p class='tr'>译文 translation "
                           f"({escape(_language(line.translation_lang))}): "
                           + escape(line.translation).replace("\n", "<br>") + "</p>")
    return "".join(out)


LANGUAGES = {"zh": "中文 Chinese", "en": "英文 English", "es": "西班牙文 Spanish",
             "pt": "葡萄牙文 Portuguese", "ru": "俄文 Russian", "fr": "法文 French",
             "de": "德文 German", "ko": "韩文 Korean", "ja": "日文 Japanese"}


def _language(code: str) -> str:
    base = (code or "").split("-")[0].lower()
    return LANGUAGES.get(base, code.upper() if code else "?")


def _tracking(content, tz, px, *_):
    c = content.case
    rows = "".join(f"<tr><td>{local(t.at, tz)}</td><td>{escape(t.location)}</td>"
                   f"<td>{escape(t.description)}</td>"
                   f"<td>{escape(words.in_words({}, t.status, c.platform))}</td></tr>"
                   for t in content.tracking)
    return (f"<p>{escape(c.carrier)} · {escape(c.tracking_no)}</p>"
            f"<table width='100%' border='1' cellspacing='0' cellpadding='{px(3)}'>"
            "<tr><th>时间 Time</th><th>地点 Place</th><th>事件 Event</th><th>状态 Status</th></tr>"
            f"{rows}</table>")


def _photos(content, tz, px, pictures, *_):
    out, number = [], 0
    for f in content.files:
        if not f.is_image:
            continue
        number += 1
        pic = pictures.get(f.position)
        brk = " style='page-break-before: always'" if number > 1 and number % 2 else ""
        if pic is not None and pic.url:         # two photos a page
            out.append(f"<p align='center'{brk}><img src='{pic.url}' width='{pic.width}' "
                       f"height='{pic.height}'></p>")
        else:
            out.append(f"<p align='center'{brk}><i>[此照片无法显示 This photo could not be read; the "
                       "original is in the ZIP]</i></p>")
        out.append(f"<p class='caption' align='center'><b>图 Figure {number}</b> · "
                   f"{escape(bilingual(f.category))}<br>{escape(f.caption)}<br>"
                   f"<span class='small'>{escape(f.name)} · {f.size:,} bytes</span></p>")
    return "".join(out)


def _documents(content, tz, px, pictures, entries, documents):
    rows = "".join(
        f"<tr><td>{escape(bilingual(f.category))}</td><td>{escape(f.caption)}</td>"
        f"<td>{escape(f.name)}</td><td>{f.size:,}</td></tr>" for f in documents)
    return ("<p>These documents are in the ZIP of this pack, unchanged; their SHA-256 is in the "
            "manifest. 以下文件原件附在证据包 ZIP 中。</p>"
            f"<table width='100%' border='1' cellspacing='0' cellpadding='{px(3)}'>"
            "<tr><th>类别 Category</th><th>说明 Caption</th><th>文件 File</th><th>Bytes</th></tr>"
            f"{rows}</table>")


def _manifest(content, tz, px, pictures, entries, documents):
    rows = "".join(
        f"<tr><td>{i}</td><td>{escape(e.path)}<br><span class='small'>{escape(e.caption)}</span>"
        f"</td><td align='right'>{e.size:,}</td><td class='hash'>{e.sha256}</td></tr>"
        for i, e in enumerate(entries, 1))
    return ("<p class='small'>Every item of this pack with its SHA-256. The ZIP holds each as a "
            "file under the path shown.</p>"
            f"<table width='100%' border='1' cellspacing='0' cellpadding='{px(3)}'>"
            "<tr><th width='4%'>#</th><th width='30%'>Path</th><th width='9%'>Bytes</th>"
            "<th width='57%'>SHA-256</th></tr>"
            f"{rows}</table>")


_SECTION = {"statement": _statement, "timeline": _timeline, "chat": _chat,
            "tracking": _tracking, "photos": _photos, "documents": _documents,
            "manifest": _manifest}
