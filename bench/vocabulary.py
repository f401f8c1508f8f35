"""The synthetic register's vocabulary: names, places, themes and weighted spreads (bench/generate.py).

Weights give a realistic, uneven spread rather than a uniform one.
"""

from dataclasses import dataclass

# --------------------------------------------------------------------------------------------
# Vocabulary. Weights give a realistic, uneven spread rather than a uniform one.
# --------------------------------------------------------------------------------------------


def _weights(text: str) -> dict[str, int]:
    """'Name: 3; Other name: 1' -> {'Name': 3, 'Other name': 1}."""
    pairs = (item.rsplit(":", 1) for item in text.split(";") if item.strip())
    return {name.strip(): int(weight) for name, weight in pairs}


def _list(text: str) -> list[str]:
    return [item.strip() for item in text.split(";") if item.strip()]


TYPE_WEIGHTS = _weights(
    "Public sector strategic: 10; Public sector delivery: 14; Private sector: 5; Formal forum: 9; "
    "Joint committee: 4; Management committee: 6; Local strategic partnership: 2; "
    "Operational / service delivery: 16; Joint venture company: 2; Private finance initiative: 1; "
    "Collaborative: 13; Host: 5; Executive: 4; Joint: 9"
)
STATUS_WEIGHTS = {"active": 80, "proposed": 8, "closed": 12}
COUNCIL_ROLE_WEIGHTS = {"member": 45, "lead": 25, "accountable_body": 10, "host": 8, "other": 12}
CONTRIBUTION_WEIGHTS = _weights(
    "finance: 40; officer_time: 30; accommodation: 8; it: 4; administration: 5; training: 3; insurance: 1; "
    "recruitment: 1; payroll: 1; health_and_safety: 1; advice: 4; other: 2"
)
# Roles besides the lead officer every partnership has.
ROLE_WEIGHTS = _weights(
    "council_representative: 25; link_officer: 20; sponsoring_officer: 12; substitute: 8; "
    "partner_contact: 25; budget_holder: 6; accountable_head_of_service: 4"
)
THEMES = _weights(
    "Community safety: 6; Health and wellbeing: 8; Homelessness: 2; Economic development: 6; "
    "Skills and employment: 5; Housing: 6; Children and young people: 6; Older people: 4; Domestic abuse: 3; "
    "Climate change: 4; Transport: 3; Leisure: 3; Physical activity: 3; Culture and heritage: 3; "
    "Town centre regeneration: 3; Waste and recycling: 3; Digital inclusion: 2; Financial inclusion: 2; "
    "Mental health: 4; Substance misuse: 2; Flood risk: 2; Emergency planning: 2; Shared services: 3; "
    "Procurement: 2; Tourism: 2; Social care: 3; Safeguarding: 3; Air quality: 1; Parks and open spaces: 2; "
    "Volunteering: 2; Community cohesion: 3; Anti-social behaviour: 2; Food poverty: 2; Planning: 2; "
    "Affordable warmth: 1; Carers: 2"
)
PLACES = _list(
    "Chorley; Leyland; Preston; Adlington; Coppull; Euxton; Clayton-le-Woods; Buckshaw; Whittle-le-Woods; "
    "Eccleston; Croston; Brinscall; Withnell; Wheelton; Heath Charnock; Charnock Richard; Astley Village; "
    "Bamber Bridge; Penwortham; Lostock Hall; Longton; Ormskirk; Skelmersdale; Burscough; Blackburn; Darwen; "
    "Accrington; Lancaster; Morecambe; Fleetwood; Lytham; Garstang; Clitheroe; Burnley; Nelson; Colne; "
    "Rawtenstall; Bacup; Wigan; Standish; Horwich; Bolton; Rivington; Anderton; Mawdesley; Bretherton; "
    "Ulnes Walton; Hoghton; Brindle; Heskin"
)
AREAS = _list(
    "Chorley borough; Lancashire; Central Lancashire; Chorley and South Ribble; "
    "Lancashire and South Cumbria; North West England; Chorley town centre; West Lancashire"
)
CLIENT_GROUPS = _list(
    "All residents; Older people; Young people; Families with young children; Young carers; "
    "Unpaid carers; Disabled people; People on low incomes; Local businesses; Job seekers; Council tenants; "
    "Victims of crime; Schools and colleges; Voluntary and community groups; Veterans; "
    "Refugees and asylum seekers; Patients; Visitors; Private landlords; Children in care"
)
STATUTORY_BASES = _list(
    "Crime and Disorder Act 1998; Health and Social Care Act 2012; Children Act 2004; Care Act 2014; "
    "Local Government Act 1972 s101; Civil Contingencies Act 2004; Housing Act 1996; "
    "Flood and Water Management Act 2010; Domestic Abuse Act 2021; Environment Act 2021"
)
NAME_PATTERNS = _list(
    "{place} {theme} Partnership; {place} {theme} Board; {place} {theme} Forum; "
    "{theme} Steering Group ({place}); {place} {theme} Network; {place} and {place2} {theme} Partnership; "
    "{place} {theme} Commissioning Board; {place} {theme} Alliance; {theme} Delivery Group ({place})"
)
DESCRIPTIONS = [
    "A {kind} partnership that brings partners together on {theme} across {area}.",
    "Partners in {area} working jointly on {theme}, led by {lead}.",
    "A {kind} arrangement between the council and {lead} covering {theme} in {area}.",
    "Co-ordinates the work of local organisations on {theme} for {clients}.",
]
PURPOSES = [
    "To agree shared priorities and align partners' resources behind them.",
    "To commission and monitor services on behalf of the partners.",
    "To share intelligence and performance data so partners target the greatest need.",
    "To deliver the action plan agreed by the partners and report progress each quarter.",
    "To oversee a jointly funded programme and hold the delivery partner to account.",
    "To give residents and community groups a voice in shaping local services.",
    "To reduce duplication between partners and secure better value for money.",
    "To bid jointly for external funding and manage the projects it pays for.",
    "",
]
PRIORITY_HOW = [
    "Brings partners together to improve outcomes for residents.",
    "Contributes funding and officer time towards the priority's actions.",
    "Reports progress against the corporate plan each quarter.",
]
FIRST_NAMES = (
    "Aisha Alan Alice Amir Amy Andrew Anna Ben Beth Carl Caroline Chloe Chris Claire Colin Daniel David "
    "Deborah Dylan Eleanor Emma Faisal Fiona Gareth Gemma George Grace Hannah Harry Helen Ian Imran Isla "
    "Jack Jacob James Jane Jasmine Jenny John Jordan Joseph Julie Karen Kate Kieran Laura Leah Lee Lesley "
    "Liam Lisa Louise Lucy Mark Martin Mary Matthew Megan Michael Mohammed Natalie Neil Nicola Oliver Olivia "
    "Paul Peter Priya Rachel Rebecca Richard Robert Ruth Ryan Sam Sarah Scott Sean Simon Sophie Stephen "
    "Stuart Susan Thomas Tom Tracey Usman Victoria Wendy William Yasmin Zara Zoe"
).split()
SURNAMES = (
    "Ashworth Aspinall Atherton Bamber Barton Baxter Birch Booth Bradshaw Brindle Brown Butler Calvert Carr "
    "Cartwright Charnock Clarke Collier Cooper Crook Cross Dewhurst Dixon Duckworth Eccles Evans Farrington "
    "Fielding Fletcher Gardner Gill Goodwin Greenhalgh Hall Halliwell Hargreaves Harrison Hartley Haworth "
    "Heaton Hesketh Higham Hodgson Holden Horrocks Hughes Hussain Iqbal Jackson Jones Kay Kenyon Khan Lamb "
    "Leatherbarrow Lee Lomax Marsden Martin Mason Mercer Miller Moss Nuttall Ogden Parker Patel Pilkington "
    "Platt Rawcliffe Riley Roberts Robinson Rigby Sharples Shorrock Singh Smith Southworth Sumner Swift "
    "Taylor Thompson Thornber Tomlinson Turner Walmsley Walsh Warburton Whittaker Whittle Wilson Winstanley "
    "Wood Worthington Wright Yates"
).split()
OFFICER_TITLES = _list(
    "Head of Service; Service Lead; Partnerships Officer; Policy Officer; Project Manager; Team Leader; "
    "Senior Officer; Director; Programme Officer"
)
PARTNER_TITLES = _list(
    "Chief Executive; Operations Manager; Project Co-ordinator; Director; Development Officer; "
    "Service Manager; Trustee; Partnership Lead"
)
# Most organisation names have no qualifier ("Chorley Food Bank"), some do ("Chorley Riverside Food Bank").
QUALIFIERS = ["", "", "", *_list(
    "Central; North; South; East; West; Community; Valley; Riverside; St Mary's; Oakwood; Greenfield; "
    "Heritage; Parkside; Millbrook; Moorland"
)]  # fmt: skip


