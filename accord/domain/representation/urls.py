"""URLs of accord.domain.representation: a partnership's representatives, meetings and report-backs."""

from django.urls import path

from . import views

partnership_urls = [
    path("<int:pk>/representatives/", views.representatives, name="representatives"),
    path("<int:pk>/representatives/meetings/new/", views.meeting_form, name="meeting-add"),
    path("<int:pk>/representatives/meetings/<int:meeting_id>/edit/", views.meeting_form, name="meeting-edit"),
    path("<int:pk>/representatives/report-backs/new/", views.report_back_add, name="report-back-add"),
]

site_urls: list = []
