"""Step, decision and kind-of-mail words, context words and Gmail search words in Croatian, Serbian and Bosnian
(Latin and Cyrillic script), Macedonian and Slovenian.

Cues match whole word sequences of folded text, so each line lists the word forms mail uses: Croatian (ijekavian)
and Serbian (ekavian) forms are written once in Latin script and also matched in Serbian Cyrillic, which maps onto
Latin letter for letter. "Prijava" alone also means signing in, so the context words name an application by its
possessive ("vašu prijavu", "vašo prijavo").
"""

from __future__ import annotations

import re
from typing import Final

SERBO_CROATIAN_STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": ("čestitamo na novom poslu", "poštujemo vašu odluku", "poštujemo tvoju odluku"),
    "rejected": (
        *(
            "odlučili za drugog kandidata",
            "odlučili smo se za drugog kandidata",
            "odabrali smo drugog kandidata",
        ),
        *("s drugim kandidatom", "s drugom kandidatkinjom", "niste ušli u uži izbor", "niste izabrani"),
        *("odlučio za drugog kandidata", "odlučila za drugog kandidata", "odlučio se za drugog kandidata"),
        *(
            "nastaviti proces s kandidatom",
            "nastaviti postupak s kandidatom",
            "nastaviti proces sa kandidatom",
        ),
        *("nije vijest koju ste", "nije vest koju ste"),
        *(
            "poziciju ponudimo kandidatu",
            "odlučili za kandidata koji",
            "popunjeno kandidatom",
            "popunjeno drugim kandidatom",
        ),
    ),
    "closed": (
        *(
            "natječaj je poništen",
            "natječaj je obustavljen",
            "poništava natječaj",
            "zapošljavanje je obustavljeno",
        ),
        *("natječaj se poništava", "poništenju javnog natječaja", "odluku o poništenju natječaja"),
        *("konkurs je poništen", "konkurs je obustavljen", "poništenju konkursa", "konkurs se poništava"),
        *("se natječaj poništava", "je natječaj poništen", "je konkurs poništen", "je konkurs obustavljen"),
        *("oglas je poništen", "oglas se poništava", "se oglas poništava", "poništenju oglasa"),
    ),
    "offer": (
        "ponuditi vam posao",
        "s veseljem vam nudimo",
        "ponuda za zaposlenje",
        "ponudu za zaposlenje",
        "ponuda za posao",
        "ponudu za posao",
    ),
    "onsite": ("završni krug", "završni krug selekcije", "ušli ste u završni krug", "završni razgovor"),
    "technical_interview": (
        *("poziv na razgovor", "pozvati na razgovor", "pozvati na prvi razgovor", "pozivamo vas na razgovor"),
        *("razgovor za posao", "razgovor za radno mjesto", "razgovor za radno mesto"),
        *("poziv na intervju", "pozivamo vas na intervju"),
    ),
    "hiring_manager_screen": ("neformalno čuo", "neformalno čula", "neformalno čuti", "neformalni razgovor"),
    "assessment": (
        *("test znanja", "pisani test", "psihološko testiranje", "online testiranje", "pisano testiranje"),
        *("studij slučaja", "studiju slučaja", "studija slučaja"),
        *("provjeru znanja", "provjera znanja", "proveru znanja", "provera znanja"),
    ),
    "recruiter_screen": (
        *("telefonski razgovor", "telefonski intervju", "kratki telefonski razgovor"),
        *("kratak razgovor", "kratki razgovor", "nazvat ću vas", "nazvaću vas"),
    ),
    "applied": (
        *("potvrđujemo primitak vaše prijave", "primitak vaše prijave", "vašu prijavu smo zaprimili"),
        *(
            "tvoju prijavu smo zaprimili",
            "zaprimili smo vašu prijavu",
            "prijava uspješno poslana",
            "hvala na prijavi",
        ),
        *("primili smo vašu prijavu", "potvrda o prijemu prijave", "vašu prijavu smo primili"),
        *("vas predstavio klijentu", "vas predstavila klijentu"),
    ),
}

