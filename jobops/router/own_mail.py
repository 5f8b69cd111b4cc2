"""Mail the candidate wrote: a reply in a thread about an application, which can withdraw or decline."""

from __future__ import annotations

import re
from typing import Final

from jobops.router.text import fold

# Folded text (lower case, no accents): the candidate withdraws, or declines an offer.
WITHDRAWAL: Final = re.compile(
    "|".join(
        (
            r"\bwithdraw(?:ing)? (?:my|from|myself)",
            r"\bwould like to withdraw",
            r"\bwish to withdraw",
            r"\bdecline (?:the|your|this) (?:offer|position|role|invitation)",
            r"\bdecided to decline",
            r"\bdecline\b[^.!?\n]{0,30}\boffer",
            r"\b(?:i'll|i will|i'd|going to) pass on (?:this|the|your)",
            r"\baccepted (?:a|an|another) (?:role|position|job|offer) elsewhere",
            r"\bgo(?:ing)? in (?:a )?(?:different|another) direction",
            r"\bsurecten cekil",
            r"\bw innym kierunku",
            r"\brezygn\w*",
            r"\bodmow\w*",
            r"\bnie przyjm\w*",
            r"\b(?:have |i've )?accepted (?:another|a different|an(?:other)?) (?:offer|position|role)",
            r"\bno longer (?:interested|available|pursuing|looking)",
            r"\bremove me from (?:the|your) process",
            r"\bbewerbung\b[^.!?\n]{0,40}\bzuruckziehen",
            r"\bzuruckziehen\b",
            r"\bangebot\b[^.!?\n]{0,40}\bablehnen",
            r"\bangebot\b[^.!?\n]{0,40}\babsagen\b",
            r"\bumik prijave\b|\bumikam\b|\bponudbe ne (?:sprejmem|bom sprejel\w*)\b",
            r"\bretragerea mea din concurs\w*|\bretragere din concurs\w*|\bma retrag din (?:concurs\w*|procesul)",
            r"\bsay no to (?:the|your|this) (?:[\w-]+ ){0,3}offer\b",
            r"\bangebot\b[^.!?\n]{0,40}\bnicht (?:anzunehmen|annehmen)",
            r"\bnot to accept (?:the|your|this) (?:offer|position|role)",
            r"\bretir(?:e|er) ma candidature",
            r"\b(?:viens d'accepter|ai accepte) un (?:autre )?poste",
            r"\btym razem podziekuj\w*",
            r"\byeni bir (?:isi|is teklifini|teklifi) kabul ettim",
            r"\bnot in a position to (?:move|take|pursue|consider)",
            r"\bacepte (?:una|otra) oferta",
            r"\bzuruckzuziehen\b",
            r"\bdecliner (?:votre|l)['\s]?offre",
            r"\b(?:dois|vais) (?:donc )?refuser (?:le|la|votre|l') ?(?:mandat|poste|offre|proposition)",
            r"\bcodsigayga (?:dib uga laabto|ka noqdo|ka noqonayaa)\b|\bma aqbali karo dalabka\b",
            r"\bm(?:wen)? (?:oblije|deside) refize\b|\bm(?:wen)? pa ka aksepte of\b|\bm(?:wen)? retire aplikasyon",
            r"\bretirar mi candidatura",
            r"\brechazar (?:la|su) oferta",
            r"\bdeclinar (?:la|su) oferta",
            r"\bdesistir\b",
            r"\bretirar a minha candidatura",
            r"\brecusar a proposta",
            r"\bdeclinar a proposta",
            r"\britirare la (?:mia )?candidatura",
            r"\brinunciare\b",
            r"\bsollicitatie\b[^.!?\n]{0,40}\bintrekken",
            r"\baanbod\b[^.!?\n]{0,40}\bafslaan",
            r"\bdra tillbaka min ansokan",
            r"\btacka nej",
            r"\bwycofac\b",
            r"\bwycofuje\b",
            r"\brezygnuje\b",
            r"\bodmowic\b",
            r"\bstahnout (?:svou|moji) prihlasku",
            r"\bprihlasku\b[^.!?\n]{0,80}\bstah(?:uji|la|l)\b",
            r"\britiro (?:\w+ )?la (?:mia )?candidatura",
            r"\bcomunico (?:\w+ )?la mia rinuncia\b|\bvou passar (?:essa|esta)\b|\bnao vou avancar (?:para|com)\b",
            r"\bnie jestem juz zainteresowan\w*",
            r"\bstep(?:ping)? (?:out|back|away) (?:of|from) the (?:process|recruitment|search)",
            r"\bvedan hakemukseni pois",
            r"\bme retirar do processo",
            r"\b(?:viens|venons)(?: \w+)? de prendre un (?:poste|emploi)",
            r"\bodmitnout\b",
            r"\bodhlasuj\w*",
            r"\bprijal\w* jinou nabidku",
            r"\bbasvurumu geri cek",
            r"\bteklifi reddet",
            r"\bkabul etmemeye karar verdim",
            r"\bqəbul etməmək qərarına gəldim",
            r"\batsisakau (?:\w+ ){0,3}pasiulymo\b|\bpriemiau kita (?:darbo )?pasiulyma",
            r"\bteklif\w*\b[^.!?\n]{0,40}\bkabul edemeyecegim",
            r"\btrekker\b[^.!?\n]{0,30}\bsoknad",
            r"\btakke[rt]? nei\b",
            r"\bno aceptar (?:la|su|vuestra) (?:propuesta|oferta)",
            r"\bnon accettare la (?:sua |vostra )?(?:proposta|offerta)",
            r"\bnao aceitar a (?:sua |vossa )?(?:proposta|oferta)",
            r"\bno acceptar la (?:vostra )?(?:proposta|oferta)",
            r"\bne pas accepter (?:votre|l)['\s]?(?:offre|proposition)",
            r"\btu choi (?:loi moi|de nghi)",
            r"\b(?:xin )?rut (?:lai )?ho so",
            r"\bmenarik diri",
            r"\bmenolak tawaran",
            r"\btatanggihan ko ang alok",
            r"\bhindi ko na itutuloy",
            r"\bziehe\b[^.!?\n]{0,80}\bzuruck\b",
            r"\btrek\w* (?:mijn|me) (?:kandidatuur|sollicitatie)\w* in\b",
            r"\bde ne pas donner suite",
            r"\b(?:have|need|must) to decline",
            r"\b(?:be )?declining (?:the|your|this)",
            r"\baccept(?:ed)? an? (?:offer|position|role) (?:from|at|with)\b",
            r"\bno voy a poder (?:aceptar|tomar)",
            r"\bretire? mi (?:aplicacion|solicitud|candidatura)",
            r"\btengo que (?:decir que no|declinar|rechazar)",
            r"^\s*(?:decline|declinar)\b",
            r"\bzuruckziehe\b",
            r"\b[td]ynnu fy nghais\b",
            r"\b(?:viens(?: \w+)? d'accepter|ai(?: \w+)? accepte|avoir accepte) (?:un|une) (?:autre )?(?:poste|offre|proposition|cdi|emploi)",
            r"\bne pourrai (?:donc |malheureusement )?pas donner suite",
            r"\brenunt la (?:post|postul|candidatura|oferta)\b|\bam acceptat (?:\w+ ){0,2}o (?:alta )?oferta",
            r"\bno (?:voy a|puedo) aceptar (?:la|su|tu|vuestra) (?:oferta|propuesta)",
            r"\bretir(?:e|er) (?:donc |alors |ainsi )?ma candidature",
            r"\b(?:i'll|i will|i'd|i) (?:have|need) to pass\b",
            r"\b(?:i'm|i am) (?:now )?off the market",
            r"\bnot looking (?:to move|for a (?:new )?(?:role|move))",
            r"\b(?:have |i've |just )accepted (?:a|an) (?:[\w-]+ ){0,3}(?:offer|position|role|post|job)\b",
            r"\bi (?:have|need|must) to withdraw\b",
            r"\bziehe\b[^.!?\n]{80,160}\bzuruck\b",
            r"\bdon't think i (?:should|will|can|want to) (?:take|move|go) (?:this|it) (?:any )?further",
            r"\bretiro mi (?:candidatura|solicitud|postulacion)|\bretirarme del proceso",
            r"\bdeclinare (?:la (?:sua |vostra )?|l')(?:offerta|proposta)",
            r"\bponuku\b[^.!?\n]{0,50}\bodmietnut|\b(?:ziadost|prihlasku)\b[^.!?\n]{0,80}\bstahujem",
            r"\bjelentkezesemet visszavonom",
            r"\bsollicitatie\b[^.!?\n]{0,60}\bin te trekken\b",
            r"\btrek\w* (?:ik )?me(?:zelf)? terug\b|\bme terug te trekken\b",
            r"\b(?:aanbod|voorstel)\b[^.!?\n]{0,30}\bniet (?:aan te nemen|aanneem|aan)\b",
            r"\b(?:ein )?(?:anderes|neues) (?:stellen)?angebot angenommen",
            r"\bziehe meine bewerbung\b[^!?\n]{0,120}\bzuruck\b",
            r"\bstelle\b[^.!?\n]{0,40}\bzugesagt\b|\bnehmen sie mich aus\b|\bschlagen sie mich\b[^.!?\n]{0,40}\bnicht vor\b",
            r"\baceit(?:ei|ando) (?:uma|outra) (?:proposta|oferta)",
            r"\bacepte un puesto|\b(?:he aceptado|acepte) otra (?:oferta|propuesta)",  # "una oferta": resignations
            r"\bprefiero no (?:continuar|seguir) (?:con|en) el proceso",
            r"\b(?:acabei de aceitar|aceitei) (?:uma|outra) (?:proposta|oferta|vaga)",
            r"\bprefiro nao (?:avancar|continuar|seguir)",
            r"\b(?:respectfully|politely|respetuosamente|respeitosamente) declin\w*|\bdeclino respetuosamente",
            r"^\s*withdraw\b",
            r"\bbesluit om nie verder\b",
            r"\bwithdraw me from\b|\b(?:please )?(?:don't|do not) put me forward|\bwould not like to be considered",
            r"\bnot (?:to )?be considered for\b|\bmust decline\b|\bdecided not to accept\b|\bdecline the [^.!?\n]{0,60}offer\b",
            r"\bdecided to accept (?:an|a|another) (?:offer|position|role|job|post) (?:in|at|with|elsewhere)\b",
            r"\baccepted an offer in\b",
            r"\bdebo declinar\b|\bretirar mi postulacion|\bno considerarme\b|\bdesistirme de\b|\bdecision de desistir",
            r"\bcomunicar a minha desistencia\b|\bja nao vou continuar no processo",
            r"\bdecidi aceitar (?:uma|outra) (?:proposta|oferta)|\bpreciso sair do processo|\bretirem (?:a )?minha candidatura",
            r"\bnao tenho mais disponibilidade",
            r"\bzrezygnowac z (?:dalszego )?udzialu|\bmusze zrezygnowac\b",
            r"\b(?:nieuwe baan|andere (?:functie|baan)) aanvaard|\bniet meer mee te doen",
            r"\bmeine unterlagen\b[^.!?\n]{0,40}\bnicht einreichen",
            r"\baday olmak istemiyorum|\bmemutuskan untuk tidak menerima",
            r"\bma retrag din (?:proces|recrutare|selectie)",
            r"\btrek\w* (?:ik |wij |we )?(?:mijn|me|onze) (?:kandidatuur|sollicitatie)\w* in\b",
            r"\bdra(?:r)? (?:\w+ ){0,2}tillbaka (?:den|min ansokan)\b|\bdra mig ur\b|\binte ga vidare med (?:min )?ansokan",
            r"\bbajarme del proceso|\bme bajo del proceso",
            r"\b(?:iwi-?|i-)withdraw\b|\bdili na (?:lang )?mopadayon",
            r"\bmenarik balik permohonan|\bsitaendelea na (?:nafasi|mchakato|maombi)|\bnajiondoa\b",
            r"\bvisszalep(?:ek|nek)\b|\bpalyazatomat visszavonom|\baz ajanlatot nem tudom elfogadni"
            r"|\bnem tudom elfogadni az ajanlat|\bnem (?:szeretnek|fogok) (?:az interjun |a meghallgatason )?reszt venni",
            r"\bnekandidatuosiu\b|\batsiimti savo kandidatur|\bpasiulymo priimti negaliu|\bnegaliu priimti (?:sio |jusu )?pasiulymo",
            r"\batsaukt savu (?:kandidaturu|pieteikumu)|\bnevaru pienemt (?:jusu |so )?piedavajumu",
            r"\bvotan (?:oma )?kandideerimise tagasi|\bloobun (?:teie )?pakkumisest|\bei saa (?:teie )?pakkumist vastu votta",
            r"\bterheq (?:kandidaturen|aplikimin) (?:time|tim)\b|\bterhiqem nga\b|\bheq dore nga (?:procesi|pozicioni|oferta)",
            r"\bnuk (?:mund|do te mund) ta pranoj oferten|\brefuzoj oferten|\bkam pranuar (?:nje )?(?:oferte|pune) ",
            r"\bpovlacim (?:svoju )?prijavu|\bumikam (?:svojo )?prijavo|\bodustajem od (?:prijave|natjecaja|procesa)"
            r"|\bne mogu prihvatiti (?:vasu )?ponudu|\bne morem sprejeti (?:vase )?ponudbe",
            r"\btrekke[r]? meg (?:fra|ut av) (?:prosessen|rekrutteringen)|\btrekke[r]? (?:min )?soknad(?:en)?(?: min)? tilbake",
            r"\btrækker mig (?:fra|ud af) (?:processen|rekrutteringen)|\btrække mig fra|\btakker nej til (?:tilbuddet|stillingen)",
            r"\bdrar mig ur (?:processen|rekryteringen)|\bkliver av (?:processen|rekryteringen)",
            r"\b(?:tackat ja till|takket ja til) (?:en )?(?:annan|annen|anden) (?:stilling|tjanst|jobb|job)",
            r"\bvedan hakemukseni|\bperun hakemukseni|\bvetaydyn (?:rekrytointi)?prosessista|\ben ota (?:tata )?tarjousta vastaan",
            r"\bodrzucam (?:\w+ )?(?:propozycj|ofert)\w*|\bkandidaturu\b[^.!?\n]{0,80}\bstahujem|\bstahujem (?:svoju )?kandidaturu",
            r"\bprija(?:t|la som) ponuku od ineho zamestnavatela|\bprij(?:mout|ala jsem) nabidku od jineho zamestnavatele",
            r"\bnem fogadom el\b[^.!?\n]{0,60}\bajanlat|\bhindi ko (?:po )?(?:matatanggap|tatanggapin) ang (?:offer|alok)",
        )
    )
    + "|"
    + "|".join(
        fold(cue)
        for cue in (
            "辞退",
            "ஏற்க இயலவில்லை",
            "지원을 철회",
            "철회하고자",
            "철회하겠습니다",
            "无法接受",
            "無法接受",
            "입사를 포기",
            "입사 포기",
            "임용을 포기",
            "임용 포기",
            "전형을 포기",
            "전형 포기",
            "정중히 사양",
            "撤回",
            "婉拒",
            "放弃",
            "放棄",
            "ขอถอน",
            "ปฏิเสธข้อเสนอ",
            "לעצור את התהליך",
            "αποσύρω την υποψηφιότητά μου",
            "לוותר על ההצעה",
            "ถอนตัวจากการสมัคร",
            "למשוך את המועמדות",
            "ถอนใบสมัคร",
            "不考虑了",
            "응시하지 않기로",
            "응시 포기",
            "지원하지 않기로",
            "প্রত্যাহার",
            "ራሴን ማግለ",
            "ማመልከቻዬን ብትሰርዙ",
            "መቀበል እንደማልችል",
            "ለዚህ መደብ አላመለክትም",
            "በፈተናው አልሳተፍም",
            "ਅਰਜ਼ੀ ਵਾਪਸ ਲੈ",
            "ਪੇਸ਼ਕਸ਼ ਸਵੀਕਾਰ ਨਹੀਂ ਕਰ",
            "ਨੌਕਰੀ ਲੈ ਲਈ ਹੈ",
        )
    )
    + "|"
    # Russian, Ukrainian and Arabic, folded as the mail is ("й" reads as "и").
    + "|".join(
        fold(pattern)
        for pattern in (
            r"(?:отозвать|отзываю|снять|снимаю) (?:свою |мою )?кандидатуру",
            r"(?:відкликати|відкликаю|зняти|знімаю|зніміть|прошу зняти) (?:свою |мою )?кандидатуру",
            r"отказаться от (?:вашего |дальнейшего )?(?:предложения|вакансии|должности|позиции|участия)",
            r"відмовитися від (?:вашої |подальшої )?(?:пропозиції|посади|вакансії|участі|співбесіди)|вийти з процесу",
            r"принял[аи]? (?:другое|иное) предложение|принял[аи]? предложение от друго",
            r"прийнял?а? іншу пропозицію|прийнял?а? (?:пропозицію|офер) від іншо|принял[аи]? оффер от друго",
            # Maltese
            r"ma nistax naċċetta (?:l-offerta|il-ħatra|il-pożizzjoni)|nirtira (?:l-applikazzjoni|mill-proċess)",
            # Bulgarian, Macedonian and Greek
            r"(?:да )?се оттегл\w* от (?:подбора|процеса|конкурса|процедурата)|оттеглям (?:си )?кандидатурата",
            r"приех (?:друго|друга) (?:предложение|оферта|позиция)|не мога да приема (?:предложението|офертата)",
            r"се откажувам од (?:понатамошно учество|постапката|понудата|кандидатурата)",
            r"(?:да )?ја одбијам понудата|ја одбивам понудата|прифатив (?:друга|поинаква) (?:понуда|позиција|работа)",
            r"αποσύρω (?:την|τη) (?:αίτησή|υποψηφιότητά) μου|αποσύρω την αίτηση",
            r"(?:αποδεχθώ|αποδεχτώ|αποδέχτηκα|δέχτηκα) (?:μια |μιαν )?άλλη (?:πρόταση|θέση)",
            r"δεν (?:μπορώ|θα μπορέσω) να (?:αποδεχθώ|αποδεχτώ|δεχτώ) (?:την|τη) (?:πρόταση|θέση)",
            r"退出[^。]{0,20}(?:招聘|流程|面试)",
            # Khmer and Lao
            r"សូមបដិសេធការផ្តល់|ដកពាក្យសុំការងារ|ຂໍປະຕິເສດການສະເໜີ|ຂໍຖອນໃບສະໝັກ",
            r"(?:就|先)不(?:继续|繼續)?往下走了|不(?:再)?(?:继续|繼續)(?:往下|后续|後續)(?:流程|面试|面試)?了",
            r"قبلت (?:مؤخرا |مؤخراً )?وظيفة|قبلت عرض(?:ا)? (?:عمل )?آخر|أعتذر عن (?:استكمال|قبول|الاستمرار)|سحب (?:طلبي|ترشيحي)|الانسحاب من",
        )
    )
)


