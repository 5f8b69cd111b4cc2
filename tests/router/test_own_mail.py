"""The candidate's own mail: a reply in a thread about a job, which can withdraw from it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jobops.router import JobFacts, RouterMemory
from jobops.router.own_mail import applies
from jobops.router.text import fold
from jobops.stages import AUTO_LINKED, IGNORED, PENDING_USER
from tests.router.builders import mail, route

NORTHWIND = JobFacts("nw", "Data Engineer", "Northwind", "technical_interview")
LINKED = RouterMemory(thread_jobs={"t-nw": "nw"})
WAITING = RouterMemory(review_threads={"t-nw": "nw"})


@pytest.mark.parametrize(
    "words",
    [
        "I have accepted another offer and would like to withdraw my application.",
        "Ich möchte meine Bewerbung leider zurückziehen.",
        "He decidido retirar mi candidatura.",
        "誠に勝手ながら、今回の選考を辞退させていただきたく存じます。",
        "Nach reiflicher Überlegung möchte ich das Angebot leider nicht annehmen.",
        "Mezitím jsem přijal jinou nabídku, proto se z řízení odhlašuji.",
        "With many thanks to the whole team, I have chosen not to accept the offer.",
        "제안해 주신 입사는 정중히 사양하겠습니다.",
        "За съжаление трябва да се оттегля от подбора – днес приех друго предложение.",
        "Μετά από πολλή σκέψη αποφάσισα να αποδεχθώ μια άλλη πρόταση.",
        "Ве известувам дека се откажувам од понатамошно учество во постапката.",
        "Kam pranuar një ofertë pune në Shkup, prandaj e tërheq kandidaturën time.",
        "Šio pasiūlymo priimti negaliu – neseniai priėmiau kitą darbo pasiūlymą.",
        "Esmu nolēmusi atsaukt savu kandidatūru uz šo amatu.",
        "Ich habe inzwischen eine Stelle in Salzburg zugesagt. Bitte nehmen Sie mich aus Ihrer Suche heraus.",
        "Ci ho pensato molto: ritiro quindi la mia candidatura.",
        "Con la presente comunico formalmente la mia rinuncia all'assunzione.",
    ],
)
def test_a_withdrawal_in_a_linked_thread_closes_the_job(words: str) -> None:
    decision = route([NORTHWIND], mail(words, "Re: Interview", thread="t-nw", from_me=True), LINKED)
    assert (decision.job_id, decision.stage_target, decision.bucket) == ("nw", "withdrawn", AUTO_LINKED)


def test_a_thank_you_reply_is_linked_without_moving_the_job() -> None:
    decision = route(
        [NORTHWIND], mail("Thank you for today!", "Re: Interview", thread="t-nw", from_me=True), LINKED
    )
    assert (decision.stage_target, decision.bucket) == ("no_change", AUTO_LINKED)


def test_a_long_reply_in_a_linked_thread_waits_for_the_user() -> None:
    words = (
        "Thank you so much for the offer letter and for how kindly you handled the whole process. After a lot "
        "of thought I have come to feel it is not the right move for me at this point in my career, and I "
        "really hope we can stay in touch."
    )
    decision = route([NORTHWIND], mail(words, "Re: Your offer", thread="t-nw", from_me=True), LINKED)
    assert (decision.job_id, decision.bucket) == ("nw", PENDING_USER)
    assert "long enough to answer an offer" in decision.reason


def test_a_reply_in_a_thread_waiting_for_review_waits_with_it() -> None:
    decision = route(
        [NORTHWIND], mail("Tuesday works, thanks!", "Re: Interview", thread="t-nw", from_me=True), WAITING
    )
    assert (decision.relevant, decision.job_id, decision.bucket) == (True, "nw", PENDING_USER)


def test_the_candidates_mail_outside_any_job_thread_is_ignored() -> None:
    decision = route([NORTHWIND], mail("Pizza on Friday?", "Friday", thread="t-other", from_me=True), LINKED)
    assert decision.bucket == IGNORED


def test_the_candidates_first_mail_about_an_application_waits_for_review_with_its_job() -> None:
    decision = route(
        [NORTHWIND],
        mail(
            "Dear Northwind team, I would like to withdraw my application for the Data Engineer role.",
            "Withdrawal – Data Engineer",
            from_me=True,
        ),
    )
    assert (decision.relevant, decision.job_id, decision.stage_target, decision.bucket) == (
        True,
        "nw",
        "withdrawn",
        PENDING_USER,
    )


def test_a_reply_quoting_an_employers_invitation_is_about_that_job() -> None:
    reply = mail(
        "Thursday at 2pm works well for me, see you then!\n\n"
        "On Mon, 2 Mar 2026 at 09:14, Ana Ruiz <ana@northwind.example> wrote:\n"
        "> Hi Sam, Northwind would like to invite you to a technical interview next week.",
        "Re: Northwind – next steps",
        "Sam Lee <sam@fastmail.example>",
        from_me=True,
    )
    decision = route([NORTHWIND], reply)
    assert (decision.relevant, decision.job_id, decision.bucket) == (True, "nw", PENDING_USER)


def test_a_short_reply_in_a_thread_whose_job_is_sure_is_linked_by_itself() -> None:
    memory = RouterMemory(review_threads={"t-nw": "nw"}, sure_threads=frozenset({"t-nw"}))
    reply = mail("Tuesday works, thanks!", "Re: Interview", thread="t-nw", from_me=True)
    decision = route([NORTHWIND], reply, memory)
    assert (decision.job_id, decision.stage_target, decision.bucket) == ("nw", "no_change", AUTO_LINKED)


def test_a_short_reply_in_a_thread_whose_job_is_only_suggested_still_waits() -> None:
    reply = mail("Tuesday works, thanks!", "Re: Interview", thread="t-nw", from_me=True)
    assert route([NORTHWIND], reply, WAITING).bucket == PENDING_USER


@pytest.mark.parametrize(
    "words",
    [
        "Je viens d'accepter un poste ailleurs, je ne suis donc plus disponible.",
        "Dziękuję za szczegóły, ale tym razem podziękuję.",
        "Geçen ay yeni bir işi kabul ettim, bu yüzden devam edemeyeceğim.",
        "Esta semana acepté otra oferta, así que prefiero no seguir.",
        "Ich möchte meine Bewerbung hiermit zurückzuziehen bitten.",
    ],
)
def test_more_withdrawals_in_a_linked_thread_close_the_job(words: str) -> None:
    decision = route([NORTHWIND], mail(words, "Re: Interview", thread="t-nw", from_me=True), LINKED)
    assert decision.stage_target == "withdrawn"


@pytest.mark.parametrize(
    "words",
    [
        "Ich habe inzwischen eine andere Stelle angenommen und ziehe meine Bewerbung deshalb zurück.",
        "Ik heb intussen een andere job aanvaard, dus ik trek mijn kandidatuur in.",
        "Après réflexion, j'ai décidé de ne pas donner suite à votre proposition.",
        "Entre-temps, j'ai accepté une autre offre.",
        "Thank you so much for the offer. I have to decline: we are moving to Montréal.",
        "I've decided to accept an offer from another company, so I'll be declining the offer.",
        "Lo pensé toda la noche y no voy a poder aceptar la asignación.",
        "DECLINE. Muchas gracias por la oportunidad.",
        "אחרי הרבה מחשבה, החלטתי לעצור את התהליך מולכם.",
        "Ysgrifennaf i dynnu fy nghais am y swydd yn ôl.",
        "Ha sido una decisión difícil, pero no voy a aceptar la oferta.",
        "J'ai accepté un poste à Toronto, et je retire donc ma candidature.",
        "I've just accepted a faculty position in Boston, so I'll have to pass on this one.",
        "Thanks for the update! I'm off the market now.",
        "经过慎重考虑，我已接受另一家律师事务所的职位，因此很遗憾无法接受贵行的录用。",
        "고민 끝에 다른 제안을 수락하기로 하여 채용 절차는 정중히 철회하고자 합니다.",
        "He aceptado una oferta de otra empresa, por lo que retiro mi candidatura al puesto.",
        "Dopo una riflessione molto attenta, devo purtroppo declinare l'offerta.",
        "Vašu ponuku preto musím s poľutovaním odmietnuť.",
        "Időközben elfogadtam egy állásajánlatot, ezért a jelentkezésemet visszavonom.",
        "Σας γράφω για να σας ενημερώσω ότι αποσύρω την υποψηφιότητά μου για τη θέση.",
        "I've given it a lot of thought and I don't think I should take this further.",
        "Ich ziehe daher meine Bewerbung im laufenden Berufungsverfahren für die W1-Professur (Tenure Track W2) "
        "zurück.",
        "Het spijt me, maar ik heb besloten mijn sollicitatie bij Northwind in te trekken.",
        "Ik heb inmiddels een functie aanvaard bij een verzekeraar, dus ik trek me terug.",
        "Toch heb ik besloten jullie aanbod niet aan te nemen.",
        "Přijala jsem pracovní nabídku v zahraničí, a proto svou přihlášku stahuji.",
        "Mezitím jsem přijala jinou nabídku, a proto bych ráda svou přihlášku na pozici architektky stáhla.",
        "Ho accettato un'offerta a Vienna e quindi ritiro la mia candidatura.",
        "Dziękuję za pamięć, ale moja sytuacja się zmieniła i nie jestem już zainteresowana tą współpracą.",
        "I've just started a full-time job at a clinic, so I'm going to step out of the process.",
        "En halua viedä teidän aikaa viimeiseen kierrokseen, joten vedän hakemukseni pois.",
        "Escrevo para informar que, infelizmente, vou me retirar do processo seletivo.",
        "จึงขออนุญาตถอนตัวจากการสมัครตำแหน่ง Data Engineer และไม่เข้าร่วมสัมภาษณ์ครับ",
        "Merci pour cette proposition. Je viens toutefois de prendre un poste à Genève.",
    ],
)
def test_withdrawals_told_with_separable_verbs_or_other_offers_close_the_job(words: str) -> None:
    decision = route([NORTHWIND], mail(words, "Re: Interview", thread="t-nw", from_me=True), LINKED)
    assert (decision.stage_target, decision.bucket) == ("withdrawn", AUTO_LINKED)


@pytest.mark.parametrize(
    "words",
    [
        "Gracias por pensar en mí. Ya no busco mudarme, así que prefiero no continuar con el proceso.",
        "La semana pasada acepté un puesto en Quito, así que no podré seguir.",
        "Obrigada pelo convite! Estou em fase final de outro processo, por isso prefiro não avançar agora.",
        "Acabei de aceitar uma proposta em Curitiba, mas vamos manter contato.",
        "After talking it over with my family, I must respectfully decline the offer.",
        "WITHDRAW",
        "Ek het besluit om nie verder met die aansoek te gaan nie.",
        "ขอบคุณครับ ผมขอถอนใบสมัครตำแหน่งนี้ครับ",
    ],
)
def test_withdrawals_in_spanish_portuguese_afrikaans_thai_and_one_word_replies_close_the_job(
    words: str,
) -> None:
    decision = route([NORTHWIND], mail(words, "Re: Interview", thread="t-nw", from_me=True), LINKED)
    assert decision.stage_target == "withdrawn"


@pytest.mark.parametrize(
    "words",
    [
        "Thanks, Priya. Please withdraw me from the shortlist; my plans have changed.",
        "I would not like to be considered for the contract role, thank you.",
        "My family is staying in Leeds, so I must decline the Northwind Data Engineer offer.",
        "Le pido no considerarme para la posición; sigo en mi puesto actual.",
        "Decidi aceitar uma proposta em Lisboa e peço que retirem minha candidatura.",
        "Niestety muszę zrezygnować z dalszego udziału w rekrutacji.",
        "Ik heb een andere functie aanvaard en doe daarom niet meer mee.",
        "Şu an taşınmayı düşünmediğim için aday olmak istemiyorum.",
        "Saya memutuskan untuk tidak menerima penawaran ini.",
        "因个人原因，我决定退出本次招聘流程。",
        "想了两天，通勤太远，这边我就不继续往下走了，谢谢您一直以来的帮助。",
        "អរគុណច្រើន។ ខ្ញុំបានទទួលការងារផ្សេង ដូច្នេះខ្ញុំសូមបដិសេធការផ្តល់តំណែងនេះដោយការគោរព។",
        "개인 사정으로 이번 면접에는 응시하지 않기로 했습니다.",
        "Mulțumesc pentru tot. Din motive de familie aș vrea să mă retrag din procesul de selecție.",
        "Dank u wel. Omdat de reisafstand te groot is, trek ik mijn sollicitatie in.",
        "Tack för samtalet! Jag har fått ett annat jobb och drar därför tillbaka min ansökan.",
        "Jag vill dra mig ur processen innan nästa intervju.",
        "Jag har valt att inte gå vidare med ansökan.",
        "Con mucha pena prefiero bajarme del proceso, el traslado no nos calza.",
        "Pasensya na po, i-withdraw ko na lang po ang application ko.",
        "Salamat kaayo, pero dili na lang mopadayon ko sa application.",
        "Terima kasih. Saya ingin menarik balik permohonan saya kerana sudah menerima tawaran lain.",
        "Asante kwa nafasi hii, lakini sitaendelea na mchakato huu.",
        "ለሰጣችሁኝ እድል አመሰግናለሁ፤ ከውድድሩ ራሴን ማግለሌን አሳውቃለሁ።",
        "Alapos mérlegelés után úgy döntöttem, hogy visszalépek a kiválasztási folyamatból.",
        "Köszönöm szépen, de az ajánlatot nem tudom elfogadni.",
        "Hvala na pozivu, ali povlačim svoju prijavu jer sam prihvatila drugi posao.",
        "Hvala za vabilo, vendar umikam svojo prijavo.",
        "Dziękuję za zaproszenie, ale po namyśle muszę odmówić.",
        "Bu kadar emeğiniz için teşekkürler; uzun düşündükten sonra kabul etmemeye karar verdim.",
        "Təklifiniz üçün təşəkkür edirəm, lakin qəbul etməmək qərarına gəldim.",
        "Labai ačiū, tačiau atsisakau jūsų darbo pasiūlymo – priėmiau kitą pasiūlymą.",
        "Спасибо за задание, но я вынуждена отказаться от дальнейшего участия в конкурсе.",
        "Po rozmowie z rodziną z przykrością odrzucam Państwa propozycję.",
        "Дякую, але змушена відмовитися від подальшої участі в конкурсі.",
        "Ďakujem za čas, kandidatúru na miesto inštruktora týmto sťahujem.",
        "Rozhodla som sa prijať ponuku od iného zamestnávateľa bližšie k domovu.",
        "Hosszas gondolkodás után nem fogadom el a cég ajánlatát.",
        "Salamat po, pero hindi ko po matatanggap ang offer ngayon.",
    ],
)
def test_withdrawals_in_more_wordings_close_the_job(words: str) -> None:
    decision = route([NORTHWIND], mail(words, "Re: Interview", thread="t-nw", from_me=True), LINKED)
    assert decision.stage_target == "withdrawn"


@pytest.mark.parametrize(
    "words",
    [
        "Leider muss ich den Termin am Dienstag absagen, können wir Donnerstag sagen?",
        "Mă opresc aici cu întrebările, mulțumesc!",
        "Vi ses på tisdag, jag tar med mig betygen.",
    ],
)
def test_moving_a_meeting_or_closing_a_question_is_no_withdrawal(words: str) -> None:
    decision = route([NORTHWIND], mail(words, "Re: Interview", thread="t-nw", from_me=True), LINKED)
    assert decision.stage_target != "withdrawn"


def test_accepting_the_offer_itself_is_no_withdrawal() -> None:
    words = "I am delighted to accept the offer and look forward to starting in May."
    decision = route([NORTHWIND], mail(words, "Re: Offer", thread="t-nw", from_me=True), LINKED)
    assert decision.stage_target != "withdrawn"


def test_a_resignation_to_the_current_employer_that_mentions_a_new_offer_is_no_withdrawal() -> None:
    words = "Te comunico mi baja voluntaria. He aceptado una oferta de una empresa de Valencia."
    decision = route(
        [NORTHWIND], mail(words, "Baja voluntaria", "Irene <irene@myemployer.example>", from_me=True)
    )
    assert decision.stage_target != "withdrawn"


@pytest.mark.parametrize(
    ("subject", "words"),
    [
        (
            "Resignation – EMP 41877",
            "Please accept this email as formal notice of my resignation. I have accepted a role in Germany.",
        ),
        (
            "Carta de renuncia",
            "Les comunico mi renuncia voluntaria al puesto de guía. Acepté un puesto en una empresa de Galápagos.",
        ),
    ],
)
def test_a_resignation_naming_the_offer_taken_is_mail_about_no_application(subject: str, words: str) -> None:
    decision = route([NORTHWIND], mail(words, subject, "Ramesh <ramesh@myemployer.example>", from_me=True))
    assert (decision.relevant, decision.bucket) == (False, IGNORED)
    assert "resignation from your current job" in decision.reason


def test_a_first_mail_withdrawing_from_an_untracked_employer_waits_in_the_inbox_without_a_job() -> None:
    message = mail(
        "Dear Ms Rossi, I have accepted another offer and would like to withdraw my application. Kind regards",
        "Withdrawal",
        from_me=True,
    )
    decision = route([NORTHWIND], message)
    assert decision.relevant
    assert (decision.job_id, decision.stage_target, decision.bucket) == (None, "withdrawn", PENDING_USER)


@pytest.mark.parametrize(
    "words",
    [
        "Wir bestätigen den Rückzug Ihrer Bewerbung für die Position Data Engineer.",
        "Nous vous confirmons que votre candidature au poste « Data Engineer » a été retirée à votre demande.",
        "Done! Your Data Engineer application has been withdrawn.",
        "Your response has been recorded: you declined the Data Engineer offer.",
        "We've received your request to withdraw from the Data Engineer position.",
        "Qué lástima, pero entiendo. Ya anulé el sobre de DocuSign y cerré tu proceso.",
        "Wir bestätigen, dass Ihre Bewerbung für die Position Data Engineer (Kennziffer 2026-0147) auf Ihren "
        "Wunsch zurückgezogen wurde.",
        "Děkuji za informaci a gratuluji k nové práci. Přeji hodně úspěchů.",
        "Obrigado pelo aviso, e parabéns pela nova função! Fica registado.",
        "Thanks for letting us know you accepted another role, so we have withdrawn your application.",
        "ውሳኔዎን እናከብራለን። በአዲሱ ስራዎ መልካም እድል!",
        "Twubaha icyemezo cyawe, tukwifurije amahirwe masa!",
        "Köszönöm, hogy jelezte, a döntését rögzítettük. Sok sikert!",
        "Hvala što ste nam javili. Čestitamo na novom poslu!",
    ],
)
def test_an_employer_confirming_a_withdrawal_is_read_as_withdrawn(words: str) -> None:
    decision = route(
        [NORTHWIND], mail(words, "Data Engineer", sender="Northwind Careers <jobs@northwind.com>")
    )
    assert (decision.job_id, decision.stage_target) == ("nw", "withdrawn")


def test_a_note_written_to_an_address_that_only_suggests_the_employer_waits_with_that_job() -> None:
    centre = JobFacts(
        "mbss", "Settlement Counsellor", "Maple Bridge Settlement Services", "technical_interview"
    )
    note = replace(
        mail(
            "Hi Farah, thank you for this morning's conversation. I enjoyed meeting the team.",
            "Thank you",
            "Ana <ana@example.net>",
            from_me=True,
        ),
        to_address="fsiddiqui@mbss.ca",
    )
    decision = route([centre], note)
    assert (decision.relevant, decision.job_id, decision.bucket) == (True, "mbss", PENDING_USER)


def test_a_public_body_under_a_regions_domain_is_found_by_its_own_label() -> None:
    office = JobFacts("clo", "Senior Legal Officer", "Crown Legal Office NSW", "assessment")
    query = replace(
        mail(
            "Could you confirm that the 5:00pm deadline tomorrow is 5:00pm AEDT? Many thanks.",
            "Work sample - query on time limit",
            "Ana <ana@example.net>",
            from_me=True,
        ),
        to_address="recruitment@crownlegal.nsw.gov.au",
    )
    decision = route([office], query)
    assert decision.job_id == "clo"
    assert "recipient domain crownlegal.nsw.gov.au belongs to Crown Legal Office NSW" in decision.reason


@pytest.mark.parametrize(
    "words",
    [
        "Je viens toutefois d'accepter un poste au PNUD et je ne pourrai donc pas donner suite.",
        "Vă informez, cu regret, că renunț la postul de consilier.",
        "Por medio del presente manifiesto mi decisión de desistirme de mi participación en el proceso.",
        "Venho comunicar a minha desistência do referido procedimento, por ter aceitado outra proposta.",
        "Obrigado, mas entretanto aceitei um contrato no Luxemburgo, por isso já não vou continuar no processo.",
        "குமரன் கண் மருத்துவமனையின் அன்பான வாய்ப்பை என்னால் ஏற்க இயலவில்லை என்பதை வருத்தத்துடன் தெரிவிக்கிறேன்.",
    ],
)
def test_more_withdrawals_of_the_candidate_are_read(words: str) -> None:
    decision = route([NORTHWIND], mail(words, "Re: Interview", thread="t-nw", from_me=True), LINKED)
    assert decision.stage_target == "withdrawn"


@pytest.mark.parametrize(
    "words",
    [
        "Thank you for thinking of me! I'm happy where I am for now, but let's stay in touch.",
        "Merci beaucoup d'avoir pensé à moi, mais je viens d'accepter un autre poste.",
        "Takk for at du tenkte på meg! Jeg blir heller der jeg er foreløpig.",
        "Beni düşündüğünüz için teşekkürler, ama bu rol bana uygun değil.",
    ],
)
def test_a_reply_answering_an_offer_of_another_opening_waits_for_the_user(words: str) -> None:
    decision = route([NORTHWIND], mail(words, "Re: Another role", thread="t-nw", from_me=True), LINKED)
    assert (decision.job_id, decision.bucket) == ("nw", PENDING_USER)
    assert "answers an offer of another opening" in decision.reason


def reply_stage(words: str, subject: str = "Re: Interview") -> str:
    """The stage the candidate's reply in the linked thread is read as."""
    return route([NORTHWIND], mail(words, subject, thread="t-nw", from_me=True), LINKED).stage_target


