"""People as conference programmes print them: who is a name, and which words are a role or an organisation.

`Person.from_line` is the agenda format's rule (after the name, the last comma part is the organisation and
everything between is the role). Programmes are looser: `Veerle Lories, Government of Flanders, Department
Economy, Science and Innovation` is all organisation, `Ann-Helen Moum, CDO Kristiansand municipality` a role
and an organisation in one part. `split_affiliation` reads the parts with two word lists (role words and
organisation words) and falls back to the format's rule where the words do not decide.
"""

from __future__ import annotations

import re

from runofshow.core.agenda import Person

# Words that start or make a role ("Head of Unit", "Programme Director", "Lead health care").
ROLE_WORDS = frozenset({
    "director", "directors", "head", "ceo", "cdo", "cto", "cfo", "coo", "cio", "cmo", "cpo", "cso", "cco", "chro",
    "svp", "evp", "avp", "minister", "lead", "leader",
    "chair", "chairman", "chairwoman", "chairperson", "professor", "prof", "prof.", "ambassador", "president",
    "vice-president", "vp", "manager", "officer", "adviser", "advisor", "coordinator", "founder", "co-founder",
    "partner", "secretary", "secretary-general", "commissioner", "mayor", "deputy", "chief", "researcher",
    "fellow", "analyst", "consultant", "editor", "journalist", "economist", "expert", "specialist", "engineer",
    "scientist", "lecturer", "dean", "rector", "member", "mep", "spokesperson", "rapporteur", "moderator",
    "counsellor", "counselor", "attaché", "attache", "delegate", "representative", "governor", "councillor",
    "alderman", "owner", "founding", "strategist", "architect", "designer", "principal", "superintendent",
    "student", "phd", "postdoc", "doctor", "dr", "dr.", "executive", "administrator", "inspector", "envoy",
    "director-general", "deputy-director", "reporter", "correspondent", "anchor", "host", "curator", "chancellor",
    # French, Dutch and the Nordic languages, as Belgian and Norwegian programmes print them
    "directeur", "directrice", "président", "présidente", "ministre", "chef", "responsable", "conseiller",
    "conseillère", "chargé", "chargée", "journaliste", "secrétaire", "secretaire", "échevin", "échevine",
    "bourgmestre", "professeur", "administrateur",
    "administratrice", "gérant", "gérante", "fondateur", "fondatrice", "directeur-général", "voorzitter",
    "directør", "daglig", "leder", "rådgiver", "seniorrådgiver", "avdelingsdirektør", "ordfører",
})
# Words that may come before a role word in the same role ("Senior Policy Officer", "Vice President").
ROLE_MODIFIERS = frozenset({
    "senior", "junior", "vice", "chief", "executive", "managing", "general", "acting", "assistant", "associate",
    "interim", "co", "deputy", "principal", "programme", "program", "project", "policy", "research", "regional",
    "national", "international", "technical", "scientific", "political", "special", "honorary", "former",
})
# Words that make a part an organisation ("Government of Flanders", "Tellu AS", "DG Research&Innovation").
ORGANISATION_WORDS = frozenset({
    "government", "ministry", "university", "universiteit", "universität", "université", "universitet",
    "commission", "dg", "as", "asa", "sa", "nv", "bv", "ag", "ab", "oy", "plc", "gmbh", "inc", "inc.", "ltd",
    "ltd.", "llc", "asbl", "vzw", "srl", "spa", "corp", "corp.", "co.", "municipality", "kommune", "commune",
    "gemeente", "county", "fylkeskommune", "region", "council", "agency", "authority", "institute", "institut",
    "institution", "foundation", "association", "company", "corporation", "department", "directorate", "office",
    "bank", "centre", "center", "hospital", "school", "college", "academy", "network", "alliance", "federation",
    "union", "parliament", "embassy", "secretariat", "ngo", "group", "society", "trust", "forum", "platform",
    "observatory", "laboratory", "lab", "labs", "cluster", "consortium", "chamber", "confederation", "service",
    "services", "ministère", "gouvernement", "ville", "stad", "ministerie", "departement", "directoraat",
    "direktoratet", "departementet", "kommunesektorens", "organisation", "organization", "representation",
    "city", "fondation", "région", "hôpital", "école", "agence", "fédération", "coopérative", "observatoire",
    "sprl", "scrl", "stichting", "verein", "e.v.",
})
# Lowercase words inside a name (Ludwig van Beethoven, Ana da Silva).
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "des", "la", "le",
                        "ten", "ter", "bin", "ibn", "al", "el", "dos", "das", "do", "y", "zu", "af", "av", "bint"})
