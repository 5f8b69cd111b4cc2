"""Step, decision and kind-of-mail words, context words and Gmail search words in Norwegian (bokmål), Swedish,
Danish and Finnish.

Cues match whole word sequences of folded text ("ø" and "ö" read as "o", "å" and "ä" as "a"), so each line lists
the word forms mail uses: the employer's "vi", the candidate's "jeg", "jag" or "minä", and the definite forms
("stillingen", "tjänsten", "tehtävään").
"""

from __future__ import annotations

from typing import Final

STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": (
        # Norwegian and Danish
        *(
            "trekker meg fra prosessen",
            "trekke meg fra prosessen",
            "trekker søknaden min",
            "trekke søknaden min",
        ),
        *(
            "du har trukket deg",
            "har trukket søknaden din",
            "trukket deg fra prosessen",
            "respekterer avgjørelsen din",
        ),
        *(
            "trækker mig fra processen",
            "trække mig fra processen",
            "trækker min ansøgning",
            "du har trukket dig",
        ),
        *(
            "trukket din ansøgning",
            "respekterer din beslutning",
            "takker nej til tilbuddet",
            "takker nei til tilbudet",
        ),
        # Swedish
        *(
            "drar tillbaka min ansökan",
            "drar mig ur processen",
            "dra mig ur processen",
            "tackar nej till erbjudandet",
        ),
        *(
            "dragit tillbaka din ansökan",
            "valt att dra dig ur",
            "respekterar ditt beslut",
            "kliver av processen",
        ),
        # Finnish
        *(
            "vedän hakemukseni pois",
            "perun hakemukseni",
            "vetäydyn rekrytointiprosessista",
            "olet perunut hakemuksesi",
        ),
        *(
            "kunnioitamme päätöstäsi",
            "en ota tarjousta vastaan",
            "kieltäydyn tarjouksesta",
            "vetäytyä prosessista",
        ),
    ),
    "rejected": (
        *("ikke videre med søknaden din", "ikke videre med din søknad", "inte vidare med din ansökan"),
        *("ikke videre med din ansøgning", "valgt den andre kandidaten", "valt den andra kandidaten"),
        *("valgt den anden kandidat",),
        # Norwegian
        *(
            "gått videre med andre kandidater",
            "går videre med andre kandidater",
            "valgt å gå videre med andre",
        ),
        *("valgt en annen kandidat", "falt valget på en annen", "ikke blitt valgt ut", "har ikke nådd opp"),
        *(
            "når dessverre ikke opp",
            "ikke kommet videre i prosessen",
            "ikke gå videre med deg",
            "ikke gå videre med din",
        ),
        *(
            "gå videre med en annen kandidat",
            "gikk videre med en annen kandidat",
            "tilbudt stillingen til en annen",
        ),
        # Swedish
        *(
            "inte gå vidare med din ansökan",
            "gå vidare med andra kandidater",
            "går vidare med andra kandidater",
        ),
        *("valt att gå vidare med andra", "valt en annan kandidat", "kommer inte att gå vidare"),
        *("tyvärr har vi valt att gå vidare med", "valt att gå vidare med en kandidat som"),
        *(
            "inte gått vidare",
            "inte går vidare i processen",
            "inte blivit utvald",
            "gå vidare med en annan kandidat",
        ),
        *("erbjudit tjänsten till en annan", "inte gå vidare med dig", "fallit på en annan kandidat"),
        # Danish
        *("ikke gå videre med din ansøgning", "gå videre med andre kandidater"),
        *(
            "gå videre med en anden kandidat",
            "valgt en anden kandidat",
            "ikke er gået videre",
            "faldt valget på en anden",
        ),
        *(
            "ikke kommet i betragtning",
            "ikke blevet udvalgt",
            "ikke gå videre med dig",
            "tilbudt stillingen til en anden",
        ),
        # Finnish
        *("et valitettavasti edennyt", "emme valitettavasti voi jatkaa", "valitsimme toisen hakijan"),
        *(
            "valintamme kohdistui toiseen",
            "päädyimme valitsemaan toisen",
            "et tullut valituksi",
            "emme jatka kanssasi",
        ),
        *("päätimme jatkaa toisen hakijan", "et edennyt seuraavaan vaiheeseen", "valinta kohdistui toiseen"),
        *("landet på en kandidat", "landet på en annen kandidat", "landat på en annan kandidat"),
    ),
    "closed": (
        *("stilles i bero", "settes i bero", "sættes i bero", "sat i bero", "bliver der ikke ansat"),
        *("blir det ikke ansatt", "sätts på paus", "rekryteringen pausas"),
        *("stillingen er trukket tilbake", "stillingen er satt på vent", "avslutter rekrutteringen"),
        *("rekrutteringen er stanset", "stillingen blir ikke besatt", "stillingen vil ikke bli besatt"),
        *("rekryteringen är avbruten", "avbryter rekryteringen", "tjänsten kommer inte att tillsättas"),
        *("pausat rekryteringen", "pausar rekryteringen", "tjänsten är frusen", "avbrutit rekryteringen"),
        *(
            "beslutat om anställningsstopp",
            "beslutat om ett omedelbart anställningsstopp",
            "infört anställningsstopp",
        ),
        *("innført ansettelsesstopp", "vedtatt ansettelsesstopp", "indført ansættelsesstop"),
        *("stillingen er sat i bero", "rekrutteringen er sat på pause", "stillingen bliver ikke besat"),
        *(
            "lukker rekrutteringen",
            "sætter rekrutteringen på pause",
            "sat stillingen på pause",
            "satt stillingen på pause",
        ),
        *(
            "rekrytointi on keskeytetty",
            "keskeytämme rekrytoinnin",
            "tehtävää ei täytetä",
            "rekrytointi perutaan",
        ),
        *("keskeyttää rekrytoinnin", "rekrytointi on jäädytetty"),
    ),
    "offer": (
        *(
            "tilby deg stillingen",
            "tilby deg jobben",
            "gi deg et tilbud",
            "tilbud om stilling",
            "vil vi tilby deg",
        ),
        *("erbjuda dig tjänsten", "erbjuda dig rollen", "erbjuda dig jobbet", "erbjuda dig anställning"),
        *("villkorat erbjudande", "anställningserbjudande", "erbjudande om tjänsten", "vill vi erbjuda dig"),
        *("tilbyde dig stillingen", "tilbyde dig jobbet", "tilbud om ansættelse", "ansættelsestilbud"),
        *("vil vi tilbyde dig", "betinget tilbud", "betinget jobbtilbud"),
        *("tarjota sinulle tehtävää", "tarjota sinulle paikkaa", "haluamme tarjota sinulle"),
    ),
    "onsite": (
        *(
            "siste intervju",
            "avsluttende intervju",
            "finalerunde",
            "prøvedag",
            "prøvevakt",
            "arbeidsprøvedag",
        ),
        *("slutintervju", "sista intervjun", "slutintervjun", "provdag", "provarbetsdag", "slutrundan"),
        *("avslutande intervju", "avslutande intervjun", "andra och avslutande"),
        *("afsluttende samtale", "sidste samtale", "sidste runde", "afsluttende runde", "prøvedagen"),
        *("loppuhaastattelu", "viimeinen haastattelu", "koepäivä", "viimeiseen haastatteluun"),
    ),
    "technical_interview": (
        *("invitere deg til intervju", "invitere deg til et intervju", "innkalle deg til intervju"),
        *("innkalling til intervju", "innkalling til jobbintervju", "intervjuet er booket"),
        *("bjuda in dig till intervju", "bjuda in dig till en intervju", "kalla dig till intervju"),
        *("inbjudan till intervju", "kallelse till intervju", "intervjun är bokad"),
        *("invitere dig til samtale", "invitere dig til jobsamtale", "invitere dig til en samtale"),
        *("indkaldelse til samtale", "indkalde dig til samtale", "indkaldelse til jobsamtale"),
        *("kutsua sinut haastatteluun", "kutsu haastatteluun", "kutsumme sinut haastatteluun"),
    ),
    "hiring_manager_screen": (
        *("et uformelt møde",),
        *("uformell prat", "uformell samtale", "bli kjent-samtale", "uformelt møte med"),
        *("informellt samtal", "kort kaffe med"),
        *("uformel snak", "uformel samtale", "kaffemøde med"),
        *("vapaamuotoinen keskustelu", "tutustumiskeskustelu"),
    ),
    "assessment": (
        *("logiskt test", "personlighetsformulär", "personlighetsanalyse"),
        *("arbeidsprøve", "personlighetstest", "logisk test", "nettbasert test", "tester på nett"),
        *("arbetsprov", "logiktest", "onlinetest", "färdighetstest", "casuppgift"),
        *("arbejdsprøve", "personlighedstest", "casesopgave"),
        *("soveltuvuusarviointi", "henkilöarviointi", "ennakkotehtävä", "verkkotesti", "kotitehtävä"),
    ),
    "recruiter_screen": (
        *("telefonintervju", "kort telefonsamtale", "en kort prat på telefon", "telefonsamtale med"),
        *("ett kort telefonsamtal", "ringa dig för ett kort", "inledande telefonsamtal"),
        *("telefoninterview", "indledende samtale"),
        *("puhelinhaastattelu", "lyhyt puhelu", "puhelinkeskustelu"),
    ),
    "applied": (
        *(
            "vi har mottatt søknaden din",
            "vi har mottatt din søknad",
            "takk for søknaden",
            "takk for din søknad",
        ),
        *("søknaden din er registrert", "søknaden er sendt", "takk for at du søkte"),
        *(
            "vi har tagit emot din ansökan",
            "tack för din ansökan",
            "din ansökan har kommit in",
            "tack för att du sökt",
        ),
        *(
            "vi har modtaget din ansøgning",
            "tak for din ansøgning",
            "din ansøgning er modtaget",
            "tak fordi du søgte",
        ),
        *("kiitos hakemuksestasi", "olemme vastaanottaneet hakemuksesi", "hakemuksesi on vastaanotettu"),
        *("kiitos kiinnostuksestasi", "hakemuksesi on lähetetty"),
    ),
}

