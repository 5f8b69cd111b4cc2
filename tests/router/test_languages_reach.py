"""Steps and decisions told in languages with few cue words before: Vietnamese, Thai, Malay, Tagalog, and more
Japanese, Korean, Chinese and Romance-language wording. The mails are written for these tests."""

from __future__ import annotations

import pytest

from jobops.router import JobFacts, Router, RouterMemory
from jobops.router.step_cues_south_slavic import cyrillic
from jobops.stages import AUTO_LINKED
from tests.router.builders import mail, route, searched_words

LANTERN = JobFacts("ln", "Kế toán trưởng", "Lantern Foods", "applied")
SENDER = "Phòng Nhân sự Lantern <tuyendung@lanternfoods.example>"


def stage_of(body: str, subject: str, sender: str = SENDER, job: JobFacts = LANTERN) -> str:
    """The stage the router reads in one mail about the job."""
    decision = route([job], mail(body, subject, sender))
    assert decision.relevant
    return decision.stage_target


@pytest.mark.parametrize(
    ("subject", "body", "stage"),
    [
        (
            "Lantern Foods – Thư mời phỏng vấn",
            "Chào anh Minh, Lantern Foods trân trọng mời anh tham dự buổi phỏng vấn vào thứ Ba tới lúc 9 giờ.",
            "technical_interview",
        ),
        (
            "Lantern Foods – Kết quả hồ sơ",
            "Chào anh Minh, sau khi xem xét, hồ sơ của anh chưa phù hợp với vị trí Kế toán trưởng lần này.",
            "rejected",
        ),
        (
            "Lantern Foods – Bài kiểm tra trực tuyến",
            "Chào anh Minh, anh vui lòng hoàn thành bài kiểm tra trực tuyến cho vị trí Kế toán trưởng trong 3 ngày.",
            "assessment",
        ),
        (
            "Lantern Foods – เชิญสัมภาษณ์ ตำแหน่ง หัวหน้าฝ่ายบัญชี",
            "เรียน คุณมินห์ บริษัท Lantern Foods ขอเรียนเชิญสัมภาษณ์ในวันอังคารหน้า เวลา 10.00 น.",
            "technical_interview",
        ),
        (
            "Lantern Foods – ผลการคัดเลือก",
            "เรียน คุณมินห์ บริษัท Lantern Foods ขอแจ้งว่าท่านไม่ผ่านการคัดเลือกสำหรับตำแหน่งนี้",
            "rejected",
        ),
        (
            "Lantern Foods – Jemputan temuduga",
            "Tuan Minh, Lantern Foods ingin menjemput tuan ke sesi temuduga untuk jawatan Ketua Akauntan.",
            "technical_interview",
        ),
        (
            "Lantern Foods – Resulta ng aplikasyon",
            "Magandang araw, Minh. Sa kasamaang palad, hindi ka napili para sa posisyon na ito sa Lantern Foods.",
            "rejected",
        ),
        (
            "[Lantern Foods] 입사지원 결과 안내",
            "Minh 님, Lantern Foods 입사지원 결과를 안내드립니다. 아쉽지만 이번에는 합격하지 못하셨습니다.",
            "rejected",
        ),
        (
            "Lantern Foods｜面试安排",
            "明先生您好，Lantern Foods 诚挚邀请您参加面试，时间为下周二上午十点。",
            "technical_interview",
        ),
        (
            "Lantern Foods 技术面试 - 明",
            "明先生您好，技术面试定在下周三晚上七点，线上进行，面试官为数据平台负责人。",
            "technical_interview",
        ),
        (
            "日程邀请：Lantern Foods 三面 - 明",
            "王丽 邀请你参加日程\n时间：10月9日（周五）19:00 - 20:00\n地点：视频会议\n接受 · 暂定 · 拒绝",
            "technical_interview",
        ),
        (
            "Re: Lantern Foods 二面",
            "明先生，面试官认可您的基础，但团队更需要有冷链经验的人，这次我们先不往下推进了。",
            "rejected",
        ),
        (
            "Lantern Foods 招聘说明",
            "明先生您好，因年度预算调整，该岗位招聘工作暂停，后续如重新开放会再联系您。",
            "closed",
        ),
        (
            "Lantern Foods offer方案",
            "明先生，电话里聊的offer方案如下：月薪三万五，十四薪，入职时间可商量。",
            "offer",
        ),
        (
            "دعوت به مصاحبه – Lantern Foods",
            "محترم مینه، شما برای مصاحبه با کمیته استخدام Lantern Foods روز سه‌شنبه ساعت ده دعوت می‌گردید.",
            "technical_interview",
        ),
        (
            "امتحان تحریری – Lantern Foods",
            "محترم مینه، نام شما در لست کوتاه شامل است. امتحان تحریری روز شنبه به شکل آنلاین اخذ می‌گردد.",
            "assessment",
        ),
        (
            "نتیجه – Lantern Foods",
            "محترم مینه، از اشتراک شما سپاسگزاریم. کمیته بعد از ارزیابی کاندیدی را انتخاب کرد که تجربه بیشتر داشت.",
            "rejected",
        ),
        (
            "د مرکې بلنه – Lantern Foods",
            "محترم مینه، Lantern Foods تاسو د مرکې لپاره د سه شنبې په ورځ لس بجې بلي.",
            "technical_interview",
        ),
        (
            "Ihre Bewerbung – Lantern Foods",
            "Guten Tag, die Stelle haben wir inzwischen intern besetzt. Wir können Ihnen daher keine Zusage geben.",
            "rejected",
        ),
        (
            "លិខិតអញ្ជើញចូលរួមសម្ភាសន៍ – Lantern Foods",
            "ជម្រាបសួរ លោក មិញ សូមអញ្ជើញលោកចូលរួមសម្ភាសន៍ជាមួយគណៈកម្មការ នៅថ្ងៃអង្គារ ម៉ោង ៩ ព្រឹក។",
            "technical_interview",
        ),
        (
            "លិខិតផ្តល់ការងារ – Lantern Foods",
            "ជម្រាបសួរ លោក មិញ Lantern Foods មានសេចក្តីរីករាយផ្តល់ការងារជូនលោក ក្នុងតំណែងប្រធានគណនេយ្យ។",
            "offer",
        ),
        (
            "ເຊີນສຳພາດ – Lantern Foods",
            "ສະບາຍດີ ທ່ານ Minh, Lantern Foods ຂໍເຊີນທ່ານເຂົ້າຮ່ວມການສຳພາດ ໃນວັນອັງຄານ ເວລາ 9:00 ໂມງ.",
            "technical_interview",
        ),
        (
            "ข้อเสนอการจ้างงาน – Lantern Foods",
            "เรียน คุณมินห์ Lantern Foods ยินดีเสนอตำแหน่งหัวหน้าฝ่ายบัญชี เงินเดือนตามเอกสารแนบค่ะ",
            "offer",
        ),
        (
            "Lantern Foods 選考結果のご連絡",
            "ミン様 Lantern Foodsの選考にご応募いただきありがとうございました。今後のご活躍をお祈り申し上げます。",
            "rejected",
        ),
        (
            "Lantern Foods – Tu postulación",
            "Hola Minh: tras revisar los perfiles, hemos decidido continuar con otros candidatos para este puesto.",
            "rejected",
        ),
        (
            "Lantern Foods – Testes online",
            "Olá Minh, a próxima etapa do processo seletivo são testes online de raciocínio e de perfil.",
            "assessment",
        ),
        (
            "Lantern Foods – Kế toán trưởng",
            "היי מין, ראיתי את קורות החיים שלך ואשמח לשיחת היכרות טלפונית של 20 דקות עם Lantern Foods.",
            "recruiter_screen",
        ),
        (
            "Lantern Foods – Kế toán trưởng",
            "Hei Minh, takk for søknaden din! Vi ser gjennom alle søknader etter fristen og tar kontakt.",
            "applied",
        ),
        (
            "Invitasjon: Uformell prat med avdelingslederen",
            "Hei Minh, avdelingslederen i Lantern Foods vil gjerne ta en uformell prat med deg på Teams.",
            "hiring_manager_screen",
        ),
        (
            "Lantern Foods – Siste runde",
            "Hei Minh, vi vil gjerne invitere deg til siste runde hos oss i Bergen neste tirsdag.",
            "onsite",
        ),
        (
            "Lantern Foods – Tilbud om stilling",
            "Hei Minh, vi har gleden av å tilby deg stillingen som regnskapssjef fra 1. august.",
            "offer",
        ),
        (
            "Lantern Foods – Kế toán trưởng",
            "Oi Minh, sou o gerente da área. Antes do processo formal, queria bater um papo informal contigo.",
            "hiring_manager_screen",
        ),
        (
            "Lantern Foods – Kế toán trưởng",
            "Minh, a última e única etapa que falta é passar um dia conosco no escritório de Macaé.",
            "onsite",
        ),
        (
            "[Lantern Foods] 서류전형 합격 및 면접시험 안내",
            "서류전형에 합격하셨음을 알려드리며, 면접시험을 아래와 같이 실시합니다. 일시: 3월 24일 10:00",
            "technical_interview",
        ),
        (
            "[Lantern Foods] 최종 결과 안내",
            "김민 님, 최종 합격을 축하드립니다! 입사일과 처우 조건은 별도로 안내드리겠습니다.",
            "offer",
        ),
        ("Lantern Foods – ማመልከቻ", "ውድ ሚን፣ ለሒሳብ ሹም መደብ ያቀረቡት ማመልከቻ ደርሶናል።", "applied"),
        ("Lantern Foods – የጽሁፍ ፈተና", "ውድ ሚን፣ የጽሁፍ ፈተና ሰኞ ጠዋት 3:00 ይሰጣል፤ እባክዎ በሰዓቱ ይገኙ።", "assessment"),
        ("Lantern Foods – ጥሪ", "ውድ ሚን፣ ለቃለ መጠይቅ ተጋብዘዋል፦ ማክሰኞ ከጠዋቱ 4:00።", "technical_interview"),
        (
            "Lantern Foods – Mwaliko",
            "Habari Minh, tungependa kukualika kwenye mahojiano Jumanne asubuhi.",
            "technical_interview",
        ),
        (
            "Lantern Foods – Ikizamini",
            "Muraho Minh, mwatoranyijwe gukora ikizamini cyanditse ku wa Gatatu.",
            "assessment",
        ),
        (
            "Lantern Foods – Tahap berikutnya",
            "Halo Minh, tahap berikutnya adalah tugas tertulis singkat: kirim PRD dua halaman sebelum Kamis.",
            "assessment",
        ),
        (
            "Lantern Foods – good news",
            "Minh, the team would like to make you an offer! HR sends the letter tomorrow.",
            "offer",
        ),
        (
            "Lantern Foods – pályázat",
            "Tisztelt Minh! A könyvelő munkakörre benyújtott pályázatát átvettük.",
            "applied",
        ),
        (
            "Lantern Foods – teszt",
            "Kedves Minh! Következő lépésként kérjük, töltse ki az online tesztet péntekig.",
            "assessment",
        ),
        (
            "Lantern Foods – interjú",
            "Kedves Minh! Szeretnénk Önt egy személyes interjúra meghívni kedden 10-kor.",
            "technical_interview",
        ),
        (
            "Lantern Foods – ajánlat",
            "Kedves Minh! Örömmel jelezzük, hogy állásajánlatot szeretnénk tenni Önnek.",
            "offer",
        ),
        (
            "Lantern Foods – prijava",
            "Poštovani, potvrđujemo primitak Vaše prijave na natječaj za radno mjesto.",
            "applied",
        ),
        (
            "Lantern Foods – razgovor",
            "Poštovani, željeli bismo Vas pozvati na razgovor u utorak u 10 sati.",
            "technical_interview",
        ),
        (
            "Lantern Foods – vabilo",
            "Spoštovani, vabimo vas na razgovor v torek ob 10. uri.",
            "technical_interview",
        ),
        (
            "Lantern Foods – završni krug",
            "Poštovani, ušli ste u završni krug selekcije; pozivamo Vas u ured.",
            "onsite",
        ),
        (
            "Lantern Foods – repte tècnic",
            "Hola, Jordi! El següent pas és un repte tècnic curt que pots fer des de casa.",
            "assessment",
        ),
        (
            "RE: QA Lead – decisió",
            "Hola, Jordi: Lantern Foods ha pres la decisió i ha escollit l'altre finalista.",
            "rejected",
        ),
        (
            "2026-004: behin betiko emaitzak",
            "Deialdiak lanpostu bakarra zuenez, ez zaituzte hautatu. Eskerrik asko prozesuan parte hartzeagatik.",
            "rejected",
        ),
    ],
)
def test_a_step_or_decision_in_these_languages_is_read(subject: str, body: str, stage: str) -> None:
    assert stage_of(body, subject) == stage


