"""Steps and decisions told in Hindi (and romanised Hindi), Tamil, Sinhala, Bengali, Urdu, Arabic and Indonesian,
and the noise in those languages that names no step. The mails are written for these tests."""

from __future__ import annotations

from urllib.parse import quote_plus

import pytest

from jobops.gmail.query import recruitment_searches
from jobops.router import Decision, JobFacts
from tests.router.builders import mail, route

LANTERN = JobFacts("ln", "Data Analyst", "Lantern Foods", "applied")
SENDER = "Lantern Foods <careers@lanternfoods.example>"


def routed(subject: str, body: str, sender: str = SENDER, job: JobFacts = LANTERN) -> Decision:
    """One mail routed against the one tracked job."""
    return route([job], mail(body, subject, sender))


def assert_step(subject: str, body: str, stage: str, job: JobFacts = LANTERN) -> None:
    """The mail is about the job (linked or suggested) and announces this stage."""
    decision = routed(subject, body, job=job)
    assert decision.relevant
    assert decision.job_id == job.id
    assert decision.stage_target == stage


INVITATIONS = {
    "hindi": (
        "Lantern Foods – साक्षात्कार",
        "प्रिय राहुल जी, डेटा एनालिस्ट पद के लिए आपके आवेदन के आधार पर Lantern Foods आपको सोमवार सुबह 11 बजे "
        "साक्षात्कार के लिए आमंत्रित करता है।",
    ),
    "romanised hindi": (
        "Lantern Foods interview",
        "Hi Rahul, Lantern Foods mein Data Analyst role ke liye kal 11 baje interview ke liye aa jaiye. "
        "Address neeche hai.",
    ),
    "tamil": (
        "Lantern Foods – நேர்காணல்",
        "அன்புள்ள கார்த்திக், Lantern Foods நிறுவனத்தின் தரவு பகுப்பாய்வாளர் பணிக்கான நேர்காணலுக்கு உங்களை "
        "அழைக்கிறோம். நேர்காணல் திங்கள் காலை 10 மணிக்கு நடைபெறும்.",
    ),
    "sinhala": (
        "Lantern Foods – සම්මුඛ පරීක්ෂණය",
        "හිතවත් නිමල්, දත්ත විශ්ලේෂක තනතුර සඳහා ඔබව සම්මුඛ පරීක්ෂණයක් සඳහා කැඳවීමට Lantern Foods සතුටු වෙයි.",
    ),
    "bengali": (
        "Lantern Foods – সাক্ষাৎকার",
        "প্রিয় রাকিব, Lantern Foods-এর ডেটা অ্যানালিস্ট পদের জন্য আপনাকে সাক্ষাৎকারের জন্য আমন্ত্রণ জানাচ্ছি। "
        "সাক্ষাৎকার রবিবার সকাল ১০টায়।",
    ),
    "urdu": (
        "Lantern Foods – انٹرویو",
        "محترم علی صاحب، Lantern Foods میں ڈیٹا اینالسٹ کی آسامی کے لیے آپ کو انٹرویو کے لیے مدعو کیا جاتا ہے۔ "
        "انٹرویو پیر کو صبح دس بجے ہوگا۔",
    ),
    "arabic": (
        "Lantern Foods – دعوة لمقابلة",
        "عزيزي أحمد، يسعدنا دعوتك لمقابلة شخصية لوظيفة محلل بيانات في Lantern Foods يوم الأحد القادم "
        "الساعة العاشرة صباحاً في مكتبنا بدبي.",
    ),
    "indonesian": (
        "Lantern Foods – Undangan Wawancara",
        "Halo Budi, terima kasih atas lamaran Anda. Kami mengundang Anda untuk mengikuti wawancara untuk posisi "
        "Data Analyst di Lantern Foods pada hari Senin pukul 10.00 WIB.",
    ),
}

