"""Three council registers as councils keep them, made here (not copied from any council).

Each has its own headings and habits, and none is in Accord's export layout:

- Borsetshire (an .xlsx): a merged title row and a notes row above the headings, real date cells
  beside dd/mm/yyyy text, "£45,000" and "12,500", Y/N columns, partners on separate lines, org-ids in
  brackets, blank trailing rows and a hidden working column.
- Anytown (a Windows-1252 CSV with semicolons, as Excel saves it on a European-set PC): a title row,
  "Ref No" references, Yes/No, "£" as the byte 0xA3, d/m/yy dates, "1.25m", partners joined by ";".
- Eastmoor (a UTF-8 CSV with a byte-order mark): no references and no type column at all, ISO dates,
  True/False and ✓/✗, "and" between two partners.

`EXPECTED` says what importing each must give on `TODAY`, with the council's defaults and statuses
inferred from the dates.
"""

import io
from dataclasses import dataclass, field
from datetime import date, datetime

from openpyxl import Workbook

TODAY = date(2026, 11, 30)
CONTRACTUAL = "Contractual arrangement"
STATUTORY = "Partnership required under legislation"
JOINT = "Joint committee with other authorities"
MULTI = "Organisations from various sectors brought together by the Council"


@dataclass
class Expected:
    name: str
    status: str  # proposed, active or closed
    lead_officer: str = ""
    partners: dict[str, str] = field(default_factory=dict)  # name -> org-id ('' for none)
    contribution: str = ""  # the current year's cash contribution, as a Decimal string
    last_reviewed: date | None = None
    statutory: bool | None = None


# --- Borsetshire: an .xlsx with a title and notes above the headings ------------------------------

BORSETSHIRE_HEADINGS = [
    "Partnership Name",
    "Lead Officer",
    "Service Area",
    "Type",
    "Statutory (Y/N)",
    "Start Date",
    "End Date",
    "Council Contribution (£)",
    "In-kind support",
    "Partners",
    "Governance document",
    "Last reviewed",
    "Risk register?",
    "Notes",
]

BORSETSHIRE_ROWS = [
    [
        "Borsetshire Community Safety Partnership",
        "Jane Smith",
        "Communities",
        STATUTORY,
        "Y",
        datetime(2010, 4, 1),
        None,
        "12,500",
        "Analyst time, 2 days a month",
        "Borsetshire Police\nBorsetshire Fire and Rescue Service\nNHS Borsetshire ICB",
        "CSP Terms of Reference 2023",
        "15/03/2025",
        "Y",
        "Chair rotates each year",
    ],
    [
        "Borsetshire Leisure Trust contract",
        "Raj Patel",
        "Leisure",
        CONTRACTUAL,
        "N",
        "01/06/2015",
        "31/05/2030",
        45000,
        "",
        "Borsetshire Leisure Trust (GB-CHC-1122334)",
        "Leisure management agreement",
        datetime(2024, 9, 12),
        "Y",
        "",
    ],
    [
        "Felpersham Town Centre BID",
        "Jane Smith",
        "Economic Development",
        MULTI,
        "N",
        "01/04/2019",
        "31/03/2024",
        "£1,250",
        "",
        "BID Company Ltd (GB-COH-11223344); Felpersham Chamber of Trade",
        "",
        "",
        "N",
        "Ended when the BID ballot failed",
    ],
    [
        "Borsetshire Shared Revenues and Benefits",
        "Tom Hughes",
        "Finance",
        JOINT,
        "N",
        "01/04/2027",
        "",
        "",
        "",
        "Felpersham District Council",
        "",
        "",
        "N",
        "Starts next April",
    ],
]


