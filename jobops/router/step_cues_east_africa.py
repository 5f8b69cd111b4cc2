"""Step, decision and kind-of-mail words, context words and Gmail search words in Amharic, Swahili and Kinyarwanda.

Amharic joins prepositions and possessives to its words ("ለቃለ መጠይቅ", to an interview; "ማመልከቻዎ", your application),
so its cues match inside words; Swahili and Kinyarwanda match whole word sequences. Each line holds one language, in
the order above.
"""

from __future__ import annotations

from typing import Final

STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": (
        *("ውሳኔዎን እናከብራለን", "ውሳኔሽን እናከብራለን", "ውሳኔህን እናከብራለን"),
        *("tunaheshimu uamuzi wako",),
        *("twubaha icyemezo cyawe", "twubahiriza icyemezo cyawe"),
    ),
    "rejected": (
        *("አልተመረጡም", "አልተመረጥሽም", "አልተመረጥክም", "ሌላ ባለሙያ መቅጠራችን", "ሌላ እጩ መርጠናል", "ሌላ እጩ መምረጣችን"),
        *("ማሳለፍ አልቻልንም", "ፈተናውን አላለፉም"),
        *(
            "hukufanikiwa",
            "hatukuweza kukuchagua",
            "kumchagua mgombea",
            "mgombea mwingine",
            "hatutaendelea na maombi yako",
        ),
        *("umwanya wahawe undi", "umwanya wahawe umukandida", "ntimwatsinze", "ntiwatsinze"),
    ),
    "closed": (
        *("መደቡ ተሰርዟል", "ቅጥሩ ተሰርዟል", "ማስታወቂያው ተሰርዟል", "ምልመላው ተቋርጧል"),
        *("nafasi hii imesitishwa", "nafasi hii imefutwa"),
        *("ipiganwa ryahagaritswe", "ipiganwa ryasubitswe"),
    ),
    "offer": (
        *("ውድድር ማሸነፍዎን", "ማሸነፍዎን ስናሳውቅዎ", "የቅጥር ደብዳቤ", "ለመቅጠር ወስነናል"),
        *("tunafurahi kukupa nafasi", "barua ya ofa", "ofa ya kazi"),
        *("watsindiye umwanya",),
    ),
    "technical_interview": (
        *("ለቃለ መጠይቅ ተጋብዘዋል", "ለቃለ መጠይቅ መጥራት", "የቃለ መጠይቅ ጥሪ", "የቃለ መጠይቅ ቦርድ", "ለቃለ መጠይቅ"),
        *(
            "kukualika kwenye mahojiano",
            "kukualika kwa mahojiano",
            "umealikwa kwenye mahojiano",
            "kukualika kwenye usaili",
        ),
        *("ikizamini cyo mu magambo",),
    ),
    "assessment": (
        *("የጽሁፍ ፈተና", "የጽሑፍ ፈተና", "የተግባር ፈተና", "ለፈተና ተመርጠዋል"),
        *("mtihani wa maandishi", "usaili wa maandishi"),
        *("ikizamini cyanditse", "gukora ikizamini"),
    ),
    "recruiter_screen": (
        *("የስልክ ቃለ መጠይቅ", "ቃለ መጠይቅ በስልክ"),
        *("mahojiano ya simu",),
        *("ikiganiro gito kuri telefoni",),
    ),
    "applied": (
        *("ማመልከቻ ደርሶናል", "ማመልከቻዎ ደርሷል", "ማመልከቻዎ ደርሶናል", "ማመልከቻዎ ተመዝግቧል", "ማመልከቻ ተመዝግቧል"),
        *("ማመልከቻዎን ተቀብለናል", "ሰነዶች ደርሰውናል"),
        *("tumepokea maombi yako", "maombi yako yamepokelewa", "umeorodheshwa"),
        *("ubusabe bwawe bwakiriwe", "ubusabe bwanyu bwakiriwe", "bwakiriwe neza"),
    ),
}

KINDS: Final[dict[str, tuple[str, ...]]] = {
    "reschedule": ("የቀን ለውጥ", "ተዛውሯል", "tarehe mpya", "imesogezwa", "byimuriwe"),
    "reminder": ("ማስታወሻ", "ለማስታወስ", "ukumbusho", "kukukumbusha", "kwibutsa"),
    "background check": ("የጤና ምርመራ", "uchunguzi wa afya", "isuzuma ry'ubuzima"),
}

CONTEXT: Final[tuple[str, ...]] = (
    *("ማመልከቻ", "የስራ መደብ", "ቃለ መጠይቅ", "ቅጥር", "ተወዳዳሪ"),
    *("maombi ya kazi", "nafasi ya kazi", "mahojiano", "usaili"),
    *("ubusabe", "akazi", "umukandida", "ipiganwa"),
)

# Swahili's "usaili" and "maombi" are searched with the other languages' words.
SEARCH_TERMS: Final[tuple[str, ...]] = ("ማመልከቻ", "ቃለ", "mahojiano", "ubusabe", "ikizamini", "akazi")
