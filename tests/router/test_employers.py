"""Which employer a mail is about: common-word names, acronyms, aliases, legal suffixes, domains, and names inside words."""

from __future__ import annotations

from jobops.router import JobFacts, RouterMemory
from jobops.router.employers import EmployerIndex, employer_tokens, wording
from jobops.stages import AUTO_LINKED, PENDING_USER
from tests.router.builders import mail, route, route_tracked

LINEAR = JobFacts("linear", "Product Engineer", "Linear", "applied")
UCLH = JobFacts("uclh", "Clinical Nurse Educator", "UCLH", "applied")
HAYS = JobFacts("hays", "Clinical Educator (Kent)", "Hays Healthcare", "applied")
UNIQLO = JobFacts("uniqlo", "店長候補", "ユニクロ", "applied")


def test_an_employer_whose_name_is_a_common_word_is_found_when_the_mail_names_its_role() -> None:
    decision = route(
        [LINEAR],
        mail(
            "Hi Kai, thanks for applying for the Product Engineer role at Linear. We read every "
            "application ourselves.",
            "Thanks for applying to Linear",
            "Linear <no-reply@ashbyhq.com>",
        ),
    )
    assert (decision.job_id, decision.stage_target) == ("linear", "applied")


def test_a_written_out_name_finds_the_employer_tracked_by_its_acronym() -> None:
    decision = route(
        [UCLH, HAYS],
        mail(
            "Your application for Clinical Nurse Educator has been submitted to University College London Hospitals NHS "
            "Foundation Trust.",
            "Application submitted",
            "NHS Jobs <no-reply@jobs.nhs.uk>",
        ),
    )
    assert decision.job_id == "uclh"


def test_an_agency_named_by_its_short_name_is_suggested_never_linked_by_that_alone() -> None:
    decision = route(
        [UCLH, HAYS],
        mail(
            "Hi Aoife, great speaking earlier. Hays have a client in Kent keen to interview you for the educator role.",
            "Kent role",
            "Rachel Adeyemi <rachel.adeyemi@recruit-mail.example>",
        ),
    )
    assert decision.job_id == "hays" and decision.bucket == PENDING_USER


def test_a_japanese_employer_name_is_found_inside_japanese_text() -> None:
    decision = route(
        [UNIQLO],
        mail(
            "ユニクロ店舗採用担当です。一次面接のご案内をお送りします。",
            "一次面接のご案内",
            "採用担当 <saiyo@fastretailing.example>",
        ),
    )
    assert decision.job_id == "uniqlo" and decision.bucket != AUTO_LINKED


def test_two_spellings_of_one_employer_are_one_employer_whose_titles_decide() -> None:
    short = JobFacts(
        "gstt-outreach", "Critical Care Outreach Practitioner", "Guy's and St Thomas'", "applied"
    )
    full = JobFacts(
        "gstt-pdn", "Practice Development Nurse", "Guy's and St Thomas' NHS Foundation Trust", "applied"
    )
    decision = route(
        [short, full],
        mail(
            "Thank you for applying for the Practice Development Nurse post at Guy's and "
            "St Thomas' NHS Foundation Trust.",
            "Application received",
        ),
    )
    assert decision.job_id == "gstt-pdn"


def test_a_word_all_nhs_trusts_share_names_none_of_them() -> None:
    manchester = JobFacts("mft", "Clinical Educator", "Manchester University NHS FT", "applied")
    decision = route(
        [manchester, UCLH],
        mail(
            "Your application has been submitted to University College London "
            "Hospitals NHS Foundation Trust.",
            "Application submitted",
            "NHS Jobs <no-reply@jobs.nhs.uk>",
        ),
    )
    assert decision.job_id == "uclh"


