"""Outside-body duties: the meetings of a partnership the council's representatives attend (or send
a briefed substitute to), and their report-backs to the council (Bury App 5 (i) and (ii)).

Who the representatives and substitutes are is the register's business (`PartnershipRole` roles
`council_representative` and `substitute`); what the framework expects of them is its
`report_back` rules (accord.frameworks.duty_rules).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Meeting(models.Model):
    partnership = models.ForeignKey("register.Partnership", on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField("date of the meeting")
    title = models.CharField(
        max_length=200, help_text="For example, 'Partnership Board' or 'Steering Group'."
    )
    notes = models.TextField(
        blank=True, max_length=3000, help_text="Anything worth knowing about the meeting."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["partnership", "held_on"], name="meeting_partnership_date")]

    def __str__(self) -> str:
        return f"{self.title}, {self.held_on:%-d %B %Y}"


class AttendanceStatus(models.TextChoices):
    ATTENDED = "attended", "Attended"
    APOLOGIES = "apologies", "Sent apologies"
    ABSENT = "absent", "Absent without apologies"
    SUBSTITUTE = "substitute", "Sent a substitute"


class Attendance(models.Model):
    """One representative at one meeting: there, apologies, absent, or a substitute went instead."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        "register.Person", on_delete=models.PROTECT, related_name="attendances", verbose_name="representative"
    )
    status = models.CharField("attendance", max_length=12, choices=AttendanceStatus.choices)
    substitute = models.ForeignKey(
        "register.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="substitutions"
    )
    substitute_briefed = models.BooleanField("substitute briefed", default=False)
    briefed_on = models.DateField("date briefed", null=True, blank=True)
    notes = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["meeting", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once_per_meeting"),
            models.CheckConstraint(
                condition=Q(status="substitute") | Q(substitute__isnull=True, substitute_briefed=False),
                name="attendance_substitute_only_when_sent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_status_display()}"

    @property
    def unbriefed_substitute(self) -> bool:
        return self.status == AttendanceStatus.SUBSTITUTE and not self.substitute_briefed


class ReportBack(models.Model):
    """A representative reporting back to the council on a partnership (to the Executive, a
    committee, the lead Director...), as the framework's report-back rules ask."""

    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.PROTECT, related_name="report_backs"
    )
    person = models.ForeignKey(
        "register.Person",
        on_delete=models.PROTECT,
        related_name="report_backs",
        verbose_name="representative",
    )
    reported_on = models.DateField("date reported back")
    reported_to = models.CharField(
        "reported to", max_length=200, help_text="The body or person, for example 'Executive Cabinet'."
    )
    summary = models.TextField(max_length=5000, help_text="What the representative reported.")
    policy_issues = models.BooleanField("policy issues raised", default=False)
    performance_issues = models.BooleanField("performance issues raised", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-reported_on", "-id"]
        indexes = [models.Index(fields=["partnership", "reported_on"], name="reportback_partnership_date")]
        verbose_name = "report-back"

    def __str__(self) -> str:
        return f"Report-back to {self.reported_to}, {self.reported_on:%-d %B %Y}"
