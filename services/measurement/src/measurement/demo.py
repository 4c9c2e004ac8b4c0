"""The demo's shared measurement, loaded through measurement's API (``backbone up --demo``),
for the partnership the agenda demo created (found through agenda's API).

Five school years (fiscal years starting in July, FY2021-FY2025) of indicators for the
partnership's goals, disaggregated by race/ethnicity and income, telling a story:

* kindergarten readiness is on track, and the Black-white gap is narrowing;
* third-grade reading is off track, and the Latino-white gap is widening (white children
  read best);
* on-time graduation has met its interim target;
* credential completion has a very small Native group, which viewers see suppressed;
* pre-K seats are a performance measure reported quarterly by two partners, cumulative;
* a grade-level dimension, which no indicator uses, says which grades activities serve.

Loading twice changes nothing: if the initiative already has indicators, nothing is added.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from backbone.devstack.demo import DemoContext, ok

PARTNERSHIP = "Riverside Cradle to Career Partnership"
HEAD_START, DISTRICT = "0015g00000HSE006", "0015g00000RUS002"  # their CRM (salesforce) ids

YEARS = [f"FY{y}" for y in range(2021, 2026)]

RACE = [("asian", "Asian"), ("black", "Black"), ("latino", "Latino"),
        ("native", "American Indian / Alaska Native"), ("white", "White"),
        ("multiracial", "Two or more races")]
INCOME = [("low_income", "Low income"), ("not_low_income", "Not low income")]
GRADES = [("prek", "Pre-K"), ("k", "Kindergarten"),
          *((f"g{n}", f"Grade {n}") for n in range(1, 13))]

# Per group: cohort size and the share (%) for each year FY2021..FY2025.
READINESS = {
    "asian": (260, [70, 71, 72, 73, 74]), "black": (640, [46, 50, 53, 57, 61]),
    "latino": (1180, [55, 56, 58, 60, 62]), "native": (45, [50, 52, 51, 55, 57]),
    "white": (900, [74, 75, 76, 77, 78]), "multiracial": (120, [64, 65, 67, 68, 70]),
}
READING = {
    "asian": (240, [62, 63, 64, 66, 67]), "black": (600, [36, 36, 37, 38, 38]),
    "latino": (1150, [40, 39, 38, 37, 36]), "native": (40, [38, 40, 39, 41, 40]),
    "white": (880, [60, 62, 64, 65, 68]), "multiracial": (110, [50, 51, 52, 53, 54]),
}
GRADUATION = {
    "asian": (230, [88, 89, 90, 90, 91]), "black": (560, [62, 66, 70, 73, 76]),
    "latino": (1050, [64, 68, 71, 74, 77]), "native": (38, [60, 63, 66, 70, 72]),
    "white": (860, [84, 85, 86, 87, 88]), "multiracial": (100, [75, 77, 79, 80, 82]),
}
CREDENTIAL = {
    "asian": (180, [55, 56, 58, 59, 61]), "black": (420, [28, 30, 32, 34, 36]),
    "latino": (820, [30, 31, 33, 35, 37]), "native": (7, [29, 29, 43, 43, 57]),
    "white": (700, [48, 49, 50, 52, 53]), "multiracial": (80, [40, 41, 43, 44, 45]),
}
LOW_INCOME_SHARE = 0.55
LOW_INCOME_GAP = 12  # points below the overall share


def _rows(code: str, table: dict[str, tuple[int, list[int]]]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for index, year in enumerate(YEARS):
        total_n = total_d = 0
        for race, (cohort, shares) in table.items():
            numerator = round(cohort * shares[index] / 100)
            total_n, total_d = total_n + numerator, total_d + cohort
            rows.append({"indicator": code, "period": year, "numerator": numerator,
                         "denominator": cohort, "disaggregation": {"race_ethnicity": race},
                         "source": "Riverside USD student information system"})
        rows.append({"indicator": code, "period": year, "numerator": total_n,
                     "denominator": total_d})
        low_d = round(total_d * LOW_INCOME_SHARE)
        low_n = round(low_d * (total_n / total_d - LOW_INCOME_GAP / 100))
        for income, n, d in (("low_income", low_n, low_d),
                             ("not_low_income", total_n - low_n, total_d - low_d)):
            rows.append({"indicator": code, "period": year, "numerator": n, "denominator": d,
                         "disaggregation": {"income": income}})
    return rows


INDICATORS = [
    ("kindergarten_ready", "Kindergarten readiness", 0, READINESS,
     [("FY2028", 72.0)],
     "Share of entering kindergartners meeting all readiness domains on the fall screening."),
    ("grade3_reading", "Third-grade reading proficiency", 1, READING,
     [("FY2028", 65.0)],
     "Share of third graders scoring proficient or above on the state reading test."),
    ("on_time_graduation", "On-time high school graduation", 2, GRADUATION,
     [("FY2025", 80.0), ("FY2028", 88.0)],
     "Four-year adjusted cohort graduation rate."),
    ("credential_completion", "Postsecondary credential by 24", 3, CREDENTIAL,
     [("FY2028", 50.0)],
     "Share of the graduating cohort holding a degree or credential six years later."),
]


@dataclass(frozen=True)
class Partnership:
    """What this demo builds on, as agenda's API shows it."""

    initiative_id: str
    goal_ids: list[str]  # by position
    organizations: dict[str, str]  # CRM id -> organization id


