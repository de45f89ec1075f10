"""Conversations and messages: the inbox and its saved views, search, the thread, replies,
quick phrases, placeholders, automatic replies, translation and transcripts."""