def test_an_employers_own_domain_the_user_approved_finds_its_job() -> None:
    northwind = JobFacts("nw", "Data Engineer", "Northwind Traders", "applied")
    message = mail(
        "Hi, could we find 30 minutes this week for an intro call about the role?",
        "Intro call",
        "Sam <sam@nwt-group.example>",
    )
    assert route([northwind], message).job_id is None
    memory = RouterMemory(domain_jobs={"nwt-group.example": "nw"})
    assert route([northwind], message, memory).job_id == "nw"


def test_a_meeting_tool_named_in_an_invitation_is_not_that_employer() -> None:
    google = JobFacts("g", "Site Reliability Engineer", "Google", "applied")
    spotify = JobFacts("s", "Data Engineer", "Spotify", "applied")
    decision = route(
        [google, spotify],
        mail(
            "You have been invited to the following event: Spotify | intro chat. Joining info: Join with Google Meet.",
            "Invitation: Spotify | intro chat",
            "Sofia <sofial@spotify.com>",
        ),
    )
    assert decision.job_id == "s" and "Google" not in decision.reason


def test_employer_names_lose_legal_suffixes_punctuation_and_case() -> None:
    assert employer_tokens("Stripe, Inc.") == ("stripe",)
    assert employer_tokens("Personio SE & Co. KG") == ("personio",)
    assert employer_tokens("ACME Widgets GmbH") == ("acme", "widgets")


def test_a_sub_domain_and_a_country_domain_of_the_employer_count_as_its_own() -> None:
    for address in ("talent@mail.stripe.com", "talent@stripe.co.uk"):
        decision = route_tracked(
            mail(
                "We'd like to invite you to a technical interview for the Backend Engineer role.",
                sender=f"Talent <{address}>",
            )
        )
        assert decision.job_id == "stripe-be" and decision.bucket == AUTO_LINKED


def test_an_employer_name_inside_another_word_does_not_count() -> None:
    metadata = route_tracked(
        mail(
            "We received your application for Metadata Engineer at Metabase.",
            sender="Metabase <no-reply@ashbyhq.com>",
        )
    )
    blockchain = route_tracked(
        mail(
            "Thanks for applying to our Blockchain Analyst role, we received your application.",
            sender="Chain <no-reply@greenhouse.io>",
        )
    )
    assert metadata.relevant and metadata.job_id is None
    assert blockchain.relevant and blockchain.job_id is None


def test_a_domain_that_is_a_long_names_first_word_or_initials_suggests_the_employer_but_never_links() -> None:
    jobs = [
        JobFacts("on", "Education Officer – Mathematics", "Ontario Ministry of Education", "applied"),
        JobFacts("kw", "Teacher of Physics", "Kildare and Wicklow ETB", "applied"),
        JobFacts("dfe", "Policy Adviser", "Department for Education", "applied"),
    ]
    ontario = route(
        jobs, mail("We have received your application for Job ID 2387.", sender="<careers@ontario.ca>")
    )
    kwetb = route(jobs, mail("Thank you for applying. We will be in touch.", sender="<no-reply@kwetb.ie>"))
    assert (ontario.job_id, ontario.bucket) == ("on", PENDING_USER)
    assert "the first word of Ontario Ministry of Education" in ontario.reason
    assert (kwetb.job_id, kwetb.bucket) == ("kw", PENDING_USER)


def test_a_domain_that_adds_a_trade_word_to_a_names_first_word_suggests_that_employer() -> None:
    jobs = [
        JobFacts("tt", "Veterinary Nurse", "Tōtara Veterinary Centre", "applied"),
        JobFacts("kw", "Practice Manager", "Kowhai Animal Hospitals", "applied"),
    ]
    decision = route(
        jobs, mail("Thank you for applying. We will be in touch.", sender="<fiona@totaravets.co.nz>")
    )
    assert decision.job_id == "tt" and "totaravets.co.nz" in decision.reason


