"""/api/v1 obligations (worked out by accord.frameworks), reviews and assurance ratings: read only."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from accord.domain.reviews.models import AssuranceRating, Review
from accord.frameworks import citations, compliance, loader
from accord.frameworks.schema import Framework
from accord.kernel import clock
from accord.register.access import visible_partnerships

from ..access_checks import Action, partnership, require
from ..errors import responses
from ..pagination import PageQuery, page_of, paginate
from ..schemas.assurance import PartnershipObligations, Rating
from ..schemas.assurance import Review as ReviewSchema
from ..schemas.common import Id, ref

router = Router(tags=["Obligations, reviews and ratings"])
ObligationPage = page_of(PartnershipObligations, "ObligationPage")
ReviewPage = page_of(ReviewSchema, "ReviewPage")
RatingPage = page_of(Rating, "RatingPage")
REVIEW_FIELDS = tuple(ReviewSchema.model_fields)
RATING_FIELDS = tuple(name for name in Rating.model_fields if name != "reasons")


def obligation_out(result, framework: Framework) -> dict:
    """One obligation with its clause in the council's words (never the source file's name)."""
    return {**result._asdict(), "cite": framework.cite_text(result.cite), "status_label": result.status_label}


def compliance_out(row: compliance.PartnershipCompliance, framework: Framework) -> dict:
    return {
        "partnership": ref(row.partnership),
        "tier_id": row.tier_id,
        "tier_name": row.tier_name,
        "overridden": row.overridden,
        "obligations": [obligation_out(r, framework) for r in row.obligations],
    }


def rating_out(rating: AssuranceRating, framework: Framework) -> dict:
    reasons = [
        {"text": str(r.get("text", "")), "cite": citations.display(str(r.get("cite", "")), framework)}
        for r in rating.reasons or []
    ]
    return {**{name: getattr(rating, name) for name in RATING_FIELDS}, "reasons": reasons}


@router.get("/obligations", response=responses(ObligationPage, 403), url_name="api-obligations")
def list_obligations(request: HttpRequest, page: PageQuery):
    """Every partnership you may see, a page at a time, with its significance tier and what the
    council's framework requires of it today."""
    require(request, Action.VIEW_COMPLIANCE)
    visible = visible_partnerships(request.user).order_by("name", "id")
    result = paginate(request, visible.only("pk"), page, counted=visible)
    ids = [p.pk for p in result["results"]]
    framework = loader.for_request(request)
    rows = compliance.evaluate(framework, visible.filter(pk__in=ids), clock.today())
    result["results"] = [compliance_out(row, framework) for row in rows]
    return result


@router.get(
    "/partnerships/{pk}/obligations",
    response=responses(PartnershipObligations, 403, 404),
    url_name="api-partnership-obligations",
)
def read_obligations(request: HttpRequest, pk: Id):
    """What the council's framework requires of one partnership today, each with its clause."""
    found = partnership(request, pk, Action.VIEW_COMPLIANCE)
    framework = loader.for_request(request)
    rows = compliance.evaluate(
        framework, visible_partnerships(request.user).filter(pk=found.pk), clock.today()
    )
    row = next(iter(rows))
    return compliance_out(row, framework)


@router.get("/partnerships/{pk}/reviews", response=responses(ReviewPage, 403, 404), url_name="api-reviews")
def list_reviews(request: HttpRequest, pk: Id, page: PageQuery):
    found = partnership(request, pk, Action.VIEW_MONITORING)
    result = paginate(request, Review.objects.filter(partnership=found).order_by("-started_on", "-id"), page)
    result["results"] = [{name: getattr(r, name) for name in REVIEW_FIELDS} for r in result["results"]]
    return result


@router.get(
    "/partnerships/{pk}/reviews/{review_id}",
    response=responses(ReviewSchema, 403, 404),
    url_name="api-review",
)
def read_review(request: HttpRequest, pk: Id, review_id: Id):
    found = partnership(request, pk, Action.VIEW_MONITORING)
    review = get_object_or_404(Review, pk=review_id, partnership=found)
    return {name: getattr(review, name) for name in REVIEW_FIELDS}


@router.get("/partnerships/{pk}/ratings", response=responses(RatingPage, 403, 404), url_name="api-ratings")
def list_ratings(request: HttpRequest, pk: Id, page: PageQuery):
    """The partnership's assurance ratings, oldest first; the last is the one that stands."""
    found = partnership(request, pk, Action.VIEW_MONITORING)
    ratings = AssuranceRating.objects.filter(partnership=found).order_by("rated_on", "created_at", "id")
    result = paginate(request, ratings, page)
    framework = loader.for_request(request)
    result["results"] = [rating_out(r, framework) for r in result["results"]]
    return result