SLOVENIAN_STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": ("spoštujemo vašo odločitev", "spoštujemo tvojo odločitev", "čestitamo za novo zaposlitev"),
    "rejected": (
        *("nadaljevali s kandidatko", "nadaljevali s kandidatom", "izbrali drugega kandidata"),
        *("odločili za drugega kandidata", "niste bili izbrani", "z drugim kandidatom"),
        *("izbran drug kandidat", "izbrana druga kandidatka", "izbran drugi kandidat"),
    ),
    "closed": (
        *("razpis je bil razveljavljen", "razpis je razveljavljen", "ustavili postopek zaposlovanja"),
        *("ustavitev izbirnega postopka", "do nadaljnjega zamrznili", "izbirni postopek ustavljen"),
    ),
    "offer": ("ponudba za zaposlitev", "ponudbo za zaposlitev", "z veseljem vam ponujamo"),
    "onsite": ("zaključni krog", "finalni krog", "zaključni razgovor", "zaključni pogovor"),
    "technical_interview": (
        "vabilo na razgovor",
        "povabiti na razgovor",
        "vabimo vas na razgovor",
        "vabimo te na razgovor",
    ),
    "hiring_manager_screen": ("neformalni pogovor", "neformalno srečanje"),
    "assessment": ("pisni preizkus", "spletni test", "spletno testiranje"),
    "recruiter_screen": ("telefonski pogovor", "kratek telefonski pogovor"),
    "applied": (
        "vašo prijavo smo prejeli",
        "prejeli smo vašo prijavo",
        "potrdilo o prejemu prijave",
        "hvala za prijavo",
    ),
}

MACEDONIAN_STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": (
        "ја повлекувам мојата апликација",
        "ја повлекувам апликацијата",
        "ја повлекувам кандидатурата",
        *("изјава за откажување", "откажување од постапката", "ја почитуваме вашата одлука"),
        "успех на новата работа",
    ),
    "rejected": (
        *("да не биде избрана", "не е избрана за понатамошна", "одлучивме да продолжиме со друг кандидат"),
        *("избравме друг кандидат", "се одлучивме за друг кандидат"),
        *("избран друг кандидат", "избрана друга кандидатка", "се одлучи за друг кандидат"),
        *(
            "одлучи за друга кандидатка",
            "одлучивме да продолжиме со кандидат",
            "одлучивме да продолжиме со кандидатка",
        ),
    ),
    "closed": (
        "постапката е поништена",
        "огласот е поништен",
        "поништување на јавен оглас",
        "поништување на огласот",
    ),
    "offer": (
        *("понуда за вработување", "со задоволство ви нудиме", "ви ја нудиме позицијата"),
        *("условна понуда", "ти нудиме условна понуда"),
    ),
    "onsite": ("завршно интервју", "последниот круг", "завршниот круг"),
    "technical_interview": (
        *("ве покануваме на интервју", "покана за интервју", "ве покануваме на онлајн интервју"),
        *("интервју пред комисијата", "интервју пред комисија"),
    ),
    "assessment": ("писмен тест", "стручен писмен тест", "онлајн тест", "практичен тест"),
    "recruiter_screen": ("телефонски разговор", "краток телефонски разговор"),
    "applied": (
        *("благодариме за поднесената апликација", "ви благодариме за апликацијата", "успешно аплициравте"),
        *(
            "вашата апликација е успешно испратена",
            "ја примивме вашата апликација",
            "потврда за поднесена апликација",
        ),
        *("е примена и заведена", "потврда за прием на пријава", "потврда за примена апликација"),
        *("вашата апликација е примена", "ја доставив до нашиот клиент"),
    ),
}

MACEDONIAN_KINDS: Final[dict[str, tuple[str, ...]]] = {
    "reschedule": ("нов термин", "промена на терминот"),
    "reminder": ("потсетување", "потсетник", "ве потсетуваме"),
    "background check": ("лекарски преглед", "уверение за неосудуваност"),
}