def test_a_decision_in_another_language_outweighs_a_reschedule_the_mail_mentions() -> None:
    body = (
        "ミン様 先日は日程変更にもご対応いただきありがとうございました。"
        "慎重に選考を重ねました結果、誠に残念ながら今回はご期待に添えない結果となりました。"
    )
    decision = route([LANTERN], mail(body, "Lantern Foods 選考結果", SENDER))
    assert decision.stage_target == "rejected"
    assert decision.bucket != AUTO_LINKED


def test_steps_read_only_from_these_cue_words_wait_for_review() -> None:
    body = "Chào anh Minh, Lantern Foods trân trọng mời anh tham dự buổi phỏng vấn vào thứ Ba tới."
    decision = route([LANTERN], mail(body, "Lantern Foods – Thư mời phỏng vấn", SENDER))
    assert decision.bucket != AUTO_LINKED


@pytest.mark.parametrize(
    "body",
    [
        "Hola Carmen: después de pensarlo mucho, he decidido no aceptar la propuesta. Gracias por todo.",
        "Gentile Sara, dopo una lunga riflessione ho deciso di non accettare la proposta. Cordiali saluti.",
        "안녕하세요. 고민 끝에 이번 입사를 포기하기로 했습니다. 감사합니다.",
        "Chị Lan thân mến, em xin phép rút hồ sơ ứng tuyển vì đã nhận công việc khác.",
    ],
)
def test_the_candidates_own_decline_is_read_in_these_languages(body: str) -> None:
    job = JobFacts("ln", "Kế toán trưởng", "Lantern Foods", "offer")
    first = mail("Offer for Kế toán trưởng at Lantern Foods", "Lantern Foods offer", SENDER, thread="t1")
    reply = mail(body, "Re: Lantern Foods offer", "Minh <minh@example.net>", thread="t1", from_me=True)
    router = Router([job])
    router.route(first)
    decision = router.route(reply, RouterMemory(thread_jobs={"t1": "ln"}))
    assert decision.stage_target == "withdrawn"


