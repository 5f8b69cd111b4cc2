"""Routes of the Tracking Inbox and of a job's linked emails, declared as operations."""

from __future__ import annotations

from sqlalchemy.orm import Session

from jobops import inbox, inbox_lists
from jobops.api.contract import WRITE_ERRORS, Operation, PathParam
from jobops.api.http import ApiRequest
from jobops.job_emails import job_emails as emails_of_job
from jobops.schemas import parse
from jobops.schemas.inbox import (
    Approved,
    BulkDecision,
    BulkReport,
    Decision,
    InboxItem,
    InboxList,
    InboxQuery,
    JobEmailList,
    JobEmailsQuery,
)

# The operation has parsed query and body into these models already; parse() hands them over typed.
MESSAGE_ID = PathParam("message_id", "The message's id.")
JOB_ID = PathParam("job_id", "The job's id.")


def list_inbox(req: ApiRequest, session: Session) -> InboxList:
    """GET /api/post-application/inbox?provider=gmail&accountKey=default&status=pending_user&limit=100"""
    return inbox_lists.list_inbox(session, parse(InboxQuery, req.query))


def approve(req: ApiRequest, session: Session) -> Approved:
    """POST /api/post-application/inbox/{messageId}/approve"""
    return inbox.approve(session, req.path["message_id"], parse(Decision, req.body))


def deny(req: ApiRequest, session: Session) -> InboxItem:
    """POST /api/post-application/inbox/{messageId}/deny"""
    return inbox.deny(session, req.path["message_id"], parse(Decision, req.body))


def bulk(req: ApiRequest, session: Session) -> BulkReport:
    """POST /api/post-application/inbox/actions {action, messageIds, provider, accountKey}"""
    return inbox.bulk(session, parse(BulkDecision, req.body))


def job_emails(req: ApiRequest, session: Session) -> JobEmailList:
    """GET /api/jobs/{id}/emails?limit=50"""
    return emails_of_job(session, req.path["job_id"], limit=parse(JobEmailsQuery, req.query).limit)


def operations() -> list[Operation]:
    """The inbox operations, relative to /api."""
    inbox_path = "/post-application/inbox"
    return [
        Operation(
            "GET",
            inbox_path,
            list_inbox,
            "listInbox",
            "Messages waiting for review, with their suggested job.",
            "inbox",
            InboxList,
            "The items.",
            query=InboxQuery,
        ),
        Operation(
            "POST",
            f"{inbox_path}/actions",
            bulk,
            "bulkDecide",
            "Approve or deny many messages at once.",
            "inbox",
            BulkReport,
            "What happened to each message.",
            request=BulkDecision,
            errors=WRITE_ERRORS,
        ),
        Operation(
            "POST",
            f"{inbox_path}/{{message_id}}/approve",
            approve,
            "approveMessage",
            "Link a message to a job and log its stage.",
            "inbox",
            Approved,
            "The item and the event it logged.",
            request=Decision,
            path_params=(MESSAGE_ID,),
            errors=WRITE_ERRORS,
        ),
        Operation(
            "POST",
            f"{inbox_path}/{{message_id}}/deny",
            deny,
            "denyMessage",
            "Mark a message as not about any job.",
            "inbox",
            InboxItem,
            "The item.",
            request=Decision,
            path_params=(MESSAGE_ID,),
            errors=WRITE_ERRORS,
        ),
        Operation(
            "GET",
            "/jobs/{job_id}/emails",
            job_emails,
            "jobEmails",
            "Messages linked to a job, newest first.",
            "inbox",
            JobEmailList,
            "The messages with links to their threads.",
            query=JobEmailsQuery,
            path_params=(JOB_ID,),
        ),
    ]