@dataclass(frozen=True)
class OrgKind:
    suffix: str  # "Food Bank": the organisation is called "<place> [qualifier] Food Bank"
    scheme: str  # its org-id scheme, "" for none
    weight: int
    accountable: bool  # can act as accountable body
    employs: bool  # can employ staff


def _kinds(text: str) -> list[OrgKind]:
    """'Food Bank, GB-CHC, 2, no, yes; ...' -> [OrgKind(...), ...]."""
    kinds = []
    for item in _list(text):
        suffix, scheme, weight, accountable, employs = (part.strip() for part in item.split(","))
        kinds.append(OrgKind(suffix, scheme, int(weight), accountable == "yes", employs == "yes"))
    return kinds


ORG_KINDS: dict[str, list[OrgKind]] = {
    "public": _kinds(
        "Borough Council, GB-LAE, 2, yes, yes; Town Council, GB-LAE, 2, yes, yes; "
        "Parish Council, , 3, yes, yes; NHS Foundation Trust, GB-NHS, 2, yes, yes; "
        "Primary Care Network, GB-NHS, 2, no, yes; Primary School, GB-EDU, 4, no, yes; "
        "High School, GB-EDU, 2, no, yes; College, GB-UKPRN, 1, yes, yes; Jobcentre Plus, GB-GOR, 1, no, no; "
        "Library Service, , 1, no, no"
    ),
    "private": _kinds(
        "Ltd, GB-COH, 5, no, yes; Developments Ltd, GB-COH, 2, no, yes; "
        "Construction Ltd, GB-COH, 2, no, yes; Leisure Ltd, GB-COH, 1, no, yes; "
        "Consulting LLP, GB-COH, 1, no, yes; Energy Ltd, GB-COH, 1, no, yes; "
        "Facilities Management Ltd, GB-COH, 1, no, yes"
    ),
    "vcf": _kinds(
        "Community Trust, GB-CHC, 4, yes, yes; Food Bank, GB-CHC, 2, no, yes; Youth Club, , 2, no, no; "
        "Carers Centre, GB-CHC, 1, no, yes; Credit Union, GB-MPR, 1, yes, yes; "
        "Community Centre, GB-CHC, 3, no, yes; Arts Trust, GB-CHC, 1, yes, yes; Sports Club, , 2, no, no; "
        "Housing Association, GB-MPR, 1, yes, yes; Foundation, GB-CHC, 1, yes, yes"
    ),
    "statutory": _kinds(
        "Safeguarding Partnership, , 1, no, no; Resilience Forum, , 1, no, no; "
        "Fire and Rescue Service, GB-GOR, 1, yes, yes; Police, GB-GOR, 1, yes, yes"
    ),
    "other": _kinds(
        "Chamber of Commerce, GB-COH, 1, yes, yes; Business Improvement District, GB-COH, 1, yes, yes; "
        "Residents' Association, , 2, no, no"
    ),
}
SECTOR_WEIGHTS = {"public": 25, "private": 25, "vcf": 40, "statutory": 4, "other": 6}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _encode(number: int, alphabet: str, width: int) -> str:
    chars = []
    for _ in range(width):
        number, digit = divmod(number, len(alphabet))
        chars.append(alphabet[digit])
    return "".join(reversed(chars))


def org_id_for(scheme: str, serial: int) -> str:
    """A valid, unique identifier in `scheme` for the serial-th organisation that uses it."""
    if scheme == "GB-COH":
        return f"GB-COH-{10000000 + serial:08d}"
    if scheme == "GB-CHC":
        return f"GB-CHC-{1000000 + serial:07d}"
    if scheme == "GB-EDU":
        return f"GB-EDU-{100000 + serial:06d}"
    if scheme == "GB-UKPRN":
        return f"GB-UKPRN-{10000000 + serial:08d}"
    if scheme == "GB-MPR":
        return f"GB-MPR-{serial % 1000000}{_encode(serial // 1000000, LETTERS, 1)}"
    if scheme == "GB-GOR":
        return f"GB-GOR-{_encode(serial // 10000, LETTERS, 2)}{serial % 10000}"
    if scheme == "GB-NHS":
        return f"GB-NHS-R{_encode(serial, ALNUM, 4)}"
    if scheme == "GB-LAE":
        code = _encode(serial + 26**3, LETTERS, 4)  # four letters, never the council's CHO
        return f"GB-LAE-{code}"
    raise ValueError(scheme)
