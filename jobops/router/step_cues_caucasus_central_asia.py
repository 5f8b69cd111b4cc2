"""Step, decision and kind-of-mail words, context words and Gmail search words in Georgian, Azerbaijani, Kazakh
and Uzbek (Latin script).

Cues match whole word sequences of folded text, so each line lists the word forms mail uses, one language a line
in the order above. Steps are named by phrases a recruiter writes to one candidate ("we invite you to an
interview"), never by a bare noun that job alerts and newsletters share ("interview", "vacancy").
"""

from __future__ import annotations

from typing import Final

STEPS: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": (
        *("ვიხსნი ჩემს კანდიდატურას", "უარს ვამბობ შეთავაზებაზე", "პატივს ვცემთ თქვენს გადაწყვეტილებას"),
        *("namizədliyimi geri çəkirəm", "təklifdən imtina edirəm", "qərarınıza hörmət edirik"),
        *("кандидатурамды кері қайтарып аламын", "ұсыныстан бас тартамын", "шешіміңізді құрметтейміз"),
        *("nomzodligimni qaytarib olaman", "taklifdan voz kechaman", "qaroringizni hurmat qilamiz"),
    ),
    "rejected": (
        *("შევარჩიეთ სხვა კანდიდატი", "სხვა კანდიდატის სასარგებლოდ", "თქვენი კანდიდატურა არ შეირჩა"),
        *("ვერ გადახვედით შემდეგ ეტაპზე", "ვერ შემოგთავაზებთ", "გადავწყვიტეთ სხვა კანდიდატთან"),
        *(
            "başqa namizədi seçdik",
            "digər namizədlə davam",
            "digər namizədlərlə davam",
            "növbəti mərhələyə keçmədi",
        ),
        "müsbət qərar qəbul edə bilmədik",
        *("sizə təklif edə bilmirik", "namizədliyiniz seçilmədi", "başqa namizədin xeyrinə"),
        *("басқа үміткерді таңдадық", "басқа үміткердің пайдасына", "келесі кезеңге өтпедіңіз"),
        *("кандидатураңыз таңдалмады", "сізге ұсына алмаймыз"),
        *("boshqa nomzodni tanladik", "boshqa nomzod bilan davom", "keyingi bosqichga o'tmadingiz"),
        *("ijobiy qaror qabul qilinmadi", "nomzodingiz tanlanmadi", "sizga taklif qila olmaymiz"),
        *("boshqa nomzod tanlandi", "lavozimni taklif eta olmaymiz", "taklif eta olmaymiz"),
    ),
    "closed": (
        *("ვაკანსია გაუქმდა", "ვაკანსია შეჩერებულია", "შერჩევა შეჩერდა"),
        *("vakansiya ləğv edildi", "vakansiya dayandırıldı", "seçim prosesi dayandırıldı"),
        *("вакансия жабылды", "вакансия тоқтатылды", "іріктеу тоқтатылды"),
        *("vakansiya bekor qilindi", "vakansiya to'xtatildi", "tanlov to'xtatildi"),
        *("конкурстың тоқтатылуы", "конкурс тоқтатылды", "тоқтатылғанын хабарлаймыз"),
    ),
    "offer": (
        *("სამუშაო შეთავაზება", "შეთავაზების წერილი", "მოხარულები ვართ შემოგთავაზოთ"),
        *("iş təklifi", "təklif məktubu", "sizə təklif etməkdən məmnunuq"),
        *("жұмыс ұсынысы", "ұсыныс хаты", "сізге ұсынуға қуаныштымыз"),
        *("ish taklifi", "taklif xati", "sizga taklif qilishdan mamnunmiz"),
    ),
    "onsite": (
        *("ფინალური გასაუბრება", "ფინალურ გასაუბრებაზე", "საბოლოო გასაუბრება", "საბოლოო გასაუბრებაზე"),
        *("yekun müsahibə", "yekun müsahibəyə", "final müsahibəsi"),
        *("қорытынды сұхбат", "қорытынды сұхбатқа", "соңғы сұхбат"),
        *("yakuniy suhbat", "yakuniy suhbatga", "final suhbati"),
    ),
    "technical_interview": (
        *("გიწვევთ გასაუბრებაზე", "გასაუბრებაზე მოწვევა", "ტექნიკური გასაუბრება", "ტექნიკურ გასაუბრებაზე"),
        *("sizi müsahibəyə dəvət edirik", "müsahibəyə dəvət", "texniki müsahibə", "texniki müsahibəyə"),
        *("сізді сұхбатқа шақырамыз", "сұхбатқа шақыру", "техникалық сұхбат", "техникалық сұхбатқа"),
        *("sizni suhbatga taklif qilamiz", "suhbatga taklif", "texnik suhbat", "texnik suhbatga"),
    ),
    "assessment": (
        *("წერითი ტესტი", "წერით ტესტზე", "ონლაინ ტესტი", "ონლაინ ტესტირება", "სატესტო დავალება"),
        *("yazılı test", "yazılı imtahan", "onlayn test", "test tapşırığı"),
        *("жазбаша тест", "онлайн тест", "тест тапсырмасы"),
        *("yozma test", "onlayn test", "test topshirig'i"),
    ),
    "recruiter_screen": (
        *("სატელეფონო გასაუბრება", "სატელეფონო გასაუბრებაზე", "სატელეფონო საუბარი"),
        *("telefon müsahibəsi", "telefon müsahibəsinə", "telefon danışığı"),
        *("телефон арқылы сұхбат", "телефондық сұхбат"),
        *("telefon orqali suhbat", "telefon suhbati", "telefon suhbatiga"),
    ),
    "applied": (
        *("თქვენი განაცხადი მიღებულია", "განაცხადი მიღებულია", "მივიღეთ თქვენი განაცხადი"),
        *("მადლობა განაცხადისთვის", "მივიღეთ თქვენი რეზიუმე"),
        *("müraciətiniz qəbul edildi", "müraciətinizi aldıq", "müraciət etdiyiniz üçün təşəkkür edirik"),
        *("өтінішіңіз қабылданды", "өтінішіңізді алдық", "түйіндемеңізді алдық"),
        *("arizangiz qabul qilindi", "arizangizni oldik", "ariza uchun rahmat", "rezyumengizni oldik"),
    ),
}

