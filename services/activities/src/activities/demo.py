"""The demo's activities, loaded through the activities API (``backbone up --demo``), for the
partnership the agenda demo created, with the measures the measurement demo defined.

The story it tells:

* pre-K seats on the east side, led by Head Start with the community foundation's money;
* reading tutors, summer learning and family navigators for third-grade reading;
* **a gap**: third-grade reading is off track and the Latino-white gap widens; the family
  navigators serve Latino families in East Riverside and Downtown only, so nobody serves
  Latino children on it in Westside and Northside;
* **an overlap**: the Boys & Girls Club and the public library both tutor third graders at
  Lincoln Elementary, and neither says it reinforces the other;
* commitments, one of them overdue; progress notes and a milestone.

Dates are set relative to the day the demo is loaded, so the story holds on any day.

Loading twice changes nothing: if the initiative has activities already, nothing is added.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx

from backbone.devstack.demo import DemoContext, ok

PARTNERSHIP = "Riverside Cradle to Career Partnership"

PLACES = [  # code (as measurement's observations name places), parent
    ("Riverside", None),
    ("East Riverside", "Riverside"), ("Westside", "Riverside"), ("Northside", "Riverside"),
    ("Downtown", "Riverside"),
    ("Jefferson Elementary", "East Riverside"), ("Washington Elementary", "Westside"),
    ("Lincoln Elementary", "Northside"), ("Roosevelt Elementary", "Downtown"),
]

ORGS = {  # short name -> CRM (salesforce) id, as the agenda demo upserts them
    "foundation": "0015g00000RCF001", "district": "0015g00000RUS002",
    "city": "0015g00000CTY003", "united_way": "0015g00000UWR005",
    "head_start": "0015g00000HSE006", "college": "0015g00000RCC007",
    "library": "0015g00000LIB008", "club": "0015g00000BGC009",
    "church": "0015g00000MTZ011", "clinic": "0015g00000FHC012",
}


class Partnership:
    """What the activities build on, as agenda's and measurement's APIs show it."""

    def __init__(self, agenda: httpx.Client, measurement: httpx.Client) -> None:
        initiatives = ok(agenda.get("/v1/initiatives", params={"limit": 500}))["items"]
        self.id = next(i["id"] for i in initiatives if i["name"] == PARTNERSHIP)
        self.base = f"/v1/initiatives/{self.id}"
        goals = ok(agenda.get(f"{self.base}/goals", params={"limit": 100}))["items"]
        self.strategies: dict[str, str] = {}
        for goal in goals:
            for s in ok(agenda.get(f"/v1/goals/{goal['id']}/strategies",
                                   params={"limit": 100}))["items"]:
                self.strategies[s["title"]] = s["id"]
        self.orgs = {short: ok(agenda.get(
            f"/v1/organizations/by-external-id/salesforce/{crm_id}"))["id"]
            for short, crm_id in ORGS.items()}
        self.indicators = {i["code"]: i["id"] for i in ok(measurement.get(
            f"{self.base}/indicators", params={"limit": 100}))["items"]}

    def strategy(self, starts_with: str) -> str:
        return next(id_ for title, id_ in self.strategies.items()
                    if title.startswith(starts_with))


def _day(offset: int) -> str:
    """A date this many days from today, so the story holds whenever it is loaded."""
    return (date.today() + timedelta(days=offset)).isoformat()


def _grade(*codes: str) -> list[dict[str, str]]:
    return [{"dimension": "grade", "option": code} for code in codes]


def _activities(p: Partnership) -> list[dict[str, Any]]:
    return [
        {"title": "East side pre-K expansion", "lead": "head_start", "status": "active",
         "start_date": _day(-880), "strategy": "Expand high-quality pre-K",
         "indicators": ["kindergarten_ready", "prek_seats"], "places": ["East Riverside"],
         "populations": _grade("prek"), "sector_tags": ["early childhood"],
         "external_ids": {"grants": "RCF-2024-031"},
         "description": "Full-day pre-K classrooms in three east side elementary schools."},
        {"title": "After-school reading tutors", "lead": "club", "status": "active",
         "start_date": _day(-450), "strategy": "Reading tutors",
         "indicators": ["grade3_reading"], "places": ["Lincoln Elementary"],
         "populations": _grade("g3"), "sector_tags": ["education", "youth"],
         "description": "Trained volunteers read with third graders three afternoons a week."},
        {"title": "Reading buddies", "lead": "library", "status": "active",
         "start_date": _day(-60), "end_date": _day(200), "strategy": "Reading tutors",
         "indicators": ["grade3_reading"], "places": ["Lincoln Elementary"],
         "populations": _grade("g3"), "sector_tags": ["libraries"],
         "description": "Librarians pair third graders with teen reading buddies."},
        {"title": "Summer learning", "lead": "library", "status": "active",
         "start_date": _day(-540), "strategy": "Summer reading",
         "indicators": ["grade3_reading"], "places": ["Riverside"],
         "populations": _grade("g1", "g2", "g3"), "sector_tags": ["libraries"],
         "description": "Six weeks of summer reading camps in every branch."},
        {"title": "Family navigators", "lead": "clinic", "status": "active",
         "start_date": _day(-700), "strategy": "Chronic absence",
         "indicators": ["grade3_reading", "kindergarten_ready"],
         "places": ["East Riverside", "Downtown"],
         "populations": [{"dimension": "race_ethnicity", "option": "latino"}],
         "sector_tags": ["health", "family support"],
         "description": "Bilingual navigators visit families of chronically absent "
                        "children and connect them to health and housing help."},
        {"title": "Ninth-grade on-track teams", "lead": "district", "status": "active",
         "start_date": _day(-840), "strategy": "Ninth-grade on-track",
         "indicators": ["on_time_graduation"], "places": [],
         "populations": _grade("g9"), "sector_tags": ["education"],
         "description": "Weekly student reviews in every high school."},
        {"title": "Dual enrolment pilot", "lead": "college", "status": "planned",
         "start_date": _day(400), "strategy": "Dual enrolment",
         "indicators": ["credential_completion"], "places": ["Westside"],
         "populations": _grade("g11", "g12"), "sector_tags": ["postsecondary"],
         "description": "College courses at Westside High for juniors and seniors."},
    ]


def _contributors(p: Partnership) -> dict[str, list[dict[str, Any]]]:
    return {
        "East side pre-K expansion": [
            {"organization_id": p.orgs["foundation"], "role": "funding",
             "money": {"amount": "450000", "currency": "USD"},
             "description": "Three-year grant for classrooms and teacher training."},
            {"organization_id": p.orgs["city"], "role": "extending",
             "in_kind": "Two renovated city buildings on Fourth Street."},
            {"organization_id": p.orgs["district"], "role": "implementing",
             "staff_hours": 2400, "description": "Pre-K coaches and enrolment staff."}],
        "After-school reading tutors": [
            {"organization_id": p.orgs["united_way"], "role": "funding",
             "money": {"amount": "60000", "currency": "USD"}}],
        "Family navigators": [
            {"organization_id": p.orgs["united_way"], "role": "funding",
             "money": {"amount": "180000", "currency": "USD"}},
            {"organization_id": p.orgs["church"], "role": "implementing",
             "in_kind": "Meeting space and volunteer drivers."}],
    }


def load(context: DemoContext) -> None:
    with context.client("agenda") as agenda, context.client("measurement") as measurement:
        p = Partnership(agenda, measurement)
    with context.client("activities") as api:
        if ok(api.get(f"{p.base}/activities", params={"limit": 1}))["items"]:
            return
        known = {g["code"] for g in ok(api.get(f"{p.base}/geographies",
                                               params={"limit": 500}))["items"]}
        for code, parent in PLACES:
            if code not in known:
                ok(api.post(f"{p.base}/geographies",
                            json={"code": code, "name": code, "parent": parent}))
        made = {}
        for a in _activities(p):
            made[a["title"]] = ok(api.post(f"{p.base}/activities", json={
                "title": a["title"], "description": a["description"], "status": a["status"],
                "start_date": a["start_date"], "end_date": a.get("end_date"),
                "lead_organization_id": p.orgs[a["lead"]],
                "strategy_ids": [p.strategy(a["strategy"])],
                "indicator_ids": [p.indicators[code] for code in a["indicators"]],
                "geographies": a["places"], "populations": a["populations"],
                "sector_tags": a["sector_tags"], "external_ids": a.get("external_ids", {})}))
        for title, parts in _contributors(p).items():
            for part in parts:
                ok(api.post(f"/v1/activities/{made[title]['id']}/contributors", json=part))
        _story(api, p, made)


def _story(api: httpx.Client, p: Partnership, made: dict[str, dict[str, Any]]) -> None:
    """Links, updates and commitments: how the work is going."""
    prek, tutors = made["East side pre-K expansion"], made["After-school reading tutors"]
    ok(api.post(f"/v1/activities/{made['Family navigators']['id']}/links", json={
        "to_activity_id": prek["id"], "kind": "reinforces",
        "note": "Navigators enrol the families they visit in pre-K."}))
    ok(api.post(f"/v1/activities/{made['Summer learning']['id']}/links", json={
        "to_activity_id": tutors["id"], "kind": "reinforces",
        "note": "Tutors hand their readers over to summer camp."}))
    ok(api.post(f"/v1/activities/{prek['id']}/updates", json={
        "kind": "milestone", "reported_on": _day(-680), "milestone": "First 100 seats open",
        "planned_on": _day(-685), "achieved_on": _day(-680)}))
    ok(api.post(f"/v1/activities/{prek['id']}/updates", json={
        "reported_on": _day(-30), "text": "Second year: waiting list down by half.",
        "outputs": [{"name": "seats opened", "value": 185, "unit": "seats"}]}))
    ok(api.post(f"/v1/activities/{tutors['id']}/updates", json={
        "reported_on": _day(-10), "text": "Fall term done.",
        "outputs": [{"name": "third graders tutored", "value": 64, "unit": "children"}]}))
    for org, text, due, status, linked in (
            ("foundation", "Fund year two of the pre-K expansion", _day(300), "open",
             {"activity_id": prek["id"]}),
            ("library", "Open two branch reading rooms for tutoring", _day(-30), "open",
             {"strategy_id": p.strategy("Reading tutors")}),
            ("club", "Recruit 40 volunteer tutors", _day(-120), "done",
             {"activity_id": tutors["id"]}),
            ("city", "Publish the east side pre-K facilities plan", _day(480), "open",
             {"strategy_id": p.strategy("Expand high-quality pre-K")})):
        ok(api.post(f"{p.base}/commitments", json={
            "organization_id": p.orgs[org], "text": text, "due_date": due,
            "status": status, **linked}))