@pytest.mark.parametrize(
    "words",
    [
        "Добрый день! К сожалению, я вынужден отозвать свою кандидатуру: на прошлой неделе я принял другое предложение.",
        "Дякую за довіру. Я прийняла іншу пропозицію, тому змушена відмовитися від посади.",
        "Повідомляю, що прийняв пропозицію від іншої компанії, тож прошу зняти мою кандидатуру.",
        "أشكركم على الدعوة، وأود إعلامكم بأنني قبلت عرض عمل آخر، ولذلك أعتذر عن استكمال الإجراءات.",
        "Ich möchte Ihnen mitteilen, dass ich inzwischen ein anderes Stellenangebot angenommen habe.",
        "Ich ziehe meine Bewerbung als Analyst*in (Ref. 2026.0417) daher zurück.",
        "Oi! Acabei aceitando uma proposta em outra empresa, então não vou seguir no processo.",
        "I'm afraid I have to withdraw: I've accepted a Head of Facilities role in Abu Dhabi.",
        "Sorry for the short notice, but I've accepted a Senior Data Engineer position nearer home.",
        "다른 기관에 임용이 확정되어, 부득이하게 이번 임용을 포기하고자 합니다.",
        "개인 사정으로 최종면접 전형을 포기하겠습니다. 기회를 주셔서 감사합니다.",
        "Etter en lang helg med familien har jeg bestemt meg for å takke nei til stillingen.",
        "Jeg har fått jobb nærmere hjemme, og trekker derfor søknaden min.",
        "Ailevi sebeplerle bu teklifinizi maalesef kabul edemeyeceğim.",
        "Deshalb muss ich Ihr Angebot leider absagen. Das war keine leichte Entscheidung.",
        "Moving is not possible now, so I have to say no to the Maasveld offer. I am sorry.",
        "Po premisleku se iz izbirnega postopka umikam, ker iščem zaposlitev za nedoločen čas.",
        "Po dolgem premisleku sem se odločila, da ponudbe ne sprejmem.",
        "Vă rog să luați act de retragerea mea din concursul pentru postul de grefier.",
    ],
)
def test_withdrawals_in_more_languages_and_wordings_close_the_job(words: str) -> None:
    assert reply_stage(words) == "withdrawn"


