"""Dates, time ranges and time zones as conference programmes write them, for the programme-text importer.

`30 November 2023`, `November 30, 2023`, `2023-11-30`, `30.11.2023`, `Thursday 30 November 2023`, `jeudi
30 novembre`; a slot's `13:30 – 13:45`, `9.30 - 9.45:`, `9:30 am – 10:15 am`, `14h00`; a time zone from an
IANA name, a city that names one (Brussels -> Europe/Brussels) or an abbreviation that means one zone only.
Clock times themselves are read by `core.timeparse.parse_clock_time`, like every importer's.
"""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass
from datetime import date, time
from functools import cache

from runofshow.core.timeparse import parse_clock_time

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun|"
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_BEFORE = rf"(?:\b(?:{_WEEKDAYS})\.?,?\s+(?:the\s+|le\s+)?)?"
_DATE_PATTERNS = (
    # 30 November 2023, Thursday 30th of November, 30-31 May 2024, jeudi 30 novembre 2023
    re.compile(rf"{_WEEKDAY_BEFORE}\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|er)?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?"
               rf"\s+(?:of\s+)?(?P<m>{_MONTH})\b\.?(?:,?\s+(?P<y>\d{{4}})\b)?", re.IGNORECASE),
    # November 30, 2023, Thursday, November 30th
    re.compile(rf"{_WEEKDAY_BEFORE}\b(?P<m>{_MONTH})\b\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
               rf"(?:\s*[-–]\s*\d{{1,2}}\b)?(?:,?\s+(?P<y>\d{{4}})\b)?", re.IGNORECASE),
    # 2023-11-30
    re.compile(rf"{_WEEKDAY_BEFORE}\b(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\b", re.IGNORECASE),
    # 30.11.2023, 30/11/2023 (day first, as Europe writes it; 11/30/2023 when the day cannot be a month)
    re.compile(rf"{_WEEKDAY_BEFORE}\b(?P<d>\d{{1,2}})(?P<sep>[./])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})\b",
               re.IGNORECASE),
)
_YEAR_LATER = re.compile(r"\b(20\d{2}|19\d{2})\b")
# The year of a range written `30 November – 1 December 2023` is found this far after the first day.
_YEAR_WITHIN = 40


@dataclass(frozen=True)
class FoundDate:
    day: date | None  # None: the text names a day and a month but no year, and none was given to assume
    start: int  # where the date (with its weekday) is in the text
    end: int
    has_year: bool


def find_date(text: str, year: int | None = None) -> FoundDate | None:
    """The first date written in `text`; without a year in it, `year` (else `day` is None)."""
    best: tuple[re.Match[str], re.Pattern[str]] | None = None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0].start()):
            best = (match, pattern)
    if best is None:
        return None
    match = best[0]
    month_text, day_text, year_text = match.group("m"), match.group("d"), match.group("y")
    end = match.end()
    if year_text is None:
        later = _YEAR_LATER.search(text, match.end(), match.end() + _YEAR_WITHIN)
        if later is not None:
            year_text = later.group(1)
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
    day_number = int(day_text)
    if month_text.isdigit() and month > 12 >= day_number:  # 11/30/2023
        month, day_number = day_number, month
    chosen_year = int(year_text) if year_text else year
    try:
        day = date(chosen_year, month, day_number) if chosen_year is not None else None
    except ValueError:
        return None
    return FoundDate(day, match.start(), end, year_text is not None)


# -- times -------------------------------------------------------------------------------------

_CLOCK = (r"\d{1,2}(?:\s?[:.hH]\s?\d{2}(?![\d]))?(?:\s?(?:[aApP]\.?\s?[mM]\.?(?!\w)|noon\b|midnight\b))?"
          r"|\d{1,2}\s?[hH](?![\w])|(?i:noon|midday|midnight)\b")
_ZONE_WORDS = ("UTC|GMT|CET|CEST|EET|EEST|WET|WEST|BST|IST|EST|EDT|ET|CST|CDT|CT|MST|MDT|MT|PST|PDT|PT|JST|KST|"
               "HKT|SGT|MSK|HST|AKST|AKDT|AEST|AEDT|NZST|NZDT")