def test_an_interview_from_a_person_at_a_domain_that_is_the_named_employers_first_word_is_recruiting_mail() -> (
    None
):
    jobs = [
        JobFacts(
            "bo", "Optometrist – Plymouth", "Boots Opticians (via Clearview Health Recruitment)", "applied"
        )
    ]
    decision = route(
        jobs,
        mail(
            "Hi Nivetha, looking forward to meeting you. Sophie will also join. – Gareth",
            "Boots Opticians – Optometrist interview – Nivetha",
            "Gareth Lloyd <gareth.lloyd@boots.co.uk>",
        ),
    )
    assert decision.relevant and decision.job_id == "bo"


def test_a_person_at_a_domain_that_is_only_an_employers_first_word_is_no_evidence_alone() -> None:
    jobs = [
        JobFacts("nm", "Infermiere – Terapia Intensiva", "ASST Navigli Milanesi", "applied"),
        JobFacts("np", "Infermiere – Pronto Soccorso", "ASST Navigli Milanesi", "applied"),
    ]
    decision = route(
        jobs,
        mail(
            "Job posting interno\n\nPosizione: Coordinatore Infermieristico, Terapia Intensiva Neurochirurgica\n"
            "Scadenza candidature: 31 marzo 2026\n\nCandidati dal gestionale Selezioni Interne.",
            "Nuova posizione interna: Coordinatore Infermieristico – Terapia Intensiva Neurochirurgica",
            "Selezioni Interne <selezioni-interne@asst-vallelambro.it>",
        ),
    )
    assert not decision.relevant


def test_a_domain_that_is_a_names_first_word_links_when_the_mail_writes_that_name_out() -> None:
    jobs = [
        JobFacts("on", "Education Officer – Mathematics", "Ontario Ministry of Education", "applied"),
        JobFacts("hays", "Clinical Educator (Kent)", "Hays Healthcare", "applied"),
    ]
    written_out = route(
        jobs,
        mail(
            "The Ontario Ministry of Education has received your application for Education Officer – Mathematics.",
            "Application received",
            "<careers@ontario.ca>",
        ),
    )
    other_name = route(
        jobs,
        mail(
            "Hays Healthcare has received your application. We will be in touch about next steps.",
            "Application received",
            "<careers@ontario.ca>",
        ),
    )
    assert (written_out.job_id, written_out.stage_target, written_out.bucket) == (
        "on",
        "applied",
        AUTO_LINKED,
    )
    assert other_name.bucket == PENDING_USER


def test_a_word_every_public_body_shares_names_none_of_them() -> None:
    jobs = [
        JobFacts("dfe", "Policy Adviser", "Department for Education", "applied"),
        JobFacts("au", "Assistant Director", "Department of Education (Australia)", "applied"),
    ]
    decision = route(
        jobs,
        mail(
            "Thank you for applying to the Ministry of Education. Your application has been received.",
            sender="<recruitment@moe.example>",
        ),
    )
    assert decision.job_id is None


def test_a_place_in_parentheses_is_not_another_name_of_the_employer() -> None:
    fund = JobFacts(
        "fund", "Community Investment Associate", "Riverside Community Fund (Hamilton)", "applied"
    )
    city = JobFacts("city", "Community Development Officer", "City of Hamilton", "applied")
    decision = route(
        [fund, city],
        mail(
            "Dear Ana, thank you for applying for Community Development Officer with the City of Hamilton. "
            "We have received your application.",
            "Your application: Community Development Officer",
            "City of Hamilton Careers <careers@hamilton.ca>",
        ),
    )
    assert decision.job_id == "city"
    assert "Riverside" not in decision.reason


def test_a_name_in_parentheses_still_finds_the_employer() -> None:
    bank = JobFacts("bank", "Audit Manager", "서린투자증권 (Seorin Securities)", "applied")
    decision = route(
        [bank],
        mail(
            "Thank you for applying for the Audit Manager position at Seorin Securities.",
            "Your application - Seorin Securities",
            "Seorin Securities HR <hr@seorin.example>",
        ),
    )
    assert decision.job_id == "bank"