@pytest.mark.parametrize(
    ("current", "body", "stage"),
    [
        (
            "applied",
            "Nos gustaría invitarte a una entrevista en el hotel el lunes a las 10:00.",
            "technical_interview",
        ),
        (
            "applied",
            "Nos gustaría invitarte a una entrevista por teléfono el lunes a las 10:00.",
            "recruiter_screen",
        ),
        (
            "recruiter_screen",
            "Vorremmo invitarla a un colloquio in sede lunedì alle 10.",
            "technical_interview",
        ),
    ],
)
def test_an_interview_that_names_no_step_is_read_as_the_next_one(current: str, body: str, stage: str) -> None:
    job = JobFacts("ln", "Jefe de Recepción", "Lantern Hotels", current)
    sender = "Lantern Hotels <seleccion@lanternhotels.example>"
    decision = route([job], mail(body, "Lantern Hotels – Jefe de Recepción", sender))
    assert decision.stage_target == stage
    assert decision.bucket != AUTO_LINKED


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (
            "Cara Ana, após analisar todas as candidaturas, a vaga foi preenchida por outra candidata "
            "com mais experiência em receção.",
            "rejected",
        ),
        (
            "Estimada Ana: tras valorar las candidaturas, hemos elegido a una persona cuyo perfil se ajusta "
            "más a lo que buscamos.",
            "rejected",
        ),
        (
            "Hola Ana: la dirección ha decidido no cubrir esta posición, así que cerramos el proceso sin "
            "haber tomado ninguna decisión sobre las candidaturas.",
            "closed",
        ),
        ("明女士您好，这个岗位我们已经招到合适的人了，谢谢您的耐心。", "rejected"),
        (
            "Sayın Ana Hanım, Resepsiyonist pozisyonuna yaptığınız başvuru olumlu değerlendirilememiştir. "
            "İlginiz için teşekkür ederiz.",
            "rejected",
        ),
        (
            "Ana Hanım merhaba, görüşmemiz çok keyifliydi; ancak ekibi tanıyan bir adayla ilerleme kararı aldık.",
            "rejected",
        ),
        (
            "Hi Ana, thank you for the care you put into the interviews. In the end we have chosen to move ahead "
            "with someone who has run a front office of this size before.",
            "rejected",
        ),
        (
            "Hola Ana: te cuento que la gerencia decidió avanzar con otra persona que ya conoce el hotel.",
            "rejected",
        ),
        ("Beste Ana, de klant heeft de plek intern ingevuld met een collega van de receptie.", "rejected"),
        ("Kære Ana, valget er faldet ud til fordel for en anden kandidat med mere erfaring.", "rejected"),
        ("Szanowna Pani, Pani kandydatura nie będzie brana pod uwagę w dalszym postępowaniu.", "rejected"),
        ("Bonjour Ana, l'hôtel a décidé de promouvoir en interne une collègue de l'équipe.", "rejected"),
        ("Kami memutuskan untuk meneruskan dengan calon yang lebih berpengalaman.", "rejected"),
        ("Lowongan Resepsionis sudah kami tutup karena posisi sudah terisi.", "rejected"),
        ("ውድ አና፣ ለእንግዳ ተቀባይ መደብ ላሳዩት ፍላጎት እናመሰግናለን። በዚህ ዙር አልተመረጡም።", "rejected"),
        ("Baada ya kutathmini wagombea wote, tumeamua kumchagua mgombea mwenye uzoefu zaidi.", "rejected"),
        ("Umwanya wahawe undi mukandida wagize amanota menshi.", "rejected"),
        ("Təəssüf ki, namizədliyinizlə bağlı müsbət qərar qəbul edə bilmədik.", "rejected"),
        ("Nakapili na mi og laing aplikante para sa posisyon.", "rejected"),
        ("खेदका साथ जानकारी गराउँछौं कि यस पटक तपाईं छनोट हुन सक्नुभएन।", "rejected"),
        ("아나 님, 아쉽게도 최종합격자 명단에 포함되지 않으셨습니다.", "rejected"),
        (
            "Hi Ana, we regret to inform you that the Receptionist vacancy has been cancelled following a budget "
            "review.",
            "closed",
        ),
        (
            "Lantern Hotels has closed this job and is no longer reviewing applications. The employer did not make "
            "a decision on your application.",
            "closed",
        ),
        ("Tuan Ana, pengambilan bagi jawatan ini telah dibekukan buat sementara waktu.", "closed"),
        ("Kedves Ana! A döntésnél végül egy másik kolléga mellett tették le a voksukat.", "rejected"),
        ("Tisztelt Ana! Sajnálattal értesítjük, hogy nem Önt választottuk.", "rejected"),
        ("Kedves Ana! A pozíciót időközben belső munkatárssal töltöttük be.", "rejected"),
        ("Spoštovana Ana, izbirni postopek smo nadaljevali s kandidatko z več izkušnjami.", "rejected"),
        ("Poštovana Ana, odlučili smo se za drugog kandidata.", "rejected"),
        ("Tisztelt Ana! A pályázati eljárást a munkáltató eredménytelennek nyilvánította.", "closed"),
        ("Poštovana Ana, natječaj je poništen zbog reorganizacije.", "closed"),
        (
            "陳小姐您好：感謝您應徵本職缺。主管評估後決定優先安排具備門市管理經驗的人選進入面談。",
            "rejected",
        ),
        ("陳小姐您好：董事會決議在新資金到位前暫停所有新職缺的招募，原訂面談只能先取消。", "closed"),
        ("Spoštovana ga. Novak, za zasedbo delovnega mesta je bil izbran drug kandidat.", "rejected"),
        ("Pozdravljeni, postopek zaposlovanja smo do nadaljnjega zamrznili zaradi reorganizacije.", "closed"),
        ("Ana, vabimo vas na zaključni pogovor in praktični del v petek ob desetih.", "onsite"),
        ("Le poste de réceptionniste a été pourvu. Nous garderons votre CV.", "rejected"),
        ("Le poste 26-0412 vient d'être comblé par une candidature interne.", "rejected"),
        ("نعلمكم بأن الإدارة العامة قررت تعليق الانتداب لخطة موظف الاستقبال إلى أجل غير مسمى.", "closed"),
        (
            "Proba scrisă (test grilă) a concursului se desfășoară sâmbătă. Convocare proba scrisă.",
            "assessment",
        ),
        ("Având în vedere punctajul minim la interviu, nu ați promovat această etapă.", "rejected"),
        ("Hola Ana, te esperamos el jueves a las 10 para la prueba de cocina.", "onsite"),
        (
            "Hei Ana, takk for praten. Derfor har vi landet på en kandidat som snakker flytende norsk.",
            "rejected",
        ),
        ("نعتذر عن إلغاء المقابلة. فقد تمّ خلال الأسبوع الماضي شغل الشاغر بمرشّحة أخرى.", "rejected"),
        ("À la suite des orientations budgétaires, l'affichage NIM-26-0418 est annulé.", "closed"),
        ("Dzień dobry, decyzją zarządu zamrażamy tę rekrutację do końca kwartału.", "closed"),
        ("Hi Ana, we would love to have you in for a working interview, a paid day with the team.", "onsite"),
        ("Bonjour Ana, je vous propose un essai en cuisine mardi prochain de 8 h à 16 h.", "onsite"),
        ("नोटिस पीरियड को देखते हुए हमने यह पद एक स्थानीय उम्मीदवार को दे दिया है।", "rejected"),
        ("இறுதிக் கட்டமாக, மருத்துவ இயக்குநருடன் Zoom மூலம் ஒரு கலந்துரையாடல் ஏற்பாடு செய்துள்ளோம்.", "onsite"),
        (
            "Saya ingin menjemput cik ke temu duga secara dalam talian untuk jawatan ini.",
            "technical_interview",
        ),
        (
            "Olá Ana, sem esse contrato a administração decidiu suspender o recrutamento até ao outono.",
            "closed",
        ),
        (
            "Hoi Ana, de uitslag is binnen. Helaas kunnen we daarom niet verder met je sollicitatie.",
            "rejected",
        ),
        ("Hola Ana, la plaza de Recepcionista se cubrió en marzo con una compañera de Popayán.", "rejected"),
        (
            "Fica convocada para a realização da Prova de Conhecimentos do procedimento concursal.",
            "assessment",
        ),
        (
            "Beste Ana, je bent uitgenodigd voor de online taaltoets Nederlands. Je hebt vijf dagen.",
            "assessment",
        ),
        ("Se le cita al examen de conocimientos el sábado a las 9:00 en el auditorio.", "assessment"),
    ],
)
def test_a_rejection_a_closed_vacancy_or_a_later_step_told_in_these_words_is_read(
    body: str, stage: str
) -> None:
    job = JobFacts("ln", "Recepcionista", "Lantern Hotels", "technical_interview")
    sender = "Lantern Hotels <seleccion@lanternhotels.example>"
    assert route([job], mail(body, "Lantern Hotels – Recepcionista", sender)).stage_target == stage