# A slot's start: a time, or a time range, at the start of the line, then the title (or nothing).
_SLOT_START = re.compile(
    rf"^(?P<start>{_CLOCK})"
    rf"(?:\s*(?:[-–—−]+|\bto\b|\btill\b|\buntil\b|\bà\b|\bau\b|\bbis\b)\s*(?P<end>{_CLOCK}))?"
    rf"(?![\d:.]\d)(?:\s*\(?(?P<zone>{_ZONE_WORDS})\)?(?![\w]))?"
    r"(?P<rest>(?:\s*[:|.\-–—]+\s*|\t|\s+|$).*)$"
)
_HALF = re.compile(r"([aApP])\.?\s?[mM]\.?$")


_TIME_RANGE = re.compile(rf"(?<![\w:.])(?P<first>{_CLOCK})(?:\s*(?:[-–—]|\bto\b|\buntil\b|\bà\b|\bau\b|\bbis\b)"
                         rf"\s*(?P<last>{_CLOCK}))?(?:\s*\(?(?:{_ZONE_WORDS})\)?)?(?!\w)")


@dataclass(frozen=True)
class SlotTimes:
    start: time
    end: time | None
    rest: str  # the text after the times (the title and perhaps the people), separators stripped
    half_day: bool  # the times were written with am/pm


def _clock(text: str) -> time | None:
    text = text.strip()
    if re.fullmatch(r"\d{1,2}\s?[hH]", text):  # 14h: the French hour without minutes
        text = text.rstrip("hH ") + "h00"
    return parse_clock_time(text)


def read_slot_times(line: str) -> SlotTimes | None:
    """The time (or range) a programme line starts with, and the rest of the line; None if it starts none."""
    match = _SLOT_START.match(line)
    if match is None:
        return None
    start_text, end_text = match.group("start"), match.group("end")
    start = _clock(start_text)
    if start is None:
        return None
    end = _clock(end_text) if end_text else None
    rest = match.group("rest")
    if start_text.isalpha() and end_text is None and not re.match(r"\s*[:|\-–—]|\t|\s{2}", rest):
        return None  # `Noon concert`, `Midnight mass`: a title, unless a range or a separator follows the word
    if end_text and end is None:  # `9:00 - 10 things to know`: a start, and a title that opens with a number
        end_text, rest = None, line[match.end("start"):]
    start_half, end_half = _HALF.search(start_text.strip()), _HALF.search(end_text.strip()) if end_text else None
    if end is not None and end_half and not start_half and start.hour <= 12:
        # `9:30–10:15 am`, `11:30-12:30 pm`: the start shares the end's half of the day unless that puts it after.
        same = _clock(f"{start_text.strip()} {end_half.group(1)}m")
        other = _clock(f"{start_text.strip()} {'a' if end_half.group(1).lower() == 'p' else 'p'}m")
        start = same if same is not None and same <= end else (other or start)
    rest = rest.strip().lstrip(":|.-–—\t ").strip()
    rest = re.sub(r"^onwards?\b[\s:.–—-]*", "", rest, flags=re.IGNORECASE)  # `18:00 onwards Dinner`
    return SlotTimes(start, end, rest, bool(start_half or end_half))


def remove_time_range(text: str) -> str:
    """`text` without a time or time range written in it (an event's hours on its date line)."""
    return _TIME_RANGE.sub(lambda match: " " if _clock(match.group("first")) else match.group(0), text)


def time_range_end(text: str) -> time | None:
    """The end of the first time range written in `text` (`13:30 - 17:00` -> 17:00), None when there is none."""
    for match in _TIME_RANGE.finditer(text):
        first, last = match.group("first"), match.group("last")
        if _clock(first) is not None and last:
            end = _clock(last)
            half = _HALF.search(last.strip())
            if end is not None and half is None and re.search(r"[aApP]\.?\s?[mM]", first) and end.hour < 12:
                return None  # `9 am – 5`: not a clock this reader would guess at
            return end
    return None