def test_two_capitals_in_parentheses_name_the_employer_by_its_address_only() -> None:
    centre = JobFacts("centre", "Team Lead, Chat Support", "Northstar Contact (NC) Cebu", "applied")
    bank = JobFacts("bank", "Legal Counsel", "Pacific Harbour Bank (HK)", "applied")
    by_address = route(
        [centre, bank],
        mail(
            "Hi Ana, thanks for applying for Team Lead, Chat Support. We will be in touch.",
            "Your application",
            "Recruitment <careers@nc.com>",
        ),
    )
    in_prose = route(
        [centre, bank],
        mail(
            "Our HK office is hiring a Legal Counsel. Would you like to hear more?",
            "A role in HK",
            "Recruiter <mia@talentbridge.example>",
        ),
    )
    assert by_address.job_id == "centre"
    assert in_prose.job_id != "bank"


def test_the_job_pages_address_names_the_employers_own_domain() -> None:
    lab = JobFacts(
        "lab",
        "Assistant Professor",
        "The Harwick Laboratory",
        "applied",
        "https://hwl.wd1.myworkdayjobs.com/x/job/1",
    )
    biotech = JobFacts(
        "bio", "Principal Scientist", "Corvina", "applied", "https://careers.cvn.com/us/en/job/2"
    )
    board = JobFacts("board", "Analyst", "Pell & Co", "applied", "https://www.indeed.com/viewjob?jk=3")
    jobs = [lab, biotech, board]
    note = "Would you have 20 minutes for a call tomorrow? I'd like to talk with you about the search."
    assert route(jobs, mail(note, "Quick call?", "Marcus <marcus@hwl.org>")).job_id == "lab"
    assert route(jobs, mail(note, "Quick call?", "Kelsey <kelsey@cvn.com>")).job_id == "bio"
    assert route(jobs, mail(note, "Quick call?", "Indeed <team@indeed.com>")).job_id is None


def test_a_domain_may_drop_the_names_small_words_or_use_initials_after_its_first_word() -> None:
    carrefour = JobFacts("cfh", "Coordonnatrice de programme", "Carrefour des Familles Hochelaga", "applied")
    lakeside = JobFacts("lrrs", "Case Manager", "Lakeside Refugee Resettlement Services", "applied")
    jobs = [carrefour, lakeside]
    note = "Thank you for your application. We would like to invite you to an interview next week."
    by_run = route(jobs, mail(note, "Entrevue", "Isabelle <i.marchand@carrefourfamilles.org>"))
    by_initials = route(jobs, mail(note, "Interview", "Marcus <mgreene@lakesiderrs.org>"))
    assert by_run.job_id == "cfh"
    assert (by_initials.job_id, by_initials.bucket) == ("lrrs", PENDING_USER)


def test_an_e_signature_envelope_is_tied_to_the_employer_of_the_person_who_sent_it() -> None:
    fund = JobFacts("fund", "Community Investment Associate", "United Neighbours Fund", "offer")
    decision = route(
        [fund],
        mail(
            "Priya Raman sent you a document to review and sign. REVIEW DOCUMENT Priya Raman "
            "priya.raman@unitedneighbours.ca Hi Camila, here is your revised offer letter for signature.",
            "Please DocuSign: Offer_revised.pdf",
            "Priya Raman via DocuSign <dse_na3@docusign.net>",
        ),
    )
    assert decision.job_id == "fund"
    assert "the document is sent by priya.raman@unitedneighbours.ca" in decision.reason