# Words that are not in a person's name, though programmes capitalise them in titles, roles and organisations.
_NOT_NAME_WORDS = frozenset({
    "the", "a", "an", "les", "and", "or", "of", "for", "to", "in", "on", "with", "by", "at", "how", "what", "why",
    "when", "where", "who", "new", "our", "your", "welcome", "welcoming", "opening", "closing", "break", "lunch",
    "coffee", "panel", "keynote", "session", "registration", "day", "dinner", "reception", "drinks", "remarks",
    "introduction", "q&a", "questions", "discussion", "workshop", "presentation", "networking", "pause",
    "conclusion", "conclusions", "wrap-up", "end", "programme", "program", "agenda", "moderator", "chair",
    "speaker", "speakers", "panellists", "panelists", "tbc", "tba", "tbd", "policy", "technology", "innovation",
    "research", "development", "science", "business", "strategy", "affairs", "relations", "communications",
    "digital", "health", "care", "finance", "economy", "energy", "climate", "data", "public", "european",
    "international", "national", "global", "market", "markets", "solutions", "systems", "partnerships",
    "procurement", "future", "social", "sustainability", "growth", "education", "scaling", "up", "access",
    "recap", "summary", "award", "awards", "ceremony", "visit", "tour", "guided", "room", "hall", "plenary",
    "track", "stage", "fireside", "chat", "roundtable", "debate", "lightning", "talks", "talk", "demo",
    "case", "study", "studies", "lessons", "learned", "perspectives", "outlook", "update", "overview", "report",
})
_NOT_IN_NAMES = ORGANISATION_WORDS | ROLE_WORDS | ROLE_MODIFIERS
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]+$")
_INITIAL = re.compile(r"^(?:[^\W\d_]\.)(?:-?[^\W\d_]\.)*$")  # G.  J.-P.  J.R.
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.\-]*$")
_WORD = re.compile(r"[\w&'’.\-]+")
# A list of people: `;`, or a bullet (`-`, `•`) after a space, between them.
_LIST_BULLET = re.compile(r"(?:^|(?<=\s))[-–—•·*]+\s*(?=\S)")
_AND = re.compile(r"(?:,\s*|\s+)(?:and|&|et|og|und)\s+", re.IGNORECASE)
_TITLES = frozenset({"dr", "dr.", "prof", "prof.", "professor", "doctor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
                     "mme", "m.", "sir", "dame", "h.e.", "hon."})


def _words(text: str) -> list[str]:
    return [word.strip(".,").lower() for word in _WORD.findall(text)]


