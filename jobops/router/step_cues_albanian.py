"""Step, decision and kind-of-mail words, context words and Gmail search words in Albanian (Albania, Kosovo and
North Macedonia).

Cues match whole word sequences of folded text ("ë" reads as "e", "ç" as "c"), so each line lists the word forms
mail uses, in the formal "ju" and the familiar "ti" address. A public body's "konkurs" is its selection procedure.
"""

from __future__ import annotations

from typing import Final

STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": (
        *("tërheq kandidaturën time", "tërheq aplikimin tim", "tërhiqem nga procesi", "heq dorë nga procesi"),
        *("tërheqjen tënde nga procesi", "tërheqjen tuaj nga procesi", "kemi shënuar tërheqjen"),
        *("respektojmë vendimin tuaj", "respektojmë vendimin tënd", "suksese në punën e re"),
    ),
    "rejected": (
        *("të mos vazhdojmë me kandidaturën", "vendosur të mos vazhdojmë", "vendosëm të mos vazhdojmë"),
        *("kandidatura juaj nuk u përzgjodh", "kandidatura jote nuk u përzgjodh", "nuk u përzgjodh për"),
        *("nuk jeni përzgjedhur", "nuk je përzgjedhur", "nuk do të vazhdojmë me kandidaturën"),
        *(
            "të vazhdojmë me një kandidat tjetër",
            "të vazhdojmë me një kandidate tjetër",
            "zgjodhëm një kandidat",
        ),
        *(
            "kemi zgjedhur një kandidat tjetër",
            "kemi zgjedhur një kandidate tjetër",
            "ia ofruam kandidates tjetër",
        ),
        *(
            "ia ofruam kandidatit tjetër",
            "ia ofruam një kandidati tjetër",
            "ia ofruam një kandidateje tjetër",
        ),
    ),
    "closed": (
        *(
            "pezullojë procesin e rekrutimit",
            "pezullimi i procesit të rekrutimit",
            "procesi i rekrutimit është pezulluar",
        ),
        *(
            "pezulluam procesin e rekrutimit",
            "konkursi anulohet",
            "konkursi është anuluar",
            "anulimi i konkursit",
        ),
        *("pozicioni është anuluar", "pozicioni është ngrirë", "ngrirja e pozicionit"),
    ),
    "offer": (
        *("ju ofrojmë pozicionin", "të ofrojmë pozicionin", "t'ju ofrojmë pozicionin"),
        *("ju bëjmë një ofertë", "të bëjmë një ofertë", "t'ju bëjmë një ofertë"),
    ),
    "onsite": (
        *(
            "ditë prove",
            "ditën e provës",
            "dita e provës",
            "raundi final",
            "raundin final",
            "intervista finale",
        ),
        *(
            "intervistën finale",
            "intervistë finale",
            "fazën e fundit",
            "faza e fundit",
            "fazën përfundimtare",
        ),
    ),
    "technical_interview": (
        *(
            "ftesë për intervistë",
            "t'ju ftojmë në intervistë",
            "t'ju ftojmë në intervistën",
            "ju ftojmë në intervistë",
        ),
        *(
            "të ftojmë në një intervistë",
            "të ftojmë në intervistë",
            "intervista u rezervua",
            "intervista jote u rezervua",
        ),
        *(
            "intervista juaj u rezervua",
            "intervistë me panelin",
            "intervistën me komisionin",
            "intervistë me komisionin",
        ),
        *("intervistë të strukturuar", "intervistës së strukturuar", "intervista do të zhvillohet"),
    ),
    "hiring_manager_screen": (
        "bisedë joformale",
        "bisedë njohëse",
        "takim njohës",
        "bisedë të shkurtër dhe joformale",
    ),
    "assessment": (
        *(
            "testimi me shkrim",
            "testimin me shkrim",
            "vlerësimit me shkrim",
            "vlerësimi me shkrim",
            "test me shkrim",
        ),
        *("provim me shkrim", "provimi me shkrim", "testim online", "vlerësimin online"),
    ),
    "recruiter_screen": (
        "bisedë telefonike",
        "intervistë telefonike",
        "telefonatë të shkurtër",
        "telefonatë e shkurtër",
    ),
    "applied": (
        *(
            "faleminderit për aplikimin",
            "ju faleminderit për aplikimin",
            "e kemi marrë aplikimin",
            "kemi pranuar aplikimin",
        ),
        *(
            "aplikimi juaj është marrë",
            "aplikimi yt u pranua",
            "aplikimi juaj u pranua",
            "u dërgua me sukses te punëdhënësi",
        ),
        *("konfirmim i marrjes së aplikimit", "konfirmojmë se aplikimi juaj", "është dorëzuar me sukses"),
        *("konfirmim i dorëzimit të dokumenteve", "konfirmim i pranimit"),
    ),
}

KINDS: Final[dict[str, tuple[str, ...]]] = {
    "preparation": (
        "udhëzime për prezantimin",
        "udhëzimet për prezantimin",
        "si të përgatiteni",
        "si të përgatitesh",
    ),
    "reschedule": ("ndryshim orari", "ndryshimi i orarit", "riprogramim", "orar të ri"),
    "reminder": ("kujtesë", "ju kujtojmë", "të kujtojmë"),
    "background check": ("vërtetim penaliteti", "dëshmi penaliteti", "gjendjes gjyqësore"),
}

CONTEXT: Final[tuple[str, ...]] = (
    *(
        "aplikimi",
        "aplikimin",
        "aplikimit",
        "kandidatura",
        "kandidaturën",
        "pozicioni",
        "pozicionin",
        "pozitën",
    ),
    *(
        "intervista",
        "intervistë",
        "intervistën",
        "konkurs",
        "konkursi",
        "rekrutimit",
        "përzgjedhjes",
        "kandidatët",
    ),
)

SEARCH_TERMS: Final[tuple[str, ...]] = (
    *("aplikimi", "aplikimin", "intervistë", "intervista", "kandidatura", "kandidaturën", "konkurs"),
    *("përzgjedhje", "rekrutim"),
)