@pytest.mark.parametrize(
    "words",
    [
        "Дякую, я прийняла пропозицію і чекаю на договір!",
        "Спасибо, я принял предложение о работе, жду договор.",
    ],
)
def test_accepting_the_offer_in_ukrainian_or_russian_is_no_withdrawal(words: str) -> None:
    assert reply_stage(words, "Re: Offer") != "withdrawn"


def test_the_employers_reply_to_a_withdrawal_confirms_it() -> None:
    body = (
        "Hi Ana, no need to apologise – congratulations! I have let the team know.\n\n"
        "On Fri, 10 Apr 2026 at 10:00, Ana <ana@example.org> wrote:\n"
        "> Hi Olivia, I have accepted another offer and would like to withdraw my application.\n"
    )
    decision = route(
        [NORTHWIND], mail(body, "Re: Interview", "Olivia <olivia@northwind.com>", thread="t-nw"), LINKED
    )
    assert decision.stage_target == "withdrawn"
    assert "the withdrawal it answers" in decision.reason


def test_an_employers_reply_that_quotes_no_withdrawal_changes_nothing() -> None:
    body = (
        "Hi Ana, thanks, see you on Tuesday!\n\n"
        "On Fri, 10 Apr 2026 at 10:00, Ana <ana@example.org> wrote:\n> Tuesday at 10 works for me.\n"
    )
    decision = route(
        [NORTHWIND], mail(body, "Re: Interview", "Olivia <olivia@northwind.com>", thread="t-nw"), LINKED
    )
    assert decision.stage_target == "no_change"