KINDS: Final[dict[str, tuple[str, ...]]] = {
    "preparation": (
        *("inför intervjun", "inför assessment center", "inför ert möte", "forud for samtalen"),
        *("forberedelse til intervjuet", "förberedelser inför", "forberedelse til samtalen"),
    ),
    "reschedule": (
        *(
            "nytt tidspunkt",
            "ny tid for intervjuet",
            "flytte intervjuet",
            "ny tid för intervjun",
            "flytta intervjun",
        ),
        *("nyt tidspunkt", "flytte samtalen", "uusi aika", "siirtää haastattelua"),
    ),
    "reminder": ("muistutus",),
    "background check": (
        *(
            "referansesjekk",
            "referanseintervju",
            "politiattest",
            "referenstagning",
            "utdrag ur belastningsregistret",
        ),
        *(
            "bakgrundskontroll",
            "referencetjek",
            "straffeattest",
            "børneattest",
            "rikosrekisteriote",
            "suosittelijat",
        ),
    ),
}

CONTEXT: Final[tuple[str, ...]] = (
    *("søknaden", "intervjuet", "rekrutteringen", "kandidater", "ansettelse"),
    *("ansökan", "tjänsten", "intervjun", "rekryteringen", "anställning"),
    *("ansøgning", "stillingen", "samtalen", "kandidater", "ansættelse"),
    *("hakemus", "hakemuksesi", "tehtävään", "haastattelu", "rekrytointi", "hakijat"),
)

SEARCH_TERMS: Final[tuple[str, ...]] = (
    *("søknaden", "ansøgningen", "ansökningen", "hakemus", "hakemuksesi", "haastattelu", "rekrytointi"),
    *("työpaikka", "valitettavasti", "tehtävään"),
)