REJECTIONS = {
    "hindi": (
        "Lantern Foods – आवेदन की स्थिति",
        "प्रिय राहुल जी, Lantern Foods में आवेदन करने के लिए धन्यवाद। हमें खेद है कि इस बार डेटा एनालिस्ट पद के "
        "लिए आपका चयन नहीं हो पाया है।",
    ),
    "romanised hindi": (
        "Lantern Foods update",
        "Hi Rahul, Lantern Foods ke Data Analyst role ke liye aapka selection nahi hua hai. All the best.",
    ),
    "tamil": (
        "Lantern Foods – விண்ணப்ப நிலை",
        "அன்புள்ள கார்த்திக், Lantern Foods இல் விண்ணப்பித்தமைக்கு நன்றி. இந்த முறை நீங்கள் "
        "தேர்ந்தெடுக்கப்படவில்லை என்பதைத் தெரிவிக்க வருந்துகிறோம்.",
    ),
    "sinhala": (
        "Lantern Foods – අයදුම්පත",
        "හිතවත් නිමල්, මෙවර දත්ත විශ්ලේෂක තනතුර සඳහා ඔබව තෝරා ගැනීමට නොහැකි වූ බව දැනුම් දීමට කනගාටුයි. "
        "Lantern Foods වෙත අයදුම් කිරීමට ස්තූතියි.",
    ),
    "bengali": (
        "Lantern Foods – আবেদন",
        "প্রিয় রাকিব, দুঃখের সাথে জানাচ্ছি যে Lantern Foods-এর ডেটা অ্যানালিস্ট পদের জন্য আপনি নির্বাচিত হননি।",
    ),
    "urdu": (
        "Lantern Foods – درخواست",
        "محترم علی صاحب، Lantern Foods میں درخواست دینے کا شکریہ۔ افسوس کے ساتھ مطلع کیا جاتا ہے کہ اس بار آپ کو "
        "منتخب نہیں کیا گیا۔",
    ),
    "arabic": (
        "Lantern Foods – طلب التوظيف",
        "عزيزي أحمد، نشكرك على اهتمامك بالانضمام إلى Lantern Foods. بعد مراجعة طلبك، نأسف لإبلاغك بأنه لم يتم "
        "اختيارك لهذه الوظيفة.",
    ),
    "levantine arabic": (
        "Lantern Foods",
        "مرحبا أحمد، شكراً لتقديمك على وظيفة محلل بيانات في Lantern Foods. للأسف قررنا المضي قدماً مع مرشحين آخرين.",
    ),
    "indonesian": (
        "Lantern Foods – Hasil Seleksi",
        "Halo Budi, terima kasih atas minat Anda bergabung dengan Lantern Foods. Setelah pertimbangan, kami belum "
        "dapat melanjutkan lamaran Anda ke tahap berikutnya.",
    ),
}


@pytest.mark.parametrize("language", INVITATIONS)
def test_an_interview_invitation_in_each_language_is_read_as_an_interview(language: str) -> None:
    assert_step(*INVITATIONS[language], "technical_interview")


@pytest.mark.parametrize("language", REJECTIONS)
def test_a_kind_rejection_in_each_language_is_read_as_a_rejection(language: str) -> None:
    assert_step(*REJECTIONS[language], "rejected")


