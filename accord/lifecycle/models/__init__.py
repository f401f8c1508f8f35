from .decisions import Appointment, Decision, Outcome, Transition
from .records import (
    Agreement,
    AgreementStatus,
    ArtefactRecord,
    Consultee,
    DocumentType,
    EvidenceFile,
    Signatory,
)

__all__ = [
    "Agreement",
    "AgreementStatus",
    "Appointment",
    "ArtefactRecord",
    "Consultee",
    "Decision",
    "DocumentType",
    "EvidenceFile",
    "Outcome",
    "Signatory",
    "Transition",
]