def looks_like_name(text: str) -> bool:
    """Whether `text` reads as a person's name: two to six capitalised words or initials (particles such as
    `van` allowed), none of them a word of a title, role or organisation (`Tellu AS`, `Scaling Up Solutions`)."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 6:
        return False
    capitals = 0
    for position, token in enumerate(tokens):
        low = token.lower()
        if low in _PARTICLES or (position == 0 and low in _TITLES):
            continue
        if low in _NOT_NAME_WORDS or low.strip(".,") in _NOT_IN_NAMES:
            return False
        if _INITIAL.match(token):
            capitals += 1
            continue
        if not _NAME_WORD.match(token) or not token[0].isupper():
            return False
        capitals += 1
    return capitals >= 2 and not all(_ACRONYM.match(token) for token in tokens)


def is_role(part: str) -> bool:
    """A part that is a role: it starts with a role word (or a modifier and a role word), or has a role word
    and nothing that makes it an organisation."""
    words = _words(part)
    if not words:
        return False
    if words[0] in ROLE_WORDS:
        return True
    leading = 0
    while leading < len(words) and words[leading] in ROLE_MODIFIERS:
        leading += 1
    if 0 < leading < len(words) and words[leading] in ROLE_WORDS:
        return True
    return any(word in ROLE_WORDS for word in words) and not _has_organisation_word(part)


def _has_organisation_word(part: str) -> bool:
    """An organisation word, or an acronym that is not a role's (LUP, NTNU; not CEO)."""
    for word in _WORD.findall(part):
        low = word.lower().strip(".,")
        if low in ORGANISATION_WORDS or (_ACRONYM.match(word.strip(".,")) and low not in ROLE_WORDS):
            return True
    return False


def is_organisation(part: str) -> bool:
    """A part that is an organisation: an organisation word or an acronym (LUP, NTNU), and not a role."""
    return not is_role(part) and _has_organisation_word(part)


def _split_role_prefix(part: str) -> tuple[str, str] | None:
    """`CDO Kristiansand municipality` -> ("CDO", "Kristiansand municipality"): a part that opens with a role
    and goes on with an organisation; None when it does not."""
    tokens = part.split()
    count = 0
    while count < len(tokens) and (tokens[count].lower().strip(".,") in ROLE_WORDS
                                   or tokens[count].lower().strip(".,") in ROLE_MODIFIERS):
        count += 1
    if count == 0 or count == len(tokens) or not any(t.lower().strip(".,") in ROLE_WORDS for t in tokens[:count]):
        return None
    rest = tokens[count:]
    if rest[0].lower() in {"at", "@", "chez", "bei", "hos"} and len(rest) > 1:  # `Director at Acme`: the employer
        return " ".join(tokens[:count]), " ".join(rest[1:])
    if rest[0].lower() in {"of", "for", "de", "du", "des", "i", "à"}:
        # `Minister of Economy`, `Minister of Health and Care Services`, `Bourgmestre de Namur`: one role, kept
        # as printed (cutting at `of` would drop the word and change what the projector shows)
        return part, ""
    organisation = " ".join(rest)
    acronym_role = all(_ACRONYM.match(token.strip(".,")) for token in tokens[:count])
    if _has_organisation_word(organisation) or (acronym_role and organisation[:1].isupper()):
        # `CDO Kristiansand municipality`; `CTO Fjernvarme Fyn`: after CEO, CTO … comes the company
        return " ".join(tokens[:count]), organisation
    return None


def split_affiliation(parts: list[str]) -> tuple[str, str]:
    """(role, organisation) from the comma parts after a person's name.

    The organisation starts at the first part that reads as one (an organisation word or an acronym), when
    what comes before it starts with a role: `Head of Unit, Innovation Policy and Access to Finance, DG
    Research&Innovation, European Commission` -> the first two are the role. When the first part is already an
    organisation, all of it is (`Government of Flanders, Department Economy, Science and Innovation`), but for
    roles written after it (`Tellu AS, CEO`). One part: a role (`Lead health care`), a role then an organisation
    (`CDO Kristiansand municipality`), else the organisation (`Norwegian ambassador to the EU`, as the
    format's rule reads it). Where the words do not decide: `Person.from_line`'s rule.
    """
    parts = [part.strip() for part in parts if part.strip()]
    if not parts:
        return "", ""
    if len(parts) == 1:
        part = parts[0]
        split = _split_role_prefix(part)
        if split is not None:
            return split
        if is_role(part) and not _has_organisation_word(part):
            return part, ""
        return "", part
    first_organisation = next((index for index, part in enumerate(parts) if is_organisation(part)), None)
    if first_organisation == 0:
        trailing = len(parts)
        while trailing > 1 and is_role(parts[trailing - 1]) and not _has_organisation_word(parts[trailing - 1]):
            trailing -= 1
        return ", ".join(parts[trailing:]), ", ".join(parts[:trailing])
    if first_organisation is not None and is_role(parts[0]):
        return ", ".join(parts[:first_organisation]), ", ".join(parts[first_organisation:])
    return ", ".join(parts[:-1]), parts[-1]