@pytest.mark.parametrize(
    ("subject", "body", "stage"),
    [
        (
            "Lantern Foods interview",
            "Rahul ji, Lantern Foods mein Data Analyst ke liye aapko interview ke liye bulaya gaya hai, kal 11 baje.",
            "technical_interview",
        ),
        (
            "Lantern Foods – লিখিত পরীক্ষা",
            "প্রিয় রাকিব, Lantern Foods-এর ডেটা অ্যানালিস্ট পদের লিখিত পরীক্ষা আগামী শনিবার অনুষ্ঠিত হবে।",
            "assessment",
        ),
        (
            "Lantern Foods – Undangan Psikotes",
            "Halo Budi, Anda kami undang untuk mengikuti psikotes online posisi Data Analyst di Lantern Foods "
            "pada hari Rabu.",
            "assessment",
        ),
        (
            "Lantern Foods",
            "مرحبا أحمد، نود ترتيب مكالمة هاتفية قصيرة معك بخصوص طلب التوظيف لوظيفة محلل بيانات.",
            "recruiter_screen",
        ),
        (
            "Lantern Foods",
            "அன்புள்ள கார்த்திக், Lantern Foods தரவு பகுப்பாய்வாளர் பணிக்கான இறுதிச் சுற்று நேர்காணல் வெள்ளிக்கிழமை நடைபெறும்.",
            "onsite",
        ),
        (
            "Lantern Foods – عرض العمل",
            "عزيزي أحمد، يسعدنا أن نرفق لك خطاب العرض لوظيفة محلل بيانات في Lantern Foods.",
            "offer",
        ),
        (
            "Lantern Foods – تقرری",
            "محترم علی صاحب، Lantern Foods میں ڈیٹا اینالسٹ کی آسامی کے لیے آپ کا تقرری کا خط منسلک ہے۔",
            "offer",
        ),
        (
            "Lantern Foods – Offering Letter",
            "Halo Budi, selamat! Terlampir surat penawaran kerja untuk posisi Data Analyst di Lantern Foods.",
            "offer",
        ),
        (
            "Lantern Foods – भर्ती की स्थिति",
            "प्रिय राहुल जी, प्रबंधन ने डेटा एनालिस्ट पद की भर्ती प्रक्रिया रद्द कर दी है, इसलिए इस पद पर कोई "
            "निर्णय नहीं होगा।",
            "closed",
        ),
        (
            "Lantern Foods – Lamaran Anda",
            "Halo Budi, kami menghargai keputusan Anda untuk mengundurkan diri dari proses seleksi Data Analyst.",
            "withdrawn",
        ),
        (
            "Lantern Foods – مصاحبه",
            "خانم دکتر گرامی، از وقتی که برای گفتگو گذاشتید سپاسگزاریم. به همین دلیل امکان ادامه روند درخواست شما "
            "را نداریم.",
            "rejected",
        ),
        (
            "Lantern Foods – விண்ணப்பம்",
            "அன்புள்ள கார்த்திக், தரவு பகுப்பாய்வாளர் பணிக்கான உங்கள் விண்ணப்பம் பெறப்பட்டது. நன்றி, Lantern Foods.",
            "applied",
        ),
    ],
)
def test_other_steps_and_decisions_in_these_languages_are_read(subject: str, body: str, stage: str) -> None:
    job = JobFacts("ln", "Data Analyst", "Lantern Foods", "technical_interview" if stage == "offer" else None)
    assert_step(subject, body, stage, job)


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Lantern Foods – साक्षात्कार",
            "प्रिय राहुल जी, आपके साक्षात्कार का समय बदल दिया गया है। नई तारीख गुरुवार है।",
        ),
        (
            "تذكير: موعد مقابلتك غداً",
            "عزيزي أحمد، نذكرك بموعد مقابلتك لوظيفة محلل بيانات غداً الساعة العاشرة صباحاً في مكتب Lantern Foods.",
        ),
        (
            "Lantern Foods – الفحص الطبي",
            "عزيزي أحمد، استكمالاً لعرض العمل، يرجى إجراء الفحص الطبي في المركز المعتمد قبل يوم الخميس.",
        ),
        (
            "Lantern Foods – Medical Check Up",
            "Halo Budi, sebagai tindak lanjut surat penawaran, mohon lakukan medical check up di klinik mitra kami.",
        ),
    ],
)
def test_a_reschedule_or_a_check_after_an_offer_in_these_languages_changes_nothing(
    subject: str, body: str
) -> None:
    decision = routed(
        subject, body, job=JobFacts("ln", "Data Analyst", "Lantern Foods", "technical_interview")
    )
    assert decision.relevant
    assert decision.stage_target == "no_change"