def _partnership(agenda: httpx.Client) -> Partnership:
    initiatives = ok(agenda.get("/v1/initiatives", params={"limit": 500}))["items"]
    initiative = next(i for i in initiatives if i["name"] == PARTNERSHIP)
    goals = ok(agenda.get(f"/v1/initiatives/{initiative['id']}/goals",
                          params={"limit": 100}))["items"]
    organizations = {crm_id: ok(agenda.get(
        f"/v1/organizations/by-external-id/salesforce/{crm_id}"))["id"]
        for crm_id in (HEAD_START, DISTRICT)}
    return Partnership(initiative["id"],
                       [g["id"] for g in sorted(goals, key=lambda g: g["position"])],
                       organizations)


def load(context: DemoContext) -> None:
    with context.client("agenda") as agenda:
        partnership = _partnership(agenda)
    # The client sends the agenda demo's consistency token: every request waits until
    # measurement has the initiative and goals it was told of.
    with context.client("measurement") as api:
        base = f"/v1/initiatives/{partnership.initiative_id}"
        if ok(api.get(f"{base}/indicators", params={"limit": 1}))["items"]:
            return
        ok(api.patch(f"{base}/measurement-settings",
                     json={"fiscal_year_start_month": 7, "min_cell_size": 10}))
        race = ok(api.post(f"{base}/dimensions", json={
            "code": "race_ethnicity", "name": "Race/ethnicity",
            "options": [{"code": c, "label": label} for c, label in RACE]}))
        income = ok(api.post(f"{base}/dimensions", json={
            "code": "income", "name": "Family income",
            "options": [{"code": c, "label": label} for c, label in INCOME]}))
        ok(api.post(f"{base}/dimensions", json={  # whom activities serve, by grade
            "code": "grade", "name": "Grade level",
            "options": [{"code": c, "label": label} for c, label in GRADES]}))
        rows: list[dict[str, object]] = []
        ids = []
        for code, name, goal, table, targets, definition in INDICATORS:
            indicator = ok(api.post(f"{base}/indicators", json={
                "code": code, "name": name, "definition": definition, "unit": "percent",
                "direction": "increase", "kind": "population", "frequency": "annual",
                "dimension_ids": [race["id"], income["id"]], "status": "active",
                "goal_ids": [partnership.goal_ids[goal]], "baseline_period": "FY2021",
                "data_source": "Riverside USD and Riverside Community College"}))
            ids.append(indicator["id"])
            ok(api.put(f"/v1/indicators/{indicator['id']}/targets", json={"targets": [
                {"period": period, "value": value} for period, value in targets]}))
            rows += _rows(code, table)
        seats = ok(api.post(f"{base}/indicators", json={
            "code": "prek_seats", "name": "High-quality pre-K seats added", "unit": "count",
            "direction": "increase", "kind": "performance", "frequency": "quarterly",
            "across_places": "sum", "across_time": "cumulative", "status": "active",
            "goal_ids": [partnership.goal_ids[0]], "baseline_period": "2024Q3",
            "definition": "New full-day pre-K seats opened on the east side."}))
        ok(api.put(f"/v1/indicators/{seats['id']}/targets",
                   json={"targets": [{"period": "2026Q2", "value": 400}]}))
        head_start = partnership.organizations[HEAD_START]
        district = partnership.organizations[DISTRICT]
        for quarter, (by_head_start, by_district) in zip(
                ("2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"),
                ((20, 0), (35, 20), (30, 40), (25, 45), (40, 30), (35, 40)), strict=True):
            for org, seats_added in ((head_start, by_head_start), (district, by_district)):
                rows.append({"indicator": "prek_seats", "period": quarter,
                             "value": seats_added, "organization_id": org,
                             "geography": "East Riverside"})
        result = ok(api.post(f"{base}/observations/batch", json={"rows": rows}))
        _approve(api, result, keep_for_review=2)


def _approve(api: httpx.Client, result: dict[str, object], keep_for_review: int) -> None:
    """Backbone staff approve the data, leaving the last few rows for the review queue."""
    rows = result["results"]
    assert isinstance(rows, list)
    for row in rows[:-keep_for_review]:
        ok(api.post(f"/v1/observations/{row['observation_id']}/review",
                    json={"decision": "approve"}))
