"""Synthetic resume corpus for the vector-search demo: one multi-paragraph resume per candidate.

Each resume is composed from the candidate's own row (name, city, vertical, skills, years), so semantic
search over resumes agrees with SQL over candidates.
"""

from __future__ import annotations

import random

import pyarrow as pa

from lakehouse.demo.data import CITIES, REFERENCE_DATE, VERTICALS, _rng, pools

_ADJECTIVES = ("Dependable", "Detail-oriented", "Results-driven", "Versatile", "Motivated",
               "Experienced", "Resourceful", "Reliable", "Adaptable", "Client-focused")
_STRENGTHS = ("clear communication", "working under pressure", "training new team members",
              "process improvement", "meeting tight deadlines", "cross-team collaboration",
              "safety and compliance", "problem solving")
_DUTIES: dict[str, tuple[str, ...]] = {
    "healthcare": ("Cared for up to {k} patients per shift; go-to person on the unit for {s}.",
                   "Kept charting deficiencies at zero on a {k}-bed unit while covering {s}.",
                   "Precepted {k} new hires, with a focus on {s} and patient safety."),
    "IT": ("Cut deployment time by {k}% through hands-on work with {s}.",
           "Migrated {k} legacy workloads, leaning on {s} and automated runbooks.",
           "Resolved around {k} tickets a week, specialising in {s}."),
    "finance": ("Closed the books monthly for {k} entities, owning {s}.",
                "Reduced the reconciliation backlog by {k}% with better {s}.",
                "Prepared variance reports for leadership; {s} was a daily part of the role."),
    "engineering": ("Delivered {k} projects from concept to release, applying {s}.",
                    "Led an initiative built on {s} that lowered scrap by {k}%.",
                    "Reviewed drawings and specifications across {k} projects using {s}."),
    "light industrial": ("Handled {k}0 orders per shift with a focus on {s}.",
                         "Kept a {k}-month safety record while working in {s}.",
                         "Trained {k} new associates on {s} and site procedures."),
    "legal": ("Managed {k} active matters, handling {s} for the litigation team.",
              "Drafted and proofed filings, with {s} as a core responsibility.",
              "Coordinated {s} for a {k}-custodian matter on deadline."),
    "administrative": ("Supported {k} executives, owning {s} and daily operations.",
                       "Processed {k}0 records a day with high accuracy, covering {s}.",
                       "Streamlined front-office workflows around {s}."),
    "education": ("Taught classes of {k} students, emphasising {s}.",
                  "Raised assessment scores by {k}% with units built around {s}.",
                  "Partnered with families and staff on {s} for {k} students."),
}
_DEGREES: dict[str, tuple[str, ...]] = {
    "healthcare": ("Bachelor of Science in Nursing", "Associate Degree in Nursing",
                   "Certificate in Medical Assisting"),
    "IT": ("B.S. in Computer Science", "B.S. in Information Systems", "CompTIA A+ and Network+"),
    "finance": ("B.B.A. in Accounting", "B.S. in Finance", "M.B.A., Finance concentration"),
    "engineering": ("B.S. in Mechanical Engineering", "B.S. in Civil Engineering",
                    "B.S. in Electrical Engineering"),
    "light industrial": ("High School Diploma", "Forklift Certification", "Welding Certificate"),
    "legal": ("Paralegal Certificate", "J.D.", "B.A. in Political Science"),
    "administrative": ("Associate Degree in Business Administration", "High School Diploma",
                       "B.A. in Communications"),
    "education": ("B.A. in Education", "M.Ed. in Curriculum and Instruction",
                  "B.S. in Early Childhood Education"),
}
_SCHOOL_KINDS = ("State University", "Community College", "Technical College", "University")


def _experience(rng: random.Random, vertical: str, title: str, skills: list[str], yrs: int,
                companies: tuple[str, ...]) -> str:
    n_jobs = 1 if yrs < 4 else 2 if yrs < 10 else 3
    cuts = sorted(rng.sample(range(1, yrs), n_jobs - 1)) if yrs else []
    spans = [b - a for a, b in zip([0, *cuts], [*cuts, max(yrs, 1)], strict=True)]
    titles = VERTICALS[vertical][3]
    jobs, end = [], REFERENCE_DATE.year
    for j, span in enumerate(spans):
        role = ("Intern" if not yrs else title) if j == 0 else rng.choice(titles)
        duty = rng.choice(_DUTIES[vertical]).format(k=rng.randint(3, 40), s=rng.choice(skills))
        jobs.append(f"{role}, {rng.choice(companies)} ({end - span}-{'Present' if j == 0 else end})\n{duty}")
        end -= span
    return "\n".join(jobs)


def resumes(candidates: pa.Table, seed: int = 42) -> pa.Table:
    """``candidate_id``, ``resume_text`` for every row of ``candidates``."""
    rng, companies = _rng("resumes", seed), pools(seed).companies
    cols = {name: candidates.column(name).to_pylist() for name in (
        "candidate_id", "first_name", "last_name", "email", "phone", "city", "state", "vertical",
        "skills", "years_experience")}
    cities = [c[0] for c in CITIES]
    texts: list[str] = []
    for i in range(len(candidates)):
        vertical: str = cols["vertical"][i]
        skills: list[str] = cols["skills"][i].split(", ")
        yrs: int = cols["years_experience"][i]
        title = rng.choice(VERTICALS[vertical][3])
        city, state = cols["city"][i], cols["state"][i]
        summary = (
            f"{rng.choice(_ADJECTIVES)} {title.lower()} with {yrs} year{'s' if yrs != 1 else ''} of "
            f"{vertical} experience, based in {city}, {state}. Skilled in {', '.join(skills[:-1])} "
            f"and {skills[-1]}, with a reputation for {rng.choice(_STRENGTHS)}."
            if yrs else
            f"{rng.choice(_ADJECTIVES)} entry-level candidate seeking a first {vertical} role in "
            f"{city}, {state}. Trained in {', '.join(skills[:-1])} and {skills[-1]}, "
            f"with a strong interest in {rng.choice(_STRENGTHS)}."
        )
        school = f"{rng.choice(cities)} {rng.choice(_SCHOOL_KINDS)}"
        texts.append(
            f"{cols['first_name'][i]} {cols['last_name'][i]}\n"
            f"{city}, {state} | {cols['email'][i]} | {cols['phone'][i]}\n\n"
            f"Summary\n{summary}\n\n"
            f"Experience\n{_experience(rng, vertical, title, skills, yrs, companies)}\n\n"
            f"Skills\n{cols['skills'][i]}\n\n"
            f"Education\n{rng.choice(_DEGREES[vertical])}, {school}"
        )
    return pa.table({
        "candidate_id": pa.array(cols["candidate_id"], pa.int64()),
        "resume_text": pa.array(texts, pa.string()),
    })


__all__ = ["resumes"]
