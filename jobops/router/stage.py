"""What a mail says about the application's stage, read from the newest part only, in en/de/fr/es/nl/it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Final

from jobops.stages import NO_CHANGE, stage_rank

# Phrases on folded text (lower case, no accents). Order is priority: the first stage found wins.
STAGE_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": (
        r"(?:you(?:'ve| have)|your (?:application|candidacy|candidature)\b[^.!?\n]{0,40}\b(?:has|have) (?:now )?been|is now) withdrawn",
        r"withdrawn your (?:application|candidacy)",
        r"withdrawal (?:confirmation|of your (?:application|candidacy))",
        r"your (?:application|candidacy)\b[^.!?\n]{0,80}\bwithdrawn",
        r"bewerbung\b[^.!?\n]{0,60}\bzuruckgezogen",
        r"retire (?:votre|ta) candidature",
        r"candidature (?:a ete )?retiree",
        r"desistement",
        r"retirado (?:tu|su) candidatura",
        r"candidatura (?:ha sido )?retirada",
        r"(?:as (?:you )?requested|at your request)\W[^.!?\n]{0,100}\b(?:closed|withdrawn|withdrew|removed)",
        r"sollicitatie (?:is )?ingetrokken",
        r"candidatura (?:e stata )?ritirata",
        r"ritirato la (?:tua|sua) candidatura",
    ),
    "rejected": (
        r"(?:decided|chosen) not to (?:extend|make) (?:you )?(?:an? )?offer",
        r"not (?:be )?(?:extending|making) (?:you )?an offer",
        r"(?:we(?:'ve| have)|have|has) (?:now |just |already )?filled the (?:\w+[ ,-]+){0,6}(?:role|position|vacancy|post)",
        r"nie przejdziemy (?:jednak )?dalej",
        r"zdecydowal\w* sie na (?:inn\w+ )?(?:osobe|kandydat\w*)",
        r"fur (?:eine|einen) (?:andere\w* )?(?:kolleg|kandidat|bewerber)\w* entschieden",
        r"gekozen voor (?:een )?(?:andere )?kandida",
        r"(?:u|je) niet (?:uit )?(?:te )?nodigen",
        r"niet uitnodigen",
        r"not (?:to )?(?:move|moving) forward with (?:your|you)",
        r"(?:decided|chosen) not to (?:move forward|proceed|progress|continue|pursue)",
        r"(?:not|unable) (?:able )?to (?:move|moving) forward",
        r"(?:move|moving|go|proceed) forward with (?:other|another) candidates?",
        r"pursue (?:other )?candidates",
        r"other candidates whose",
        r"not (?:be )?moving ahead",
        r"(?:filled|closed) the (?:role|position)",
        r"closing the process",
        r"anderweitig (?:zu )?besetzen",
        r"(?:will not|won't|not) be (?:moving forward|progressing|proceeding|taking your application)",
        r"not (?:to )?proceed(?:ing)? with your",
        r"not be progressing",
        r"position has (?:now )?been filled",
        r"(?:have|has) not been selected",
        r"decided to go (?:with|in) (?:another|a different)",
        r"regret to inform",
        r"(?:your application|you) (?:was|were|has been) unsuccessful",
        r"fur (?:einen )?andere(?:n)? (?:kandidat|bewerber)",
        r"gegen (?:sie|dich) entschieden",
        r"nicht (?:weiter )?berucksichtig",
        r"nicht mit (?:ihnen|dir) fortzusetzen",
        r"keine positive (?:ruckmeldung|nachricht)",
        r"\babsage\b",
        r"pas (?:pouvoir |pouvons )?donner (?:une )?suite",
        r"ne (?:pas )?donner suite",
        r"pas (?:ete )?retenue?",
        r"(?:un|d'autres?) (?:autre )?(?:candidat|profil)s? (?:dont|plus)",
        r"no (?:continuaremos|seguiremos|avanzaremos|vamos a (?:continuar|avanzar)|podemos continuar)",
        r"otros? (?:candidatos?|perfiles) (?:que|cuyo)",
        r"no ha(?:s)? sido seleccionad",
        r"no seguir adelante",
        r"(?:position|role|vacancy|opening)\b[^.!?\n]{0,50}\bhas (?:now )?been filled",
        r"(?:decided|chosen) to (?:move forward|proceed|go ahead|continue) with (?:someone|a candidate|another|other)",
        r"(?:gegen|nicht fur) (?:eine weitere|deine|ihre) (?:bewerbung|kandidatur|zusammenarbeit)",
        r"andere(?:n)? (?:kandidat|bewerber)\w* entschieden",
        r"nicht in die engere wahl",
        r"ne (?:donnerons|donnons|pourrons|pouvons|souhaitons|allons) pas (?:pouvoir )?(?:donner )?(?:une )?suite",
        r"(?:avons|a) (?:decide|choisi) de (?:ne pas poursuivre|poursuivre avec (?:un|une|d'autres?))",
        r"no (?:continuar|avanzar|seguir) con (?:tu|su) (?:candidatura|proceso)",
        r"non (?:procedere|proseguire|andare avanti|continuare) con (?:la tua|la sua|te|lei)",
        r"(?:con|per) (?:altri|altre|un altr[oa]|un'altra) (?:candidat|profil)",
        r"non (?:sei|e) stat[oa] selezionat",
        r"esito negativo",
        r"(?:pas|plus) en mesure de (?:vous |te )?donner (?:une )?suite",
        r"(?:seguir|continuar|avancar|prosseguir) com (?:outr[oa]s|outr[oa]) (?:candidat|perfis|perfil|pessoas)",
        r"nao (?:vamos|iremos|podemos|poderemos) (?:seguir|avancar|prosseguir|continuar) com (?:a )?(?:sua|tua) candidatura",
        r"(?:voce )?nao foi selecionad",
        r"decidimos nao (?:seguir|avancar|prosseguir)",
        r"(?:gar|ga) vidare med (?:en )?(?:annan|andra) (?:kandidat|sokande)",
        r"inte (?:att )?(?:ga|gar) vidare med (?:din|dig)",
        r"(?:valt|beslutat) att (?:inte ga vidare|ga vidare med (?:en )?(?:annan|andra))",
        r"tyvarr (?:inte )?(?:blivit|blev) (?:du )?(?:inte )?utvald",
        r"(?:z|ze) innymi kandydat",
        r"(?:inn(?:a|ego|ej|ych) )?kandydat(?:a|ow|ami)? (?:ktor|lepiej)\w*",
        r"nie (?:bedziemy )?(?:kontynuowac|kontynuujemy) (?:procesu|rekrutacji|wspolpracy)",
        r"(?:nie zostal(?:a|es|as)? wybran|twoja kandydatura nie)",
        r"(?:hebben (?:we )?|we hebben )(?:helaas )?besloten (?:om )?(?:niet|je sollicitatie niet|een andere)",
        r"niet verder (?:te )?gaan",
        r"(?:voor|met) (?:een )?andere kandida(?:at|ten)",
        r"andere kandidaten (?:gevonden|gekozen)",
        r"(?:je|uw) sollicitatie (?:is )?afgewezen",
    ),
    "closed": (
        r"(?:post|position|role|vacancy|job|advert|posting|requisition)\b[^.!?\n]{0,40}\b(?:has|have) been withdrawn",
        r"(?:role|position|requisition|opening|vacancy)\b[^.!?\n]{0,40}\b(?:has been|have been|is being|is now) (?:closed|discontinued|no longer open)",
        r"(?:requisition|vacancy|headcount|opening) (?:has been |was |is being )?(?:cancel+ed|frozen)",
        r"(?:role|position) (?:has been|was) cancel+ed (?:due to|because|following|after|as part)",
        r"(?:closed|cancel+ed) (?:the|this|our) (?:requisition|req|opening|vacancy|search|hiring)",
        r"no longer (?:hiring|recruiting) for",
        r"(?:hiring|headcount) freeze",
        r"(?:decided|chosen|had) to (?:close|cancel|pause|withdraw) (?:the|this|our) (?:[\w,-]+ ){0,4}(?:role|position|opening|requisition|vacancy|search)",
        r"stelle (?:wurde |ist )?(?:gestrichen|storniert|nicht mehr (?:offen|verfugbar|vakant))",
        r"ausschreibung (?:wurde )?(?:zuruckgezogen|beendet|eingestellt)",
        r"(?:poste|recrutement) (?:a ete |est )?(?:annule|supprime|ferme|gele|suspendu)",
        r"(?:vacante|posicion|puesto) (?:ha sido |se ha |fue )?(?:cancelad[oa]|cerrad[oa]|congelad[oa])",
        r"(?:posizione|ricerca) (?:e stata )?(?:chiusa|annullata|cancellata|sospesa)",
        r"vacature (?:is )?(?:ingetrokken|gesloten|vervallen|geannuleerd)",
    ),
    "offer": (
        r"(?:pleased|happy|delighted|thrilled|excited|glad) to (?:extend|offer|make) (?:you )?(?:an? |the )?(?:formal |verbal |written |conditional |provisional )?(?:offer|position|role|post|job|contract)",
        r"(?:conditional|provisional) offer",
        r"extend (?:you )?(?:an?|the|our) (?:formal |verbal |written )?offer",
        r"(?:would|'d) (?:like|love) to offer you",
        r"offer letter",
        r"offer of employment",
        r"your offer from",
        r"(?:formal|verbal|written) offer",
        r"offer (?:details|package)",
        r"(?:forward|proceed) with an offer",
        r"vertragsangebot",
        r"(?:ihnen|dir) ein (?:vertrags)?angebot",
        r"arbeitsvertrag",
        r"proposition d'embauche",
        r"promesse d'embauche",
        r"offre d'embauche",
        r"lettre d'offre",
        r"(?:heureux|heureuse|ravis?|ravie) de (?:vous|te) proposer le poste",
        r"(?:nos complace|estamos encantados de|queremos) ofrecerte",
        r"carta de oferta",
        r"hacerte una oferta",
        r"offer you the (?:\w+ ){0,5}(?:position|role|job)",
        r"(?:sign|accept|review) (?:the|your) offer",
        r"(?:dir|ihnen) die (?:position|stelle)\b[^.!?\n]{0,60}\banbieten",
        r"(?:vous|te) faire une (?:proposition|offre)",
        r"proposta (?:di assunzione|contrattuale|economica)",
        r"lettera (?:di )?(?:offerta|assunzione)",
        r"farti una (?:proposta|offerta)",
        r"offrirti (?:il ruolo|la posizione|un contratto)",
        r"(?:part of|regarding|about|for) your (?:job |employment )?offer\b",
        r"welcome to the team",
        r"(?:your|the) start date (?:is|has been|was) (?:confirmed|set)",
        r"you(?:'ve| have)? signed (?:the|your) (?:offer|contract)",
        r"oferta de (?:emprego|trabalho)",
        r"proposta (?:de emprego|formal)",
        r"erbjudande om anstallning",
        r"oferta (?:pracy|zatrudnienia)",
        r"arbeidsovereenkomst",
        r"contractvoorstel",
        r"salarisvoorstel",
        r"(?:een )?aanbod (?:te )?doen",
    ),
    "onsite": (
        r"\bon-?site\b",
        r"final (?:round|interview|stage|loop)s?",
        r"interview loop",
        r"full loop",
        r"superday",
        r"work trial",
        r"rozmow\w* final\w*",
        r"ostatni\w* etap\w*",
        r"finalow\w* rozmow\w*",
        r"letzte(?:n)? (?:runde|gesprach)",
        r"finale(?:s|n)? (?:runde|gesprach|interview)",
        r"abschlussgesprach",
        r"vor-?ort-?(?:termin|gesprach|interview)",
        r"dernier entretien",
        r"entretiens? fina(?:l|ux)",
        r"tour final",
        r"entrevistas? fina(?:l|les)",
        r"ultima (?:entrevista|ronda)",
        r"ronda final",
        r"final (?:step|stage|round)s?",
        r"last step",
        r"(?:half|full)[- ]day (?:of )?(?:interviews|sessions)",
        r"(?:afternoon|morning|day) of (?:back-to-back )?(?:interviews|sessions)",
        r"back-to-back (?:interviews|sessions)",
        r"in-person (?:interviews|loop|day)",
        r"letzte(?:n)? (?:schritt|etappe|phase)",
        r"(?:gesprach|interview|termin|treffen)\w* vor ort",
        r"vor ort (?:in unserem|bei uns|im buro)",
        r"derniere etape",
        r"journee d'entretiens",
        r"entretiens? (?:dans nos locaux|sur site)",
        r"ultima (?:fase|etapa)",
        r"fase final",
        r"entrevistas? en nuestras oficinas",
        r"jornada de entrevistas",
        r"colloqu(?:io|i) final[ei]",
        r"ultimo colloquio",
        r"(?:ultima )?fase finale",
        r"colloqu(?:io|i) (?:presso i|nei) nostri uffici",
        r"laatste (?:ronde|gesprek|fase|stap)",
        r"eindgesprek",
        r"gesprek(?:ken)? op (?:ons )?kantoor",
    ),
    "technical_interview": (
        r"technical (?:phone |video |coding )?(?:interview|screen(?:ing)?|round|deep dive|session|discussion|call)s?",
        r"(?:einladung zu(?:m|einem) |zu einem )?vorstellungsgesprach",
        r"sollicitatiegesprek",
        r"entretien d'embauche",
        r"entrevista de (?:trabajo|emprego)",
        r"colloquio di lavoro",
        r"panel interview",
        r"interview (?:panel|board)",
        r"competency[- ]based interview",
        r"behaviou?ral interview",
        r"teknisk(?:a)? intervju",
        r"(?:intervju|samtal) med (?:\w+ ){0,2}(?:utvecklare|ingenjorer)",
        r"rozmow[aeyi] (?:techniczn|z (?:naszymi )?(?:inzynier|programist))\w*",
        r"coding interview",
        r"system design(?: interview)?",
        r"pair(?:-| )?programming",
        r"pairing session",
        r"live coding",
        r"architecture interview",
        r"technische(?:s|n)? (?:interview|gesprach)",
        r"fachgesprach",
        r"fachinterview",
        r"entretiens? techniques?",
        r"entrevistas? tecnicas?",
        r"(?:engineering|live-coding) interview",
        r"\w+ design interview",
        r"colloqu(?:io|i) tecnic[oi]",
        r"intervista tecnica",
        r"technisch(?:e)? (?:interview|gesprek)",
    ),
    "hiring_manager_screen": (
        r"hiring (?:manager|lead)\b",
        r"team match(?:ing)?",
        r"informe(?:e|el) kennismaken",
        r"informal (?:chat|visit|conversation|call)",
        r"informelle?s? (?:gesprach|kennenlernen)",
        r"echange informel",
        r"(?:charla|conversacion|conversa) informal",
        r"chiacchierata informale",
        r"\bi(?:'m| am) (?:the |your |a )?(?:(?!talent|recruit|people|hr\b|account|office)\w+ ){0,2}(?:manager|team lead|tech lead|lead)\b(?! (?:recruit|talent|sourc|generation|time|partner))",
        r"(?:samtal|intervju) med (?:\w+ )?(?:chef|rekryterande chef|teamledare)",
        r"(?:entrevista|conversa) com (?:o|a|seu|sua) (?:gestor|gestora|lider|manager)",
        r"rozmow[aeyi] z (?:\w+ )?(?:managerem|kierownikiem|liderem)",
        r"(?:meet|meeting|speak with|chat with|conversation with|call with) (?:the |our |your )?(?:team lead|engineering manager|head of)",
        r"(?:gesprach|interview) mit (?:der|dem|unserer|unserem|deiner|deinem|ihrer|ihrem) (?:teamleit|fachbereich|abteilungsleit|vorgesetzt)",
        r"entretien avec (?:le|la|votre|ton|ta|notre) (?:futur(?:e)? )?(?:manager|responsable)",
        r"rencontrer (?:le|la|votre|ton|ta) (?:futur(?:e)? )?(?:manager|responsable)",
        r"entrevista con (?:el|la|tu|su) (?:responsable|manager|jef[ae]|lider)",
        r"\bi (?:lead|manage|run|head) (?:the |our )?(?:\w+ ){0,3}team",
        r"the team (?:that is |which is )?hiring for",
        r"(?:would|will) be your (?:future |direct )?(?:manager|lead|boss|line manager)",
        r"with (?:our|the) (?:\w+ )?leadership\b",
        r"\b(?:dem|der|unserem|unserer|deinem|deiner|ihrem|ihrer) (?:(?:kunftigen|zukunftigen) )?(?:(?!recruit|talent)\w+[ -])?(?:lead|teamleiter(?:in)?|teamleitung|abteilungsleiter(?:in)?|bereichsleiter(?:in)?|vorgesetzten)\b",
        r"(?:votre|ton|ta) futur(?:e)? (?:manager|responsable)",
        r"manager de l'equipe",
        r"(?:responsable|jef[ae]|lider) del equipo",
        r"colloquio con (?:il|la|il tuo|la tua) (?:futur[oa] )?(?:responsabile|manager|team lead)",
        r"(?:gesprek|kennismaking|kennismakingsgesprek) met (?:de |je |onze |uw )?(?:toekomstige )?(?:leidinggevende|teamleider)",
        r"gesprek met (?:de|je|onze|uw) (?:toekomstige )?manager",
    ),
    "assessment": (
        r"take-? ?home",
        r"coding (?:challenge|exercise|test|assessment|task)",
        r"(?:online|technical|skills?|coding|general coding|programming) (?:assessment|test)",
        r"\bassessment\b",
        r"case study",
        r"home assignment",
        r"design (?:challenge|exercise)",
        r"work sample",
        r"(?:take|complete|solve) (?:a|the|our|your) (?:test|assessment)",
        r"coding-?(?:aufgabe|challenge)",
        r"(?:test|probe|programmier|case)-?aufgabe",
        r"fallstudie",
        r"test technique",
        r"exercice (?:technique|a la maison)",
        r"cas pratique",
        r"etude de cas",
        r"prueba tecnica",
        r"(?:reto|ejercicio|desafio) tecnico",
        r"caso practico",
        r"(?:complete|take|solve) (?:a|the|our|your|this) (?:\w+ )?(?:test|assessment|challenge|exercise)",
        r"prepare (?:a|an|your) (?:short |brief |\d+[- ]?min(?:ute)?s? )?(?:presentation|proposal|pitch|case)",
        r"test tecnico",
        r"prova tecnica",
        r"esercizio (?:tecnico|pratico|da svolgere)",
        r"(?:thuis|praktijk|technische )opdracht",
        r"case-?opdracht",
    ),
    "recruiter_screen": (
        r"phone screen(?:ing)?",
        r"screening call",
        r"recruiter (?:call|screen|chat|conversation|interview)",
        r"(?:intro|introductory|initial|first|quick|short|brief) (?:phone |video )?(?:call|chat|conversation)",
        r"(?:call|conversation|chat) with (?:a|one of our|our) recruiters?",
        r"get to know you",
        r"kennenlerngesprach",
        r"kennenlern-?(?:call|telefonat|termin)",
        r"telefonisch kennenlernen",
        r"erste(?:s|n)? (?:telefonat|gesprach|telefoninterview)",
        r"telefoninterview",
        r"premier (?:echange|entretien|appel)",
        r"(?:echange|entretien) telephonique",
        r"(?:primera|una) (?:llamada|entrevista telefonica|conversacion)",
        r"llamada (?:inicial|telefonica)",
        r"entrevista telefonica",
        r"phone call",
        r"(?:\d+|fifteen|twenty|thirty)[- ]?min(?:ute)?s?\W{1,3}(?:phone |video |intro(?:ductory)? )?(?:call|chat)",
        r"(?:kurze|erste)s? (?:telefonat|call)",
        r"faire connaissance",
        r"appel (?:de \d+ ?min(?:utes)? )?(?:pour|afin de)",
        r"conocerte",
        r"llamada de \d+ minutos",
        r"(?:colloquio|chiamata|incontro|chiacchierata) conoscitiv[oa]",
        r"conoscer(?:ti|ci)",
        r"(?:prima|breve) chiamata",
        r"kennismak",
        r"(?:forsta|inledande|kort) (?:samtal|intervju|telefonintervju)",
        r"telefonintervju",
        r"(?:primeira|breve) (?:conversa|entrevista)",
        r"bate-?papo",
        r"entrevista (?:inicial|por telefone)",
        r"(?:pierwsz|krotk)\w+ rozmow\w*",
        r"rozmow\w* telefoniczn\w*",
        r"(?:eerste|telefonisch|kort) (?:gesprek|belletje)",
        r"telefonische screening",
    ),
    NO_CHANGE: (
        r"still (?:reviewing|under review|in review|being reviewed|evaluating|collecting|waiting|gathering|considering)",
        r"(?:is|remains|are) (?:still )?under (?:review|consideration)",
        r"(?:gathering|collecting|finali[sz]ing|finali[sz]es|writing up) (?:the )?feedback",
        r"haven't forgotten",
        r"thank(?:s| you) for your patience",
        r"on hold",
        r"paused hiring",
        r"no update yet",
        r"(?:weiterhin|noch|derzeit) in (?:der )?(?:bearbeitung|prufung)",
        r"en cours d'(?:examen|etude|analyse)",
        r"toujours en cours",
        r"(?:sigue|seguimos|sigo) (?:en proceso|revisando)",
        r"en proceso de (?:revision|seleccion)",
        r"received your (?:\w+ )?(?:case study|take-?home|assignment|test|assessment|exercise|solution|challenge)",
        r"(?:will|'ll) (?:share|send|pass on|get back to you with) (?:\w+ )?feedback",
        r"feedback (?:soon|shortly)",
        r"ancora in (?:fase di )?valutazione",
        r"nog in behandeling",
    ),
    "applied": (
        r"received your (?:job )?(?:application|applications|cv|resume|documents|submission|job submission)",
        r"(?:application|job submission) (?:has been |was )?(?:received|submitted|sent)",
        r"your application (?:has been|was|is) (?:received|submitted|sent)",
        r"thank(?:s| you) for (?:your )?(?:applying|application|submitting your application)",
        r"application (?:received|confirmation)",
        r"bewerbung (?:erhalten|eingegangen)",
        r"eingang (?:ihrer|deiner) (?:bewerbung|unterlagen)",
        r"(?:vielen )?dank fur (?:ihre|deine) bewerbung",
        r"eingangsbestatigung",
        r"(?:bien )?recu (?:votre|ta) (?:candidature|dossier)",
        r"merci pour (?:votre|ta) candidature",
        r"hemos recibido (?:tu|su) (?:solicitud|candidatura|cv)",
        r"gracias por (?:tu|su) (?:candidatura|solicitud|postulacion)",
        r"candidature (?:a )?(?:bien )?(?:ete )?(?:bien )?(?:envoyee|recue|transmise|enregistree)",
        r"(?:bonne )?reception de (?:votre|ta) candidature",
        r"candidatura (?:ha sido )?recibida",
        r"ricevuto la (?:tua|sua) candidatura",
        r"grazie per (?:la tua candidatura|esserti candidat|aver(?:ci)? inviato)",
        r"candidatura (?:e stata )?ricevuta",
        r"bedankt voor (?:je|uw) sollicitatie",
        r"tack for (?:din ansokan|att du (?:har )?sokt|ditt intresse)",
        r"(?:tagit emot|mottagit) din ansokan",
        r"din ansokan (?:har )?(?:inkommit|mottagits|tagits emot)",
        r"recebemos (?:a )?(?:sua|tua) candidatura",
        r"obrigad[oa] (?:pela (?:sua|tua) candidatura|por se candidatar|por te candidatares)",
        r"(?:sua|tua) candidatura (?:foi )?(?:recebida|enviada|registrada|registada)",
        r"dziekujemy za (?:przeslanie|zlozenie|wyslanie) (?:aplikacji|cv|zgloszenia|kandydatury)",
        r"otrzymalismy (?:twoja|twoje|pana|pani) (?:aplikacje|zgloszenie|cv|kandydature)",
        r"(?:votre|ta) candidature\b[^.!?\n]{0,60}\b(?:a )?(?:bien )?ete (?:envoyee|recue|transmise|enregistree)",
        r"(?:je|uw) sollicitatie\b[^.!?\n]{0,40}\bontvangen",
        r"gegevens (?:goed )?ontvangen",
        r"ontvangstbevestiging",
    ),
}
# A generic invitation names no stage: it is read against the job's current stage.
GENERIC_INTERVIEW: Final = re.compile(
    r"invite you (?:to|for) (?:an? |the )?(?:interview|next round)|(?:schedule|book|arrange) (?:an|your|the) interview"
    r"|(?:keen|like|love|want|happy|eager) to (?:interview|meet) you"
    r"|interview (?:invitation|invite|confirmation|confirmed)"
    r"|your interviews?\b[^.!?\n]{0,60}\b(?:is|are|has been|have been) (?:confirmed|scheduled|rescheduled|moved|booked)"
    r"|vorstellungsgesprach|einladung zu(?:m|einem) (?:gesprach|interview)|(?:gesprach|interview)\b[^.!?\n]{0,60}\beinladen"
    r"|\bentretien\b|\bentrevista\b|\bcolloquio\b|\bintervju\b|\bzaprosi\w* (?:cie |pana |pania )?na rozmow|\brozmow\w* rekrutacyjn|sollicitatiegesprek|uitnodiging voor (?:een|het) (?:gesprek|interview)"
)
# Words just before a phrase that make it a reference to a past or other step, not this mail's news.
ASIDE: Final = re.compile(
    r"(?:after(?! (?:careful|much|thorough|further|long|some|serious) (?:consideration|review|thought|deliberation))|following|since|before|prior to|enjoyed|completing|completed|submitting|submitted|"
    r"getting through|passed|feedback (?:from|on)|thank(?:s| you) for|speaking with you|(?:i )?(?:was|were) (?:on|in|at|part of) (?:your|the)|"
    r"voordat (?:we |wij )?|bevor (?:wir )?|avant (?:de|que)|antes de|prima (?:di|del)|"
    r"received|receiving|after our|following our|merci (?:\w+ )?pour|gracias por|danke fur|grazie per|bedankt voor|"
    r"nach (?:dem|deinem|ihrem|unserem|unserer|der)|uber (?:das|den|die|unser\w*|ihr\w*|dein\w*)|(?:feedback|informacj\w*) z|po (?:rozmowie|naszej)|apres(?! (?:une )?(?:etude|examen|analyse|reflexion))|suite a|tras|despues de|dopo|na (?:het|ons|je))\W+(?:\w+\W+){0,4}$"
)
# A step mentioned as a possibility, not announced: "we'll let you know whether we invite you to a first call".
CONDITIONAL: Final = re.compile(
    r"\b(?:whether|if|of|ob|si|om)\W+(?:we|wir|nous|vi)\b(?:\W+\w+){0,3}\W+(?:invite|uitnodigen|einladen|inviter|bjuda in|move you forward)\w*(?:\W+\w+){0,3}\W*$"
)
_SENTENCE_END: Final = re.compile(r"[.!?\n]")
_REPLY_PREFIX: Final = re.compile(r"^\s*(?:(?:re|aw|sv|fw|fwd|wg|tr|rv|r)\s*:\s*)+")


def _first_chars(items: Any) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with (None: any) and whether it can match nothing."""
    found: set[str] = set()
    for op, av in items:
        chars, empty = _first_chars_of(op, av)
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def _first_chars_of(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    """_first_chars for one parsed item."""
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE:
                chars.update(chr(code) for code in range(value[0], value[1] + 1))
            else:
                return None, False
        return chars, False
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True
    if op is _c.SUBPATTERN:
        return _first_chars(av[-1])
    if op is _c.BRANCH:
        chars, empty = set(), False
        for branch in av[1]:
            branch_chars, branch_empty = _first_chars(branch)
            if branch_chars is None:
                return None, False
            chars |= branch_chars
            empty = empty or branch_empty
        return chars, empty
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        repeated, empty = _first_chars(av[2])
        return repeated, empty or av[0] == 0
    return None, False


def _dispatching_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Every phrase in one pattern, grouped by first character so a position only tries the phrases that can start there.

    At any position the phrases are still tried in the listed order, so a match is the one a plain alternation finds.
    """
    by_char: dict[str, list[int]] = {}
    anywhere: list[int] = []
    for index, phrase in enumerate(phrases):
        chars, _ = _first_chars(_parser.parse(phrase))
        if chars is None:
            anywhere.append(index)
        else:
            for char in chars:
                by_char.setdefault(char, []).append(index)
    branches = [
        f"(?={re.escape(char)})(?:{'|'.join(phrases[i] for i in sorted({*indexes, *anywhere}))})"
        for char, indexes in sorted(by_char.items())
    ]
    if anywhere:
        branches.append("(?:" + "|".join(phrases[i] for i in anywhere) + ")")
    return re.compile(r"\b(?:" + "|".join(branches) + ")")


_PATTERN: Final = _dispatching_pattern([phrase for phrases in STAGE_PHRASES.values() for phrase in phrases])
# Which stage a match belongs to: the first stage, in priority order, whose phrases match at that position.
_STAGE_PATTERNS: Final = {
    stage: re.compile("(?:" + "|".join(phrases) + ")") for stage, phrases in STAGE_PHRASES.items()
}
ORDER: Final = tuple(STAGE_PHRASES)


@dataclass(frozen=True)
class StageReading:
    target: str
    clear: bool  # named by a phrase in this mail, not guessed
    phrase: str


@dataclass(frozen=True)
class StageScan:
    """Stage phrases found in a mail, before they are read against a job's current stage."""

    body_news: dict[str, str]
    body_asides: dict[str, str]
    subject_news: dict[str, str]
    fresh_subject: bool
    generic: str

    def reading(self, current_stage: str | None) -> StageReading:
        """The stage the mail announces: newest body first, then a fresh subject, then weaker readings."""
        if self.body_news and not (self.generic and set(self.body_news) == {"applied"}):
            return _first(self.body_news, clear=True)
        if self.subject_news and self.fresh_subject:
            return _first(self.subject_news, clear=True)
        if self.body_asides:
            return _first(self.body_asides, clear=False)
        if self.generic:
            target = "recruiter_screen" if stage_rank(current_stage) <= 0 else NO_CHANGE
            return StageReading(target, clear=False, phrase=self.generic)
        return StageReading(NO_CHANGE, clear=False, phrase="")


def scan_stage(subject: str, newest: str) -> StageScan:
    """Find stage phrases in a folded subject and the folded newest part of the body."""
    body_news, body_asides = _found(newest)
    subject_news, _ = _found(_REPLY_PREFIX.sub("", subject))
    generic = GENERIC_INTERVIEW.search(newest) or GENERIC_INTERVIEW.search(subject)
    return StageScan(
        body_news,
        body_asides,
        subject_news,
        not _REPLY_PREFIX.match(subject),
        generic.group() if generic else "",
    )


def _found(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """Stages named in a text, split into news and asides (references to other steps)."""
    news: dict[str, str] = {}
    asides: dict[str, str] = {}
    for match in _PATTERN.finditer(text):
        stage = next(
            (name for name, pattern in _STAGE_PATTERNS.items() if pattern.match(text, match.start())),
            NO_CHANGE,
        )
        sentence_start = _last_sentence_start(text, match.start())
        before = text[sentence_start : match.start()]
        target = asides if ASIDE.search(before) or CONDITIONAL.search(before) else news
        target.setdefault(stage, match.group())
    return news, asides


def _last_sentence_start(text: str, position: int) -> int:
    """Where the sentence holding a position starts (at most 80 characters back)."""
    window_start = max(0, position - 80)
    ends = list(_SENTENCE_END.finditer(text, window_start, position))
    return ends[-1].end() if ends else window_start


def _first(found: dict[str, str], clear: bool) -> StageReading:
    """The highest-priority stage found, with its phrase."""
    stage = min(found, key=ORDER.index)
    return StageReading(stage, clear, found[stage])
