"""What a Gmail sync reaches: mail in every language, tracked employers' mail, whole threads and the owner's replies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from jobops import providers
from jobops.config import Settings
from jobops.db import session_scope
from jobops.gmail.query import MAX_QUERY_CHARS, recruitment_searches
from jobops.models import Job, MailMessage
from tests.builders import stored_job
from tests.fakes.google import FakeGoogle


def sync(engine: Engine, settings: Settings) -> dict:
    return providers.sync_account(
        engine, "gmail", "default", settings=settings, search_days=30, max_messages=500
    )


def applied_job(engine: Engine, employer: str, title: str = "Data Engineer") -> str:
    return stored_job(engine, title, employer, applied_at=datetime.now(UTC) - timedelta(days=20))


def stored_subjects(engine: Engine) -> set[str]:
    with session_scope(engine) as session:
        return set(session.scalars(select(MailMessage.subject)))


def message(engine: Engine, subject: str) -> MailMessage:
    with session_scope(engine) as session:
        return session.scalars(select(MailMessage).where(MailMessage.subject == subject)).one()


def test_every_search_stays_under_the_query_length_gmail_accepts() -> None:
    employers = [f"Employer Number {i} Holdings" for i in range(200)]
    searches = recruitment_searches(30, employers, [f"employer{i}.example" for i in range(200)])
    assert len(searches) > 3
    assert all(len(search) <= MAX_QUERY_CHARS for search in searches)
    joined = " ".join(searches)
    assert '"Employer Number 199 Holdings"' in joined and "from:employer199.example" in joined
    assert "Bewerbung" in joined and "面接" in joined and "candidatura" in joined


def test_an_employer_typed_with_its_agency_is_searched_under_both_names() -> None:
    joined = " ".join(recruitment_searches(30, ["Peloton (via Heidrick & Struggles)", "Acme / Acme Group"]))
    assert "Peloton" in joined and '"Heidrick Struggles"' in joined
    assert '"Acme Group"' in joined and '"Peloton via' not in joined


def test_an_employer_is_also_searched_under_the_shorter_name_mail_uses() -> None:
    joined = " ".join(recruitment_searches(30, ["Kineto Vital Cluj", "FitLab UA", "Stripe, Inc."]))
    assert '"Kineto Vital Cluj"' in joined and '"Kineto Vital"' in joined
    assert '"FitLab UA"' in joined and " FitLab " in f" {joined} "
    assert '"Stripe Inc"' not in joined and "Stripe" in joined


@pytest.mark.usefixtures("connected")
def test_mail_in_other_languages_with_no_english_word_is_fetched(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    google.add_message(
        sender="採用担当 <saiyo@example.co.jp>",
        subject="一次面接のご案内",
        text="面接の日程をご連絡いたします。",
    )
    google.add_message(
        sender="RH <rh@example.fr>",
        subject="Votre candidature",
        text="Nous avons bien reçu votre candidature.",
    )
    google.add_message(sender="Mama <mama@example.de>", subject="Sonntag", text="Kommst du zum Essen?")

    sync(engine, settings)

    assert stored_subjects(engine) == {"一次面接のご案内", "Votre candidature"}


@pytest.mark.usefixtures("connected")
def test_mail_in_more_languages_and_a_recruiters_first_mail_naming_no_application_are_fetched(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    written = {
        "זימון לראיון": "שלום, נשמח להזמין אותך לראיון עבודה ביום שלישי.",
        "შედეგი": "სამწუხაროდ, თქვენი კანდიდატურა არ შეირჩა.",
        "Satınalma meneceri": "Telefon müsahibəsi üçün vaxt təklif edirik.",
        "Xarid bo'yicha mutaxassis": "Afsuski, arizangiz bo'yicha ijobiy qaror qabul qilinmadi.",
        "Heddlu Gwent": "Diolch am eich cais. Hoffem eich gwahodd i gyfweliad: cyfweliad ar 4 Ebrill.",
        "Обратная связь": "Благодарим за участие в интервью.",
        "Valleywise update": "They filled the spots with other travelers; sorry about your submission.",
        "Processingenjör i Malmö": "Hej! Jag söker en processingenjör åt en kund. Har du tid för ett kort samtal?",
        "Inför intervjun på torsdag": "Hej, här kommer några tips inför intervjun med Anna.",
        "Verkefnastjóri fráveitu": "Sæl, ég er að leita að verkfræðingi í starf hjá sveitarfélagi.",
        "Gerente de tiendas": "Hola, te escribo por una búsqueda confidencial para una cadena de farmacias.",
        "Hola desde Lima": "Ya le pasé tu CV a nuestra directora, seguro te escribe esta semana.",
        "ጥሪ": "ውድ መሮን፣ ያቀረቡት ማመልከቻ ታይቶ ለቃለ መጠይቅ ተጋብዘዋል።",
        "Ubutumire": "Muraho, mwashyizwe ku rutonde rw'abazakora ikizamini ku wa Gatatu.",
        "Visszaigazolva: Kovács Anna": "Esemény típusa: 30 perces telefonos beszélgetés, péntek 13:00.",
        "Vodja skladišča, Celje": "Pozdravljeni, bi bili pripravljeni na kratek telefonski pogovor ta teden?",
        "招待: 実技試験・最終面談 @ 3月27日": "星野さんから次の予定に招待されました。日時: 3月27日 21:00",
    }
    for subject, text in written.items():
        google.add_message(sender="HR <hr@example.ge>", subject=subject, text=text)
    google.add_message(sender="Mama <mama@example.ge>", subject="კვირა", text="სადილზე მოხვალ?")

    sync(engine, settings)

    assert stored_subjects(engine) == set(written)


@pytest.mark.usefixtures("connected")
def test_mail_that_only_names_a_tracked_employer_is_fetched(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    applied_job(engine, "Northwind Traders Ltd")
    google.add_message(
        sender="Kim <kim@mail.example>", subject="Northwind Traders", text="Bist du Dienstag frei? Gruß, Kim"
    )

    sync(engine, settings)

    assert stored_subjects(engine) == {"Northwind Traders"}


@pytest.mark.usefixtures("connected")
def test_mail_naming_a_tracked_employer_by_its_shorter_registered_name_is_fetched(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    applied_job(engine, "Kineto Vital Cluj")
    google.add_message(
        sender="eJobs <noreply@ejobs.example>",
        subject="KINETO VITAL SRL ți-a vizualizat CV-ul",
        text="Vești bune! Angajatorul KINETO VITAL SRL ți-a vizualizat CV-ul.",
    )

    sync(engine, settings)

    assert stored_subjects(engine) == {"KINETO VITAL SRL ți-a vizualizat CV-ul"}


@pytest.mark.usefixtures("connected")
def test_mail_from_the_domain_of_a_tracked_jobs_careers_site_is_fetched(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    stored_job(
        engine,
        "Schulsozialarbeiter",
        "Evangelisches Hilfswerk Salzach",
        applied_at=datetime.now(UTC) - timedelta(days=20),
        job_url="https://karriere.ehs-salzach.example/jobs/5521",
    )
    google.add_message(
        sender="Thomas <thomas@ehs-salzach.example>",
        subject="Kurz telefonieren morgen?",
        text="Hallo Jonas, hast du morgen zehn Minuten? LG Thomas",
    )

    sync(engine, settings)

    assert stored_subjects(engine) == {"Kurz telefonieren morgen?"}


@pytest.mark.usefixtures("connected")
def test_the_owners_withdrawal_in_a_linked_thread_closes_the_job(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    job_id = applied_job(engine, "Northwind")
    google.add_message(
        sender="Northwind Talent <talent@northwind.example>",
        subject="Interview for the Data Engineer role",
        text="We would like to invite you to a technical interview for the Data Engineer role at Northwind.",
        thread_id="t-northwind",
        age=timedelta(days=2),
    )
    google.add_message(
        from_me=True,
        subject="Re: Interview for the Data Engineer role",
        thread_id="t-northwind",
        text="Hi Sam, I have accepted another offer, so I would like to withdraw. Thank you for your time.",
    )

    sync(engine, settings)

    reply = message(engine, "Re: Interview for the Data Engineer role")
    assert (reply.from_me, reply.stage_target, reply.processing_status) == (True, "withdrawn", "auto_linked")
    with session_scope(engine) as session:
        job = session.get(Job, job_id)
        assert (job.current_stage, job.outcome) == ("closed", "withdrawn")


@pytest.mark.usefixtures("connected")
def test_a_reply_with_no_keyword_in_a_known_thread_is_fetched_on_the_next_sync(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    applied_job(engine, "Northwind")
    google.add_message(
        sender="Northwind Talent <talent@northwind.example>",
        subject="Interview for the Data Engineer role",
        text="We would like to invite you to a technical interview for the Data Engineer role at Northwind.",
        thread_id="t-northwind",
    )
    sync(engine, settings)
    google.add_message(
        sender="Sam <sam@gmail.example>",
        subject="Re: Thursday",
        text="Sounds good, see you then!",
        thread_id="t-northwind",
    )
    google.add_message(sender="Sam <sam@gmail.example>", subject="Lunch", text="Sounds good, see you then!")
    google.add_message(from_me=True, subject="Re: Thursday", text="Perfect, thanks!", thread_id="t-northwind")

    again = sync(engine, settings)

    assert again.mode == "incremental" and again.fetched == 2
    assert "Lunch" not in stored_subjects(engine)


@pytest.mark.usefixtures("connected")
def test_the_same_mailbox_routes_the_same_way_every_time(
    engine: Engine, settings: Settings, google: FakeGoogle, tmp_path_factory: pytest.TempPathFactory
) -> None:
    for employer in ("Northwind", "Contoso"):
        applied_job(engine, employer)
    for number in range(120):
        employer = ("Northwind", "Contoso")[number % 2]
        google.add_message(
            sender=f"{employer} Talent <talent@{employer.lower()}.example>",
            subject=f"{employer}: your application ({number})",
            text=(
                "Thanks for applying to the Data Engineer role."
                if number < 60
                else "We would like to invite you to a technical interview for the Data Engineer role."
            ),
            thread_id=f"t-{employer}-{number % 7}",
            age=timedelta(minutes=number),
        )

    first = _decisions(engine, settings)
    second_engine = _fresh(tmp_path_factory)
    for employer in ("Northwind", "Contoso"):
        applied_job(second_engine, employer)
    from tests.fakes.consent import connect_gmail

    connect_gmail(second_engine, settings=settings)
    second = _decisions(second_engine, settings)

    assert first == second and len(first) == 120


def _decisions(engine: Engine, settings: Settings) -> dict[str, tuple]:
    sync(engine, settings)
    with session_scope(engine) as session:
        jobs = {job.id: job.employer for job in session.scalars(select(Job))}
        return {
            m.external_message_id: (jobs.get(m.matched_job_id or ""), m.stage_target, m.processing_status)
            for m in session.scalars(select(MailMessage))
        }


def _fresh(factory: pytest.TempPathFactory) -> Engine:
    from jobops.db import make_engine, migrate

    engine = make_engine(f"sqlite:///{factory.mktemp('second')}/t.db")
    migrate(engine)
    return engine