# -- time zones -------------------------------------------------------------------------------

# Zone abbreviations that mean one IANA zone; the others (CET, EST, IST …) are used by several.
_ONE_ZONE = {
    "UTC": "UTC", "JST": "Asia/Tokyo", "KST": "Asia/Seoul", "HKT": "Asia/Hong_Kong", "SGT": "Asia/Singapore",
    "MSK": "Europe/Moscow", "HST": "Pacific/Honolulu", "AKST": "America/Anchorage", "AKDT": "America/Anchorage",
    "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland",
}
_ZONE_ABBREVIATION = re.compile(
    rf"(?:\d\s*(?:[aApP]\.?\s?[mM]\.?)?\s*|\(|\btime\s+zone:?\s*)({_ZONE_WORDS})(?![\w+\-−])", re.IGNORECASE)
# Cities programmes name in their own language, and cities in a zone named after another city.
_CITY_ALIASES = {
    "Bruxelles": "Europe/Brussels", "Brussel": "Europe/Brussels", "Antwerp": "Europe/Brussels",
    "Antwerpen": "Europe/Brussels", "Ghent": "Europe/Brussels", "Gent": "Europe/Brussels",
    "Liège": "Europe/Brussels", "Leuven": "Europe/Brussels", "Genève": "Europe/Zurich", "Geneva": "Europe/Zurich",
    "Bern": "Europe/Zurich", "Basel": "Europe/Zurich", "Lausanne": "Europe/Zurich", "Strasbourg": "Europe/Paris",
    "Lyon": "Europe/Paris", "Marseille": "Europe/Paris", "Bordeaux": "Europe/Paris", "Lille": "Europe/Paris",
    "The Hague": "Europe/Amsterdam", "Den Haag": "Europe/Amsterdam", "Rotterdam": "Europe/Amsterdam",
    "Utrecht": "Europe/Amsterdam", "Eindhoven": "Europe/Amsterdam", "Bergen": "Europe/Oslo",
    "Trondheim": "Europe/Oslo", "Kristiansand": "Europe/Oslo", "Stavanger": "Europe/Oslo",
    "Gothenburg": "Europe/Stockholm", "Malmö": "Europe/Stockholm", "Aarhus": "Europe/Copenhagen",
    "Munich": "Europe/Berlin", "München": "Europe/Berlin", "Hamburg": "Europe/Berlin", "Frankfurt": "Europe/Berlin",
    "Cologne": "Europe/Berlin", "Köln": "Europe/Berlin", "Bonn": "Europe/Berlin", "Milan": "Europe/Rome",
    "Milano": "Europe/Rome", "Florence": "Europe/Rome", "Turin": "Europe/Rome", "Barcelona": "Europe/Madrid",
    "Seville": "Europe/Madrid", "Valencia": "Europe/Madrid", "Porto": "Europe/Lisbon", "Krakow": "Europe/Warsaw",
    "Kraków": "Europe/Warsaw", "Manchester": "Europe/London", "Edinburgh": "Europe/London",
    "Glasgow": "Europe/London", "Birmingham": "Europe/London", "Cork": "Europe/Dublin", "Espoo": "Europe/Helsinki",
    "Salzburg": "Europe/Vienna", "Wien": "Europe/Vienna", "Washington": "America/New_York",
    "Boston": "America/New_York", "Philadelphia": "America/New_York", "Atlanta": "America/New_York",
    "Miami": "America/New_York", "Ottawa": "America/Toronto", "San Francisco": "America/Los_Angeles",
    "Seattle": "America/Los_Angeles", "San Diego": "America/Los_Angeles", "Austin": "America/Chicago",
    "Dallas": "America/Chicago", "Houston": "America/Chicago", "Beijing": "Asia/Shanghai", "Mumbai": "Asia/Kolkata",
    "New Delhi": "Asia/Kolkata", "Delhi": "Asia/Kolkata", "Bangalore": "Asia/Kolkata", "Osaka": "Asia/Tokyo",
    "Kyoto": "Asia/Tokyo", "Canberra": "Australia/Sydney",
}
# Zones renamed after their city's new spelling: the old name is a legacy alias, the new one is canonical.
_RENAMED_CITIES = {"Calcutta": "Asia/Kolkata", "Saigon": "Asia/Ho_Chi_Minh", "Rangoon": "Asia/Yangon",
                   "Katmandu": "Asia/Kathmandu", "Kiev": "Europe/Kyiv", "Godthab": "America/Nuuk"}
