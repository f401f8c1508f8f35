from .decisions import Appointment, Decision, Outcome, Transition
from .overrides import GateOverride
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
    "GateOverride",
    "Outcome",
    "Signatory",
    "Transition",
]