@pytest.mark.parametrize("memory", [LINKED, WAITING])
def test_a_reply_naming_no_step_after_the_candidate_withdrew_is_the_withdrawal_guessed(
    memory: RouterMemory,
) -> None:
    withdrew = replace(NORTHWIND, current_stage="closed", withdrawn=True)
    reply = mail(
        "Škoda, ale chápu. Hodně štěstí ve Vídni!",
        "Re: Nabídka",
        "Marta <marta@northwind.com>",
        thread="t-nw",
    )

    decision = route([withdrew], reply, memory)
    unchanged = route([NORTHWIND], reply, memory)

    assert (decision.stage_target, decision.bucket) == ("withdrawn", PENDING_USER)
    assert "a reply after the withdrawal" in decision.reason
    assert unchanged.stage_target == "no_change"


APPLICATION = (
    "Dear hiring team,\n\nI am writing to apply for the Data Engineer position advertised on your site. "
    "My CV is attached.\n\nBest regards,\nAlex"
)


def test_an_application_the_candidate_sends_to_a_tracked_employer_is_suggested_as_applied() -> None:
    sent = replace(
        mail(APPLICATION, "Application: Data Engineer", from_me=True), to_address="jobs@northwind.com"
    )
    decision = route([NORTHWIND], sent)
    assert (decision.job_id, decision.stage_target, decision.bucket) == ("nw", "applied", PENDING_USER)


