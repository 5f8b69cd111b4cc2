"""Step, decision and kind-of-mail words, context words and Gmail search words in Maltese.

Cues match whole word sequences of folded text ("ċ", "ġ" and "ż" read as "c", "g" and "z"; "ħ" stays), and the
article's hyphen is its own word, so "għall-applikazzjoni" is written as mail writes it. A public body's "sejħa"
(call for applications) is its selection procedure, with a written exam ("eżami bil-miktub") and a selection board.
"""

from __future__ import annotations

from typing import Final

STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": (
        *(
            "m'intix ser taċċetta",
            "ma nistax naċċetta l-offerta",
            "nirtira l-applikazzjoni tiegħi",
            "nirtira mill-proċess",
        ),
        *(
            "irtirajt l-applikazzjoni",
            "ħadna nota tad-deċiżjoni tiegħek",
            "nirrispettaw id-deċiżjoni tiegħek",
        ),
    ),
    "rejected": (
        *(
            "ma ġejtx magħżul",
            "ma ġejtx magħżula",
            "ma ntgħażiltx",
            "ma rnexxilekx",
            "ma għaddejtx mill-eżami",
        ),
        *("nkomplu ma' kandidati oħra", "nkomplu ma' kandidat ieħor", "għażilna kandidat ieħor"),
        *("l-applikazzjoni tiegħek ma ġietx milqugħa", "ma tissodisfax ir-rekwiżiti"),
    ),
    "closed": (
        *(
            "is-sejħa ġiet imħassra",
            "is-sejħa ġiet irtirata",
            "il-proċess ġie sospiż",
            "il-pożizzjoni ġiet iffriżata",
        ),
        *("il-proċess ta' għażla ġie kkanċellat", "il-vakanza ġiet imħassra"),
    ),
    "offer": (
        *("offerta ta' impjieg", "noffrulek il-pożizzjoni", "noffrulek l-impjieg", "noffrulek ir-rwol"),
        *("ittra ta' offerta",),
    ),
    "onsite": ("intervista finali", "l-aħħar intervista", "l-aħħar stadju", "jum ta' prova"),
    "technical_interview": (
        *("stedina għall-intervista", "mistieden għal intervista", "mistiedna għal intervista"),
        *("intervista quddiem il-bord", "intervista mal-bord", "tiġi mistieden għal intervista"),
    ),
    "hiring_manager_screen": ("laqgħa informali", "diskussjoni informali", "kafè informali"),
    "assessment": ("eżami bil-miktub", "l-eżami bil-miktub", "test online", "eżerċizzju bil-miktub"),
    "recruiter_screen": ("telefonata qasira", "sejħa telefonika", "intervista bit-telefon"),
    "applied": (
        *("nirringrazzjawk għall-applikazzjoni", "irċevuta tal-applikazzjoni", "irċevejna l-applikazzjoni"),
        *("l-applikazzjoni tiegħek waslet", "grazzi għall-applikazzjoni", "li waslet għandna"),
    ),
}

KINDS: Final[dict[str, tuple[str, ...]]] = {
    "reschedule": ("bidla fil-ħin", "ħin ġdid", "bidla fid-data", "posponiment", "ser tkun posposta"),
    "reminder": ("tfakkira", "infakkruk"),
    "background check": ("ċertifikat tal-kondotta", "kondotta tal-pulizija", "ir-referenzi tiegħek"),
}

CONTEXT: Final[tuple[str, ...]] = (
    *("applikazzjoni", "l-applikazzjoni", "pożizzjoni", "il-pożizzjoni", "intervista", "l-intervista"),
    *("kandidat", "kandidati", "sejħa", "impjieg", "vakanza", "bord tal-għażla"),
)

SEARCH_TERMS: Final[tuple[str, ...]] = ("applikazzjoni", "intervista", "impjieg", "vakanza", "pożizzjoni")
