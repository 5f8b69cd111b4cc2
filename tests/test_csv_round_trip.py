"""A jobs CSV exported by JobOps comes back whole when imported again, and only once."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from jobops import job_csv, jobs
from tests.builders import add_job, close_job, move

KEPT = (
    "title",
    "employer",
    "jobUrl",
    "location",
    "source",
    "status",
    "currentStage",
    "outcome",
    "appliedAt",
    "closedAt",
    "salary",
    "recruiterName",
    "recruiterEmail",
    "nextStep",
    "nextStepDue",
    "nextStepTime",
    "notes",
)


def import_text(session: Session, text: str) -> dict[str, Any]:
    frame = job_csv.read_csv(text.encode())
    return job_csv.import_jobs(session, frame, job_csv.guess_mapping(list(frame.columns)))


def everything(session: Session) -> list[dict[str, Any]]:
    """What a user sees of each job, by employer."""
    items = sorted(
        (job.dump() for job in jobs.list_jobs(session, limit=100).items), key=lambda j: j["employer"]
    )
    return [{key: job[key] for key in KEPT} for job in items]


def seed(session: Session) -> None:
    """An open job with every field filled, one moved on, one closed."""
    full = add_job(
        session,
        **{
            "title": "Backend Engineer",
            "employer": "Stripe",
            "jobUrl": "https://stripe.com/jobs/1",
            "location": "Dublin",
            "source": "Referral",
            "appliedAt": "2026-10-01T09:30:00Z",
            "salary": "€90–100k + equity",
            "recruiterName": "Maya Chen",
            "recruiterEmail": "maya@stripe.com",
            "nextStep": "Technical interview with Anna",
            "nextStepDue": "2026-12-02",
            "nextStepTime": "14:30",
            "notes": "Referred by Sam.\nAsk about on-call.",
        },
    )
    add_job(
        session,
        **{
            "title": "SRE",
            "employer": "Lumen",
            "appliedAt": "2026-10-05",
            "nextStep": "Follow up",
            "nextStepDue": "2026-11-20",
        },
    )
    closed = add_job(session, **{"title": "Data Engineer", "employer": "Quarry", "appliedAt": "2026-09-20"})
    close_job(session, closed.id, outcome="rejected", closed_at="2026-10-15T16:00:00Z")
    move(session, full.id, "technical_interview", occurred_at="2026-10-20T10:00:00Z")


def test_an_export_imported_into_an_empty_database_keeps_every_field(session: Session) -> None:
    seed(session)
    before = everything(session)
    exported = job_csv.export_jobs_csv(session)
    for job in jobs.list_jobs(session).items:
        jobs.delete_job(session, job.id)

    report = import_text(session, exported)

    assert report == {"imported": 3, "skipped": []}
    assert everything(session) == before


def test_importing_the_same_export_twice_adds_nothing_the_second_time(session: Session) -> None:
    seed(session)
    exported = job_csv.export_jobs_csv(session)
    for job in jobs.list_jobs(session).items:
        jobs.delete_job(session, job.id)
    import_text(session, exported)
    once = everything(session)

    report = import_text(session, exported)

    assert report["imported"] == 0
    assert [row["reason"] for row in report["skipped"]] == [job_csv.DUPLICATE] * 3
    assert everything(session) == once


def test_a_spreadsheets_next_step_due_day_and_time_are_read_like_its_other_dates(session: Session) -> None:
    report = import_text(
        session,
        "Company,Position,Date Applied,Next step,Due date,Due time\n"
        "Stripe,Backend Engineer,20/02/2026,Call Maya,25/03/2026,2:30 PM\n"
        "Lumen,SRE,21/02/2026,,,\n",
    )

    assert report == {"imported": 2, "skipped": []}
    stripe, lumen = everything(session)[1], everything(session)[0]
    assert (stripe["nextStep"], stripe["nextStepDue"], stripe["nextStepTime"]) == (
        "Call Maya",
        "2026-03-25",
        "14:30",
    )
    assert lumen["nextStep"] is None
    assert stripe["notes"] is None


def test_a_due_time_that_is_not_a_time_skips_the_row_and_says_why(session: Session) -> None:
    report = import_text(
        session, "Company,Position,Next step,Due date,Due time\nStripe,Engineer,Call,2026-03-25,soon\n"
    )

    assert report["imported"] == 0
    assert report["skipped"] == [
        {"row": 2, "reason": "nextStepTime 'soon' is not a time (write 14:30 or 2:30 PM)."}
    ]
