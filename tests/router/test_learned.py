"""The learned second reader: what it learns from, and how it can only add doubt to the rules' decisions."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from scipy import sparse

from jobops.router import JobFacts, Router, RouterMemory, learned
from jobops.router.learned import (
    current_reader,
    probabilities,
    reading_with,
    train,
    tuning_rows,
)
from jobops.stages import AUTO_LINKED, IGNORED, PENDING_USER
from tests.router.builders import mail

JOB = JobFacts("nw", "Data Engineer", "Northwind", "applied")
SENDER = "Northwind Talent <talent@northwind.example>"


def row(subject: str, body: str, relevant: bool, stage: str = "no_change") -> dict[str, Any]:
    return {"subject": subject, "body_text": body, "label": {"relevant": relevant, "stage_target": stage}}


def reader_from_examples() -> Any:
    """A reader that learned rejections, screens and newsletters from a handful of mails."""
    rows = [
        *(
            row("Update", f"We regret that we will not progress your application {i}.", True, "rejected")
            for i in range(8)
        ),
        *(
            row("Call", f"Could we book a short phone screen this week? Slot {i}", True, "recruiter_screen")
            for i in range(8)
        ),
        *(
            row("Digest", f"Top stories in gardening this week, issue {i}. Unsubscribe.", False)
            for i in range(8)
        ),
        *(row("Sale", f"Spring sale on seeds and tools, code {i}. Unsubscribe.", False) for i in range(8)),
    ]
    return train(rows)


def test_an_automatic_link_the_reader_reads_otherwise_waits_with_its_reading() -> None:
    invite = mail(
        "Hi Sam, Northwind would like to invite you to a technical interview for the Data Engineer role next "
        "Tuesday.",
        "Northwind: technical interview",
        SENDER,
    )
    assert Router([JOB]).route(invite).bucket == AUTO_LINKED
    decision = Router([JOB], reader_from_examples()).route(invite)
    assert decision.bucket == PENDING_USER
    assert "the learned reader reads it as" in decision.reason


def test_an_automatic_link_the_reader_agrees_with_stays_linked() -> None:
    screen = mail(
        "Hi Sam, thanks for applying to the Data Engineer role at Northwind. Could we book a short phone screen "
        "this week?",
        "Northwind: phone screen",
        SENDER,
    )
    assert Router([JOB], reader_from_examples()).route(screen).bucket == Router([JOB]).route(screen).bucket


def test_mail_the_rules_ignore_but_the_reader_is_sure_about_waits_for_review() -> None:
    note = mail(
        "We regret that we will not progress your application.", "Update", "Ana <ana@mailbox.example>"
    )
    assert Router([JOB]).route(note).bucket == IGNORED
    decision = Router([JOB], reader_from_examples()).route(note)
    assert (decision.relevant, decision.bucket) == (True, PENDING_USER)
    assert "the learned reader is sure it is recruiting mail" in decision.reason


def test_the_reader_learns_from_tuning_sets_only(tmp_path: Path) -> None:
    (tmp_path / "open").mkdir()
    (tmp_path / "closed").mkdir()
    (tmp_path / "open" / "messages.jsonl").write_text(json.dumps(row("Open", "tuning mail", True)) + "\n")
    (tmp_path / "closed" / "messages.jsonl").write_text(json.dumps(row("Closed", "locked mail", True)) + "\n")
    listing = [
        {"name": "open", "dir": "open", "tuning": True},
        {"name": "closed", "dir": "closed", "locked": True},
    ]
    (tmp_path / "sets.json").write_text(json.dumps(listing))
    assert [found["subject"] for found in tuning_rows(tmp_path)] == ["Open"]


def test_an_evaluation_can_route_with_another_reader_or_none_and_gets_the_shipped_one_back() -> None:
    shipped = current_reader()
    other = reader_from_examples()
    with reading_with(other):
        assert current_reader() is other
        with reading_with(None):
            assert current_reader() is None
    assert current_reader() is shipped


def test_the_readers_own_arithmetic_gives_scikit_learns_probabilities() -> None:
    reader = reader_from_examples()
    texts = ["we regret that we will not progress your application", "spring sale on seeds", "", "zzz qqq"]
    for text in texts:
        matrix = sparse.hstack([vectorizer.transform([text]) for vectorizer in reader.features.vectorizers])
        for model in (reader.stage, reader.relevance):
            expected = dict(
                zip(map(str, model.classes_), model.predict_proba(matrix.tocsr())[0], strict=True)
            )
            found = probabilities(model, reader.features.of(text))
            assert found.keys() == expected.keys()
            assert all(abs(found[label] - expected[label]) < 1e-9 for label in expected)
        stage, relevance = reader.weights.probabilities(reader.features.of(text))
        for model, found in ((reader.stage, stage), (reader.relevance, relevance)):
            alone = probabilities(model, reader.features.of(text))
            assert list(found) == list(alone)
            assert all(abs(found[label] - alone[label]) < 1e-12 for label in alone)


def test_a_trained_reader_is_kept_for_the_next_process_and_loaded_instead_of_trained_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    examples = (
        [
            row("Update", f"We regret that we will not progress your application {i}.", True, "rejected")
            for i in range(6)
        ]
        + [
            row("Call", f"Could we book a short phone screen this week? Slot {i}", True, "recruiter_screen")
            for i in range(6)
        ]
        + [row("Digest", f"Top stories in gardening, issue {i}. Unsubscribe.", False) for i in range(6)]
    )
    trained: list[int] = []

    def counting_train(rows: Any) -> Any:
        trained.append(1)
        return train(rows)

    monkeypatch.setattr(learned, "CACHE_DIR", tmp_path)
    monkeypatch.setattr(learned, "tuning_rows", lambda: iter(examples))
    monkeypatch.setattr(learned, "train", counting_train)
    try:
        learned._shipped_reader.cache_clear()
        first = learned.shipped_reader()
        learned._shipped_reader.cache_clear()  # as a new process would start
        second = learned.shipped_reader()
    finally:
        learned._shipped_reader.cache_clear()
    assert len(trained) == 1
    assert len(list(tmp_path.glob("learned-reader-*.pickle"))) == 1
    assert first is not None and second is not None and first is not second
    assert np.array_equal(first.weights.rows, second.weights.rows)  # laid out again on loading, not stored
    assert second.doubts_link("we regret that we will not progress your application", "rejected") is None


def test_a_longer_reply_of_the_candidate_is_linked_only_when_the_reader_reads_no_step_in_it() -> None:
    rows = [
        *(
            row(
                "Re: Interview",
                f"Thanks, I will send my references and the signed forms by Friday {i}.",
                True,
            )
            for i in range(8)
        ),
        *(
            row(
                "Re: Offer",
                f"After much thought it is not the right move for me at this point {i}.",
                True,
                "withdrawn",
            )
            for i in range(8)
        ),
        *(
            row("Digest", f"Top stories in gardening this week, issue {i}. Unsubscribe.", False)
            for i in range(8)
        ),
    ]
    reader = train(rows)
    linked = RouterMemory(thread_jobs={"t-nw": "nw"})
    logistics = mail(
        "Hi Dana, thanks again for your help with all of this. I will send my references and the signed forms by "
        "Friday, and I will bring my passport on the first day as you asked. My new address is 14 Elm Road, "
        "Leeds, in case the paperwork needs it, and my mobile number stays the same as before.",
        "Re: Interview",
        thread="t-nw",
        from_me=True,
    )
    declining = mail(
        "Hi Dana, thank you for the offer and for such a kind process. After much thought it is not the right move "
        "for me at this point in my career. I have learned a great deal from meeting the team, and I really "
        "hope our paths cross again and that we stay in touch.",
        "Re: Offer",
        thread="t-nw",
        from_me=True,
    )
    sent = Router([JOB], reader).route(logistics, linked)
    held = Router([JOB], reader).route(declining, linked)
    assert (sent.job_id, sent.stage_target, sent.bucket) == ("nw", "no_change", AUTO_LINKED)
    assert "reads no step" in sent.reason
    assert (held.job_id, held.bucket) == ("nw", PENDING_USER)
    assert Router([JOB]).route(logistics, linked).bucket == PENDING_USER


def test_mail_only_the_reader_knows_as_recruiting_and_matching_no_job_is_guessed_a_screen() -> None:
    approach = mail(
        "Could we book a slot this week about a lead role at one of my clients?",
        "A lead role",
        "Ana <ana@mailbox.example>",
    )
    assert Router([JOB]).route(approach).bucket == IGNORED
    decision = Router([JOB], reader_from_examples()).route(approach)
    assert (decision.job_id, decision.stage_target, decision.bucket) == (
        None,
        "recruiter_screen",
        PENDING_USER,
    )
    assert "most often an approach" in decision.reason


def test_the_reader_suggests_a_step_for_mail_the_rules_read_no_stage_in_and_it_waits_for_review() -> None:
    note = mail("Hi Sam, could we book a slot this week? Slot 3 or 4.", "Data Engineer", SENDER)
    assert Router([JOB]).route(note).stage_target == "no_change"
    decision = Router([JOB], reader_from_examples()).route(note)
    assert (decision.job_id, decision.stage_target, decision.bucket) == (
        "nw",
        "recruiter_screen",
        PENDING_USER,
    )
    assert "the learned reader's reading" in decision.reason


def test_a_guessed_step_the_reader_reads_otherwise_with_confidence_takes_the_readers_step() -> None:
    note = mail(
        "Hi Sam, we would like to invite you to an interview. Could we book a slot this week? Slot 3 or 4.",
        "Data Engineer",
        SENDER,
    )
    assert Router([JOB]).route(note).stage_target == "technical_interview"
    decision = Router([JOB], reader_from_examples()).route(note)
    assert (decision.stage_target, decision.bucket) == ("recruiter_screen", PENDING_USER)
    assert "guessed from \"invite you to an interview; the learned reader's reading" in decision.reason


def test_a_guessed_step_the_reader_agrees_with_is_sure_and_links() -> None:
    note = mail(
        "Hi Sam, thanks for applying to the Data Engineer role. I'll call you at 10 on Tuesday. Could we book a "
        "slot this week? Slot 3.",
        "Northwind: Data Engineer",
        SENDER,
    )
    assert Router([JOB]).route(note).bucket == PENDING_USER
    decision = Router([JOB], reader_from_examples()).route(note)
    assert (decision.stage_target, decision.bucket) == ("recruiter_screen", AUTO_LINKED)
    assert "and the learned reader agrees" in decision.reason


def test_a_guessed_step_with_mixed_signals_stays_a_guess_even_when_the_reader_agrees() -> None:
    note = mail(
        "Hi Sam, thanks for applying to the Data Engineer role. I'll call you at 10 on Tuesday, but unfortunately "
        "the team lead cannot join. Could we book a slot this week? Slot 3.",
        "Northwind: Data Engineer",
        SENDER,
    )
    decision = Router([JOB], reader_from_examples()).route(note)
    assert decision.bucket == PENDING_USER
    assert "the learned reader agrees" not in decision.reason


def reader_with_quiet_mail() -> Any:
    """A reader that has also learned relevant mail announcing no step (directions for an interview day)."""
    quiet = [
        row("Directions", f"Parking is behind building {i}; please bring photo ID to reception.", True)
        for i in range(12)
    ]
    screens = [
        row("Call", f"Could we book a short phone screen this week? Slot {i}", True, "recruiter_screen")
        for i in range(6)
    ]
    noise = [
        row("Digest", f"Top stories in gardening this week, issue {i}. Unsubscribe.", False) for i in range(8)
    ]
    return train([*quiet, *screens, *noise])


def test_mail_the_rules_read_no_stage_in_links_as_no_change_when_the_reader_is_sure_there_is_no_step() -> (
    None
):
    memory = RouterMemory(thread_jobs={"t1": "nw"})
    note = mail(
        "Hi Sam, parking is behind building 7; please bring photo ID to reception. Looking forward to Tuesday, "
        "it should be a good conversation with the whole team. The office is on the third floor, the lifts are "
        "to the left of the front desk, and there is a café across the street if you arrive early and want a "
        "coffee before we start.",
        "RE: Data Engineer",
        SENDER,
        thread="t1",
    )
    assert Router([JOB]).route(note, memory).bucket == PENDING_USER
    decision = Router([JOB], reader_with_quiet_mail()).route(note, memory)
    assert (decision.stage_target, decision.bucket) == ("no_change", AUTO_LINKED)
    assert "no step, as the learned reader reads it" in decision.reason


def test_a_first_mail_needs_a_surer_no_step_reading_than_a_reply_in_a_linked_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reader = reader_from_examples()
    monkeypatch.setattr(type(reader), "_likeliest", lambda self, text: ("no_change", 0.91))
    assert reader.sure_no_step("parking is behind building 7") == 0.91
    assert reader.sure_no_step("parking is behind building 7", alone=True) is None


def test_an_automatic_link_waits_when_its_stage_is_only_the_readers_second_reading() -> None:
    rows = [
        *(
            row("Call", f"Could we book a short phone screen this week? Slot {i}", True, "recruiter_screen")
            for i in range(6)
        ),
        *(
            row("Quiz", f"Bring the laptop quiz and puzzle kit, set {i}.", True, "assessment")
            for i in range(12)
        ),
        *(
            row("Digest", f"Top stories in gardening this week, issue {i}. Unsubscribe.", False)
            for i in range(8)
        ),
    ]
    screen = mail(
        "Hi Sam, could we book a short phone screen this week? Bring the laptop quiz and puzzle kit; the laptop "
        "quiz and puzzle kit, set 3.",
        "Northwind: phone screen",
        SENDER,
    )
    assert Router([JOB]).route(screen).bucket == AUTO_LINKED
    decision = Router([JOB], train(rows)).route(screen)
    assert (decision.stage_target, decision.bucket) == ("recruiter_screen", PENDING_USER)
    assert "the learned reader reads it as assessment" in decision.reason


def test_a_link_that_logs_no_stage_waits_only_when_the_reader_is_sure_it_names_a_step() -> None:
    rows = [
        *(row("Re: Call", f"Thanks for the update, noted on my side {i}.", True) for i in range(8)),
        *(
            row("Call", f"Could we book a short phone screen this week? Slot {i}", True, "recruiter_screen")
            for i in range(8)
        ),
        *(
            row("Digest", f"Top stories in gardening this week, issue {i}. Unsubscribe.", False)
            for i in range(8)
        ),
    ]
    reader = train(rows)
    doubt = reader.doubts_link("Could we book a short phone screen this week? Slot 9", "no_change")
    assert doubt is not None and doubt.startswith("the learned reader reads it as recruiter screen (")
    assert reader.doubts_link("Thanks for the update, noted on my side.", "no_change") is None


@pytest.mark.parametrize(
    "text",
    [
        "We regret  that we\twill not progress\n\nyour application, I am a b c.",
        "Could we book a short phone screen? Slot 7 — téléphonique, d'accord ? Oui !",
        "面接のご案内 1차 면접 안내  screen  Unsubscribe from gardening",
        "x " * 40 + "stories storied progressing applications",
    ],
)
def test_the_readers_features_are_scikit_learns_tf_idf_for_every_text_and_again_for_its_kept_words(
    text: str,
) -> None:
    features = reader_from_examples().features
    expected: dict[int, float] = {}
    offset = 0
    for vectorizer in features.vectorizers:
        row = vectorizer.transform([text]).tocoo()
        expected.update(
            {int(column) + offset: float(value) for column, value in zip(row.col, row.data, strict=True)}
        )
        offset += len(vectorizer.vocabulary_)
    assert expected, "the example vocabulary should know some of this text"
    for _ in range(2):  # the second time, the words' character columns come from what was kept
        columns, values = features.of(text)
        assert dict(zip(columns, values.tolist(), strict=True)) == pytest.approx(expected)


def test_a_step_the_rules_read_plainly_gives_way_to_the_step_the_reader_is_sure_of_for_review() -> None:
    invite = mail(
        "Hi Sam, we invite you to a technical interview. Could we book a short phone screen this week? Slot 3 or 4.",
        "Northwind: technical interview",
        SENDER,
    )
    assert Router([JOB]).route(invite).stage_target == "technical_interview"
    decision = Router([JOB], reader_from_examples()).route(invite)
    assert (decision.job_id, decision.stage_target, decision.bucket) == (
        "nw",
        "recruiter_screen",
        PENDING_USER,
    )
    assert '"technical interview; but the learned reader reads Recruiter Screen (' in decision.reason


def test_a_rejection_the_rules_read_stands_whatever_the_reader_reads() -> None:
    note = mail(
        "Hi Sam, we have decided not to progress your application. Could we book a short phone screen this week? "
        "Slot 3 or 4.",
        "Northwind: Data Engineer",
        SENDER,
    )
    assert Router([JOB], reader_from_examples()).route(note).stage_target == "rejected"


def test_recruiting_words_in_mail_the_reader_is_sure_is_about_no_application_are_set_aside() -> None:
    digest = mail(
        "Top stories in gardening this week, issue 12: we invite you to a technical interview with our seeds. "
        "Unsubscribe.",
        "Northwind: interview",
        SENDER,
    )
    assert Router([JOB]).route(digest).bucket == AUTO_LINKED
    decision = Router([JOB], reader_from_examples()).route(digest)
    assert (decision.relevant, decision.job_id, decision.bucket) == (False, None, IGNORED)
    assert "the learned reader reads it as mail about no application" in decision.reason


def test_a_reply_in_a_thread_already_linked_is_never_set_aside_by_the_reader() -> None:
    digest = mail(
        "Top stories in gardening this week, issue 12: we invite you to a technical interview with our seeds. "
        "Unsubscribe.",
        "Re: Northwind: interview",
        SENDER,
        thread="t-nw",
    )
    decision = Router([JOB], reader_from_examples()).route(digest, RouterMemory(thread_jobs={"t-nw": "nw"}))
    assert (decision.relevant, decision.job_id) == (True, "nw")


def test_mail_the_rules_know_as_a_newsletter_waits_for_review_when_the_reader_is_sure_it_is_about_an_application() -> (
    None
):
    note = mail(
        "We regret that we will not progress your application. Read our newsletter online; unsubscribe here.",
        "Update",
        "Northwind Newsletter <newsletter@northwind.example>",
    )
    assert Router([JOB]).route(note).bucket == IGNORED
    decision = Router([JOB], reader_from_examples()).route(note)
    assert (decision.relevant, decision.bucket) == (True, PENDING_USER)
    assert "the learned reader is sure it is recruiting mail" in decision.reason


def test_the_candidates_own_mail_the_rules_place_nowhere_waits_when_the_reader_is_sure_it_is_recruiting() -> (
    None
):
    own = mail(
        "We regret that we will not progress your application.",
        "Update",
        "Sam <sam@mailbox.example>",
        from_me=True,
    )
    assert Router([JOB]).route(own).bucket == IGNORED
    decision = Router([JOB], reader_from_examples()).route(own)
    assert (decision.relevant, decision.job_id, decision.stage_target, decision.bucket) == (
        True,
        None,
        "no_change",
        PENDING_USER,
    )
    assert decision.reason.startswith("your own mail; not sure:")


def reader_of_receipts() -> Any:
    """A reader that learned job boards' application receipts, screens and newsletters."""
    rows = [
        *(
            row(
                f"Your application was sent to Firm {i}",
                f"Your application was sent to Firm {i}. Role {i}.",
                True,
                "applied",
            )
            for i in range(10)
        ),
        *(
            row("Call", f"Could we book a short phone screen this week? Slot {i}", True, "recruiter_screen")
            for i in range(8)
        ),
        *(
            row("Digest", f"Top stories in gardening this week, issue {i}. Unsubscribe.", False)
            for i in range(8)
        ),
    ]
    return train(rows)


