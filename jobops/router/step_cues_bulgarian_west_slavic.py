"""Step, decision and kind-of-mail words, context words and Gmail search words in Bulgarian, and more in Czech and
Slovak.

Cues match whole word sequences of folded text, so each line lists the word forms mail uses, one language a line:
Bulgarian first, then Czech, then Slovak. A public body's "конкурс" (competition) is its selection procedure.
"""

from __future__ import annotations

from typing import Final

STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": (
        *("оттеглям кандидатурата си", "оттеглям своята кандидатура", "уважаваме решението ви"),
        *("stahuji svou přihlášku", "sťahujem svoju prihlášku", "rešpektujeme vaše rozhodnutie"),
        *(
            "оттеглянето ви",
            "отбелязахме оттеглянето",
            "поздравления за новата позиция",
            "успех на новата работа",
        ),
    ),
    "rejected": (
        *(
            "решихме да продължим с други кандидати",
            "решихме да продължим с кандидати",
            "избрахме друг кандидат",
        ),
        *(
            "няма да ви поканим на следващия етап",
            "назначи вътрешен кандидат",
            "кандидатурата ви не е одобрена",
        ),
        *("не сте допуснат", "не сте допусната", "не сте одобрен", "не сте одобрена"),
        *("vybrali jsme jiného uchazeče", "rozhodli jsme se pokračovat s jiným uchazečem", "jiného uchazeče"),
        *("vybrali sme iného uchádzača", "rozhodli sme sa pokračovať s iným uchádzačom", "iného uchádzača"),
        *("nabídnout pozici kandidátce", "nabídnout pozici kandidátovi", "nabídnout pozici jinému"),
        *("ponúknuť pozíciu kandidátke", "ponúknuť pozíciu kandidátovi", "ponúknuť pozíciu inému"),
        *("решихме да продължим с кандидат", "да поемем в друга посока", "избрахме кандидати, чийто"),
        *("избрахме кандидат, чийто", "решихме да продължим с друг кандидат"),
    ),
    "closed": (
        *(
            "конкурсът се прекратява",
            "прекратяване на конкурса",
            "конкурсът е прекратен",
            "позицията е замразена",
        ),
        *("výběrové řízení bylo zrušeno", "zrušení výběrového řízení", "výběrové řízení se ruší"),
        *("výberové konanie bolo zrušené", "zrušenie výberového konania", "výberové konanie sa ruší"),
        *("замразяват позицията", "замразихме позицията", "позицията се замразява", "замразява позицията"),
    ),
    "offer": (
        *("ви предлагаме да бъдете назначена", "ви предлагаме да бъдете назначен"),
        *(
            "предлагаме ви позицията",
            "оферта за работа",
            "с удоволствие ви предлагаме",
            "да ви предложим позицията",
        ),
        *("nabídka zaměstnání", "rádi bychom vám nabídli", "ponuka zamestnania", "radi by sme vám ponúkli"),
        *("dopis s nabídkou", "nabídkový dopis", "vám dnes poslala nabídku", "vám poslala nabídku"),
        *("отправяме предложение за позицията", "отправяме предложение за работа"),
    ),
    "onsite": (
        *("финално интервю", "финален етап", "последен етап", "открит урок", "примерен урок"),
        *("ukázková hodina", "ukázkovou hodinu", "závěrečné kolo"),
        *("ukážková hodina", "ukážkovú hodinu", "záverečné kolo", "finálne kolo"),
        *("пробен ден", "финалния етап", "финалният етап"),
    ),
    "technical_interview": (
        *("покана за интервю", "каним ви на интервю", "да ви поканим на интервю", "поканени на интервю"),
        *("покана за събеседване", "каним ви на събеседване", "интервю с комисията"),
        *("pozvánka k pohovoru", "zveme vás k pohovoru", "pozvat k pohovoru"),
        *("pozvánka na pohovor", "pozývame vás na pohovor", "pozvať na pohovor"),
        *("да се срещне с вас на интервю", "да се срещнете на интервю", "да се срещнем на интервю"),
    ),
    "hiring_manager_screen": (
        *("неформален разговор", "неформална среща"),
        *("neformální rozhovor", "neformálny rozhovor"),
    ),
    "assessment": (
        *("писмен тест", "писмен изпит", "практическа задача", "писмена разработка", "онлайн тест"),
        *("písemný test", "písemná práce", "případová studie"),
        *("písomný test", "písomná práca", "prípadová štúdia"),
    ),
    "recruiter_screen": (
        *("телефонен разговор", "кратък телефонен разговор", "кратък разговор по телефона"),
        *("telefonický rozhovor", "krátký telefonický rozhovor", "krátky telefonický rozhovor"),
        "да поговорим по телефона",
    ),
    "applied": (
        *("благодарим ви за кандидатурата", "благодарим за кандидатурата", "получихме документите ви"),
        *("получихме вашата кандидатура", "потвърждаваме получаването на вашите документи"),
        *("благодарим ви за подадените документи", "кандидатурата ви е получена"),
        *("potvrzujeme přijetí vaší přihlášky", "přijetí vaší přihlášky", "obdrželi jsme vaši přihlášku"),
        *(
            "potvrdzujeme prijatie vašej prihlášky",
            "prijali sme vašu prihlášku",
            "ďakujeme za vašu prihlášku",
        ),
    ),
}

KINDS: Final[dict[str, tuple[str, ...]]] = {
    "preparation": (
        "как да се подготвите",
        "практически бележки",
        "прилагам казуса",
        "материали за подготовка",
    ),
    "reschedule": ("промяна на часа", "нов час за", "да преместим"),
    "reminder": ("напомняне", "напомняме ви", "připomínáme", "pripomíname"),
    "background check": ("свидетелство за съдимост", "медицинско свидетелство", "výpis z rejstříku trestů"),
}

CONTEXT: Final[tuple[str, ...]] = (
    *("кандидатура", "кандидатурата", "кандидатурата ви", "конкурс", "конкурса", "конкурсът", "длъжност"),
    *("длъжността", "позицията", "кандидати", "кандидатите", "интервю", "интервюто", "събеседване"),
    *(
        "výběrové řízení",
        "výběrového řízení",
        "výberové konanie",
        "výberového konania",
        "uchádzač",
        "uchazeč",
    ),
)

SEARCH_TERMS: Final[tuple[str, ...]] = (
    *("кандидатура", "кандидатурата", "конкурс", "интервю", "събеседване", "длъжност"),
    *("přihláška", "přihlášku", "prihláška", "prihlášku", "pohovor", "pohovoru"),
)
