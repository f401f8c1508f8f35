"""Reviews for tests, carried out through the review services as a reviewer would."""

from datetime import date

from accord.domain.reviews import content, services
from accord.domain.reviews.models import AssuranceRating, Review
from accord.domain.reviews.rating import propose_for
from accord.frameworks import loader

PERIOD = (date(2025, 4, 1), date(2026, 3, 31))


def answer_all(user, review: Review, scores: list[int] | int = 3) -> None:
    """Answer (or confirm) every question: App 4a scores, or Yes (3) / No (1) on a yes/no bank."""
    bank = content.bank(loader.current(), review.bank_id)
    values = scores if isinstance(scores, list) else [scores] * len(bank.questions)
    for question, score in zip(bank.questions, values, strict=True):
        if bank.scale == "score_1_3":
            given = content.Given(score=score, evidence=f"Evidence on {question.id}")
        elif bank.scale == "text":
            given = content.Given(evidence=f"Answer on {question.id}")
        else:
            given = content.Given(answer="yes" if score >= 2 else "no", evidence=f"Evidence on {question.id}")
        if score == 1:
            given = content.Given(given.score, given.answer, given.evidence, "Put it right")
        services.save_answer(user, review, question.id, given, framework=loader.current())


def start(user, partnership, artefact_id="annual_review", bank_id="annual_review") -> Review:
    return services.start(user, partnership, artefact_id, bank_id, *PERIOD, framework=loader.current())


def carry_out(
    user,
    partnership,
    scores: list[int] | int = 3,
    decision: str = "continue",
    reconfirmed: bool = True,
    level: str | None = None,
    reason: str = "",
    artefact_id: str = "annual_review",
    bank_id: str = "annual_review",
) -> tuple[Review, AssuranceRating]:
    """Start, answer, decide and complete a review, accepting the proposed rating unless `level`."""
    review = start(user, partnership, artefact_id, bank_id)
    answer_all(user, review, scores)
    review = services.record_decision(
        user,
        review,
        decision,
        "" if decision == "continue" else "Notes",
        reconfirmed,
        "" if reconfirmed else "No",
    )
    proposed = propose_for(review, framework=loader.current()).level
    rating = services.complete(user, review, level or proposed, reason, proposed, framework=loader.current())
    review.refresh_from_db()
    return review, rating
