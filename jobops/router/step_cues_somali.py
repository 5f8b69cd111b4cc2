"""Step, decision and kind-of-mail words, context words and Gmail search words in Somali.

Cues match whole word sequences of folded text. Somali joins pronouns and endings to the noun ("codsigaaga", your
application; "codsigayga", my application), so each cue is written in the form mail uses. Diaspora employers and
East African NGOs mix Somali with English for the same steps.
"""

from __future__ import annotations

from typing import Final

STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": (
        *(
            "codsigayga dib uga laabto",
            "codsigayga ka noqdo",
            "codsigayga ka noqonayaa",
            "ma aqbali karo dalabka",
        ),
        *("go'aankaaga waan ixtiraamaynaa", "go'aankaaga waan ixtiraamnaa"),
    ),
    "rejected": (
        *("codsigaaga lama sii wadi doono", "lama sii wadi doono", "waxaa la doortay musharax"),
        *("musharax kale ayaa la doortay", "lagaama dooran", "waxaan dooranay musharax kale"),
    ),
    "closed": ("jagada waa la joojiyay", "shaqaale qaadashada waa la joojiyay", "jagada waa la xiray"),
    "offer": ("dalab shaqo", "dalabka shaqada", "warqadda dalabka", "waxaan kuu fidinaynaa jagada"),
    "onsite": ("wareysiga kama dambaysta ah", "wareysiga ugu dambeeya"),
    "technical_interview": ("kugu casuumaynaa wareysi", "kugu martiqaadaynaa wareysi", "wareysiga guddiga"),
    "hiring_manager_screen": ("si fudud u wada hadalno", "wada sheekaysi fudud"),
    "assessment": ("imtixaan qoraal ah", "imtixaanka qoraalka"),
    "recruiter_screen": ("wareysi telefoon", "wicitaan gaaban"),
    "applied": ("codsigaaga waan helnay", "mahadsanid codsigaaga", "waxaan helnay codsigaaga"),
}

KINDS: Final[dict[str, tuple[str, ...]]] = {
    "reschedule": ("waqtiga waan beddelnay", "waqti cusub"),
    "reminder": ("xusuusin",),
}

CONTEXT: Final[tuple[str, ...]] = ("codsiga", "codsigaaga", "jagada", "wareysi", "wareysiga", "musharax")

SEARCH_TERMS: Final[tuple[str, ...]] = ("codsigaaga", "wareysi", "jagada")