def test_an_offer_to_join_told_in_catalan_is_suggested_as_an_offer() -> None:
    job = JobFacts("ln", "Recepcionista", "Lantern Hotels", "onsite")
    body = "Hola Ana, estem molt contents de fer-te arribar la proposta d'incorporació com a recepcionista."
    decision = route([job], mail(body, "La teva proposta", "Lantern Hotels <persones@lanternhotels.example>"))
    assert decision.stage_target == "offer"
    assert decision.bucket != AUTO_LINKED


def test_a_step_that_leads_a_mail_is_suggested_over_a_questionnaire_it_mentions_later() -> None:
    body = "明先生您好，请于三日内完成在线测评，其中包括一份性格问卷，约需二十分钟。"
    decision = route([LANTERN], mail(body, "Lantern Foods 在线测评邀请", SENDER))
    assert decision.stage_target == "assessment"
    assert decision.bucket != AUTO_LINKED


@pytest.mark.parametrize(
    ("subject", "body", "stage"),
    [
        (
            "Boréal Énergie – prochaine étape",
            "Bonjour Sophie, votre candidature a retenu notre attention et nous aimerions vous convier à une "
            "entrevue de 60 minutes avec la directrice des ventes.",
            "technical_interview",
        ),
        (
            "Boréal Énergie – premier contact",
            "Bonjour Sophie, seriez-vous disponible jeudi pour une entrevue téléphonique de 20 minutes?",
            "recruiter_screen",
        ),
        (
            "Boréal Énergie – entrevue finale",
            "Bonjour Sophie, bonne nouvelle : le comité vous invite à l'entrevue finale au siège de Québec.",
            "onsite",
        ),
    ],
)
def test_quebec_french_entrevues_name_their_step(subject: str, body: str, stage: str) -> None:
    job = JobFacts("boreal", "Directrice marketing", "Boréal Énergie", "applied")
    sender = "Boréal Énergie <talents@borealenergie.example>"
    assert stage_of(body, subject, sender, job) == stage


@pytest.mark.parametrize(
    ("subject", "body", "stage"),
    [
        (
            "Lantern Foods – telefonický pohovor",
            "Dobrý den, rádi bychom Vás pozvali na krátký telefonický pohovor ve čtvrtek v 9:00.",
            "recruiter_screen",
        ),
        (
            "Lantern Foods – นัดสัมภาษณ์",
            "เรียนคุณมินห์ ฝ่ายบุคคลขอนัดสัมภาษณ์ทางโทรศัพท์ในวันพุธ เวลา 14.00 น.",
            "recruiter_screen",
        ),
        # A call thanked for and a phone number in the signature do not make an in-person interview a call.
        (
            "Lantern Foods – pozvánka na osobní pohovor",
            "Dobrý den, děkuji za včerejší telefonát. Zveme Vás na osobní pohovor s vedoucím skladu v úterý.\n\n"
            "S pozdravem\nJana\ntel.: +420 600 100 200",
            "technical_interview",
        ),
    ],
)
def test_an_interview_held_by_phone_is_a_screening_call(subject: str, body: str, stage: str) -> None:
    assert stage_of(body, subject) == stage


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (
            "Nos gustaría invitarte a una entrevista con Recursos Humanos el lunes a las 10:00.",
            "recruiter_screen",
        ),
        (
            "Gostaríamos de marcar uma entrevista com o time de Talent & Culture na quarta-feira.",
            "recruiter_screen",
        ),
        ("Nous vous proposons un entretien RH de 30 minutes jeudi matin.", "recruiter_screen"),
        ("We'd like to set up an HR interview with you on Friday afternoon.", "recruiter_screen"),
        ("Te invitamos a una entrevista con los socios del despacho el martes 14.", "onsite"),
        ("The last step is a partner interview at our Sydney office next week.", "onsite"),
        ("Le informamos que está citado a una evaluación psicolaboral el día jueves.", "assessment"),
    ],
)
def test_a_talk_with_the_people_team_or_the_partners_names_its_step(body: str, stage: str) -> None:
    job = JobFacts("lex", "Abogado Senior", "Lex Andina", "applied")
    assert (
        stage_of(body, "Lex Andina – próximo paso", "Lex Andina <seleccion@lexandina.example>", job) == stage
    )


