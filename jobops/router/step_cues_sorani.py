"""Step, decision and kind-of-mail words, context words and Gmail search words in Sorani Kurdish.

Cues match whole word sequences of folded text. Sorani is written in Arabic script with its own letters (ڕ ێ ۆ ڵ),
and joins the possessive and the definite ending to the noun ("داواکارییەکەت", your application), so each cue is
written in the form mail uses. Employers in the Kurdistan Region mix Sorani with Arabic and English for job titles.
"""

from __future__ import annotations

from typing import Final

STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": (
        *("داواکارییەکەم دەکشێنمەوە", "داواکارییەکەم هەڵدەوەشێنمەوە", "ناتوانم پێشنیارەکە قبوڵ بکەم"),
        *("پێشنیاری کارێکی ترم قبوڵ کرد", "ڕێز لە بڕیارەکەت دەگرین"),
    ),
    "rejected": (
        *("بە داخەوە ناتوانین", "کاندیدێکی ترمان هەڵبژارد", "پۆستەکە پڕ بکاتەوە", "پۆستەکە پڕکرایەوە"),
        *("ناوت لە لیستی کورتکراوەدا نییە", "داواکارییەکەت پەسەند نەکرا"),
    ),
    "closed": ("پۆستەکە هەڵوەشێنرایەوە", "دامەزراندن ڕاگیرا", "پرۆسەی دامەزراندن ڕاگیرا"),
    # A bare "job offer" (پێشنیاری کار) also heads vacancy posts: only the offer made to the candidate counts.
    "offer": ("نامەی پێشنیاری کار", "نامەی دامەزراندن", "خۆشحاڵین پێشنیاری پۆستی"),
    "onsite": ("چاوپێکەوتنی کۆتایی", "قۆناغی کۆتایی چاوپێکەوتن"),
    "technical_interview": (
        *("بانگهێشت بۆ چاوپێکەوتن", "بانگهێشتت بکەین بۆ چاوپێکەوتن", "چاوپێکەوتنی تەکنیکی"),
        *("چاوپێکەوتن لەگەڵ لیژنە", "ئامادەبوونت لە چاوپێکەوتن"),
    ),
    "assessment": ("تاقیکردنەوەی نووسین", "تاقیکردنەوەی تەکنیکی", "تاقیکردنەوەی ئۆنلاین"),
    "recruiter_screen": ("چاوپێکەوتنی تەلەفۆنی", "چاوپێکەوتنێکی تەلەفۆنی", "پەیوەندییەکی تەلەفۆنی کورت"),
    "applied": (
        *("داواکارییەکەت گەیشت", "داواکارییەکەت وەرگیرا", "داواکارییەکەتان گەیشت"),
        *("بەڵگەنامەکانتان بۆ پۆستی", "سوپاس بۆ پێشکەشکردنی داواکاری"),
    ),
}

KINDS: Final[dict[str, tuple[str, ...]]] = {
    "reminder": ("بیرخستنەوە",),
}

CONTEXT: Final[tuple[str, ...]] = ("داواکاری کار", "چاوپێکەوتن", "لیستی کورتکراوە", "پۆستی", "کاندید")

SEARCH_TERMS: Final[tuple[str, ...]] = ("داواکاری کار", "چاوپێکەوتن", "لیستی کورتکراوە")