# Folded text: the candidate sends an application ("I am writing to apply", "je vous adresse ma candidature").
APPLYING: Final = re.compile(
    "|".join(
        fold(pattern)
        for pattern in (
            r"\bplease accept my application\b|\bposer ma candidature\b",
            r"\bi am writing to apply\b|\b(?:i|and) (?:would like|wish|want) to apply\b|\bi['’]d like to apply\b|\bi am applying (?:for|to)\b",
            r"\bplease find (?:attached|enclosed) my (?:cv|resume|application)|\bi am submitting my application\b",
            r"\bplease find my (?:cv|resume) (?:attached|enclosed)\b|\b(?:and|i) attach my (?:cv|resume)\b|\bmy (?:cv|resume) is attached\b",
            r"\bvous trouverez (?:ci-joint |ci-jointe )?mon (?:cv|curriculum)|\bci-joint mon cv\b|\bmon cv en pièce jointe",
            r"応募させていただ|応募いたします|応募したく|応募を希望いたし",
            r"أتقدم (?:إليكم )?بطلبي|أتقدم (?:إليكم )?بطلب (?:توظيف|لشغل)|أرفق (?:لكم )?سيرتي الذاتية|مرفق(?:ة)? سيرتي الذاتية",
            r"\bhiermit bewerbe ich mich\b|\bbewerbe mich (?:hiermit\b|(?:hiermit )?(?:um|als|auf)\b)|\banbei (?:sende ich ihnen )?meine bewerbung",
            r"\bje vous adresse ma candidature|\bje souhaite postuler\b|\bje me permets de (?:vous )?(?:proposer|soumettre|adresser|envoyer) ma candidature",
            r"\bpara postularme\b|\bme postulo (?:a|al|para)\b|\bingin memohon jawatan\b|விண்ணப்பிக்கிறேன்",
            r"\ble(?:s)? envío mi (?:cv|currículum|candidatura)|\b(?:me gustaría|deseo) postular\b|\badjunto mi (?:cv|currículum)",
            r"\bvenho por este meio (?:submeter|apresentar) a minha candidatura\b|\bsubmeter a minha candidatura\b",
            r"\bgostaria de me candidatar\b|\bvenho candidatar-me\b|\binvio (?:la mia candidatura|il mio cv)\b|\bdesidero candidarmi\b",
            r"\bhierbij solliciteer ik\b|\bsolliciteer (?:ik )?graag naar\b|\bprzesyłam (?:moje|swoje) cv\b|\baplikuję na stanowisko\b",
            r"\bprzesyłam (?:swoją|moją) aplikację\b|\bsa prihlasujem na (?:pracovné miesto|pozíciu|miesto)\b|\bsa uchádzam o\b",
            r"\bv prílohe (?:posielam|zasielam) (?:prihlášku|životopis|žiadosť)|\bv příloze (?:zasílám|posílám) (?:svůj )?(?:životopis|přihlášku)",
            r"\bucházím se o\b|\bi would like to be considered for (?:the|this) (?:position|role|post|vacancy)\b",
            r"\bprijavljam se na\b|\bv prilogi (?:vam )?pošiljam\b|\bjelentkezem a\b|\bcsatolom (?:az )?önéletrajzomat|\bpodnosim prijavu\b|\bprijavljujem se na\b",
            r"\bbaşvurumu ilet(?:iyorum|mek istiyorum)|\bbaşvuruda bulunmak istiyorum|\bpo aplikoj për\b|\bdërgoj aplikimin tim\b",
            r"\bvă transmit\b[^.!?\n]{0,40}\bdosarul\b|\bdosarul de (?:înscriere|participare)\b|\bîmi depun candidatura\b|\bdoresc să aplic\b",
            r"υποβάλλω την (?:υποψηφιότητά|αίτησή) μου|σας αποστέλλω το βιογραφικό μου",
            r"кандидатствам за позицията|изпращам (?:ви )?(?:моята кандидатура|автобиографията си)",
            r"ви ја доставувам мојата (?:пријава|апликација)|аплицирам за позицијата",
            r"направляю (?:вам )?(?:сво[её] |мо[её] )?резюме|прошу рассмотреть мою кандидатуру",
            r"хотел[аи]? бы предложить свою кандидатуру|предлагаю свою кандидатуру",
            r"\b(?:xin )?(?:gửi|nộp) hồ sơ ứng tuyển\b",
            r"хочу податися|надсилаю (?:вам )?(?:сво[єє] |мо[єє] )?резюме|прошу розглянути мою кандидатуру",
            r"\bm(?:wen)? ta renmen aplike\b|\bm(?:wen)? ap aplike pou\b",
            r"\bmanolotra ny tenako ho kandid|\bmangataka asa\b",
            r"داواکاری کار\b|خۆم پێشکەش دەکەم بۆ پۆستی",
            # Lithuanian, Belarusian, Polish and Azerbaijani
            r"\bsiunčiu (?:savo )?(?:gyvenimo aprašymą|cv)\b|\bteikiu (?:savo )?(?:dokumentus|kandidatūrą|paraišką)\b",
            r"\bдалучаю (?:сваё |маё )?(?:cv|рэзюмэ)\b|\bзаяўка на вакансію\b",
            r"\bprzesyłam (?:moje |swoje )?(?:cv|życiorys)\b|\bmüraciət edirəm\b",
            r"ਅਰਜ਼ੀ ਦੇਣਾ ਚਾਹੁੰਦ|ਅਰਜ਼ੀ ਦੇ ਰਿਹਾ ਹਾਂ|ਅਰਜ਼ੀ ਭੇਜ ਰਿਹਾ ਹਾਂ",
            # Urdu, Dari and Pashto
            r"درخواست دینا چاہت[اےی]|درخواست دے رہ[اےی] ہوں|سی وی ارسال کر رہ[اےی] ہوں",
            r"درخواست (?:کار )?(?:خود )?را (?:ارسال|تقدیم) (?:می|می\u200c)",
            r"(?:زما )?(?:سوانح|cv) (?:\(cv\) )?ضمیمه دي|غوښتنلیک (?:درته )?(?:لېږم|استوم)",
        )
    )
)