def test_a_cjk_name_is_found_run_together_or_by_its_first_run_of_characters() -> None:
    bank = JobFacts("bank", "法律合规经理", "中国华信银行 新加坡分行", "applied")
    firm = JobFacts("firm", "Associate (Corporate)", "Kwok Tsang & Lam 郭曾林律師行", "applied")
    maker = JobFacts("maker", "経理", "Mirai Pay株式会社", "applied")
    jobs = [bank, firm, maker]
    run_together = route(
        jobs,
        mail(
            "您已完成“中国华信银行新加坡分行 – 法律合规经理岗位笔试”全部测评内容。",
            "您已完成测评",
            "北森 <noreply@beisen.com>",
        ),
    )
    first_run = route(
        jobs,
        mail(
            "感謝您應徵郭曾林律師行律師職位，現邀請您出席第二輪面試。",
            "第二輪面試邀請",
            "人力資源部 <hr@ktl-law.com.hk>",
        ),
    )
    legal_form_only = route(
        jobs, mail("株式会社サンプルより内定のご連絡です。", "内定のご連絡", "採用 <saiyo@sample.co.jp>")
    )
    assert run_together.job_id == "bank"
    assert first_run.job_id == "firm"
    assert legal_form_only.job_id != "maker"


def test_a_note_in_parentheses_keeps_two_jobs_at_one_employer_in_one_group() -> None:
    jobs = [
        JobFacts(
            "panel",
            "Senior Social Work Practitioner, Child Protection",
            "Tusla (publicjobs.ie campaign)",
            "applied",
        ),
        JobFacts("kerry", "Social Worker - Fostering (Irish language post), Kerry", "Tusla Kerry", "applied"),
    ]
    decision = route(
        jobs,
        mail(
            "Dear Siobhán, thank you for applying for the Social Worker - Fostering (Irish language post), Kerry. "
            "We have received your application.",
            "Application received",
            "Tusla Recruitment <recruitment@tusla.ie>",
        ),
    )
    assert (decision.job_id, decision.stage_target) == ("kerry", "applied")
    assert "title picks one of 2 jobs there" in decision.reason


def test_two_names_of_one_body_that_share_a_domain_are_told_apart_by_the_title() -> None:
    jobs = [
        JobFacts(
            "hutt",
            "Mental Health Social Worker - Community Mental Health, Hutt Valley",
            "Te Whatu Ora Capital, Coast & Hutt Valley",
            "applied",
            job_url="https://careers.tewhatuora.govt.nz/jobs/CCHV-26-0917",
        ),
        JobFacts(
            "icamhs",
            "Social Worker - ICAMHS",
            "Health NZ Waitematā",
            "applied",
            job_url="https://careers.tewhatuora.govt.nz/jobs/WTM-26-1144",
        ),
    ]
    icamhs = route(
        jobs,
        mail(
            "Kia ora Siobhán, thank you for applying for Social Worker - ICAMHS (WTM-26-1144). We have received "
            "your application and will be in touch.",
            "Application received",
            "Health NZ Recruitment <recruitment@tewhatuora.govt.nz>",
        ),
    )
    unnamed = route(
        jobs,
        mail(
            "Kia ora Siobhán, thank you for applying. We have received your application and will be in touch.",
            "Application received",
            "Health NZ Recruitment <recruitment@tewhatuora.govt.nz>",
        ),
    )
    assert (icamhs.job_id, icamhs.stage_target) == ("icamhs", "applied")
    assert "share that domain and the title picks Social Worker - ICAMHS" in icamhs.reason
    assert unnamed.bucket == PENDING_USER


def test_a_domain_under_a_registry_suffix_belongs_to_the_university_in_front_of_it() -> None:
    jobs = [
        JobFacts(
            "aub",
            "Head of Archives",
            "American University of Beirut (AUB)",
            "applied",
            "https://careers.aub.edu.lb/postings/10433",
        ),
        JobFacts("koc", "Lecturer in Museum Studies", "Koç Üniversitesi", "applied"),
    ]
    koc = route(
        jobs,
        mail("Thank you for submitting your application to Koç Üniversitesi.", sender="<hr@ku.edu.tr>"),
    )
    assert koc.job_id == "koc"
    assert "American University of Beirut" not in koc.reason


def test_a_hyphenated_domain_spelling_a_names_end_is_that_employer_not_another_sharing_a_word() -> None:
    jobs = [
        JobFacts("volley", "Team physiotherapist", "MKS Kraków Volley", "applied"),
        JobFacts("orleta", "Academy physiotherapist", "Akademia Piłkarska Orlęta Kraków", "applied"),
    ]
    decision = route(
        jobs,
        mail(
            "Dziękujemy za przesłanie CV. Zapraszamy na rozmowę kwalifikacyjną w środę.",
            sender="<rekrutacja@orleta-krakow.pl>",
        ),
    )
    assert decision.job_id == "orleta"