@pytest.mark.parametrize(
    "words",
    [
        APPLICATION,
        "Με την παρούσα υποβάλλω την υποψηφιότητά μου για τη θέση του λογιστή.",
        "Vă transmit, conform anunțului, dosarul de înscriere la concursul pentru postul de economist.",
        "Во врска со огласот, Ви ја доставувам мојата пријава за работното место социјален работник.",
        "آپ کا اشتہار دیکھا۔ میں اسٹور کیپر کی پوسٹ کے لیے درخواست دینا چاہتی ہوں۔",
        "زما سوانح ضمیمه دي. که ستاسو خوښه وي، د خبرو لپاره راتلای شم.",
    ],
)
def test_an_application_to_an_employer_not_tracked_yet_waits_for_the_user(words: str) -> None:
    sent = replace(mail(words, "Application", from_me=True), to_address="hr@unknown-employer.example")
    decision = route([NORTHWIND], sent)
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, None, "applied")
    assert decision.bucket == PENDING_USER


def test_a_reply_that_mentions_applying_sends_no_new_application() -> None:
    sent = replace(mail(APPLICATION, "Re: Data Engineer", from_me=True), to_address="jobs@northwind.com")
    assert route([NORTHWIND], sent).stage_target != "applied"


@pytest.mark.parametrize(
    "words",
    [
        "Laba diena, siunčiu savo gyvenimo aprašymą dėl jūsų paskelbtos projektų vadovo pozicijos.",
        "Laba diena, teikiu dokumentus dėl skelbimo apie vyriausiojo specialisto pareigas.",
        "Добры дзень! Далучаю сваё CV наконт вакансіі рэдактара.",
        "Szanowni Państwo, w odpowiedzi na ogłoszenie przesyłam CV oraz list motywacyjny.",
        "Salam, saytınızda yerləşdirilən vakansiya ilə bağlı müraciət edirəm.",
        "I saw your post about the Senior QA Engineer opening and would like to apply. My CV is attached.",
        "mit großem Interesse habe ich Ihre Ausschreibung gelesen und bewerbe mich hiermit.",
        "Spoštovani, prijavljam se na prosto delovno mesto fizioterapevt, objavljeno na portalu ZRSZ.",
        "Vă transmit, în format electronic, dosarul meu de înscriere la concursul pentru postul de grefier.",
        "Please accept my application for the Pharmacy Technician position advertised on your website.",
        "Kia ora Priya, I'd like to apply for the Veterinary Nurse role advertised on your website.",
        "Les escribo para postularme a la convocatoria de Coordinadora Pedagógica publicada en su página.",
        "Saya ingin memohon jawatan Optometris sepenuh masa yang diiklankan di JobStreet.",
        "உங்கள் இணையதளத்தில் வெளியான பணியிடத்திற்கு இதன் மூலம் விண்ணப்பிக்கிறேன்.",
        "J'ai vu votre annonce et je me permets de vous envoyer ma candidature.",
        "I saw your post about the hygienist position. I'm very interested and attach my CV.",
        "Je vous écris au sujet du poste affiché sur votre site. Vous trouverez mon CV en pièce jointe.",
        "貴社ホームページの募集を拝見し、応募させていただきたく、ご連絡いたしました。",
        "أتقدّم إليكم بطلبي لشغل وظيفة أخصائية صحة أسنان، وأرفق لكم سيرتي الذاتية.",
        "Je vous écris pour poser ma candidature au poste d'assistante technique en pharmacie.",
        "İlanınızı gördüm ve bölge temsilcisi pozisyonu için başvurumu iletmek istiyorum.",
        "Увидел объявление о вакансии логиста и хотел бы предложить свою кандидатуру.",
        "Kính gửi anh chị, em xin gửi hồ sơ ứng tuyển vị trí kế toán tổng hợp.",
        "Dzień dobry, przesyłam swoją aplikację na stanowisko brygadzisty.",
        "Dobrý deň, týmto sa uchádzam o miesto referenta a v prílohe posielam životopis.",
        "Dobrý den, v příloze zasílám svůj životopis na pozici dispečera.",
        "I noticed the clinic is hiring a receptionist and I would like to be considered for the role.",
    ],
)
def test_the_candidates_own_application_in_more_languages_is_read_as_one(words: str) -> None:
    assert applies(fold(words))
