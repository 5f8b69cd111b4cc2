"""The vocabulary of the post-application workflow: stages, outcomes, statuses and router targets."""

from __future__ import annotations

from typing import Final

APPLIED: Final = "applied"
CLOSED: Final = "closed"
NO_CHANGE: Final = "no_change"
WITHDRAWN: Final = "withdrawn"

STAGES: Final[tuple[str, ...]] = (
    "applied",
    "recruiter_screen",
    "assessment",
    "hiring_manager_screen",
    "technical_interview",
    "onsite",
    "offer",
    "closed",
)

STAGE_LABELS: Final[dict[str, str]] = {
    "applied": "Applied",
    "recruiter_screen": "Recruiter Screen",
    "assessment": "Assessment",
    "hiring_manager_screen": "Team Match",
    "technical_interview": "Technical Interview",
    "onsite": "Final Round",
    "offer": "Offer",
    "closed": "Closed",
    "no_change": "No change",
}

# Stages a job can sit in while still active; the board shows one column for each.
OPEN_STAGES: Final[tuple[str, ...]] = STAGES[:-1]
# Stages that count as an interview for the rates on the Insights page.
INTERVIEW_STAGES: Final[frozenset[str]] = frozenset(
    {"hiring_manager_screen", "technical_interview", "onsite"}
)

OUTCOMES: Final[tuple[str, ...]] = (
    "offer_accepted",
    "offer_declined",
    "rejected",
    "withdrawn",
    "no_response",
    "ghosted",
)

OUTCOME_LABELS: Final[dict[str, str]] = {
    "offer_accepted": "Offer accepted",
    "offer_declined": "Offer declined",
    "rejected": "Rejected",
    "withdrawn": "Withdrawn",
    "no_response": "No response",
    "ghosted": "Ghosted",
}

JOB_STATUSES: Final[tuple[str, ...]] = (
    "discovered",
    "ready",
    "applied",
    "in_progress",
    "skipped",
    "expired",
)
ACTIVE_STATUSES: Final[frozenset[str]] = frozenset({"applied", "in_progress"})

STATUS_LABELS: Final[dict[str, str]] = {
    "discovered": "Discovered",
    "ready": "Ready to apply",
    "applied": "Applied",
    "in_progress": "In progress",
    "skipped": "Skipped",
    "expired": "Expired",
}

# Where a job stands for people: the filters of the lists and the words of every page.
STANDINGS: Final[tuple[str, ...]] = (
    "applied",
    "in_progress",
    "closed",
    "discovered",
    "ready",
    "skipped",
    "expired",
)
STANDING_LABELS: Final[dict[str, str]] = {**STATUS_LABELS, "closed": "Closed"}

ACTORS: Final[tuple[str, ...]] = ("user", "system")
EVENT_TYPES: Final[tuple[str, ...]] = ("status_update", "interview_log", "note")

# What the smart router may ask for: a stage, or an outcome that closes the job.
ROUTER_TARGETS: Final[tuple[str, ...]] = (
    "no_change",
    "applied",
    "recruiter_screen",
    "assessment",
    "hiring_manager_screen",
    "technical_interview",
    "onsite",
    "offer",
    "rejected",
    "withdrawn",
    "closed",
)
# Router targets that are outcomes: they become a `closed` event with that outcome.
TARGET_OUTCOMES: Final[dict[str, str]] = {"rejected": "rejected", "withdrawn": "withdrawn"}

MESSAGE_TYPES: Final[tuple[str, ...]] = ("interview", "rejection", "offer", "update", "other")

# Processing states of a synced message.
PENDING: Final = "pending"  # stored, not routed yet
AUTO_LINKED: Final = "auto_linked"
PENDING_USER: Final = "pending_user"
MANUAL_LINKED: Final = "manual_linked"
IGNORED: Final = "ignored"
PROCESSING_STATUSES: Final[tuple[str, ...]] = (
    PENDING,
    AUTO_LINKED,
    PENDING_USER,
    MANUAL_LINKED,
    IGNORED,
)

# Confidence buckets of the smart router.
AUTO_LINK_MIN: Final = 95
SUGGEST_MIN: Final = 50
LIKELY_MIN: Final = 80  # a suggestion the Tracking Inbox calls likely rather than possible


def stage_rank(stage: str | None) -> int:
    """Position of a stage in the pipeline (-1 for none or unknown)."""
    return STAGES.index(stage) if stage in STAGES else -1


def stage_label(stage: str | None) -> str:
    """Human label of a stage, router target or outcome."""
    if stage is None:
        return "—"
    return STAGE_LABELS.get(stage) or OUTCOME_LABELS.get(stage) or stage.replace("_", " ").title()


def standing(status: str, current_stage: str | None) -> str:
    """Where a job stands: closed by its stage, applied or in progress by its stage, else its status."""
    if current_stage == CLOSED:
        return CLOSED
    if status in ACTIVE_STATUSES:
        return APPLIED if current_stage in (None, APPLIED) else "in_progress"
    return status


def standing_label(status: str, current_stage: str | None, outcome: str | None) -> str:
    """Where a job stands in words: `Closed: Rejected`, `Technical Interview`, `Applied`, `Ready to apply`."""
    where = standing(status, current_stage)
    if where == CLOSED:
        return f"Closed: {stage_label(outcome)}" if outcome else "Closed"
    if where == "in_progress":
        return stage_label(current_stage)
    return STANDING_LABELS.get(where, where)