@pytest.mark.parametrize(
    ("subject", "body", "stage"),
    [
        (
            "Re: тестове завдання",
            "Дякуємо за тестове завдання. На жаль, через зміни у фінансуванні ми призупиняємо набір на цю "
            "позицію до кінця року.",
            "closed",
        ),
        (
            "Вакансия бухгалтера",
            "Сообщаем, что вакансия временно заморожена по решению руководства.",
            "closed",
        ),
        ("Запрошення", "Запрошуємо вас на фінальну розмову з директоркою в четвер о 10:00.", "onsite"),
        ("Приглашение", "Приглашаем вас на заключительное собеседование в нашем офисе в среду.", "onsite"),
        (
            "An update on the Kế toán trưởng role",
            "Thank you for your patience. We have made the decision to pause recruitment for this position "
            "following a change in our plans.",
            "closed",
        ),
    ],
)
def test_a_vacancy_paused_or_a_final_talk_in_ukrainian_russian_or_english_is_read(
    subject: str, body: str, stage: str
) -> None:
    assert stage_of(body, subject) == stage


def test_an_interview_named_only_in_ukrainian_or_russian_is_suggested_from_the_word() -> None:
    decision = route(
        [LANTERN], mail("Співбесіда: Lantern Foods, четвер 10:00, Google Meet", "Співбесіда", SENDER)
    )
    assert decision.stage_target == "technical_interview"
    assert decision.bucket != AUTO_LINKED


def test_a_receipt_for_a_finished_assessment_changes_nothing() -> None:
    body = (
        "Hi Minh, your assessment is complete. Thank you for your time; we will be in touch about next steps."
    )
    assert stage_of(body, "Assessment complete – thank you") == "no_change"


def test_another_candidate_engaged_told_in_traditional_chinese_is_a_rejection() -> None:
    body = "衷心感謝閣下應徵本公司職位並出席面試。經審慎考慮後，本公司已另聘合適人選。"
    assert stage_of(body, "感謝函") == "rejected"


def test_passing_the_paper_screen_with_a_test_to_take_is_no_offer() -> None:
    body = "서류전형에 합격하셨음을 알려드리며, 다음 전형인 온라인 역량검사 일정을 안내드립니다. 다시 한번 서류전형 합격을 축하드립니다."
    assert stage_of(body, "[Lantern Foods] 서류전형 합격 및 역량검사 안내") != "offer"


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Ваш отклик отправлен",
            "Мария, ваш отклик отправлен. Вакансия: Главный бухгалтер, компания Lantern Foods.",
        ),
        ("Hakemuksesi on lähetetty", "Hei! Hakemuksesi on lähetetty työnantajalle Lantern Foods."),
        ("Aplicare trimisă", "Salut! Aplicarea ta a fost trimisă cu succes către Lantern Foods."),
        ("Επιβεβαίωση αίτησης – Lantern Foods", "Η αίτησή σας για τη θέση στάλθηκε στην Lantern Foods."),
        ("Nabór 2/2026", "Lantern Foods potwierdza przyjęcie dokumentów aplikacyjnych w naborze nr 2/2026."),
        ("申請確認", "感謝 閣下應徵本公司職位，Lantern Foods 已收到 閣下之申請資料。"),
        ("طلب التوظيف", "نشكركم على اهتمامكم بالعمل مع Lantern Foods، ونؤكد لكم استلام طلبكم للوظيفة."),
        ("Lantern Foods", "תודה שהגשת מועמדות למשרה ב-Lantern Foods! קורות החיים שלך נמצאים בבדיקה."),
    ],
)
def test_an_acknowledgement_in_more_languages_reads_as_applied(subject: str, body: str) -> None:
    job = JobFacts("ln", "Kế toán trưởng", "Lantern Foods", None)
    assert stage_of(body, subject, "Lantern Foods <jobs@lanternfoods.example>", job) == "applied"


@pytest.mark.parametrize(
    ("subject", "body", "stage"),
    [
        (
            "[Lantern Foods] 서류전형 합격 및 면접시험 안내",
            "서류전형에 합격하셨음을 알려드리며, 면접 일정을 아래와 같이 안내드립니다.\n○ 일시 : 3. 24.(화) 10:00\n"
            "※ 최종합격자 발표 : 4. 2.(목) 예정",
            "technical_interview",
        ),
        (
            "【Lantern Foods 採用選考】受験票の発行について",
            "第1次選考（筆記）の受験票を発行しましたので、マイページから印刷してください。",
            "assessment",
        ),
        (
            "[Lantern Foods] 서류전형 합격 및 필기시험 안내",
            "서류전형에 합격하셨습니다. 필기시험은 4월 2일 10시에 실시합니다.",
            "assessment",
        ),
        (
            "[Lantern Foods] 대면면접 안내",
            "다음 단계는 대면면접입니다. 일시: 4월 8일 14:00, 본사 9층. 최종 합격 시 비자 진행은 회사에서 지원합니다.",
            "technical_interview",
        ),
    ],
)
def test_a_notice_of_the_next_exam_is_that_step_and_the_successful_candidates_list_is_no_offer(
    subject: str, body: str, stage: str
) -> None:
    job = JobFacts("ln", "Kế toán trưởng", "Lantern Foods", "applied")
    assert stage_of(body, subject, "Lantern Foods <jobs@lanternfoods.example>", job) == stage


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Başvurunuz hakkında - Kế toán trưởng",
            "Lantern Foods firmasının ilanına yaptığınız başvuru değerlendirilmiştir. Bu nedenle başvurunuz olumsuz "
            "sonuçlanmıştır.",
        ),
        (
            "Kế toán trưởng başvurunuz",
            "Değerlendirme sonuçlarını inceledikten sonra, fabrikamızı yakından tanıyan bir adayla ilerlemeye karar "
            "verdik. Lantern Foods",
        ),
        (
            "Thư cảm ơn - Vị trí Kế toán trưởng",
            "Cảm ơn chị đã ứng tuyển tại Lantern Foods. Chúng tôi xin thông báo vị trí này đã tuyển được ứng viên "
            "phù hợp.",
        ),
        (
            "আবেদনের ফলাফল - Lantern Foods",
            "সাক্ষাৎকারে অংশগ্রহণের জন্য ধন্যবাদ। এই মুহূর্তে আমরা আপনার আবেদন নিয়ে আর অগ্রসর হচ্ছি না।",
        ),
    ],
)
def test_a_rejection_in_turkish_vietnamese_or_bengali_is_suggested_as_one(subject: str, body: str) -> None:
    job = JobFacts("ln", "Kế toán trưởng", "Lantern Foods", "technical_interview")
    assert stage_of(body, subject, "Lantern Foods <jobs@lanternfoods.example>", job) == "rejected"


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Ваша заявка - Lantern Foods",
            "Спасибо за интервью. Мы решили продолжить с другим кандидатом, у которого больше опыта в отрасли.",
        ),
        (
            "Rezultat - Lantern Foods",
            "Vă mulțumim pentru interviu. Am decis să continuăm cu un alt candidat pentru acest post.",
        ),
        (
            "Decyzja - Lantern Foods",
            "Dziękuję za rozmowę. Zdecydowałam się zatrudnić osobę z doświadczeniem w księgowości produkcyjnej.",
        ),
        ("Lantern Foods 回覆", "感謝您的應徵。經評估，此次暫無法安排面談，履歷將保留於人才庫。"),
        (
            "Lantern Foods 지원 결과",
            "면접에 참여해 주셔서 감사합니다. 이번에는 함께 진행하기 어렵게 되었습니다.",
        ),
    ],
)
def test_another_candidate_chosen_in_russian_romanian_polish_chinese_or_korean_is_a_rejection(
    subject: str, body: str
) -> None:
    job = JobFacts("ln", "Chief Accountant", "Lantern Foods", "technical_interview")
    assert stage_of(body, subject, "Lantern Foods <jobs@lanternfoods.example>", job) == "rejected"