def test_the_word_museum_in_another_language_does_not_name_a_museum_called_by_it() -> None:
    jobs = [
        JobFacts("benaki", "Υπεύθυνη Αρχείων", "Μουσείο Μπενάκη", "applied"),
        JobFacts("leventis", "Senior Curator", "Leventis Municipal Museum of Nicosia", "applied"),
    ]
    decision = route(
        jobs,
        mail(
            "Αγαπητή κυρία, το Μουσείο επιβεβαιώνει τη συνέντευξή σας. We acknowledge receipt of your application "
            "to the Leventis Municipal Museum of Nicosia.",
            "Senior Curator",
            "<hr@leventismuseum.org.cy>",
        ),
    )
    assert decision.job_id == "leventis"
    assert "Μπενάκη" not in decision.reason


def test_a_domain_that_is_the_first_word_of_two_employers_goes_to_the_one_whose_title_the_mail_names() -> (
    None
):
    jobs = [
        JobFacts("cairo", "Shift Supervisor – Arabic Support", "Halcyon Contact Egypt", "applied"),
        JobFacts("bogota", "Supervisor Bilingüe – Bogotá", "Halcyon Contact Colombia", "applied"),
    ]
    decision = route(
        jobs,
        mail(
            "Dear Yasmin, you passed the language test and we invite you to the operations interview for the "
            "Shift Supervisor – Arabic Support position.",
            "HC Egypt – operations interview",
            "Nour <nour.s@halcyon.example>",
        ),
    )
    assert decision.job_id == "cairo"
    assert "the title picks Shift Supervisor – Arabic Support" in decision.reason
    assert decision.bucket == PENDING_USER


def test_an_employer_typed_as_an_agency_for_a_client_is_never_linked_without_its_title() -> None:
    job = JobFacts(
        "lambert", "Assistant Editor", "Reelhouse Talent (agency) - client Studio Lambert", "applied"
    )
    decision = route(
        [job],
        mail(
            "Hi Temi, something new has come in: an edit assistant on a wildlife doc series. Could we have a "
            "phone call on Friday to talk it through?",
            "Something new for you",
            "Priya at Reelhouse <priya@reelhousetalent.example>",
        ),
    )
    assert decision.bucket == PENDING_USER


def test_an_institution_typed_in_its_own_language_is_found_under_its_english_name() -> None:
    job = JobFacts("koc", "Assistant Professor", "Boğaziçi Üniversitesi", "applied")
    decision = route(
        [job],
        mail(
            "Dear Defne, thank you for your application for the Assistant Professor position. We have received it.",
            "Your application – Bogazici University",
            "Faculty Affairs <faculty@recruit-portal.example>",
        ),
    )
    assert decision.job_id == "koc"
    assert "subject names Boğaziçi Üniversitesi" in decision.reason


def test_a_domain_that_adds_plc_to_the_employers_name_is_its_own() -> None:
    job = JobFacts("ch", "Pricing Actuary", "Chaucer", "applied")
    decision = route(
        [job],
        mail("Hi Ruan, are you free for a quick call today?", "Today", "Oliver <oliver@chaucerplc.example>"),
    )
    assert "sender domain chaucerplc.example belongs to Chaucer" in decision.reason


def test_an_employer_that_writes_its_own_name_in_lower_case_is_found_so() -> None:
    jobs = [
        JobFacts("adipec", "Senior Conference Manager - ADIPEC", "dmg events", "applied"),
        JobFacts("big5", "Operations Manager - The Big 5", "dmg events", "applied"),
    ]
    acknowledgement = mail(
        "Thank you for your interest in dmg events! We have received your application for the Senior Conference "
        "Manager - ADIPEC position in Abu Dhabi.",
        "Thank you for applying to dmg events",
        "dmg events <no-reply@us.greenhouse-mail.io>",
    )
    decision = route(jobs, acknowledgement)
    assert (decision.job_id, decision.stage_target) == ("adipec", "applied")


