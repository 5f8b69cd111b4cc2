"""Step, decision and kind-of-mail words, context words and Gmail search words in Croatian, Serbian and Bosnian
(Latin script) and Slovenian.

Cues match whole word sequences of folded text, so each line lists the word forms mail uses: Croatian, Serbian and
Bosnian first, Slovenian after. "Prijava" alone also means signing in, so the context words name an application by
its possessive ("vašu prijavu", "vašo prijavo").
"""

from __future__ import annotations

from typing import Final

STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": (
        *("čestitamo na novom poslu", "poštujemo vašu odluku", "poštujemo tvoju odluku"),
        *("spoštujemo vašo odločitev", "spoštujemo tvojo odločitev", "čestitamo za novo zaposlitev"),
    ),
    "rejected": (
        *(
            "odlučili za drugog kandidata",
            "odlučili smo se za drugog kandidata",
            "odabrali smo drugog kandidata",
        ),
        *("s drugim kandidatom", "s drugom kandidatkinjom", "niste ušli u uži izbor", "niste izabrani"),
        *("nadaljevali s kandidatko", "nadaljevali s kandidatom", "izbrali drugega kandidata"),
        *("odločili za drugega kandidata", "niste bili izbrani", "z drugim kandidatom"),
    ),
    "closed": (
        *(
            "natječaj je poništen",
            "natječaj je obustavljen",
            "poništava natječaj",
            "zapošljavanje je obustavljeno",
        ),
        *("razpis je bil razveljavljen", "razpis je razveljavljen", "ustavili postopek zaposlovanja"),
    ),
    "offer": (
        *("ponuditi vam posao", "s veseljem vam nudimo", "ponuda za zaposlenje", "ponudu za zaposlenje"),
        *("ponudba za zaposlitev", "ponudbo za zaposlitev", "z veseljem vam ponujamo"),
    ),
    "onsite": (
        *("završni krug", "završni krug selekcije", "ušli ste u završni krug", "završni razgovor"),
        *("zaključni krog", "finalni krog", "zaključni razgovor"),
    ),
    "technical_interview": (
        *("poziv na razgovor", "pozvati na razgovor", "pozvati na prvi razgovor", "pozivamo vas na razgovor"),
        *("razgovor za posao", "razgovor za radno mjesto"),
        *("vabilo na razgovor", "povabiti na razgovor", "vabimo vas na razgovor", "vabimo te na razgovor"),
    ),
    "hiring_manager_screen": (
        *("neformalno čuo", "neformalno čula", "neformalno čuti", "neformalni razgovor"),
        *("neformalni pogovor", "neformalno srečanje"),
    ),
    "assessment": (
        *("test znanja", "pisani test", "psihološko testiranje", "online testiranje"),
        *("pisni preizkus", "spletni test", "spletno testiranje"),
    ),
    "recruiter_screen": (
        *("telefonski razgovor", "telefonski intervju", "kratki telefonski razgovor"),
        *("telefonski pogovor", "kratek telefonski pogovor"),
    ),
    "applied": (
        *("potvrđujemo primitak vaše prijave", "primitak vaše prijave", "vašu prijavu smo zaprimili"),
        *(
            "tvoju prijavu smo zaprimili",
            "zaprimili smo vašu prijavu",
            "prijava uspješno poslana",
            "hvala na prijavi",
        ),
        *(
            "vašo prijavo smo prejeli",
            "prejeli smo vašo prijavo",
            "potrdilo o prejemu prijave",
            "hvala za prijavo",
        ),
    ),
}

KINDS: Final[dict[str, tuple[str, ...]]] = {
    "reschedule": (
        *("novi termin", "promjena termina", "pomaknuti", "pomaknemo", "pomaknuti razgovor"),
        *("nov termin", "sprememba termina", "prestaviti", "prestavimo"),
    ),
    "reminder": ("podsjetnik", "podsjećamo", "opomnik", "opominjamo", "spomnim vas", "spominjamo vas"),
    "background check": (
        *("liječnički pregled", "potvrda o nekažnjavanju"),
        *("zdravniški pregled", "potrdilo o nekaznovanosti"),
    ),
}

CONTEXT: Final[tuple[str, ...]] = (
    *("vašu prijavu", "tvoju prijavu", "vaše prijave", "natječaj", "natječaja", "natječaju", "radno mjesto"),
    *("radnog mjesta", "kandidat", "kandidata", "selekcija", "selekcije", "zapošljavanje"),
    *("vašo prijavo", "tvojo prijavo", "delovno mesto", "delovnega mesta", "zaposlitev", "zaposlitve"),
    *("izbirni postopek", "izbirnem postopku", "razpis", "razpisa"),
)

SEARCH_TERMS: Final[tuple[str, ...]] = (
    *("natječaj", "prijavu", "razgovor", "zapošljavanje", "selekcija"),
    *("prijavo", "zaposlitev", "razpis", "kandidat", "pogovor", "pogovora"),
)