@pytest.mark.parametrize(
    ("job", "subject", "body", "sender"),
    [
        (
            JobFacts("jh", "Product Manager", "Jinhe Tech", "technical_interview"),
            "回复：【面试邀请】金禾科技 - 产品经理",
            "你好，不好意思，陈总临时出差，面试需要改到 10 月 2 日上午 10:00，会议号不变。",
            "HR <hr@jinhetech.com>",
        ),
        (
            JobFacts("tn", "Medical Laboratory Technologist", "Tena Diagnostics", "technical_interview"),
            "ማስታወሻ - ነገ ቃለ መጠይቅ",
            "ውድ መሮን፣ ነገ ሰኞ ከጠዋቱ 3:00 ለሚካሄደው የቃለ መጠይቅ ቦርድ ማስታወሻ ነው።",
            "Tena Diagnostics <hr@tenadiagnostics.et>",
        ),
    ],
)
def test_a_moved_interview_in_chinese_or_a_reminder_in_amharic_changes_nothing(
    job: JobFacts, subject: str, body: str, sender: str
) -> None:
    decision = route([job], mail(body, subject, sender))
    assert decision.relevant
    assert decision.stage_target == "no_change"


@pytest.mark.parametrize(
    ("job", "subject", "body", "stage"),
    [
        (
            JobFacts("pf", "Logistics Planner", "Pannon Fresh", "recruiter_screen"),
            "Logistics Planner – next step",
            "Kedves Réka! Ahogy a januári telefonos beszélgetésünkkor ígértem, jelentkezem: szeretnénk meghívni egy "
            "szakmai interjúra a budapesti irodánkba.",
            "technical_interview",
        ),
        (
            JobFacts("dm", "Logisztikai koordinátor", "Danubia Motor", "onsite"),
            "Állásajánlat",
            "Kedves Réka! Mellékelten küldöm a Danubia Motor írásos állásajánlatát. Az elfogadást követően küldjük "
            "az üzemorvosi vizsgálat időpontját és a munkaszerződést.",
            "offer",
        ),
    ],
)
def test_a_hungarian_step_after_a_call_looked_back_on_or_before_the_medical_check_is_suggested(
    job: JobFacts, subject: str, body: str, stage: str
) -> None:
    decision = route([job], mail(body, subject, "HR <hr@employer.example>"))
    assert (decision.stage_target, decision.bucket) == (stage, "pending_user")


@pytest.mark.parametrize(
    ("subject", "body", "stage"),
    [
        (
            "Позив на разговор – Рачуновођа",
            "Поштовани, позивамо Вас на разговор за посао у четвртак у 10 часова у нашој управи у Крагујевцу.",
            "technical_interview",
        ),
        (
            "Ваша пријава – Рачуновођа",
            "Поштовани, нажалост, одлучили смо се за другог кандидата. Хвала Вам на уложеном труду.",
            "rejected",
        ),
        (
            "Обавештење о конкурсу",
            "Поштовани, обавештавамо Вас да је конкурс поништен пре избора кандидата.",
            "closed",
        ),
        (
            "Rezultat selekcije – Računovođa",
            "Poštovani, klijent se odlučio za drugog kandidata sa više iskustva u reviziji.",
            "rejected",
        ),
        (
            "Javni natječaj – obavijest",
            "Poštovani, obavještavamo Vas da se natječaj poništava jer je radno mjesto ukinuto.",
            "closed",
        ),
        (
            "Studija slučaja",
            "Poštovani, kao sljedeći korak molimo Vas da riješite studiju slučaja do petka.",
            "assessment",
        ),
        (
            "Könyvelő pozíció",
            "Kedves Anna! A bizottság egy másik pályázóval köt munkaszerződést. Köszönjük a részvételt.",
            "rejected",
        ),
        (
            "Könyvelő pozíció – tájékoztatás",
            "Kedves Anna! A könyvelő pozíció betöltését határozatlan időre felfüggesztettük, a döntés nem Önről szól.",
            "closed",
        ),
        (
            "Meghívó",
            "Tisztelt Pályázó! Meghívjuk szóbeli meghallgatásra a kiválasztási bizottság elé kedden 9 órára.",
            "technical_interview",
        ),
    ],
)
def test_serbian_in_either_script_croatian_and_hungarian_public_and_agency_wordings_name_their_step(
    subject: str, body: str, stage: str
) -> None:
    assert stage_of(body, subject) == stage


def test_a_serbian_reminder_of_a_test_deadline_logs_no_step() -> None:
    job = JobFacts("rk", "Računovođa", "Šumadija Osiguranje", "assessment")
    body = "Poštovani, podsećamo Vas da rok za online test ističe u nedelju u ponoć."
    decision = route(
        [job], mail(body, "Podsetnik: online test", "Šumadija Osiguranje <posao@sumadija.example>")
    )
    assert decision.stage_target == "no_change"