@pytest.mark.parametrize(
    ("subject", "body", "sender"),
    [
        (
            "आपके लिए नई नौकरियाँ",
            "आपके लिए नई नौकरियाँ: Lantern Foods में डेटा एनालिस्ट — अभी आवेदन करें। इच्छुक उम्मीदवार आवेदन करें।",
            "Naukri Alerts <jobalerts@naukri.com>",
        ),
        (
            "Lowongan kerja terbaru untuk Anda",
            "Lowongan kerja terbaru untuk Anda: Data Analyst di Lantern Foods. Lamar sekarang dan jadilah pelamar "
            "pertama!",
            "JobStreet <noreply@jobstreet.co.id>",
        ),
        (
            "Data Analyst - Lantern Foods",
            "Lowongan untuk Anda: Data Analyst di Lantern Foods, Jakarta. Lowongan ini ditutup dalam 3 hari. "
            "Lamar sekarang.",
            "JobStreet <noreply@jobstreet.co.id>",
        ),
        (
            "নিয়োগ বিজ্ঞপ্তি ২০২৬",
            "নিয়োগ বিজ্ঞপ্তি ২০২৬: Lantern Foods-এ ডেটা অ্যানালিস্ট পদে আবেদন করুন। আবেদনের শেষ তারিখ ১৫ ডিসেম্বর।",
            "Bdjobs Alert <alert@bdjobs.com>",
        ),
        (
            "ندوة عبر الإنترنت",
            "ندوة عبر الإنترنت: كيف تستعد للمقابلة الشخصية وتحصل على عرض عمل في كبرى الشركات مثل Lantern Foods. "
            "سجّل الآن مجاناً.",
            "Career Academy <events@careerhub.example>",
        ),
        (
            "இணையவழி கருத்தரங்கு",
            "இணையவழி கருத்தரங்கு: நேர்காணலில் வெற்றி பெறுவது எப்படி? இன்றே பதிவு செய்யுங்கள்.",
            "Career Academy <events@careerhub.example>",
        ),
        (
            "बधाई हो! आपका चयन हो गया है",
            "बधाई हो! Lantern Foods में डेटा एंट्री पद के लिए आपका चयन हो गया है। ज्वाइनिंग लेटर और ऑफर लेटर पाने के "
            "लिए ₹2,500 रजिस्ट्रेशन शुल्क जमा करें।",
            "HR Team <hr.lanternfoods.jobs@gmail.com>",
        ),
        (
            "Selamat! Anda terpilih",
            "Selamat! Anda terpilih untuk pekerjaan paruh waktu di Lantern Foods dengan gaji Rp500.000 per hari. "
            "Silakan transfer biaya pendaftaran Rp150.000 untuk mendapatkan surat kontrak.",
            "Rekrutmen <rekrutmen.lantern@gmail.com>",
        ),
    ],
)
def test_alerts_webinars_and_fee_asking_offers_in_these_languages_are_not_read_as_a_step(
    subject: str, body: str, sender: str
) -> None:
    decision = routed(subject, body, sender)
    assert not decision.relevant
    assert decision.stage_target == "no_change"


def test_the_gmail_search_looks_for_words_of_these_languages_in_requests_google_reads_as_searches() -> None:
    searches = recruitment_searches(30)
    joined = " ".join(searches)
    # The Google client turns a request URL past 2,048 characters into a POST.
    assert all(len(quote_plus(search)) < 1_800 for search in searches)
    for word in ("साक्षात्कार", "நேர்காணல்", "සම්මුඛ", "সাক্ষাৎকার", "انٹرویو", "مقابلة", "pelamar"):
        assert f" {word} " in joined or f"{{{word} " in joined or f" {word}}}" in joined