KINDS: Final[dict[str, tuple[str, ...]]] = {
    "reschedule": (
        *("ახალი დრო", "გადატანა", "გადავიტანეთ"),
        *("yeni vaxt", "təxirə salındı", "vaxtın dəyişdirilməsi"),
        *("жаңа уақыт", "кейінге қалдырылды"),
        *("yangi vaqt", "boshqa vaqtga ko'chirildi"),
    ),
    "reminder": ("შეხსენება", "xatırlatma", "еске салу", "eslatma"),
    "cancellation": (
        *("გასაუბრება გაუქმდა", "müsahibə ləğv edildi", "сұхбат тоқтатылды", "suhbat bekor qilindi"),
    ),
}

# Words of recruiting mail that name no step: they make mail about an application, not a stage.
CONTEXT: Final[tuple[str, ...]] = (
    *("ვაკანსია", "ვაკანსიაზე", "ვაკანსიის", "განაცხადი", "კანდიდატურა", "გასაუბრება", "რეზიუმე"),
    *("müraciət", "müraciətiniz", "vakansiya", "namizəd", "namizədliyiniz", "müsahibə"),
    *("өтініш", "өтінішіңіз", "үміткер", "сұхбат", "түйіндеме"),
    *("ariza", "arizangiz", "nomzod", "suhbat", "lavozim", "rezyume"),
)

# Whole words Gmail's search matches, for the searches that find recruitment mail.
SEARCH_TERMS: Final[tuple[str, ...]] = (
    *("ვაკანსია", "ვაკანსიის", "ვაკანსიაზე", "ვაკანსიით", "გასაუბრება", "გასაუბრებაზე", "განაცხადი"),
    *("კანდიდატი", "კანდიდატურა", "სამწუხაროდ"),
    *("müsahibə", "müsahibəsi", "müsahibəyə", "müraciət", "müraciətiniz", "vakansiya", "namizəd", "təəssüf"),
    *("сұхбат", "сұхбатқа", "өтініш", "өтінішіңіз", "үміткер", "өкінішке"),
    *("suhbat", "suhbatga", "ariza", "arizangiz", "nomzod", "lavozim", "afsuski"),
)