def test_a_capitalised_employer_is_not_found_in_the_same_word_written_in_lower_case() -> None:
    decision = route(
        [LINEAR], mail("Thanks for applying! Progress is linear, so expect news soon.", "Update")
    )
    assert decision.job_id is None


def test_a_domain_of_several_words_of_one_name_is_that_employer_not_another_whose_page_site_shares_a_word() -> (
    None
):
    jobs = [
        JobFacts(
            "pankow",
            "Kitaleitung (m/w/d) – Kita Sonnenblume, Pankow",
            "Kita-Eigenbetrieb Spree-Nord",
            "applied",
        ),
        JobFacts(
            "friedrichshain",
            "Kitaleitung (m/w/d) Berlin-Friedrichshain",
            "Kinderzeit",
            "applied",
            job_url="https://www.kita.de/jobs/kitaleitung-berlin-friedrichshain-kinderzeit",
        ),
    ]
    decision = route(
        jobs,
        mail(
            "Sehr geehrte Frau Tavares, wir laden Sie herzlich zu einem Vorstellungsgespräch am 12. März um "
            "10 Uhr ein.",
            "Einladung zum Vorstellungsgespräch",
            "Claudia Behrendt <personal@kita-spree-nord.de>",
        ),
    )
    assert decision.job_id == "pankow"
    assert "Kinderzeit" not in decision.reason


def test_an_employer_written_with_initials_is_one_with_its_name_written_out() -> None:
    jobs = [
        JobFacts("vadodara", "Assistant Manager - Rotating Equipment", "L&T Energy Hydrocarbon", "applied"),
        JobFacts("hazira", "Deputy Manager - Mechanical Maintenance", "Larsen & Toubro", "applied"),
    ]
    decision = route(
        jobs,
        mail(
            "Dear Arun, thank you for your application for Assistant Manager - Rotating Equipment. Please take "
            "the online assessment linked below before 12 March.",
            "Larsen & Toubro: online assessment",
            "L&T Careers <careers@larsentoubro.com>",
        ),
    )
    assert decision.job_id == "vadodara"
    assert "title picks one of 2 jobs there" in decision.reason


def test_a_domain_in_another_country_than_the_name_says_is_not_that_employers_own() -> None:
    new_zealand = JobFacts(
        "nz",
        "Corrections Officer",
        "Corrections NZ",
        "applied",
        job_url="https://careers.corrections.govt.nz/j/1",
    )
    queensland = JobFacts("qld", "Custodial Correctional Officer", "QCS", "applied")
    decision = route(
        [new_zealand, queensland],
        mail(
            "Dear Cerys, thank you for attending the panel interview for the Custodial Correctional Officer role.",
            "Your application",
            "Recruitment <recruitment@corrections.qld.gov.au>",
        ),
    )
    home = route(
        [new_zealand, queensland],
        mail(
            "Kia ora Cerys, thank you for your application for the Corrections Officer role.",
            "Your application",
            "Recruitment <recruitment@corrections.govt.nz>",
        ),
    )
    assert decision.job_id != "nz" and "Corrections NZ" not in decision.reason
    assert home.job_id == "nz" and "belongs to Corrections NZ" in home.reason