def applies(newest: str) -> str | None:
    """The words with which the candidate's own mail sends an application, if it does."""
    return _words(APPLYING, newest)


# Thanking a recruiter "for thinking of me" answers an offer of another opening than the one applied for.
ANSWERS_APPROACH: Final = re.compile(
    r"for thinking of me|d'avoir pense a moi|por pensar en mi|por pensar em mim|an mich gedacht"
    r"|per aver pensato a me|dat (?:je|u) aan mij (?:dacht|heeft gedacht)|an mich denken"
    r"|ste si na mna spomenul|jste na me myslel|(?:pomyslal|pomyslala|pomysleli) o mnie|σκεφτηκατε|σκεφτήκατε"
    r"|tenkte pa meg|tankte pa mig|dusundugunuz icin"
)


def answers_approach(newest: str) -> str | None:
    """The words of a reply that answer a recruiter's offer of another opening, if any."""
    return _words(ANSWERS_APPROACH, newest)


def withdraws(newest: str) -> str | None:
    """The words with which the candidate's own mail withdraws or declines, if it does."""
    return _words(WITHDRAWAL, newest)


# Folded text: the candidate resigning from the job they hold now, which tells of an offer taken elsewhere.
RESIGNING: Final = re.compile(
    r"\b(?:notice of|letter of|formal) (?:my )?resignation\b|\bmy resignation (?:from|as)\b|\bresignation letter\b"
    r"|\bcarta de renuncia\b|\brenuncia voluntaria\b|\bmeine kundigung\b|\blettre de demission\b|\bma demission\b"
    r"|\ble mie dimissioni\b|\bmijn ontslag\b|\bcarta de demissao\b|\bmoje wypowiedzenie\b|\bmin uppsagning\b"
    r"|\bmin oppsigelse\b|\bmin opsigelse\b"
)


def resigns(text: str) -> str | None:
    """The words with which the candidate's own mail resigns from their current job, if it does."""
    return _words(RESIGNING, text)


def _words(pattern: re.Pattern[str], text: str) -> str | None:
    """The words of a text a pattern finds, if any."""
    found = pattern.search(text)
    return found.group().strip() if found else None
