"""Voice: whose words these are (split into modules by job in the next commit)."""

from analysis.voice.speakers import (
    NARRATOR,
    QUOTE_COLUMNS,
    QUOTED,
    VOICE_RULE,
    Quote,
    VoiceIndex,
    add_voice,
    quotations,
    quoted_stretches,
    quotes_frame,
    voice_at,
    voice_word_counts,
)

__all__ = [
    "NARRATOR",
    "VOICE_RULE",
    "QUOTED",
    "QUOTE_COLUMNS",
    "Quote",
    "VoiceIndex",
    "add_voice",
    "quotations",
    "quoted_stretches",
    "quotes_frame",
    "voice_at",
    "voice_word_counts",
]