def test_employers_group_by_a_shared_name_or_initials_whatever_the_order_they_were_added_in() -> None:
    names = [
        "Northern Rail",
        "Larsen & Toubro",
        "Guy's and St Thomas'",
        "Northern Trust",
        "L&T Energy Hydrocarbon",
        "Guy's and St Thomas' NHS Foundation Trust",
        "Northern Rail Ltd",
    ]
    for ordered in (names, names[::-1]):
        jobs = [JobFacts(f"job-{index}", "Analyst", name, "applied") for index, name in enumerate(ordered)]
        groups = EmployerIndex(jobs).groups
        together = sorted(sorted(job.employer for job in group) for group in groups.values())
        assert together == [
            ["Guy's and St Thomas'", "Guy's and St Thomas' NHS Foundation Trust"],
            ["L&T Energy Hydrocarbon", "Larsen & Toubro"],
            ["Northern Rail", "Northern Rail Ltd"],
            ["Northern Trust"],
        ]


def test_an_employer_tracked_by_its_acronym_and_by_its_full_name_is_one_employer_whose_titles_decide() -> (
    None
):
    jobs = [
        JobFacts("tb", "Research Lab Technologist (TB culture)", "Horn Health Research Institute", "applied"),
        JobFacts("qa", "Laboratory Quality Officer", "HHRI", "applied"),
    ]
    assert sorted(len(group) for group in EmployerIndex(jobs).groups.values()) == [2]
    assert sorted(len(group) for group in EmployerIndex(jobs[::-1]).groups.values()) == [2]
    decision = route(
        jobs,
        mail(
            "Liya Getachew is inviting you to a scheduled Zoom meeting.\n\nTopic: HHRI panel interview - "
            "Research Lab Technologist (TB culture)\nTime: Feb 19, 2026 10:00 AM Nairobi",
            "Invitation: HHRI panel interview - Research Lab Technologist",
            "Zoom <no-reply@zoom.us>",
        ),
    )
    assert decision.job_id == "tb"


def test_a_groups_domain_without_the_word_group_is_every_member_employers() -> None:
    clinic = JobFacts(
        "c", "Infermiere Terapia Intensiva", "Clinica Primavera Bologna (Gruppo Primavera Salute)"
    )
    home = JobFacts("h", "Infermiere domiciliare ADI", "Primavera Home Care (Gruppo Primavera Salute)")
    index = EmployerIndex([clinic, home])
    assert index.groups_for_domain("primaverasalute.example") == {
        "clinica primavera bologna",
        "primavera home care",
    }


def test_a_group_name_one_employer_carries_names_every_member_employer() -> None:
    assets = JobFacts("a", "Trainee Kapitalanlagen", "Fels Asset Management GmbH (Fels Gruppe)")
    insurer = JobFacts("i", "Traineeprogramm Versicherungsbetrieb", "Fels Versicherung AG")
    other = JobFacts("o", "Trainee Einkauf", "Sonne Drogeriemärkte GmbH")
    index = EmployerIndex([assets, insurer, other])
    named = index.mentioned(wording("Vielen Dank für Ihr Interesse an der Fels Gruppe."))
    assert named == {index.group_of("a"), index.group_of("i")}
    assert index.mentioned(wording("Fels Versicherung AG")) == {index.group_of("i")}


def test_a_body_named_after_an_umbrellas_dash_is_found_by_that_name_alone() -> None:
    jobs = [
        JobFacts(
            "north", "Préposé aux bénéficiaires", "Santé Québec – CIUSSS de la Rive-Nord-Est", "applied"
        ),
        JobFacts("shore", "Préposé aux bénéficiaires", "CHSLD privé Les Berges-Dorées", "applied"),
    ]
    body = (
        "Bonjour Madame Joseph, je vous convoque en entrevue le 3 mars au CHSLD des Pins.\n"
        "Julie Tremblay, conseillère en acquisition de talents\nCIUSSS de la Rive-Nord-Est"
    )
    decision = route(
        jobs, mail(body, "Convocation en entrevue – PAB", "Julie Tremblay <julie.t@gouv.example>")
    )
    assert decision.job_id == "north"


def test_an_office_after_a_dash_names_no_employer_alone() -> None:
    index = EmployerIndex([JobFacts("a", "Referent", "Město Dolní Brod – Městský úřad", "applied")])
    assert not index.mentioned(wording("Městský úřad Lúčany vás zve na pohovor."))
