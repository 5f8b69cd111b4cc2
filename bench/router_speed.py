"""Print how long the smart router takes for 10,000 messages against 1,000 active jobs."""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jobops.router import JobFacts, MailFacts, Router, RouterMemory  # noqa: E402
from jobops.router.learned import shipped_reader  # noqa: E402

JOBS = 1_000
MESSAGES = 10_000
TARGET_SECONDS = 10.0
SYLLABLES = [
    "zan",
    "tri",
    "quor",
    "vel",
    "mo",
    "ka",
    "lin",
    "dex",
    "ora",
    "pix",
    "sul",
    "ven",
    "ta",
    "rho",
    "bri",
]
SUFFIXES = ["", " Inc.", " GmbH", " Ltd", " Labs", " SA", " plc", " AI"]
TITLES = [
    "Backend Engineer",
    "Senior Software Engineer",
    "Data Engineer, Payments",
    "Product Manager",
    "Site Reliability Engineer",
    "Frontend Engineer",
    "Machine Learning Engineer",
    "Engineering Manager",
    "Solutions Architect",
    "Data Scientist",
    "Product Designer",
    "Platform Engineer",
]
SENDERS = [
    "no-reply@greenhouse.io",
    "no-reply@hire.lever.co",
    "noreply@smartrecruiters.com",
    "talent@{domain}",
]
BODIES = [
    "Hi Alex,\n\nThank you for applying for the {title} role at {employer}. We have received your application.\n",
    "Hi Alex,\n\nWe'd like to invite you to a technical interview for the {title} position at {employer}.\n",
    "Hi Alex,\n\nUnfortunately we have decided not to move forward with your application for {title}.\n",
    "Hi Alex,\n\nThe next step is a take-home coding challenge for the {title} role.\n\nOn Mon, 6 May 2024, {employer} wrote:\n> We received your application.\n",
    "Your job alert: 12 new jobs matching {title}\n\n{title} - {employer} - Remote\nUnsubscribe\n",
    "Hallo Alex,\n\nvielen Dank für Ihre Bewerbung als {title} bei {employer}. Wir haben Ihre Bewerbung erhalten.\n",
]


def synthetic_jobs(rng: random.Random) -> list[JobFacts]:
    """Active jobs at made-up employers, a few employers with several jobs."""
    jobs = []
    for index in range(JOBS):
        name = "".join(rng.choice(SYLLABLES) for _ in range(3)).title() + rng.choice(SUFFIXES)
        jobs.append(
            JobFacts(id=f"job-{index}", title=rng.choice(TITLES), employer=name, current_stage="applied")
        )
    return jobs


def synthetic_mail(rng: random.Random, jobs: list[JobFacts], index: int) -> MailFacts:
    """A mail about one of the jobs, in one of several shapes, sometimes padded with a long footer."""
    job = rng.choice(jobs)
    domain = job.employer.split()[0].lower() + ".com"
    address = rng.choice(SENDERS).format(domain=domain)
    body = rng.choice(BODIES).format(title=job.title, employer=job.employer)
    if index % 50 == 0:
        body += "Lorem ipsum dolor sit amet. " * 2_000
    return MailFacts(
        message_id=f"m-{index}",
        thread_id=f"t-{index % 3000}",
        from_address=address,
        from_domain=address.rpartition("@")[2],
        sender_name=f"{job.employer} Recruiting",
        subject=f"Your application: {job.title} at {job.employer}",
        received_at=datetime(2024, 5, 1, tzinfo=UTC),
        body_text=body,
    )


def main() -> None:
    """Build the data, time the routing, print the figures."""
    rng = random.Random(7)
    jobs = synthetic_jobs(rng)
    mails = [synthetic_mail(rng, jobs, index) for index in range(MESSAGES)]
    memory = RouterMemory(thread_jobs={f"t-{n}": f"job-{n}" for n in range(0, 3000, 10)})
    trained = time.perf_counter()
    reader = shipped_reader()  # trained or loaded once per process, before the first routing
    training = time.perf_counter() - trained
    started, cpu_started = time.perf_counter(), time.process_time()
    router = Router(jobs, reader)
    decisions = [router.route(mail, memory) for mail in mails]
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    mark = "ok" if elapsed < TARGET_SECONDS else "OVER TARGET"
    print(f"jobs                 {JOBS}")
    print(f"messages             {len(decisions)}")
    print(f"seconds              {elapsed:.2f}  (target < {TARGET_SECONDS:.0f}) {mark}")
    print(f"cpu seconds          {cpu:.2f}  (differs from wall time when other work shares the cores)")
    print(f"messages per second  {len(decisions) / elapsed:,.0f}")
    print(
        f"learned reader       {'ready in ' + format(training, '.1f') + ' s (trained, or loaded from .cache/), once per process' if reader else 'absent'}"
    )


if __name__ == "__main__":
    main()