def test_serbian_cyrillic_is_written_letter_for_letter_from_latin() -> None:
    assert cyrillic("poziv na razgovor") == "позив на разговор"
    assert cyrillic("ljubazno njihov džep đak ćup") == "љубазно њихов џеп ђак ћуп"


def test_the_gmail_search_looks_for_serbian_words_in_both_scripts() -> None:
    assert {"konkurs", "конкурс", "пријаву", "разговор", "natječaj"} <= searched_words()


@pytest.mark.parametrize(
    ("subject", "body", "stage"),
    [
        (
            "Апликација – сметководител",
            "Почитувана, Ви благодариме за апликацијата за позицијата сметководител.",
            "applied",
        ),
        (
            "Покана",
            "Почитувана, Ве покануваме на интервју пред комисијата во вторник во 10 часот.",
            "technical_interview",
        ),
        (
            "Известување",
            "Почитувана, комисијата одлучи Вашата кандидатура да не биде избрана за понатамошна постапка.",
            "rejected",
        ),
        ("Кандидатура", "Здравейте, благодарим Ви за кандидатурата за позицията счетоводител.", "applied"),
        ("Обратна връзка", "Здравейте, решихме да продължим с други кандидати за тази позиция.", "rejected"),
        (
            "Покана",
            "Здравейте, каним Ви на събеседване в четвъртък от 14 часа в нашия офис.",
            "technical_interview",
        ),
        (
            "Конкурс",
            "Уважаема госпожо, конкурсът се прекратява поради промяна в щатното разписание.",
            "closed",
        ),
        (
            "Výsledok",
            "Dobrý deň, po zvážení sme sa rozhodli ponúknuť pozíciu kandidátovi s praxou.",
            "rejected",
        ),
        (
            "Pohovor",
            "Dobrý deň, pozývame Vás na pohovor v stredu o 9:00 v našej kancelárii.",
            "technical_interview",
        ),
    ],
)
def test_macedonian_bulgarian_and_slovak_wordings_name_their_step(
    subject: str, body: str, stage: str
) -> None:
    assert stage_of(body, subject) == stage


def test_an_employer_named_in_cyrillic_is_known_by_its_domain_in_latin_letters() -> None:
    job = JobFacts("bv", "Счетоводител", "Бистра Вода ООД", "applied")
    body = "Здравейте, благодарим Ви за кандидатурата. Ще се свържем с Вас до две седмици."
    decision = route([job], mail(body, "Вашата кандидатура", "Човешки ресурси <hr@bistravoda.example>"))
    assert decision.job_id == "bv"


@pytest.mark.parametrize(
    ("subject", "body", "stage"),
    [
        (
            "Aplikimi juaj",
            "Përshëndetje, faleminderit për aplikimin tuaj. E kemi marrë CV-në tuaj.",
            "applied",
        ),
        (
            "Ftesë për intervistë",
            "I nderuar, kemi kënaqësinë t'ju ftojmë në intervistën me komisionin të martën në orën 11.",
            "technical_interview",
        ),
        (
            "Përgjigje",
            "Përshëndetje, pas shqyrtimit kemi vendosur të mos vazhdojmë me kandidaturën tuaj.",
            "rejected",
        ),
        (
            "Njoftim",
            "I nderuar, Bordi vendosi të pezullojë procesin e rekrutimit deri në fund të vitit.",
            "closed",
        ),
        ("Faza e fundit", "Përshëndetje, ju ftojmë për një ditë prove në qendrën tonë të enjten.", "onsite"),
        (
            "Απόφαση",
            "Καλησπέρα, η εταιρεία αποφάσισε να καλύψει τη θέση εσωτερικά. Σας ευχαριστούμε θερμά.",
            "rejected",
        ),
        (
            "Πρόταση",
            "Αγαπητή κα Παπαδάκη, είμαστε χαρούμενοι να σας προτείνουμε τη θέση του λογιστή.",
            "offer",
        ),
        (
            "Rezultat",
            "Bună ziua, vă aducem la cunoștință că postul a fost ocupat de un alt candidat.",
            "rejected",
        ),
        (
            "Concurs",
            "Stimată doamnă, desfășurarea concursului se suspendă până la aprobarea noii structuri.",
            "closed",
        ),
        (
            "Решение",
            "Здравствуйте, клиент решил остановиться на кандидате с опытом в агросекторе.",
            "rejected",
        ),
        ("Позицията", "Здравейте, компанията замразява позицията до второ нареждане.", "closed"),
        ("Известување", "Почитуван, за работното место е избран друг кандидат.", "rejected"),
    ],
)
def test_albanian_greek_romanian_russian_bulgarian_and_macedonian_wordings_name_their_step(
    subject: str, body: str, stage: str
) -> None:
    assert stage_of(body, subject) == stage


@pytest.mark.parametrize(
    ("subject", "body", "stage"),
    [
        ("Sprendimas", "Sveiki, atrankos metu buvo išrinktas kitas kandidatas. Linkime sėkmės!", "rejected"),
        ("Kvietimas", "Sveiki, kviečiame Jus į finalinį etapą – susitikimą su direktoriumi.", "onsite"),
        ("Paraiška", "Sveiki, Jūsų paraiška sėkmingai gauta. Atrankos komanda ją peržiūrės.", "applied"),
        ("Vakance", "Labdien! Vadība nolēma uz laiku iesaldēt vakanci līdz gada beigām.", "closed"),
        ("Aicinājums", "Labdien! Aicinām Jūs uz atlases fināla kārtu mūsu birojā Rīgā.", "onsite"),
        ("Tulemus", "Tere! Otsustasime jätkata kandidaatidega, kelle kogemus on lähedasem.", "rejected"),
        (
            "Järgmine samm",
            "Tere! Järgmise sammuna palume Sul lahendada kodutöö kahe päeva jooksul.",
            "assessment",
        ),
    ],
)
def test_lithuanian_latvian_and_estonian_wordings_name_their_step(
    subject: str, body: str, stage: str
) -> None:
    assert stage_of(body, subject) == stage


def test_a_webinar_about_weighing_a_job_offer_is_no_offer() -> None:
    body = "Почитувани, Ве потсетуваме на вебинарот „Како да преговарате за плата при нова понуда за работа“."
    decision = route([LANTERN], mail(body, "Потсетник: вебинар", "Асоцијација <info@asocijacija.example>"))
    assert decision.stage_target != "offer"


def test_the_gmail_search_looks_for_albanian_words() -> None:
    assert {"aplikimi", "intervistë", "konkurs"} <= searched_words()


