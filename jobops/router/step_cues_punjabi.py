"""Step, decision and kind-of-mail words, context words and Gmail search words in Punjabi (Gurmukhi script).

Gurmukhi cues match inside words, as other Indic scripts do, so a stem ("ਅਰਜ਼ੀ") finds its inflected forms; folding
drops the nukta, so "ਅਰਜ਼ੀ" and "ਅਰਜੀ" read alike. Small employers write as people talk ("ਗੱਲ ਨਹੀਂ ਬਣੀ", it did not
work out), so the decisions list those wordings next to the formal ones.
"""

from __future__ import annotations

from typing import Final

STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": (
        *("ਅਰਜ਼ੀ ਵਾਪਸ ਲੈ", "ਪੇਸ਼ਕਸ਼ ਸਵੀਕਾਰ ਨਹੀਂ ਕਰ", "ਪੇਸ਼ਕਸ਼ ਨਹੀਂ ਲੈ ਸਕ", "ਹੋਰ ਨੌਕਰੀ ਲੈ ਲਈ", "ਨੌਕਰੀ ਲੈ ਲਈ ਹੈ"),
        *("ਤੁਹਾਡਾ ਫ਼ੈਸਲਾ ਸਮਝ", "ਤੁਹਾਡੇ ਫ਼ੈਸਲੇ ਦਾ ਸਤਿਕਾਰ"),
    ),
    "rejected": (
        *("ਗੱਲ ਨਹੀਂ ਬਣੀ", "ਚੋਣ ਨਹੀਂ ਹੋਈ", "ਚੁਣਿਆ ਨਹੀਂ ਗਿਆ", "ਕਿਸੇ ਹੋਰ ਉਮੀਦਵਾਰ", "ਕਿਸੇ ਹੋਰ ਡਰਾਈਵਰ ਨੂੰ ਚੁਣ"),
        *("ਅੱਗੇ ਨਹੀਂ ਵਧ ਸਕਦੇ", "ਅੱਗੇ ਨਹੀਂ ਵਧਾ ਸਕਦੇ", "ਤੁਹਾਨੂੰ ਨਹੀਂ ਰੱਖ ਸਕਦੇ"),
    ),
    "closed": ("ਭਰਤੀ ਰੋਕ ਦਿੱਤੀ", "ਭਰਤੀ ਬੰਦ ਕਰ", "ਅਸਾਮੀ ਰੱਦ", "ਭਰਤੀ ਰੱਦ"),
    "offer": ("ਨੌਕਰੀ ਦੀ ਪੇਸ਼ਕਸ਼", "ਪੇਸ਼ਕਸ਼ ਕਰਦੇ ਹਾਂ", "ਆਫ਼ਰ ਲੈਟਰ", "ਪੇਸ਼ਕਸ਼ ਪੱਤਰ"),
    "onsite": ("ਆਖ਼ਰੀ ਕਦਮ", "ਆਖ਼ਰੀ ਇੰਟਰਵਿਊ", "ਰੋਡ ਟੈਸਟ"),
    "technical_interview": ("ਇੰਟਰਵਿਊ ਲਈ ਸੱਦਾ", "ਇੰਟਰਵਿਊ ਲਈ ਬੁਲਾ", "ਇੰਟਰਵਿਊ ਤੈਅ", "ਇੰਟਰਵਿਊ ਦਾ ਸਮਾਂ"),
    "hiring_manager_screen": ("ਰਸਮੀ ਇੰਟਰਵਿਊ ਨਹੀਂ", "ਆਰਾਮ ਨਾਲ ਗੱਲ ਕਰ", "ਇੱਕ ਦੂਜੇ ਨੂੰ ਜਾਣ"),
    "assessment": ("ਲਿਖਤੀ ਟੈਸਟ", "ਆਨਲਾਈਨ ਟੈਸਟ", "ਲਿਖਤੀ ਪ੍ਰੀਖਿਆ"),
    "recruiter_screen": ("ਫ਼ੋਨ 'ਤੇ", "ਫ਼ੋਨ ਤੇ ਗੱਲ", "ਫ਼ੋਨ ਕਰ ਲੈਣਾ", "ਫ਼ੋਨ ਕਰਾਂਗ"),
    "applied": ("ਅਰਜ਼ੀ ਲਈ ਧੰਨਵਾਦ", "ਅਰਜ਼ੀ ਮਿਲ ਗਈ", "ਸਾਨੂੰ ਮਿਲ ਗਏ", "ਅਰਜ਼ੀ ਪ੍ਰਾਪਤ ਹੋ", "ਅਰਜ਼ੀ ਭੇਜਣ ਲਈ ਧੰਨਵਾਦ"),
}

KINDS: Final[dict[str, tuple[str, ...]]] = {
    "reschedule": ("ਸਮਾਂ ਬਦਲ", "ਨਵਾਂ ਸਮਾਂ"),
    "reminder": ("ਯਾਦ ਦਿਵਾ", "ਯਾਦ ਰਹੇ"),
    "background check": ("ਵੈਰੀਫ਼ਿਕੇਸ਼ਨ", "ਪੁਲਿਸ ਕਲੀਅਰੈਂਸ", "ਡਰੱਗ ਟੈਸਟ"),
}

CONTEXT: Final[tuple[str, ...]] = ("ਅਰਜ਼ੀ", "ਨੌਕਰੀ", "ਇੰਟਰਵਿਊ", "ਉਮੀਦਵਾਰ", "ਭਰਤੀ", "ਰਿਜ਼ਿਊਮ", "ਪੇਸ਼ਕਸ਼")

SEARCH_TERMS: Final[tuple[str, ...]] = ("ਅਰਜ਼ੀ", "ਨੌਕਰੀ", "ਇੰਟਰਵਿਊ", "ਰਿਜ਼ਿਊਮ", "ਪੇਸ਼ਕਸ਼")