# Zone cities that are also ordinary words or first names in a programme's text.
_NOT_CITIES = frozenset({"Easter", "Christmas", "Reunion", "Chatham", "Stanley", "Regina", "Wake", "Midway",
                         "Jersey", "Cordoba", "Santa Isabel", "Marigot", "Dawson", "Davis", "Casey", "Troll"})
# Legacy areas (Canada/Central, US/Eastern …) are aliases: a guess names the canonical zone (America/Chicago).
_NOT_AREAS = frozenset({"Antarctica", "Etc", "SystemV", "Canada", "US", "Brazil", "Chile", "Mexico"})
# US programmes write the zone as words: a guess, noted, that the operator can overrule with --timezone.
_ZONE_PHRASES = {"eastern": "America/New_York", "central": "America/Chicago", "mountain": "America/Denver",
                 "pacific": "America/Los_Angeles"}
_ZONE_PHRASE = re.compile(r"\b(Eastern|Central|Mountain|Pacific)\s+(?:Standard\s+|Daylight\s+)?Time\b",
                          re.IGNORECASE)
_AUSTRALIA_REGIONS = frozenset({"ACT", "NSW", "North", "South", "West", "Queensland", "Tasmania", "Victoria", "LHI",
                                "Yancowinna", "Canberra"})
_IANA_NAME = re.compile(r"\b(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_]+"
                        r"(?:/[A-Za-z_]+)?\b")


@cache
def _zone_cities() -> tuple[dict[str, str], re.Pattern[str]]:
    cities: dict[str, str] = {}
    for name in sorted(zoneinfo.available_timezones()):
        parts = name.split("/")
        if len(parts) != 2 or parts[0] in _NOT_AREAS or not parts[0][0].isupper():
            continue
        if parts[0] == "Australia" and parts[1] in _AUSTRALIA_REGIONS:
            continue
        city = parts[1].replace("_", " ")
        if city not in _NOT_CITIES and city not in cities and not city.isupper():
            cities[city] = name
    cities.update(_CITY_ALIASES)
    cities.update({old: new for old, new in _RENAMED_CITIES.items() if new in zoneinfo.available_timezones()})
    alternatives = "|".join(re.escape(city) for city in sorted(cities, key=len, reverse=True))
    return cities, re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")


def iana_zone_in(text: str) -> str:
    """An IANA zone name written in the text (`Europe/Brussels`), "" when none that exists."""
    available = zoneinfo.available_timezones()
    for match in _IANA_NAME.finditer(text):
        if match.group(0) in available:
            return match.group(0)
    return ""


def city_zone_in(text: str) -> tuple[str, str]:
    """(zone, city) for the first city in the text that an IANA zone is named after, ("", "") when none."""
    cities, pattern = _zone_cities()
    match = pattern.search(text)
    if match is None:
        return "", ""
    return cities[match.group(1)], match.group(1)


def zone_phrase_in(text: str) -> tuple[str, str]:
    """(zone, phrase) for `Central Time`, `Eastern Standard Time` written in the text, ("", "") when none."""
    match = _ZONE_PHRASE.search(text)
    if match is None:
        return "", ""
    return _ZONE_PHRASES[match.group(1).lower()], match.group(0)


def abbreviation_in(text: str) -> str:
    """A time zone abbreviation written after a time or in brackets (`9:30 am EST`, `(CET)`), "" when none."""
    match = _ZONE_ABBREVIATION.search(text)
    return match.group(1).upper() if match else ""


def abbreviation_zone(abbreviation: str) -> str:
    """The IANA zone an abbreviation means when it means only one, else ""."""
    return _ONE_ZONE.get(abbreviation.upper(), "")
