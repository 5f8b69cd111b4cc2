"""Employers found across scripts, legal forms, country domains and brand families, in mails written for these tests."""

from __future__ import annotations

from jobops.router import JobFacts
from jobops.router.employers import EmployerIndex, employer_aliases, wording
from jobops.stages import AUTO_LINKED
from tests.router.builders import mail, route


def test_legal_forms_in_latin_script_are_not_part_of_the_name() -> None:
    assert ("ferrovia", "nord") in employer_aliases("Ferrovia Nord S.p.A.")
    assert ("pelangi", "niaga") in employer_aliases("Pelangi Niaga Sdn Bhd")
    assert ("andes", "vinos") in employer_aliases("Andes Vinos Ltda.")
    assert ("chao", "lanna") in employer_aliases("Chao Lanna Industry PCL")


def test_a_name_in_japanese_korean_or_chinese_script_is_found_without_its_legal_form() -> None:
    index = EmployerIndex(
        [
            JobFacts("a", "経理", "大和精機株式会社"),
            JobFacts("b", "회계", "한빛전자 주식회사"),
            JobFacts("c", "会计", "星河物流有限公司"),
        ]
    )
    assert index.mentioned(wording("（株）大和精機 人事部より面接のご案内")) == {index.group_of("a")}
    assert index.mentioned(wording("(주)한빛전자 채용팀입니다")) == {index.group_of("b")}
    assert index.mentioned(wording("星河物流人力资源部")) == {index.group_of("c")}


def test_the_longer_of_two_names_written_in_one_script_wins() -> None:
    index = EmployerIndex(
        [JobFacts("p", "経理", "大和精機株式会社"), JobFacts("s", "経理", "大和精機サービス")]
    )
    assert index.mentioned(wording("大和精機サービス 採用担当です")) == {index.group_of("s")}


def test_a_hotel_group_is_known_by_its_short_name_and_its_domain() -> None:
    job = JobFacts("mar", "Front Office Manager", "Marisol Hotels & Resorts")
    index = EmployerIndex([job])
    assert index.groups_for_domain("marisolhotels.com") == {index.group_of("mar")}
    assert index.mentioned(wording("Marisol Palma: front office")) == {index.group_of("mar")}


def test_a_country_domain_names_the_organisation_not_the_country() -> None:
    index = EmployerIndex([JobFacts("sk", "Accountant", "Sukhothai Steel")])
    assert index.groups_for_domain("sukhothai-steel.co.th") == {index.group_of("sk")}
    assert index.groups_for_domain("mail.sukhothaisteel.com.vn") == {index.group_of("sk")}


def test_a_group_domain_writing_about_a_brand_named_in_the_subject_suggests_the_brand() -> None:
    jobs = [
        JobFacts("orla", "Front Office Manager – Orla Roma", "Orla Hotel Group"),
        JobFacts("vela", "Guest Relations Manager – Vela Porto", "Vela Hotels & Resorts"),
    ]
    message = mail(
        "Olá Ana, sou recrutadora do grupo e acompanho o processo para Guest Relations Manager no Vela Porto. "
        "Podemos falar por telefone na segunda-feira às 11h?",
        "Vela Porto – Guest Relations Manager | Entrevista telefónica",
        "Rita Sousa <rita.sousa@orla-hotels.example>",
    )
    decision = route(jobs, message)
    assert decision.job_id == "vela"
    assert decision.bucket != AUTO_LINKED


def test_a_hotel_brand_is_read_as_its_group() -> None:
    job = JobFacts("acc", "Night Manager", "Accor", "applied")
    message = mail(
        "Bonjour Léa, merci pour votre candidature au poste de Night Manager au Novotel Lyon. "
        "Nous aimerions planifier un entretien téléphonique cette semaine.",
        "Novotel Lyon – Night Manager",
        "Recrutement Novotel <recrutement@novotel-lyon.example>",
    )
    assert route([job], message).job_id == "acc"


def test_a_domain_may_join_a_names_first_and_last_words() -> None:
    index = EmployerIndex([JobFacts("nf", "Investment Officer", "NedFin Development Bank")])
    assert index.groups_for_domain("nedfinbank.nl") == {index.group_of("nf")}
    assert index.groups_for_domain("developmentbank.nl") == set()