MACEDONIAN_CONTEXT: Final[tuple[str, ...]] = (
    *(
        "апликација",
        "апликацијата",
        "вашата апликација",
        "кандидат",
        "кандидатите",
        "позицијата",
        "селекција",
    ),
)

SERBO_CROATIAN_KINDS: Final[dict[str, tuple[str, ...]]] = {
    "reschedule": (
        *("novi termin", "promjena termina", "pomaknuti", "pomaknemo", "pomaknuti razgovor"),
        *("promena termina", "pomeriti", "pomerimo", "pomeriti razgovor"),
    ),
    "reminder": ("podsjetnik", "podsjećamo", "podsetnik", "podsećamo"),
    "background check": (
        "liječnički pregled",
        "potvrda o nekažnjavanju",
        "lekarski pregled",
        "uverenje o nekažnjavanju",
    ),
}

SLOVENIAN_KINDS: Final[dict[str, tuple[str, ...]]] = {
    "reschedule": ("nov termin", "sprememba termina", "prestaviti", "prestavimo"),
    "reminder": ("opomnik", "opominjamo", "spomnim vas", "spominjamo vas"),
    "background check": ("zdravniški pregled", "potrdilo o nekaznovanosti"),
}

SERBO_CROATIAN_CONTEXT: Final[tuple[str, ...]] = (
    *("vašu prijavu", "tvoju prijavu", "vaše prijave", "natječaj", "natječaja", "natječaju", "radno mjesto"),
    *("radnog mjesta", "kandidat", "kandidata", "selekcija", "selekcije", "zapošljavanje"),
    *("radno mesto", "radnog mesta", "konkurs", "konkursa", "konkursu", "zapošljavanja"),
)

SLOVENIAN_CONTEXT: Final[tuple[str, ...]] = (
    *("vašo prijavo", "tvojo prijavo", "delovno mesto", "delovnega mesta", "zaposlitev", "zaposlitve"),
    *("izbirni postopek", "izbirnem postopku", "razpis", "razpisa"),
)

SERBO_CROATIAN_SEARCH: Final[tuple[str, ...]] = (
    *("natječaj", "prijavu", "razgovor", "zapošljavanje", "selekcija", "kandidat"),
    *("konkurs", "selekciju"),
)

# Serbian Cyrillic for Latin, letter for letter; the digraphs first.
_TO_CYRILLIC: Final = {
    **{"dž": "џ", "lj": "љ", "nj": "њ"},
    **dict(zip("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж", strict=True)),
}
_LATIN_LETTER: Final = re.compile("dž|lj|nj|[" + "".join(key for key in _TO_CYRILLIC if len(key) == 1) + "]")


def cyrillic(phrase: str) -> str:
    """A Serbian phrase in Latin script written in Cyrillic ('poziv na razgovor' -> 'позив на разговор')."""
    return _LATIN_LETTER.sub(lambda letter: _TO_CYRILLIC[letter.group()], phrase)


def _in_both_scripts(table: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """A table's cues in Latin script and again in Cyrillic."""
    return {entry: (*cues, *map(cyrillic, cues)) for entry, cues in table.items()}


# One table a language or script, merged with the other languages' tables by the cue index.
STEP_TABLES: Final = (_in_both_scripts(SERBO_CROATIAN_STEPS), MACEDONIAN_STEPS, SLOVENIAN_STEPS)
KIND_TABLES: Final = (_in_both_scripts(SERBO_CROATIAN_KINDS), MACEDONIAN_KINDS, SLOVENIAN_KINDS)
CONTEXT: Final[tuple[str, ...]] = (
    *SERBO_CROATIAN_CONTEXT,
    *map(cyrillic, SERBO_CROATIAN_CONTEXT),
    *MACEDONIAN_CONTEXT,
    *SLOVENIAN_CONTEXT,
)
SEARCH_TERMS: Final[tuple[str, ...]] = (
    *SERBO_CROATIAN_SEARCH,
    *map(cyrillic, SERBO_CROATIAN_SEARCH),
    *("апликација", "апликацијата", "интервју", "оглас"),
    *("prijavo", "zaposlitev", "razpis", "pogovor", "pogovora"),
)
