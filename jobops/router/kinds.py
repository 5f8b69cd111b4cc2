"""What kind of mail this is, before any stage: reschedules, reminders, checks and thank-you notes change nothing.

Also the step and decision words of languages the phrase tables in stage.py do not read (Japanese, Korean,
Chinese, Malay, Turkish, Czech, Danish, Norwegian, and more Spanish, Portuguese, Italian and Catalan).
Cues are written naturally and folded (lower case, no accents) when compiled. Words of scripts without
spaces (Chinese, Japanese, Korean) match anywhere; others on word boundaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from jobops.router.text import fold

# Mail kinds that never move a job, whatever step they name (the labelling rules' "no change" row).
NO_CHANGE_KINDS: Final[dict[str, tuple[str, ...]]] = {
    "reschedule": (
        "rescheduled", "have to reschedule", "like to reschedule", "want to reschedule", "asked to reschedule",
        "has been moved", "have been moved", "new time", "new date", "postpone", "postponed", "schedule change",
        "change to your", "been a change", "updated:", "aktualisiert:", "mis à jour:", "actualizado:",
        "updated invitation", "invitation updated", "updated event", "change of time", "change of date",
        "verschoben", "terminverschiebung", "neuer termin", "terminänderung", "nouvelle date", "nouvel horaire", "reporté",
        "reprogramado", "reprogramada", "cambio de fecha", "nueva fecha", "cambio de hora",
        "riprogrammato", "riprogrammare", "nuova data", "spostato", "nieuwe datum", "verzet", "verplaatst",
        "ombokad", "ny tid", "przełożenie", "przełożyć", "nowy termin", "nový termín", "přesunutí", "ertelendi",
        "yeni tarih", "ny dato", "remarcado", "nova data", "reagendado", "reagendada",
        "日程変更", "日程のご変更", "日時変更", "일정 변경", "일정변경", "改期", "更改时间", "更改時間", "時間變更",
    ),
    "reminder": (
        "reminder", "friendly reminder", "just a reminder", "erinnerung", "rappel", "recordatorio", "promemoria",
        "herinnering", "påminnelse", "przypomnienie", "připomínka", "hatırlatma", "lembrete", "peringatan",
        "リマインド", "リマインダー", "리마인더", "提醒", "温馨提示",
    ),
    "cancellation": (
        "canceled event", "cancelled event", "event canceled", "event cancelled", "invitation cancelled",
        "interview cancelled", "interview canceled", "termin abgesagt", "entretien annulé", "entrevista cancelada",
        "colloquio annullato", "gesprek geannuleerd",
    ),
    "background check": (
        "background check", "background screening", "pre-employment", "preemployment", "reference check",
        "references check", "referees", "right to work", "garda vetting", "dbs check", "vetting", "occupational health",
        "health assessment", "medical check", "drug test", "drug screen", "führungszeugnis", "casier judiciaire",
        "antecedentes penales", "certificado de delitos", "registo criminal", "certidão de antecedentes",
        "casellario giudiziale", "verklaring omtrent het gedrag", "checkr", "hireright", "sterling", "first advantage",
        "健康診断", "入社書類", "身元保証", "신원 조회", "건강검진", "背景调查", "背景調查", "體檢", "体检",
        "pemeriksaan kesihatan",
    ),
    "completion receipt": (
        "thank you for completing", "thanks for completing", "responses have been submitted", "successfully submitted",
        "submission received", "have completed the", "vielen dank für die bearbeitung", "merci d'avoir complété",
        "merci d'avoir terminé", "gracias por completar", "obrigado por concluir", "grazie per aver completato",
        "bedankt voor het invullen", "bedankt voor het maken", "dziękujemy za wypełnienie", "dziękujemy za rozwiązanie",
        "受検完了", "回答が完了", "응시 완료", "응시가 완료", "已完成测评", "已完成測評",
    ),
    "preparation": (
        "how to prepare", "preparation guide", "prep guide", "what to expect", "interview guide", "prepare for your",
        "preparing for your", "help you prepare", "tips to prepare", "jak się przygotować", "förbereda dig",
        "vorbereitung auf", "préparer votre", "preparar tu", "prepararti",
    ),
    "survey": (
        "survey", "rate your experience", "candidate experience", "umfrage", "enquête de satisfaction", "encuesta",
        "sondaggio", "pesquisa de satisfação", "ankieta", "アンケート", "설문", "问卷", "問卷",
    ),
    "thank-you": (
        "thank you for coming", "thanks for coming", "thank you for your time today", "thanks for your time today",
        "thank you for visiting", "great to meet you", "lovely to meet you", "vielen dank, dass sie", "danke für ihren besuch",
        "merci d'être venu", "merci d'etre venu", "gracias por venir", "grazie per essere venut", "bedankt voor je komst",
        "bedankt voor uw komst", "obrigado por ter vindo", "本日はありがとうございました", "오늘 감사",
    ),
    "status update": (
        "still interviewing", "still reviewing", "no decision yet", "not made a decision", "haven't made a decision",
        "have not made a decision", "noch keine entscheidung", "pas encore de décision", "todavía no hay decisión",
        "ancora nessuna decisione", "nog geen beslissing", "選考中", "검토 중", "审核中", "審核中",
    ),
}
# Kinds that overrule even an offer reading: the mail is about checks after an offer, not the offer itself.
OVERRULES_OFFER: Final = frozenset({"background check"})
# Kinds that only count when the mail names no step of its own ("thanks for today; next, meet the team" is a step).
WEAK_KINDS: Final = frozenset({"thank-you", "status update", "completion receipt", "preparation"})

# Steps and decisions in languages stage.py does not read, by stage, in stage.py's order of priority.
STEP_CUES: Final[dict[str, tuple[str, ...]]] = {
    "withdrawn": ("辞退を承りました", "辞退のご連絡", "지원 취소", "撤回申請", "撤回申请", "başvurunuzu geri çektiniz"),
    "rejected": (
        "お見送り", "見送らせていただ", "ご希望に添えない", "ご期待に添えない", "残念ながら", "不採用", "採用を見送",
        "불합격", "아쉽게도", "함께하지 못하게", "不予录用", "不予錄用", "未能录用", "未能錄取", "很遗憾", "很遺憾",
        "未获录用", "未獲錄用", "不符合", "tidak berjaya", "tidak berjaya dipilih", "maalesef",
        "bohužel", "nebyl jste vybrán", "nebyla jste vybrána", "desværre", "dessverre", "lamentavelmente",
        "não foi selecionad", "não avançar", "lamentablemente", "no ha sido seleccionad", "desestimad",
        "purtroppo", "non è stat", "malauradament", "no has estat seleccionad", "no ha estat seleccionad",
        "niet uitnodigen", "gekozen voor een andere", "gekozen voor kandidaten", "gekozen voor een kandidaat",
        "niet door naar", "afgewezen", 
    ),
    "closed": (
        "role has been put on hold", "position has been put on hold", "vacancy has been put on hold", "hiring freeze",
        "募集を終了", "募集終了", "採用活動を中止", "채용이 취소", "채용 취소", "职位已关闭", "職位已關閉", "招聘暂停",
        "proceso ha sido cancelado", "convocatoria ha sido anulada", "procedimento foi cancelado", "selezione è stata annullata",
    ),
    "offer": (
        "内定", "採用内定", "採用決定", "합격을 축하", "최종 합격", "최종합격", "录用通知", "錄取通知", "录取通知", "錄用通知",
        "offer letter", "tawaran", "surat tawaran", "iş teklifi", "nabídka práce", "pracovní nabídka", "jobtilbud",
        "oferta de trabajo", "carta de oferta", "proposta de contratação", "proposta de trabalho", "proposta di assunzione",
        "oferta formal",
    ),
    "onsite": (
        "finální kolo", "finálního kola", "finálním kole", "son aşama", "final mülakat", "ostatni etap",
        "最終面接", "最終選考", "役員面接", "최종 면접", "최종면접", "임원 면접", "终面", "終面", "最终面试", "最終面試",
        "複試", "trial shift", "work trial", "トライアル勤務", "体験勤務", "試用", "temuduga akhir", "son mülakat",
        "final görüşme", "závěrečný pohovor", "clase muestra", "clase demostrativa", "aula de demonstração",
        "lezione simulata", "lezione dimostrativa", "proefles", "lesson observation", "demonstration lesson",
        "hospitation", "probearbeit", "meeloopdag", "full loop", "interview loop", "virtual onsite", "superday",
        "assessment centre", "assessment center", "paid trial", "trial day",
    ),
    "technical_interview": (
        "technický pohovor", "technického pohovoru", "technickém pohovoru", "teknik mülakat", "teknik görüşme",
        "tekniska intervjun", "teknisk intervju", "tekniskt samtal",
        "一次面接", "二次面接", "面接のご案内", "面接日程", "面接のご連絡", "面接について", "1차 면접", "2차 면접", "면접 안내",
        "면접 일정", "실무 면접", "실무면접", "面试通知", "面試通知", "面试邀请", "面試邀請", "初试", "初試",
        "temuduga", "mülakat", "mülakata davet", "pohovor", "jobsamtale", "jobintervju",
        "entrevista personal", "entrevista por competencias", "tribunal", "entrevista de emprego", "colloquio individuale",
        "entrevista presencial", "sollicitatiegesprek", "vorstellungsgespräch", "panel interview", "interview panel",
        "interview board", "competency based interview", "competency-based interview", "behavioural interview",
        "behavioral interview", "entretien d'embauche", "entrevista de trabajo", "colloquio di lavoro",
    ),
    "hiring_manager_screen": ("店長面談", "カジュアル面談", "팀장 면담", "与经理面谈", "與經理面談", "informal visit", "informal chat"),
    "assessment": (
        "zadanie domowe", "zadanie rekrutacyjne", "domácí úkol", "testovací úkol", "ev ödevi", "case çalışması",
        "hemuppgift", "kodtest", "hjemmeopgave", "kodetest",
        "適性検査", "spi", "筆記試験", "webテスト", "웹 테스트", "인적성", "코딩 테스트", "笔试", "筆試", "在线测评", "線上測評",
        "ujian", "test online", "online test", "değerlendirme", "yetenek testi", "online testy", "prova escrita",
        "examen escrito", "prueba escrita", "prova scritta", "caso práctico", "supuesto práctico", "numeracy test",
        "medication calculation", "situational judgement", "psychometric", "one-way video", "hirevue", "shl", "codility",
        "hackerrank", "codesignal", "testgorilla", "pymetrics",
    ),
    "recruiter_screen": (
        "úvodní telefonát", "úvodní hovor", "krátký telefonát", "ön görüşme", "tanışma görüşmesi", "telefon görüşmesi",
        "rozmowa telefoniczna", "krótka rozmowa", "första samtal", "inledande samtal", "indledende samtale",
        "電話面談", "電話面接", "面談のご案内", "전화 면접", "전화면접", "电话面试", "電話面試", "电话沟通", "temuduga telefon",
        "telefon görüşmesi", "telefonní pohovor", "telefonsamtale", "telefonintervju", "entrevista telefónica",
        "entrevista telefônica", "colloquio telefonico", "screening call", "phone screen",
    ),
    "applied": (
        "応募を受け付け", "ご応募いただき", "ご応募ありがとう", "応募受付", "지원해 주셔서", "지원서가 접수", "접수되었습니다",
        "感谢您的应聘", "感謝您的應徵", "感谢您的申请", "感謝您的申請", "已收到您的", "申請已收到",
        "permohonan anda telah diterima", "terima kasih kerana memohon", "başvurunuz alınmıştır", "başvurunuz için teşekkür",
        "děkujeme za vaši přihlášku", "obdrželi jsme vaši", "tak for din ansøgning", "takk for din søknad",
        "hemos recibido tu", "hemos recibido su", "recebemos a sua", "recebemos sua", "abbiamo ricevuto la tua",
        "hem rebut la teva", "gràcies per la teva candidatura", "inscripción realizada", "solicitud registrada",
        "candidatura registada", "candidatura registrada",
    ),
}
# "Unfortunately" and its kin: mail holding one is never read as good news by itself.
DOUBT_CUES: Final = (
    "unfortunately", "regret", "regrettably", "not been successful", "unsuccessful", "not to extend",
    "leider", "malheureusement", "lamentablemente", "desafortunadamente", "infelizmente", "purtroppo", "helaas",
    "tyvärr", "desværre", "dessverre", "niestety", "bohužel", "maalesef", "malauradament", "残念ながら", "お見送り",
    "아쉽게도", "불합격", "很遗憾", "很遺憾", "未能", "dukacita", "harap maaf",
)
# Words that mark mail as about an application, in the languages above, for the relevance score.
CONTEXT_CUES: Final = (
    "応募", "選考", "面接", "内定", "採用", "書類選考", "지원", "서류", "면접", "합격", "채용", "应聘", "應徵", "面试",
    "面試", "录用", "錄用", "职位", "職位", "招聘", "申请", "申請", "permohonan", "temuduga", "jawatan", "başvuru",
    "mülakat", "pozisyon", "přihláška", "pohovor", "výběrové řízení", "ansøgning", "søknad", "stilling", "convocatoria",
    "oposición", "proceso selectivo", "candidatura", "vaga", "concurso", "selezione", "candidatura", "plaça", "procés",
    "přihlášku", "přihlášky", "pozici", "pohovoru", "pohovorem", "výběrového řízení", "uchazeče", "başvurun",
    "başvurunuz", "başvurunuzu", "ilanına", "ilan", "görüşmesi", "aday", "rekrutacji", "rekrutacyjnego", "kandydatury",
    "stanowisko", "ansökan", "tjänsten", "rekryteringen", "intervjun", "ansøgningen", "stillingen", "søknaden",
    "intervjuet", "entrevista", "postulación", "processo seletivo", "candidatura", "colloquio", "selezione",
)


TABLES: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "kind": NO_CHANGE_KINDS,
    "step": STEP_CUES,
    "doubt": {"doubt": DOUBT_CUES},
    "context": {"context": CONTEXT_CUES},
}


_TOKEN: Final = re.compile(r"\w+|[^\w\s]")
_UNSPACED: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
MAX_CUE_WORDS: Final = 6


def _index() -> tuple[dict[tuple[str, ...], list[tuple[str, str]]], dict[str, list[tuple[str, str]]]]:
    """Every cue of every table: spaced ones by their words, the others (Chinese, Japanese, Korean) by text."""
    spaced: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    unspaced: dict[str, list[tuple[str, str]]] = {}
    for table, entries in TABLES.items():
        for entry, cues in entries.items():
            for cue in cues:
                folded = fold(cue)
                if _UNSPACED.search(folded):
                    unspaced.setdefault(folded, []).append((table, entry))
                else:
                    spaced.setdefault(tuple(_TOKEN.findall(folded)), []).append((table, entry))
    return spaced, unspaced


_SPACED, _UNSPACED_CUES = _index()
_LENGTHS: Final = sorted({len(words) for words in _SPACED}, reverse=True)


@dataclass(frozen=True)
class Cues:
    """What the cue tables find in one text: the entries of each table, each with the words that named it."""

    found: dict[str, dict[str, str]]
    context_words: frozenset[str] = frozenset()

    def first(self, table: str) -> tuple[str, str] | None:
        """The first entry of a table, in the table's order, that the text names."""
        hits = self.found.get(table, {})
        entry = next((name for name in TABLES[table] if name in hits), None)
        return None if entry is None else (entry, hits[entry])


