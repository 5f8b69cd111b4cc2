"""Step, decision and kind-of-mail words, context words and Gmail search words in Haitian Creole (Kreyòl ayisyen).

Cues match whole word sequences of folded text ("ò" and "è" read as "o" and "e"). Kreyòl writes the short pronouns
both in full and cut ("mwen" and "m", "ou" and "w"), so the cues name both where mail uses both. Small employers
write Kreyòl for every step; larger ones mix it with French or English.
"""

from __future__ import annotations

from typing import Final

STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": (
        *("m oblije refize", "mwen oblije refize", "m deside refize", "mwen deside refize", "m refize òf la"),
        *(
            "m pa ka aksepte òf la",
            "mwen pa ka aksepte òf la",
            "m retire aplikasyon",
            "mwen retire aplikasyon",
        ),
        *("nou respekte desizyon ou", "nou respekte desizyon w", "nou konprann desizyon ou"),
    ),
    "rejected": (
        *("nou chwazi yon lòt kandida", "nou chwazi yon lòt moun", "nou pran yon lòt kandida"),
        *(
            "nou p ap ka kontinye ak aplikasyon",
            "nou pap ka kontinye ak aplikasyon",
            "nou pa ka kontinye ak aplikasyon",
            "ou pa te chwazi",
        ),
        *("yo pa t chwazi w", "aplikasyon w pa pase", "aplikasyon ou pa pase", "nou p ap kontinye ak ou"),
    ),
    "closed": (
        *("nou anile pòs la", "pòs la anile", "pòs la fèmen", "nou fèmen pòs la", "nou sispann anbochaj"),
        *("anbochaj la kanpe", "nou mete anbochaj la sou kanpe"),
    ),
    "offer": (
        *("òf travay", "ofri w pòs la", "ofri ou pòs la", "ofri w travay la", "lèt òf la", "lèt òf ofisyèl"),
        *("lèt anbochaj",),
    ),
    "onsite": ("dènye entèvyou", "entèvyou final", "jou esè", "jounen esè", "dènye etap la"),
    "technical_interview": (
        *("entèvyou fòmèl", "yon entèvyou fòmèl", "envitasyon pou entèvyou", "envite w pou yon entèvyou"),
        *("entèvyou nan biwo a", "entèvyou ak komite"),
    ),
    "hiring_manager_screen": ("ti konvèsasyon", "yon ti pale avè w", "yon ti pale avèk ou"),
    "assessment": ("egzamen ekri", "tès sou entènèt", "tès an liy", "evalyasyon an liy"),
    "recruiter_screen": ("apèl telefòn", "entèvyou pa telefòn", "yon ti apèl"),
    "applied": (
        *("nou resevwa aplikasyon", "mèsi paske w aplike", "mèsi pou aplikasyon", "aplikasyon w lan rive"),
        *("nou resevwa cv w", "nou resevwa dosye w"),
    ),
}

KINDS: Final[dict[str, tuple[str, ...]]] = {
    "reschedule": ("nou chanje dat la", "nouvo dat la", "nou oblije ranvwaye", "nou dwe ranvwaye"),
    "reminder": ("ti rapèl", "rapèl pou demen"),
    "background check": ("verifikasyon antesedan", "dosye kriminèl", "referans ou yo"),
}

CONTEXT: Final[tuple[str, ...]] = ("aplikasyon", "entèvyou", "kandida", "anbochaj", "pòs la")

SEARCH_TERMS: Final[tuple[str, ...]] = ("aplikasyon", "entèvyou", "anbochaj")