def test_a_board_receipt_writing_the_employer_and_the_whole_title_links_when_the_reader_reads_the_same_step() -> (
    None
):
    receipt = mail(
        "Your application was sent to Northwind. Data Engineer, Northwind, Lisbon (hybrid). Applied on 3 March.",
        "Your application was sent to Northwind",
        "LinkedIn <jobs-noreply@linkedin.com>",
    )
    assert Router([JOB]).route(receipt).bucket == PENDING_USER
    decision = Router([JOB], reader_of_receipts()).route(receipt)
    assert (decision.job_id, decision.stage_target, decision.bucket) == ("nw", "applied", AUTO_LINKED)
    assert "the title and employer are written, and the learned reader agrees" in decision.reason


def test_a_receipt_naming_only_a_brand_of_the_employers_family_is_not_vouched_for() -> None:
    meta = JobFacts("meta", "Product Marketing Director, WhatsApp", "Meta Platforms, Inc.", "applied")
    receipt = mail(
        "Your application was sent to WhatsApp. Product Marketing Director, WhatsApp. Applied on 3 March.",
        "Your application was sent to WhatsApp",
        "LinkedIn <jobs-noreply@linkedin.com>",
    )
    decision = Router([meta], reader_of_receipts()).route(receipt)
    assert decision.bucket != AUTO_LINKED
    assert "the title and employer are written" not in decision.reason