@lru_cache(maxsize=256)
def read_cues(folded: str) -> Cues:
    """Read a folded text once for every table: word sequences looked up, unspaced cues searched only if needed."""
    found: dict[str, dict[str, str]] = {}
    context: set[str] = set()

    def note(owners: list[tuple[str, str]], words: str) -> None:
        for table, entry in owners:
            found.setdefault(table, {}).setdefault(entry, words)
            if table == "context":
                context.add(words)

    tokens = _TOKEN.findall(folded)
    for start in range(len(tokens)):
        for length in _LENGTHS:
            owners = _SPACED.get(tuple(tokens[start : start + length]))
            if owners:
                note(owners, " ".join(tokens[start : start + length]))
    if _UNSPACED.search(folded):
        for cue, owners in _UNSPACED_CUES.items():
            if cue in folded:
                note(owners, cue)
    return Cues(found, frozenset(context))


def no_change_kind(folded: str) -> tuple[str, str] | None:
    """The first no-change kind a folded text shows, with its words."""
    return read_cues(folded).first("kind")


def step_cue(folded: str) -> tuple[str, str] | None:
    """The highest-priority stage these languages' cues name in a folded text, with its words."""
    return read_cues(folded).first("step")


def context_points(folded: str) -> int:
    """How many distinct application words of these languages a folded text holds (at most 2)."""
    return min(2, len(read_cues(folded).context_words))


def doubt(folded: str) -> str | None:
    """The "unfortunately" words a folded text holds, if any."""
    hit = read_cues(folded).first("doubt")
    return hit[1] if hit else None
