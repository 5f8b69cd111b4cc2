"""The fake Gmail answers searches the way Gmail does: words, phrases, OR, groups, operators and limits."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from googleapiclient.discovery import Resource
from googleapiclient.errors import HttpError

from tests.fakes.google import DEFAULT_SENDER, FakeGoogle

REDIRECT_URI = "http://localhost:3001/callback"


def found(gmail: Resource, google: FakeGoogle, q: str, **params: Any) -> set[str]:
    """Subjects of the messages a search finds."""
    answer = gmail.users().messages().list(userId="me", q=q, **params).execute()
    return {google.messages[item["id"]].subject for item in answer.get("messages", [])}


def mailbox(google: FakeGoogle, **texts: str) -> None:
    """One message per keyword argument: the subject is the name, the body the value."""
    for subject, text in texts.items():
        google.add_message(subject=subject, text=text)


# ----- words, phrases, OR, braces, groups and negation


def test_words_separated_by_spaces_must_all_appear(gmail: Resource, google: FakeGoogle) -> None:
    mailbox(google, both="We will schedule your interview.", one="Your interview is confirmed.")
    assert found(gmail, google, "interview schedule") == {"both"}


def test_or_finds_messages_with_either_word(gmail: Resource, google: FakeGoogle) -> None:
    mailbox(google, a="An offer letter.", b="A rejection letter.", c="A newsletter.")
    assert found(gmail, google, "offer OR rejection") == {"a", "b"}
    assert found(gmail, google, "offer or rejection") == set()  # lower-case "or" is a word to find


def test_braces_mean_any_of_the_words_inside(gmail: Resource, google: FakeGoogle) -> None:
    mailbox(google, a="An offer letter.", b="A rejection letter.", c="A newsletter.", d="An offer, rejected.")
    assert found(gmail, google, "{offer rejection newsletter}") == {"a", "b", "c", "d"}
    assert found(gmail, google, "{offer rejection} letter") == {"a", "b"}


def test_or_binds_tighter_than_the_space_between_items(gmail: Resource, google: FakeGoogle) -> None:
    mailbox(google, a="alpha beta", b="alpha gamma", c="gamma only", d="alpha only")
    assert found(gmail, google, "alpha beta OR gamma") == {"a", "b"}


def test_parentheses_group_items(gmail: Resource, google: FakeGoogle) -> None:
    mailbox(google, a="alpha beta", b="gamma", c="alpha only")
    assert found(gmail, google, "(alpha beta) OR gamma") == {"a", "b"}
    assert found(gmail, google, "-(alpha beta)") == {"b", "c"}


def test_a_minus_sign_leaves_out_messages_with_the_item(gmail: Resource, google: FakeGoogle) -> None:
    mailbox(google, a="Interview invitation.", b="Interview cancelled.", c="Phone screen next week.")
    assert found(gmail, google, "interview -cancelled") == {"a"}
    assert found(gmail, google, '-"phone screen"') == {"a", "b"}
    assert found(gmail, google, "-{invitation cancelled}") == {"c"}


def test_a_quoted_phrase_needs_its_words_in_a_row(gmail: Resource, google: FakeGoogle) -> None:
    mailbox(google, a="About the next steps in the process.", b="Steps to take next.")
    assert found(gmail, google, '"next steps"') == {"a"}
    assert found(gmail, google, "next steps") == {"a", "b"}


def test_a_word_matches_whole_words_only_not_parts_of_words(gmail: Resource, google: FakeGoogle) -> None:
    mailbox(google, a="Thanks for applying to the control team.", b="Please apply by Friday.")
    assert found(gmail, google, "apply") == {"b"}
    assert found(gmail, google, "role") == set()
    assert found(gmail, google, "applying") == {"a"}


def test_words_match_in_any_case_but_accents_count(gmail: Resource, google: FakeGoogle) -> None:
    mailbox(google, plain="Send your Resume.", accented="Envoyez votre résumé.", german="Die STRASSE.")
    assert found(gmail, google, "RESUME") == {"plain"}
    assert found(gmail, google, "Résumé") == {"accented"}
    assert found(gmail, google, "straße") == {"german"}


@pytest.mark.parametrize(
    "where",
    [
        {"subject": "Kestrel update"},
        {"text": "A note about Kestrel."},
        {"text": None, "html": "<p>A note about <b>Kestrel</b>.</p>"},
        {"sender": "Kestrel Talent <talent@hire.example>"},
        {"sender": "Talent <jobs@kestrel.example>"},
        {"to": "Kestrel Group <group@lists.example>"},
    ],
)
def test_a_word_is_found_in_the_subject_body_sender_or_recipients(
    gmail: Resource, google: FakeGoogle, where: dict[str, Any]
) -> None:
    google.add_message(**{"subject": "the one", "text": "Nothing here.", **where})
    google.add_message(subject="another", text="Nothing here.")
    assert len(found(gmail, google, "kestrel")) == 1


def test_html_markup_is_not_searched_only_the_text_a_reader_sees(gmail: Resource, google: FakeGoogle) -> None:
    html = '<div class="banner"><style>.offer{}</style><a href="x">Hello &amp; welcome</a></div>'
    google.add_message(subject="styled", text=None, html=html)
    assert found(gmail, google, "banner") == set()
    assert found(gmail, google, "offer") == set()
    assert found(gmail, google, '"hello welcome"') == {"styled"}


def test_a_cjk_term_matches_inside_text_without_spaces(gmail: Resource, google: FakeGoogle) -> None:
    mailbox(
        google,
        japanese="一次面接のご案内です。",
        chinese="感谢您申请该职位",
        korean="면접일정안내",
        latin="Interviewing soon.",
    )
    assert found(gmail, google, "面接") == {"japanese"}
    assert found(gmail, google, "申请") == {"chinese"}
    assert found(gmail, google, "면접") == {"korean"}
    assert found(gmail, google, "interview") == set()


def test_an_unknown_operator_is_searched_as_plain_words(gmail: Resource, google: FakeGoogle) -> None:
    mailbox(google, a="Status: shortlisted.", b="You were shortlisted.")
    assert found(gmail, google, "status:shortlisted") == {"a"}


# ----- operators


def test_from_matches_a_word_of_the_sender_the_whole_address_or_a_domain(
    gmail: Resource, google: FakeGoogle
) -> None:
    google.add_message(subject="us", sender="Greenhouse <no-reply@us.greenhouse.io>")
    google.add_message(subject="plain", sender="x@greenhouse.io")
    google.add_message(subject="other", sender="Jane Doe <jane@notgreenhouse.io>")
    assert found(gmail, google, "from:greenhouse.io") == {"us", "plain"}
    assert found(gmail, google, "from:jane") == {"other"}
    assert found(gmail, google, "from:x@greenhouse.io") == {"plain"}
    assert found(gmail, google, "from:greenhouse.io -from:us.greenhouse.io") == {"plain"}
    assert found(gmail, google, "from:{jane x@greenhouse.io}") == {"plain", "other"}


def test_a_whole_address_does_not_match_a_longer_address(gmail: Resource, google: FakeGoogle) -> None:
    google.add_message(subject="exact", sender="jobs@acme.example")
    google.add_message(subject="longer", sender="jobs@acme.example.org")
    assert found(gmail, google, "from:jobs@acme.example") == {"exact"}


def test_to_matches_the_recipients(gmail: Resource, google: FakeGoogle) -> None:
    google.add_message(subject="mine", to=google.email)
    google.add_message(subject="list", to="Alumni <alumni@lists.example>, Sam <sam@example.org>")
    assert found(gmail, google, f"to:{google.email}") == {"mine"}
    assert found(gmail, google, "to:lists.example") == {"list"}
    assert found(gmail, google, "to:sam") == {"list"}


def test_subject_searches_only_the_subject(gmail: Resource, google: FakeGoogle) -> None:
    google.add_message(subject="Interview invitation", text="Hello.")
    google.add_message(subject="Hello", text="An interview invitation.")
    google.add_message(subject="Invitation to interview", text="Hello.")
    assert found(gmail, google, "subject:interview") == {"Interview invitation", "Invitation to interview"}
    assert found(gmail, google, 'subject:"interview invitation"') == {"Interview invitation"}
    assert found(gmail, google, "subject:(invitation interview)") == {
        "Interview invitation",
        "Invitation to interview",
    }
    assert found(gmail, google, "subject:{hello nothing}") == {"Hello"}


def test_in_sent_finds_the_owners_mail_and_minus_in_sent_leaves_it_out(
    gmail: Resource, google: FakeGoogle
) -> None:
    google.add_message(subject="Re: Interview", text="Thanks, Tuesday works.", from_me=True)
    google.add_message(subject="Interview", text="Does Tuesday work?")
    assert found(gmail, google, "tuesday") == {"Re: Interview", "Interview"}  # sent mail is searched
    assert found(gmail, google, "tuesday in:sent") == {"Re: Interview"}
    assert found(gmail, google, "tuesday -in:sent") == {"Interview"}
    assert found(gmail, google, "in:inbox") == {"Interview"}


def test_spam_and_trash_are_left_out_unless_asked_for(gmail: Resource, google: FakeGoogle) -> None:
    google.add_message(subject="inbox")
    google.add_message(subject="spam", labels=["SPAM"])
    google.add_message(subject="trash", labels=["TRASH"])
    assert found(gmail, google, "applying") == {"inbox"}
    assert found(gmail, google, "applying in:anywhere") == {"inbox", "spam", "trash"}
    assert found(gmail, google, "in:spam") == {"spam"}
    assert found(gmail, google, "in:trash") == {"trash"}
    assert found(gmail, google, "applying", includeSpamTrash=True) == {"inbox", "spam", "trash"}


def test_in_chats_and_in_drafts_read_the_chat_and_draft_labels(gmail: Resource, google: FakeGoogle) -> None:
    google.add_message(subject="chat", labels=["CHAT"])
    google.add_message(subject="draft", labels=["DRAFT"])
    google.add_message(subject="mail")
    assert found(gmail, google, "in:chats") == {"chat"}
    assert found(gmail, google, "in:drafts") == {"draft"}
    assert found(gmail, google, "-in:chats -in:drafts") == {"mail"}


def test_label_and_category_read_the_labels(gmail: Resource, google: FakeGoogle) -> None:
    google.add_message(subject="promo", labels=["INBOX", "CATEGORY_PROMOTIONS"])
    google.add_message(subject="social", labels=["INBOX", "CATEGORY_SOCIAL"])
    google.add_message(subject="update", labels=["INBOX", "CATEGORY_UPDATES", "Job Search"])
    assert found(gmail, google, "category:promotions") == {"promo"}
    assert found(gmail, google, "category:social") == {"social"}
    assert found(gmail, google, "category:updates") == {"update"}
    assert found(gmail, google, "-category:promotions") == {"social", "update"}
    assert found(gmail, google, "label:job-search") == {"update"}
    assert found(gmail, google, "", labelIds=["CATEGORY_SOCIAL"]) == {"social"}


def test_newer_than_and_older_than_count_days_months_and_years(gmail: Resource, google: FakeGoogle) -> None:
    for days in (2, 20, 45, 400):
        google.add_message(subject=f"{days} days", age=timedelta(days=days))
    assert found(gmail, google, "newer_than:10d") == {"2 days"}
    assert found(gmail, google, "newer_than:1m") == {"2 days", "20 days"}
    assert found(gmail, google, "older_than:1m newer_than:1y") == {"45 days"}
    assert found(gmail, google, "older_than:1y") == {"400 days"}


def test_after_and_before_take_dates_at_midnight_pacific_or_epoch_seconds(
    gmail: Resource, google: FakeGoogle
) -> None:
    recent = google.add_message(subject="recent", age=timedelta(days=10))
    google.add_message(subject="old", age=timedelta(days=40))
    cutoff = (datetime.now(ZoneInfo("America/Los_Angeles")) - timedelta(days=20)).strftime("%Y/%m/%d")
    assert found(gmail, google, f"after:{cutoff}") == {"recent"}
    assert found(gmail, google, f"before:{cutoff}") == {"old"}
    assert found(gmail, google, f"newer:{cutoff}") == {"recent"}
    assert found(gmail, google, f"older:{cutoff}") == {"old"}
    seconds = recent.internal_date_ms // 1000
    assert found(gmail, google, f"after:{seconds}") == {"recent"}
    assert found(gmail, google, f"before:{seconds}") == {"old"}


def test_a_date_means_midnight_pacific_time(gmail: Resource, google: FakeGoogle) -> None:
    pacific = ZoneInfo("America/Los_Angeles")
    day = (datetime.now(pacific) - timedelta(days=5)).replace(hour=0, minute=0, second=0, microsecond=0)
    now = datetime.now(pacific)
    google.add_message(subject="just after midnight", age=now - (day + timedelta(hours=1)))
    google.add_message(subject="the evening before", age=now - (day - timedelta(hours=1)))
    assert found(gmail, google, f"after:{day:%Y/%m/%d}") == {"just after midnight"}
    assert found(gmail, google, f"before:{day:%Y/%m/%d}") == {"the evening before"}


def test_has_attachment_finds_only_messages_with_an_attached_file(
    gmail: Resource, google: FakeGoogle
) -> None:
    text = {
        "partId": "0",
        "mimeType": "text/plain",
        "filename": "",
        "headers": [],
        "body": {"size": 5, "data": base64.urlsafe_b64encode(b"See CV").decode()},
    }
    pdf = {
        "partId": "1",
        "mimeType": "application/pdf",
        "filename": "cv.pdf",
        "headers": [],
        "body": {"size": 100, "attachmentId": "a1"},
    }
    google.add_message(
        subject="with file",
        payload={
            "partId": "",
            "mimeType": "multipart/mixed",
            "filename": "",
            "body": {"size": 0},
            "headers": [{"name": "From", "value": DEFAULT_SENDER}, {"name": "Subject", "value": "with file"}],
            "parts": [text, pdf],
        },
    )
    google.add_message(subject="without")
    assert found(gmail, google, "has:attachment") == {"with file"}
    assert found(gmail, google, "cv has:attachment") == {"with file"}  # the hand-made body is searched too


def test_rfc822msgid_finds_a_message_by_its_message_id(gmail: Resource, google: FakeGoogle) -> None:
    google.add_message(subject="wanted", message_id="<abc.123@mail.acme.example>")
    google.add_message(subject="other", message_id="<xyz@mail.acme.example>")
    assert found(gmail, google, "rfc822msgid:abc.123@mail.acme.example") == {"wanted"}
    assert found(gmail, google, "rfc822msgid:<abc.123@mail.acme.example>") == {"wanted"}


def test_a_search_shaped_like_the_recruitment_query_finds_recruiting_mail_only(
    gmail: Resource, google: FakeGoogle
) -> None:
    google.add_message(subject="Your application")
    google.add_message(subject="Update", text="Hello.", sender="no-reply@us.greenhouse.io")
    google.add_message(subject="Newsletter", text="Top stories this week.")
    google.add_message(subject="Sale", text="Special offer!", labels=["INBOX", "CATEGORY_PROMOTIONS"])
    google.add_message(subject="Re: Your application", text="Thanks for the offer.", from_me=True)
    google.add_message(subject="Old offer", text="An offer.", age=timedelta(days=31))
    q = (
        '{application offer "next steps" from:greenhouse.io} '
        "-in:chats -in:sent -in:drafts -category:promotions newer_than:30d"
    )
    assert found(gmail, google, q) == {"Your application", "Update"}


# ----- limits and errors


def test_a_query_longer_than_1500_characters_is_refused_as_an_invalid_argument(
    gmail: Resource, google: FakeGoogle
) -> None:
    google.add_message()
    longest = ("applying " * 166).ljust(1500)
    assert found(gmail, google, longest) == {"Your application"}
    with pytest.raises(HttpError) as refused:
        found(gmail, google, longest + "x")
    assert refused.value.status_code == 400
    assert refused.value.error_details[0]["reason"] == "invalidArgument"