def test_mail_about_no_tracked_job_is_set_aside_once_the_reader_mostly_reads_it_as_noise() -> None:
    body = "Gardening stories this week: we invite you to an interview about seeds and tools."
    unplaced = Router([JOB], reader_from_examples()).route(
        mail(body, "Interview", "Ana <ana@mailbox.example>")
    )
    named = Router([JOB], reader_from_examples()).route(
        mail(f"{body} Northwind Data Engineer", "Interview", SENDER)
    )
    assert (unplaced.relevant, unplaced.bucket) == (False, IGNORED)
    assert "the learned reader reads it as mail about no application, 8" in unplaced.reason
    assert (named.relevant, named.job_id) == (True, "nw")


def test_mail_from_a_free_mail_address_is_never_vouched_for() -> None:
    receipt = mail(
        "Your application was sent to Northwind. Data Engineer, Northwind, Lisbon (hybrid). Applied on 3 March.",
        "Your application was sent to Northwind",
        "Sam Recruits <sam.recruits@gmail.com>",
    )
    decision = Router([JOB], reader_of_receipts()).route(receipt)
    assert decision.job_id == "nw" and decision.bucket == PENDING_USER
    assert "the title and employer are written" not in decision.reason


def test_a_long_reply_at_the_offer_needs_a_reader_sure_of_no_step() -> None:
    reader = train(
        [
            *(
                row(
                    "Re: Interview",
                    f"Thank you, I will bring the documents on the day. See you then, {i}.",
                    True,
                )
                for i in range(8)
            ),
            *(
                row("Update", f"We regret that we will not progress your application {i}.", True, "rejected")
                for i in range(8)
            ),
            *(
                row("Digest", f"Top stories in gardening this week, issue {i}. Unsubscribe.", False)
                for i in range(8)
            ),
        ]
    )
    # Thanks in English, then a decline in Estonian, which the reader has never seen.
    reply = mail(
        "Thank you for the documents and the kind words about the day. Tänan teid väga pakkumise eest, kuid "
        "otsustasin jääda praegusele töökohale ja soovin teile edu. Olen tänulik kogu protsessi eest ja loodan, "
        "et meie teed ristuvad veel tulevikus, sest teie meeskond jättis mulle väga hea mulje.",
        "Re: Your offer",
        thread="t-nw",
        from_me=True,
    )
    linked = RouterMemory(thread_jobs={"t-nw": "nw"})
    early = Router([JOB], reader).route(reply, linked)
    late = Router([replace(JOB, current_stage="offer")], reader).route(reply, linked)
    assert (early.bucket, early.stage_target) == (AUTO_LINKED, "no_change")
    assert late.bucket == PENDING_USER
