"""The kind of mail decides the stage: reschedules, reminders and checks change nothing; final rounds by any name."""

from __future__ import annotations

import pytest

from jobops.router import JobFacts, RouterMemory
from jobops.router.kinds import no_change_kind
from jobops.router.text import fold
from jobops.stages import AUTO_LINKED, PENDING_USER
from tests.router.builders import mail, route

NORTHWIND = JobFacts("nw", "Data Engineer", "Northwind", "technical_interview")
SENDER = "Priya at Northwind <priya@northwind.example>"


def read(body: str, subject: str = "Data Engineer at Northwind", **options: object):
    return route([NORTHWIND], mail(body, subject, SENDER, **options))


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Your interview has been rescheduled",
            "Your technical interview for the Data Engineer role has been moved "
            "to Thursday at 2pm. The link stays the same.",
        ),
        (
            "Updated invitation: Northwind technical interview",
            "This event has been changed. Technical interview, "
            "Data Engineer. Invitation from Google Calendar",
        ),
        (
            "更新された招待: 最終面接 – Northwind @ 2026年3月28日(土) 18:00",
            "この予定は変更されました。最終面接、Data Engineer。Google カレンダーからの招待状",
        ),
        (
            "Pahinumdom: Panel Interview ugma, 3:30 PM",
            "Maayong adlaw! Pahinumdom lang nga ang imong panel interview para sa Data Engineer ugma sa 3:30 PM.",
        ),
        (
            "Reminder: your final round tomorrow",
            "Just a reminder that your final round for the Data Engineer role is tomorrow at 10am.",
        ),
        (
            "Background check",
            "As part of your offer for the Data Engineer role, please complete the background check "
            "with our provider.",
        ),
        (
            "Preparing for your onsite",
            "Here are a few tips to help you prepare for your onsite: system design, coding.",
        ),
        (
            "Notice: your assessment data",
            "In line with our data retention policy, your online assessment answers for the Data Engineer role "
            "will be deleted on 1 March. No action is needed.",
        ),
    ],
)
def test_mail_about_a_step_that_changes_nothing_is_no_change(subject: str, body: str) -> None:
    assert read(body, subject).stage_target == "no_change"


@pytest.mark.parametrize(
    "step", ["a full loop", "an interview loop", "a virtual onsite", "a paid work trial"]
)
def test_every_name_of_the_last_round_is_the_final_round(step: str) -> None:
    decision = read(f"Great news: we'd like to invite you to {step} for the Data Engineer role next week.")
    assert decision.stage_target == "onsite"


def test_a_kind_long_rejection_without_unfortunately_is_a_rejection() -> None:
    decision = read(
        "Thank you so much for the time you gave us. It was a genuinely hard decision, and we have decided to move "
        "forward with other candidates for the Data Engineer role. We were impressed and hope our paths cross again.",
        "An update on your application",
    )
    assert decision.stage_target == "rejected"


def test_a_rejection_in_a_thread_whose_subject_names_interviews_is_a_rejection() -> None:
    decision = read(
        "Hi, thank you for meeting the team. We will not be moving forward with your application.",
        "Re: Onsite interviews – Data Engineer",
    )
    assert decision.stage_target == "rejected"


def test_a_call_to_talk_tomorrow_is_not_an_offer() -> None:
    assert (
        read(
            "Hi! Do you have 15 minutes tomorrow for a quick call? I have some news.", "Quick chat?"
        ).stage_target
        != "offer"
    )


def test_moving_forward_without_naming_the_step_goes_to_review() -> None:
    decision = read(
        "Good news: the team would like to move you forward in the process for the Data Engineer role."
    )
    assert decision.bucket == PENDING_USER


def test_good_news_words_next_to_unfortunately_are_never_logged_by_themselves() -> None:
    decision = (
        read(
            "Thanks for the system design interview. Unfortunately the team has decided not to continue.",
            thread="t1",
            memory=None,
        )
        if False
        else route(
            [NORTHWIND],
            mail(
                "Unfortunately we cannot offer you the final round slot this week; we will send new times.",
                "Final round",
                SENDER,
            ),
        )
    )
    assert decision.bucket == PENDING_USER


