"""`afterdesk reply CONVERSATION TEXT [--channel C] [--note] [--at INSTANT] [--json]`: the
rep's answer to a buyer (or an internal note), through the composer's own service.

Placeholders ({buyer_name}, {order_no}, …) are filled from the conversation as the
composer fills them; a text with one left that AfterDesk cannot fill is refused (exit 2,
nothing written). Internal notes may keep them.
"""

from __future__ import annotations

from app.commands.case_input import instant_option


def register(subparsers) -> dict:
    parser = subparsers.add_parser("reply", help="answer a buyer (or add an internal note) in "
                                   "a conversation")
    parser.add_argument("conversation", type=int, help="the conversation's number")
    parser.add_argument("text", help="the message; placeholders such as {buyer_name} are filled")
    parser.add_argument("--channel", help="site_message, order_message, im, email, sms or "
                        "phone (default: the conversation's own)")
    parser.add_argument("--note", action="store_true",
                        help="an internal note for the team, never sent to the buyer")
    parser.add_argument("--at", metavar="INSTANT", help="when it was sent, ISO 8601 "
                        "(default: now)")
    parser.add_argument("--json", action="store_true")
    return {"reply": run}


def run(args, db_path) -> int:
    from app.cli import EXIT_OK, print_json
    from app.clock import format_instant
    from app.services.messaging import placeholders, thread
    at = instant_option(args.at)
    conversation = thread.get_conversation(args.conversation)
    body = placeholders.fill(args.text, placeholders.values_for(conversation, at))
    message = thread.send_reply(args.conversation, body, channel=args.channel, at=at,
                                internal=args.note, actor="cli")
    if args.json:
        print_json({"conversation": args.conversation, "message": message.id,
                    "channel": message.channel, "internal": message.is_internal,
                    "sent_at": format_instant(message.sent_at), "body": message.body})
    else:
        what = "note saved" if message.is_internal else f"sent on {message.channel}"
        print(f"conversation {args.conversation}: message {message.id} {what}")
    return EXIT_OK