_PAREN = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inside>[^()]*)\)\s*(?:[,–—-]\s*(?P<after>.*))?$")
_DASH_SEPARATOR = re.compile(r"\s+[-–—|]\s+")


def read_person(text: str) -> Person | None:
    """One person as a programme line writes one: `Name`, `Name, role, organisation`, `Name (organisation)`,
    `Name – organisation`; None when the text does not start with a name."""
    text = text.strip().strip(",;").strip()
    paren = _PAREN.match(text)
    if paren is not None:
        name = paren.group("name").strip()
        parts = paren.group("inside").split(",") + (paren.group("after") or "").split(",")
    elif "," not in text and _DASH_SEPARATOR.search(text):
        name, *parts = _DASH_SEPARATOR.split(text)
    else:
        name, *parts = text.split(",")
    name = name.strip()
    if not looks_like_name(name):
        return None
    role, organisation = split_affiliation(parts)
    return Person(name, role, organisation)


def starts_with_name(text: str) -> bool:
    """Whether `text` opens with a name, up to its first comma, bracket, dash or `and`."""
    head = re.split(r"[,;(]|\s[-–—]\s|\s(?:and|&|et|og|und)\s", text, maxsplit=1)[0]
    return looks_like_name(head.strip())


def _split_at_and(text: str) -> list[str]:
    """`A, role, and B, role` -> the two people: an `and` splits only where a name follows it."""
    pieces: list[str] = []
    begin = 0
    for match in _AND.finditer(text):
        if match.start() > begin and starts_with_name(text[match.end():]):
            pieces.append(text[begin:match.start()])
            begin = match.end()
    pieces.append(text[begin:])
    return pieces


def read_people(text: str, *, names_list: bool = False) -> list[Person] | None:
    """The people a list names: `A, role, and B, role`, `-A, org -B, org`, `A; B`, `A (org), B (org)`.
    With `names_list` (after `Speakers:`, `With:` …) and no `;` or bullet in it, `A, B and C` are three names
    when every part is one. None when a part of it is not a person (nothing is taken from a line half
    understood)."""
    names_list = names_list and ";" not in text and not _LIST_BULLET.search(text)
    chunks: list[str] = []
    for piece in re.split(r"\s*;\s*", text):
        in_piece = 0  # the items of this piece taken so far
        for item in _LIST_BULLET.split(piece):
            if not item.strip(" ,"):
                continue
            in_piece += 1
            if in_piece > 1 and not starts_with_name(item) and not item.startswith("("):
                chunks[-1] = f"{chunks[-1]}, {item.strip()}"  # `Name – organisation`: the dash was no bullet
                continue
            chunks.append(item)
    people: list[Person] = []
    for chunk in chunks:
        for part in _split_at_and(chunk.strip(" ,")):
            names = [piece.strip() for piece in re.split(r",\s*(?![^()]*\))", part.strip(" ,")) if piece.strip()]
            bare_names = [re.sub(r"\s*\(.*\)$", "", name) for name in names]
            if names_list and len(names) > 1 and all(looks_like_name(name) for name in bare_names):
                found = [read_person(name) for name in names]  # `A, B, C`: names only, or `A (org), B (org)`
            else:
                found = [read_person(part)]
            if any(person is None for person in found):
                return None
            people.extend(person for person in found if person is not None)
    return people or None