def test_a_japanese_rejection_is_read_as_a_rejection_and_left_for_review() -> None:
    decision = route(
        [NORTHWIND],
        mail(
            "慎重に選考を重ねました結果、誠に残念ながら今回はご期待に添えない結果となりました。",
            "選考結果のご連絡（Northwind）",
            SENDER,
        ),
    )
    assert (decision.relevant, decision.stage_target, decision.bucket) == (True, "rejected", PENDING_USER)


def test_a_short_reply_in_a_linked_thread_is_relevant() -> None:
    memory = RouterMemory(thread_jobs={"t-nw": "nw"})
    decision = route(
        [NORTHWIND], mail("Signed!", "Re: Your offer from Northwind", SENDER, thread="t-nw"), memory
    )
    assert (decision.relevant, decision.job_id, decision.stage_target, decision.bucket) == (
        True,
        "nw",
        "no_change",
        AUTO_LINKED,
    )


def test_an_offer_with_an_emoji_subject_is_an_offer() -> None:
    decision = read(
        "We're delighted to offer you the Data Engineer position! Your offer letter is attached.",
        "🎉 Your offer from Northwind 🎉",
    )
    assert decision.stage_target == "offer"


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (
            "We have now filled the Data Engineer role with a candidate who could start straight away.",
            "rejected",
        ),
        ("Tym razem nie przejdziemy jednak dalej – zdecydowaliśmy się na inną osobę.", "rejected"),
        (
            "Nach sorgfältiger Abwägung haben wir uns für eine Kollegin entschieden, die bereits bei uns arbeitet.",
            "rejected",
        ),
        ("We regret that the post has been withdrawn and will not be filled this year.", "closed"),
        (
            "We regret to inform you that, after the budget review, the Analyst post will not be filled in 2026. "
            "The selection procedure is therefore cancelled.",
            "closed",
        ),
        (
            "We regret to inform you that the panel interviews planned for Monday have been suspended until "
            "further notice while the hiring budget is reviewed.",
            "closed",
        ),
        (
            "At your request, the conditional offer of employment for the post below has been withdrawn.",
            "withdrawn",
        ),
    ],
)
def test_decisions_are_read_whoever_they_come_from(body: str, stage: str) -> None:
    assert read(body, "Your application").stage_target == stage


def test_a_podcast_from_a_tracked_employers_own_domain_is_noise() -> None:
    decision = route(
        [JobFacts("sp", "Data Engineer", "Spotify", "applied")],
        mail(
            "New episode from a show you follow: how to crush your final round interview. Listen now.",
            "New episode: How to crush your final round",
            "Spotify <no-reply@spotify.com>",
        ),
    )
    assert not decision.relevant


@pytest.mark.parametrize(
    ("subject", "kind"),
    [
        ("Annulé : Entretien final – Responsable marketing – jeu. 5 mars", "cancellation"),
        ("Zrušeno: Finální pohovor – Analytik", "cancellation"),
        ("Canceled: Sam Lee – Kauri Pay final round", "cancellation"),
        ("Actualizada: Entrevista por competencias – Jefe de sala", "reschedule"),
        ("Mise à jour : Entrevue – comité de sélection", "reschedule"),
        ("Mañana en la oficina – información práctica", "preparation"),
        ("Work trial — everything you need for Monday", "preparation"),
        ("Notification: Kvali — Technical interview @ Tue Mar 24, 2026 5pm", "reminder"),
    ],
)
def test_calendar_prefixes_and_practical_notes_are_kinds_that_change_nothing(subject: str, kind: str) -> None:
    found = no_change_kind(fold(f"{subject}\nSee you soon."))
    assert found is not None and found[0] == kind


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (
            "We are pleased to invite you to a panel interview on 12 May at 10:00. On the day, please bring "
            "proof of your right to work and two forms of ID.",
            "technical_interview",
        ),
        (
            "Good news: you have reached the final stage, a meeting with our CEO on Friday. We will ask for "
            "your referees afterwards.",
            "onsite",
        ),
        (
            "Please complete the online assessment within five days. It ends with a short survey about your "
            "experience of the test.",
            "assessment",
        ),
    ],
)
def test_a_step_named_first_and_a_check_or_survey_after_it_suggest_the_step(body: str, stage: str) -> None:
    applied = JobFacts("nw", "Data Engineer", "Northwind", "applied")
    decision = route([applied], mail(body, "Data Engineer at Northwind: next step", SENDER))
    assert (decision.stage_target, decision.bucket) == (stage, PENDING_USER)