def borsetshire_xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Register 2026"
    sheet.append(["Borsetshire District Council – Register of Partnerships"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(BORSETSHIRE_HEADINGS))
    sheet.append(["Kept by Democratic Services. Last updated 01/11/2026. Please do not change the headings."])
    sheet.append(BORSETSHIRE_HEADINGS + ["Working (hidden)"])
    for row in BORSETSHIRE_ROWS:
        sheet.append(row + ["checked"])
    for _ in range(3):
        sheet.append([None] * len(BORSETSHIRE_HEADINGS))
    sheet.column_dimensions["O"].hidden = True
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- Anytown: a Windows-1252 CSV with semicolons ---------------------------------------------------

ANYTOWN_LINES = [
    "Anytown Borough Council partnerships register (exported from the committee system);;;;;;;;;",
    "Ref No;Name of partnership;Directorate;Category;Statutory?;Date started;Date ends;"
    "Contribution £;Partner organisations;Date of last review",
    "ABC-001;Anytown Health and Wellbeing Board;Adult Social Care;" + STATUTORY + ";Yes;1/4/13;;"
    "£5,000.50;Anytown NHS Foundation Trust; Anytown Voluntary Action (GB-CHC-1099887);3/2/25",
    "ABC-002;Anytown Waste Partnership;Environment;" + JOINT + ";No;1/4/18;31/3/33;"
    "1.25m;Westshire County Council;",
    "ABC-003;Anytown Youth Forum;Children's Services;" + MULTI + ";No;1/9/21;31/8/23;;;",
]


def anytown_csv() -> bytes:
    # Partners are split on ";" inside a quoted cell too: the second row's partners are one cell.
    lines = list(ANYTOWN_LINES)
    lines[2] = lines[2].replace(
        "Anytown NHS Foundation Trust; Anytown Voluntary Action (GB-CHC-1099887)",
        '"Anytown NHS Foundation Trust; Anytown Voluntary Action (GB-CHC-1099887)"',
    )
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


# --- Eastmoor: a UTF-8 CSV with a byte-order mark, no references, no type -------------------------

EASTMOOR_LINES = [
    "Partnership,Lead officer,Lead service,Statutory,Start,End,Annual contribution,Partners,"
    "Last review,Risk register in place,Comments",
    "Eastmoor Safeguarding Adults Board,Priya Shah,Adult Social Care,True,2014-04-01,,"
    '"£20,000",Eastmoor Police and Eastmoor NHS Trust,2025-06-30,✓,',
    "Eastmoor Cycle Network,Owen Price,Highways,False,2022-05-01,2025-04-30,"
    "750,Eastmoor Cycling Club,,✗,Funding ended",
]


def eastmoor_csv() -> bytes:
    return ("\r\n".join(EASTMOOR_LINES) + "\r\n").encode("utf-8-sig")


EXPECTED = {
    "borsetshire.xlsx": [
        Expected(
            "Borsetshire Community Safety Partnership",
            "active",
            "Jane Smith",
            {
                "Borsetshire Police": "",
                "Borsetshire Fire and Rescue Service": "",
                "NHS Borsetshire ICB": "",
            },
            "12500.00",
            date(2025, 3, 15),
            True,
        ),
        Expected(
            "Borsetshire Leisure Trust contract",
            "active",
            "Raj Patel",
            {"Borsetshire Leisure Trust": "GB-CHC-1122334"},
            "45000.00",
            date(2024, 9, 12),
            False,
        ),
        Expected(
            "Felpersham Town Centre BID",
            "closed",
            "Jane Smith",
            {"BID Company Ltd": "GB-COH-11223344", "Felpersham Chamber of Trade": ""},
            "1250.00",
            None,
            False,
        ),
        Expected(
            "Borsetshire Shared Revenues and Benefits",
            "proposed",
            "Tom Hughes",
            {"Felpersham District Council": ""},
            "",
            None,
            False,
        ),
    ],
    "anytown.csv": [
        Expected(
            "Anytown Health and Wellbeing Board",
            "active",
            "",
            {"Anytown NHS Foundation Trust": "", "Anytown Voluntary Action": "GB-CHC-1099887"},
            "5000.50",
            date(2025, 2, 3),
            True,
        ),
        Expected(
            "Anytown Waste Partnership",
            "active",
            "",
            {"Westshire County Council": ""},
            "1250000.00",
            None,
            False,
        ),
        Expected("Anytown Youth Forum", "closed", statutory=False),
    ],
    "eastmoor.csv": [
        Expected(
            "Eastmoor Safeguarding Adults Board",
            "active",
            "Priya Shah",
            {"Eastmoor Police": "", "Eastmoor NHS Trust": ""},
            "20000.00",
            date(2025, 6, 30),
            True,
        ),
        Expected(
            "Eastmoor Cycle Network",
            "closed",
            "Owen Price",
            {"Eastmoor Cycling Club": ""},
            "750.00",
            None,
            False,
        ),
    ],
}

# What the administrator says once: Eastmoor's register has no type column, so every row takes one.
OPTIONS = {"eastmoor.csv": ["--default", f"partnership_type={MULTI}"]}

FILES = {
    "borsetshire.xlsx": borsetshire_xlsx,
    "anytown.csv": anytown_csv,
    "eastmoor.csv": eastmoor_csv,
}
