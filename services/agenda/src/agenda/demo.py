"""The demo network's common agenda, loaded through agenda's API (``backbone up --demo``).

Loading twice changes nothing: organizations are upserted by CRM id, the initiative is
looked up by name, and everything else is only created with a fresh initiative.
"""

from __future__ import annotations

from backbone.devstack.demo import DemoContext, ok

INITIATIVE = {
    "name": "Riverside Cradle to Career Partnership",
    "problem_statement": (
        "One in three Riverside children starts kindergarten not ready to learn, and gaps by "
        "race and income widen through school: only 58% of Black and Latino students "
        "graduate on time, against 84% of their white peers."
    ),
    "vision": "Every Riverside child succeeds, from cradle to career.",
    "geography": "Riverside County",
    "phase": "organizing_for_impact",
    "preconditions": {
        "champion": {"status": "strong", "assessment": "The mayor and the schools "
                     "superintendent co-chair the leadership table."},
        "financial_resources": {"status": "partial", "assessment": "Backbone funded for "
                                "three years by the community foundation; data work unfunded."},
        "urgency": {"status": "strong", "assessment": "Graduation gap front-page news; "
                    "state funding tied to improvement."},
    },
    "equity_commitments": [
        "Disaggregate every indicator by race/ethnicity, income and neighbourhood.",
        "Community members hold a third of the seats on the leadership table.",
    ],
    "status": "active",
    "start_date": "2024-09-01",
}

ORGANIZATIONS = [
    ("0015g00000RCF001", "Riverside Community Foundation", "philanthropy"),
    ("0015g00000RUS002", "Riverside Unified School District", "education"),
    ("0015g00000CTY003", "City of Riverside, Office of the Mayor", "government"),
    ("0015g00000CNT004", "Riverside County Public Health", "health"),
    ("0015g00000UWR005", "United Way of Riverside", "nonprofit"),
    ("0015g00000HSE006", "Head Start East Riverside", "education"),
    ("0015g00000RCC007", "Riverside Community College", "education"),
    ("0015g00000LIB008", "Riverside Public Library", "government"),
    ("0015g00000BGC009", "Boys & Girls Club of Riverside", "nonprofit"),
    ("0015g00000CHB010", "Riverside Chamber of Business", "business"),
    ("0015g00000MTZ011", "Mount Zion Community Church", "faith"),
    ("0015g00000FHC012", "Eastside Family Health Center", "health"),
]

GOALS = [
    ("Every child enters kindergarten ready to learn", "Children aged 0-5", [
        "Expand high-quality pre-K seats in the east side",
        "Developmental screening at every well-child visit",
    ]),
    ("Every student reads at grade level by third grade", "Students in grades K-3", [
        "Summer reading with the public library",
        "Chronic absence outreach to families",
        "Reading tutors in every elementary school",
    ]),
    ("Every student graduates high school on time", "Students in grades 9-12", [
        "Ninth-grade on-track early warning system",
        "Mentoring for students of colour",
    ]),
    ("Every graduate completes a credential or degree", "Young adults 18-24", [
        "Dual enrolment with the community college",
        "Paid internships with local employers",
    ]),
]


def load(context: DemoContext) -> None:
    with context.client("agenda") as api:
        orgs = [
            ok(api.put(f"/v1/organizations/by-external-id/salesforce/{crm_id}", json={
                "name": name, "sector": sector, "external_ids": {"salesforce": crm_id},
            }))
            for crm_id, name, sector in ORGANIZATIONS
        ]
        existing = ok(api.get("/v1/initiatives", params={"limit": 500}))["items"]
        for found in existing:
            if found["name"] == INITIATIVE["name"]:
                return
        initiative = ok(api.post("/v1/initiatives", json=INITIATIVE))
        base = f"/v1/initiatives/{initiative['id']}"
        roles = {0: ["funder"], 1: ["partner", "champion"], 2: ["champion"], 4: ["backbone"]}
        participants = [
            ok(api.post(f"{base}/participants", json={
                "kind": "organization", "organization_id": org["id"],
                "roles": roles.get(i, ["partner"]), "joined_on": "2024-09-01",
                "commitment_statement": f"{org['name']} aligns its programmes with the "
                                        "partnership's goals and shares its data.",
            }))
            for i, org in enumerate(orgs)
        ]
        for name in ("Maria Delgado (Eastside parent)", "James Carter (youth representative)"):
            participants.append(ok(api.post(f"{base}/participants", json={
                "kind": "community_member", "display_name": name,
                "roles": ["community_representative"], "joined_on": "2024-10-15",
            })))
        goal_ids = []
        for position, (title, population, strategies) in enumerate(GOALS):
            goal = ok(api.post(f"{base}/goals", json={
                "title": title, "population": population, "position": position}))
            goal_ids.append(goal["id"])
            for s_position, strategy in enumerate(strategies):
                ok(api.post(f"/v1/goals/{goal['id']}/strategies",
                             json={"title": strategy, "position": s_position}))
        ok(api.post(f"{base}/working-groups", json={
            "name": "Early Learning Action Team", "purpose": "Kindergarten readiness.",
            "goal_ids": goal_ids[:2], "member_ids": [p["id"] for p in participants[1:6]]}))
        ok(api.post(f"{base}/working-groups", json={
            "name": "Graduation Action Team", "purpose": "On-time graduation.",
            "goal_ids": goal_ids[2:], "member_ids": [p["id"] for p in participants[6:]]}))
        ok(api.post(f"{base}/decisions", json={
            "title": "Adopt the four cradle-to-career goals", "method": "consensus",
            "decided_on": "2024-11-20", "goal_ids": goal_ids,
            "participant_ids": [p["id"] for p in participants]}))
        ok(api.post(f"{base}/decisions", json={
            "title": "Prioritise the east side for pre-K expansion", "method": "vote",
            "decided_on": "2025-02-12", "votes": {"in_favour": 11, "against": 2, "abstained": 1},
            "goal_ids": goal_ids[:1]}))
