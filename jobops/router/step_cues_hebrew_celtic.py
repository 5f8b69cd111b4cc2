"""Step, decision and kind-of-mail words, context words and Gmail search words in Hebrew, Welsh and Irish.

Cues match whole word sequences of folded text, so each line lists the word forms mail uses, one language a line
in the order above; Hebrew joins its prepositions to the word ("לראיון", to an interview), so those forms are
listed too. Steps are named by phrases a recruiter writes to one candidate, never by a bare noun that job alerts
share.
"""

from __future__ import annotations

from typing import Final

STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": (
        *("להסיר את מועמדותי", "מסיר את מועמדותי", "מסירה את מועמדותי", "לבטל את מועמדותי"),
        *("לא אוכל לקבל את ההצעה", "מכבדים את החלטתך", "מכבדים את ההחלטה שלך"),
        *("tynnu fy nghais yn ôl", "tynnu fy nghais yn ol", "gwrthod y cynnig"),
        *("mo iarratas a tharraingt siar",),
    ),
    "rejected": (
        *("החלטנו להתקדם עם מועמדים אחרים", "להתקדם עם מועמדים אחרים", "להתקדם עם מועמד אחר"),
        *("להתקדם עם מועמדת אחרת", "לא נמשיך בתהליך", "לא נוכל להתקדם", "לא נתקדם עם מועמדותך"),
        *("החלטנו שלא להמשיך", "בחרנו במועמד אחר", "בחרנו במועמדת אחרת"),
        *("eich cais yn aflwyddiannus", "wedi bod yn aflwyddiannus", "nid ydych wedi bod yn llwyddiannus"),
        *("níor éirigh leat", "nior eirigh leat"),
    ),
    "closed": (
        *("המשרה הוקפאה", "המשרה בוטלה", "הגיוס הוקפא", "הקפאנו את הגיוס"),
        *("mae'r swydd wedi ei thynnu yn ôl", "swydd wedi ei chanslo"),
    ),
    "offer": (
        *("הצעת עבודה", "שמחים להציע לך", "לשמחתנו להציע לך", "מכתב הצעה"),
        *("cynnig swydd", "yn cynnig swydd", "cynnig amodol"),
        *("tairiscint poist", "tairiscint choinníollach"),
    ),
    "onsite": (
        *("ראיון סופי", "לראיון סופי", "ראיון אחרון", "לראיון אחרון", "השלב האחרון", "שלב אחרון"),
        *("cyfweliad terfynol", "diwrnod dethol"),
        *("agallamh deiridh",),
    ),
    "technical_interview": (
        *("להזמין אותך לראיון", "מזמינים אותך לראיון", "הזמנה לראיון", "זימון לראיון"),
        *("ראיון טכני", "לראיון טכני", "ראיון מקצועי", "לראיון מקצועי"),
        *("eich gwahodd i gyfweliad", "gwahoddiad i gyfweliad", "gwahoddiad i gyfweld"),
        *("cuireadh chuig agallamh", "cuireadh chun agallaimh"),
    ),
    "hiring_manager_screen": (
        *("שיחה עם המנהל", "פגישה עם המנהל", "פגישת היכרות עם המנהל", "שיחה עם מנהל הצוות"),
    ),
    "assessment": (
        *("מבחן בית", "מטלת בית", "מבחן אונליין", "מבחן מקוון", "תרגיל בית"),
        *("prawf ar-lein", "prawf ar lein", "tasg ysgrifenedig"),
        *("triail ar líne",),
    ),
    "recruiter_screen": (
        *("שיחה טלפונית", "ראיון טלפוני", "לראיון טלפוני", "שיחת היכרות", "שיחה קצרה"),
        *("cyfweliad ffôn", "galwad ffôn", "sgwrs ffôn"),
        *("agallamh teileafóin",),
    ),
    "applied": (
        *("קיבלנו את המועמדות", "תודה שהגשת מועמדות", "תודה על המועמדות", "קיבלנו את קורות החיים"),
        *("המועמדות שלך התקבלה", "מועמדותך התקבלה", "קורות החיים שלך התקבלו", "הגשת מועמדות בהצלחה"),
        *("diolch am eich cais", "cais wedi ei dderbyn", "wedi derbyn eich cais", "derbyniwyd eich cais"),
        *("go raibh maith agat as d'iarratas", "fuaireamar d'iarratas", "fuaireamar d’iarratas"),
    ),
}

KINDS: Final[dict[str, tuple[str, ...]]] = {
    "reschedule": ("שינוי מועד", "מועד חדש", "לדחות את הראיון", "amser newydd", "dyddiad newydd"),
    "reminder": ("תזכורת", "nodyn atgoffa", "meabhrúchán"),
    "cancellation": ("הראיון בוטל", "cyfweliad wedi ei ganslo"),
}

# Words of recruiting mail that name no step: they make mail about an application, not a stage.
CONTEXT: Final[tuple[str, ...]] = (
    *("מועמדות", "מועמדותך", "משרה", "המשרה", "למשרה", "ראיון", "לראיון", "קורות חיים", "גיוס"),
    *("cais", "eich cais", "swydd", "cyfweliad", "ymgeisydd", "recriwtio"),
    *("iarratas", "agallamh", "earcaíocht"),
)

# Whole words Gmail's search matches, for the searches that find recruitment mail.
SEARCH_TERMS: Final[tuple[str, ...]] = (
    *("ראיון", "לראיון", "הראיון", "ראיונות", '"ראיון עבודה"', "מועמדות", "מועמדותך", "משרה"),
    *("המשרה", "למשרה", "לצערנו", "גיוס", '"הצעת עבודה"', '"קורות חיים"'),
    *("cyfweliad", "swydd", "ymgeisydd", "agallamh", "iarratas"),
)
