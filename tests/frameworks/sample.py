"""A small framework built in code for engine tests (the real files are tested separately)."""

from accord.frameworks.schema import Framework

C = "004_0d99c29b5f1d20f0.txt 3"


def sample_framework(**overrides) -> Framework:
    data = {
        "id": "sample",
        "name": "Sample framework",
        "council": "Sample Council",
        "version": "1.0",
        "source": {"document": "004_0d99c29b5f1d20f0.txt", "title": "Sample"},
        "source_documents": [{"file": "004_0d99c29b5f1d20f0.txt", "title": "Sample Framework"}],
        "roles": [{"id": "head_of_service", "title": "Head of Service", "cite": C}],
        "definition": {
            "summary": "Working with others towards a common goal",
            "cite": C,
            "criteria": [
                {"id": "others", "text": "Does it involve other organisations?", "cite": C},
                {"id": "common_goal", "text": "Do they share a common goal?", "cite": C},
            ],
            "exclusions": [
                {"id": "grant", "text": "Is it a grant funding agreement?", "cite": C},
            ],
        },
        "types": [{"id": "joint", "name": "Joint", "register_names": ["Joint committee"], "cite": C}],
        "significance": {
            "parameters": [
                {"id": "threshold", "name": "Substantial", "value": 50000, "specified": False, "cite": C}
            ],
            "tiers": [
                {
                    "id": "significant",
                    "name": "Significant partnership",
                    "match": "any",
                    "cite": C,
                    "tests": [
                        {
                            "id": "statutory",
                            "name": "Statutory",
                            "kind": "fact",
                            "fact": "statutory",
                            "op": "is_true",
                            "cite": C,
                        },
                        {
                            "id": "money",
                            "name": "Substantial contribution",
                            "kind": "fact",
                            "fact": "council_contribution",
                            "op": "gte",
                            "parameter": "threshold",
                            "cite": C,
                        },
                        {
                            "id": "deemed",
                            "name": "Deemed significant",
                            "kind": "question",
                            "question": "Has the Executive deemed it significant?",
                            "cite": C,
                        },
                    ],
                },
                {"id": "other", "name": "Other partnership", "match": "default", "cite": C},
            ],
        },
        "artefacts": [
            {"id": "progress_report", "name": "Progress report", "kind": "progress_report", "cite": C},
            {"id": "exit_form", "name": "Exit form", "kind": "exit_report", "cite": C},
        ],
        "stages": [{"id": "active", "name": "Delivery", "cite": C}],
        "obligations": [
            {
                "id": "progress",
                "name": "Progress report",
                "artefact": "progress_report",
                "anchor": "activated",
                "first_due": "P6M",
                "repeat": "P1Y",
                "tiers": ["significant"],
                "cite": C,
            },
            {
                "id": "monitoring",
                "name": "Quarterly monitoring report",
                "artefact": "progress_report",
                "anchor": "activated",
                "first_due": "P3M",
                "repeat": "P3M",
                "cadence": "fixed",
                "tiers": ["significant"],
                "cite": C,
            },
            {
                "id": "exit",
                "name": "Exit form",
                "artefact": "exit_form",
                "anchor": "decided_to_leave",
                "first_due": "P3M",
                "cite": C,
            },
        ],
        "risk_model": {
            "cite": C,
            "likelihood": [{"value": v, "name": str(v)} for v in (1, 2, 3, 4)],
            "impact": [{"value": v, "name": str(v)} for v in (1, 2, 3, 4)],
            "bands": [
                {"id": "low", "name": "Low", "min": 1, "max": 3},
                {"id": "medium", "name": "Medium", "min": 4, "max": 7},
                {"id": "high", "name": "High", "min": 8, "max": 16},
            ],
        },
        "adopt_from_model": ["assurance"],  # it writes no rating rules of its own
    }
    data.update(overrides)
    return Framework.model_validate(data)
