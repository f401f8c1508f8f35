"""URLs of reviews: under a partnership (partnership_urls) and across the council (site_urls)."""

from django.urls import path

from .views import actions, answering, ratings, reviews

REVIEW = "<int:pk>/reviews/<int:review_id>"

partnership_urls: list = [
    path("<int:pk>/reviews/", reviews.reviews, name="reviews"),
    path("<int:pk>/reviews/start/", reviews.review_start, name="review-start"),
    path(f"{REVIEW}/", reviews.review_detail, name="review"),
    path(f"{REVIEW}/questions/<slug:question_id>/", answering.review_question, name="review-question"),
    path(f"{REVIEW}/decision/", answering.review_decision, name="review-decision"),
    path(f"{REVIEW}/rating/", answering.review_rating, name="review-rating"),
    path(f"{REVIEW}/actions/new/", actions.review_action_add, name="review-action-add"),
    path("<int:pk>/review-actions/", actions.review_actions, name="review-actions"),
    path("<int:pk>/review-actions/<int:action_id>/", actions.review_action, name="review-action"),
    path("<int:pk>/ratings/", ratings.ratings, name="ratings"),
]

site_urls: list = []
