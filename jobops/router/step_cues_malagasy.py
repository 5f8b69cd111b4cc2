"""Step, decision and kind-of-mail words, context words and Gmail search words in Malagasy.

Cues match whole word sequences of folded text. Malagasy recruitment mail mixes in French for job titles and
accounting terms ("Comptable", "révision"), so the cues name the Malagasy words around them: the application
(fangatahana asa), the selection (fifantenana), the interview (resadresaka) and the written test (fanadinana).
"""

from __future__ import annotations

from typing import Final

STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": ("manala ny fangatahako", "tsy afaka manaiky ny tolotra", "mampiato ny fangatahako"),
    "rejected": (
        *("tsy hitohy aminao ny fifantenana", "tsy voafantina ianao", "tsy voafidy ianao"),
        *("nifidy kandidà hafa", "hifidy kandidà iray", "kandidà hafa no voafidy"),
    ),
    "closed": ("najanona ny fandraisana mpiasa", "nofoanana ny toerana", "najanona ny fifantenana"),
    # "Tolotra asa" alone heads job advertisements: only the offer made to the candidate counts.
    "offer": (
        "taratasy tolotra asa",
        "taratasy tolotra",
        "faly manolotra anao ny toerana",
        "manolotra anao ny toerana",
    ),
    "technical_interview": (
        *("hanatrika resadresaka", "fiantsoana hanao resadresaka", "asaina ianao hanatrika resadresaka"),
        *("hanatrika dinidinika", "resadresaka miaraka amin'ny"),
    ),
    "assessment": ("fanadinana an-tsoratra", "hanao fanadinana", "hanatrika fanadinana"),
    "recruiter_screen": ("resaka an-telefaonina", "hiresaka aminao amin'ny telefaonina"),
    "applied": (
        *("voaray ny fangatahana asa", "voarainay ny fangatahanao", "voarainay ny antontan-taratasinao"),
        *("tonga soa aman-tsara aty aminay", "misaotra anao noho ny fangatahana"),
    ),
}

KINDS: Final[dict[str, tuple[str, ...]]] = {
    "reminder": ("fampahatsiahivana",),
}

CONTEXT: Final[tuple[str, ...]] = ("fangatahana asa", "kandidà", "fifantenana", "resadresaka", "fanadinana")

SEARCH_TERMS: Final[tuple[str, ...]] = ("fangatahana asa", "fifantenana", "resadresaka")