@pytest.mark.parametrize(
    ("subject", "body", "stage"),
    [
        ("Atualização", "Olá Rafael, a administração decidiu avançar com o outro finalista.", "rejected"),
        ("Novidades", "Olá Rafael, gostaríamos de lhe apresentar uma proposta para a função.", "offer"),
        ("Vaga", "Informamos que a vaga foi encerrada e deixou de estar disponível no portal.", "closed"),
        ("Rinuncia", "Gentile Sig.ra Ferrari, prendiamo atto della Sua rinuncia all'incarico.", "withdrawn"),
        (
            "Avviso",
            "Si comunica che è stata disposta la revoca dell'avviso pubblico per titoli e colloquio.",
            "closed",
        ),
        (
            "Selezione",
            "Come ultima tappa della selezione La invitiamo a una giornata di osservazione.",
            "onsite",
        ),
        (
            "Incarico",
            "A seguito dell'utilizzo della graduatoria, si propone il conferimento di un incarico.",
            "offer",
        ),
        ("Update", "Our leadership has decided to pause all new hiring in Spain for six months.", "closed"),
    ],
)
def test_portuguese_italian_and_english_wordings_name_their_step(subject: str, body: str, stage: str) -> None:
    assert stage_of(body, subject) == stage


def test_a_step_named_only_in_a_replys_subject_in_another_language_is_not_this_mails_news() -> None:
    body = "Ciao Giulia, il parcheggio è in via Marsili 3. Porta il certificato vaccinale. A presto!"
    decision = route([LANTERN], mail(body, "Re: Giornata in affiancamento – Lantern Foods", SENDER))
    assert decision.stage_target != "onsite"


def test_a_spanish_offer_that_lists_the_checks_to_come_is_suggested_as_an_offer() -> None:
    job = JobFacts("ln", "Recepcionista", "Lantern Hotels", "onsite")
    body = (
        "Estimada Ana: nos alegra comunicarle que ha sido seleccionada para el puesto de recepcionista. Condiciones "
        "de la oferta: salario mensual de RD$40,000 y seguro médico. Antes del inicio necesitaremos su certificado "
        "de antecedentes penales."
    )
    decision = route([job], mail(body, "¡Felicidades!", "Lantern Hotels <personas@lanternhotels.example>"))
    assert decision.stage_target == "offer"
    assert decision.bucket != AUTO_LINKED


def test_an_agency_that_says_the_candidate_is_now_submitted_to_its_client_reads_as_applied() -> None:
    job = JobFacts("ln", "Night Porter", "Lantern Hotels", "applied")
    body = "Thanks for the signed consent! You're officially submitted to Lantern Hotels as of today."
    assert (
        stage_of(body, "Re: Night Porter role", "Lantern Hotels <talent@lanternhotels.example>", job)
        == "applied"
    )


def test_a_job_boards_status_updated_to_not_selected_is_a_rejection() -> None:
    body = "Your application status for Night Porter at Lantern Hotels has been updated to: Not selected by employer."
    subject = "An update on your application to Lantern Hotels"
    assert stage_of(body, subject, "Indeed <no-reply@indeed.com>") == "rejected"


@pytest.mark.parametrize(
    "body",
    [
        "Bonjour, merci de votre intérêt. Le poste est comblé. Bonne chance dans vos recherches.",
        "Merci pour l'entrevue. Nous n'irons donc pas plus loin avec votre candidature pour ce poste.",
        "Gracias por responder. Necesitamos a alguien local, así que no vamos a seguir con su solicitud.",
    ],
)
def test_a_short_french_or_spanish_rejection_without_regret_words_is_read(body: str) -> None:
    job = JobFacts("ln", "Préposée aux soins", "Lantern Care", "technical_interview")
    assert stage_of(body, "Re: votre candidature", "Lantern Care <rh@lanterncare.example>", job) == "rejected"


@pytest.mark.parametrize(
    ("subject", "body", "stage"),
    [
        (
            "Lantern Foods – vaka çalışması",
            "Merhaba Minh, bir sonraki adım olarak senden kısa bir vaka çalışması istiyoruz; teslim Cuma günü.",
            "assessment",
        ),
        (
            "Lantern Foods – tasarım paneli",
            "Merhaba Minh, sıradaki adım tasarım paneli: ekip önünde çalışmanı anlatacaksın, Perşembe 14:00.",
            "technical_interview",
        ),
        (
            "Lantern Foods – zadanie testowe",
            "Dzień dobry, kolejnym krokiem jest zadanie testowe – proszę odesłać rozwiązanie do piątku.",
            "assessment",
        ),
        (
            "Lantern Foods – pozisyon hakkında",
            "Merhaba Minh, maalesef bütçe kararı nedeniyle pozisyonu şimdilik donduruyoruz.",
            "closed",
        ),
        (
            "Your application – Chief Accountant",
            "Thank you for applying. We have reviewed your application and will not be taking it further.",
            "rejected",
        ),
    ],
)
def test_a_test_task_panel_freeze_or_short_rejection_is_read(subject: str, body: str, stage: str) -> None:
    assert stage_of(body, subject) == stage


def test_an_azerbaijani_calendar_entry_named_interview_is_the_next_interview() -> None:
    body = "Müsahibə: Kế toán trưởng\nVaxt: cümə, 10:00–11:00\nYer: Baş ofis"
    assert stage_of(body, "Müsahibə: Kế toán trưởng – Lantern Foods") == "technical_interview"


def test_a_sinhala_phone_conversation_is_a_first_screen() -> None:
    body = "ආයුබෝවන්, මේ සතියේ කෙටි දුරකථන සාකච්ඡාවක් කරමු. ඔබට පහසු වේලාවක් දන්වන්න."
    assert stage_of(body, "Lantern Foods – Kế toán trưởng") == "recruiter_screen"


def test_a_receipt_of_a_candidacy_file_in_arabic_is_the_application() -> None:
    job = JobFacts("ln", "Recepcionista", "Lantern Hotels", "applied")
    body = "يسعدنا إعلامكم بأنه تم استلام ملف ترشحكم لخطة موظف الاستقبال عن طريق موقعنا."
    decision = route([job], mail(body, "تأكيد استلام ملف ترشح", "Lantern Hotels <rh@lanternhotels.example>"))
    assert decision.stage_target == "applied"


def test_a_work_style_questionnaire_from_an_assessment_vendor_is_the_assessment_not_a_survey() -> None:
    body = "明先生您好：進入下一階段的候選人需先完成一份線上工作風格問卷（SHL OPQ，約 25 分鐘）。"
    decision = route([LANTERN], mail(body, "Lantern Foods 履歷已轉交用人單位", SENDER))
    assert decision.stage_target == "assessment"
    assert decision.bucket != AUTO_LINKED


def test_a_reminder_named_with_its_step_in_one_word_is_a_reminder() -> None:
    body = "尊敬的明先生：您的在线测评尚未完成，截止时间为 3月31日 23:59，请及时完成。"
    decision = route([LANTERN], mail(body, "【Lantern Foods】测评提醒", SENDER))
    assert "leads with" not in decision.reason
