"""Generated "X–Y relations" pages for the benchmarks: own-words prose, never copied text.

Sentences come from templates filled with states, capitals, demonyms, dates,
amounts and event verbs drawn by a seeded random generator, so a long text has
few repeated sentences (caches would flatter a text that repeats one line) and
the same seed always gives the same text. Pages are in the scraped-page layout
the example uses: title, lead, headings followed by "[edit]", citation markers
and a References list.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

GAZETTEER = Path(__file__).resolve().parent.parent / "dyad" / "data" / "gazetteer"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SECTIONS = ("Early contacts", "Cold War period", "After independence", "Trade and aid",
            "Security cooperation", "Recent developments", "Diplomatic missions",
            "Cultural exchanges", "Disputes", "High-level visits")
ROLES = ("foreign minister", "defence minister", "prime minister", "president",
         "ambassador", "trade minister", "deputy foreign minister", "energy minister")
GIVEN = ("Amadou", "Irina", "Pedro", "Leila", "Tomasz", "Ngozi", "Kenji", "Sofia", "Omar",
         "Marta", "Yusuf", "Elena", "Kwame", "Ana", "Dmitri", "Fatima", "Lars", "Mei")
FAMILY = ("Diallo", "Kovač", "Ferreira", "Haddad", "Nowak", "Okafor", "Tanaka", "Lindqvist",
          "Rahimi", "Santos", "Bello", "Petrova", "Mensah", "Ruiz", "Volkov", "Sato")
GOODS = ("wheat", "fertiliser", "medical supplies", "trucks", "diesel", "textbooks",
         "vaccines", "rice", "helicopters", "solar panels", "rifles", "cotton")
FIELDS = ("energy", "education", "health", "mining", "agriculture", "transport",
          "telecommunications", "counter-terrorism", "tourism", "water supply")

# {A}/{B}: state names; {Aa}/{Ba}: adjectives; {cA}/{cB}: capitals; {d}: a date phrase;
# {p}: a person with a role; {n}: a number; {g}: goods; {f}: a field of cooperation
TEMPLATES = (
    "{A} and {B} established diplomatic relations on {day}.",
    "In {my}, {A} opened an embassy in {cB}.",
    "The {Aa} government recalled its ambassador from {cB} in {my} after a dispute over {f}.",
    "{p} visited {cB} in {my} and met officials of the {Ba} government.",
    "On {day}, {A} and {B} signed an agreement on cooperation in {f}.",
    "In {year}, {A} sent {n} tonnes of {g} to {B} as humanitarian aid.",
    "{A} condemned the {Ba} decision to expel two {Aa} diplomats in {my}.",
    "According to the {Aa} Ministry of Foreign Affairs, the two countries agreed to expand "
    "trade in {g}.",
    "{p} said on {day} that {A} would not accept sanctions against {B}.",
    "The {Ba} army received {n} {g} from {A} in {year}.",
    "In {my}, {A} accused {B} of supporting armed groups near the border.",
    "{A} recognised the independence of {B} on {day}.",
    "Talks between {A} and {B} on {f} resumed in {cA} in {my}.",
    "In {year} the {Aa} embassy in {cB} was closed for security reasons.",
    "{B} imposed tariffs on {Aa} {g} in {my}, and {A} protested.",
    "The two governments held a joint military exercise in {my}.",
    "{p} travelled to {cB} on {day} for talks on {f}.",
    "{A} pledged {money} to support {f} projects in {B} in {year}.",
    "In {my}, protesters gathered outside the {Aa} embassy in {cB}.",
    "{A} and {B} agreed in {year} to restore direct flights between {cA} and {cB}.",
    "The {Ba} parliament ratified a treaty with {A} on {f} in {my}.",
    "In {year}, {A} cancelled {money} of debt owed by {B}.",
    "{A} threatened to cut economic ties with {B} in {my} after a border incident.",
    "A delegation from {B} attended a conference in {cA} in {my}.",
    "{p} hosted his {Ba} counterpart in {cA} on {day}.",
    "{B} expelled the {Aa} ambassador in {my}, accusing him of interference.",
    "In {my}, {A} and {B} signed a memorandum on visa-free travel.",
    "Trade between {A} and {B} reached {money} in {year}.",
    "{A} deployed {n} soldiers to {B} in {year} at the request of its government.",
    "On {day}, the {Aa} president congratulated {B} on its national day.",
    "{A} offered to mediate between {B} and its neighbours in {my}.",
    "{B} voted against a resolution sponsored by {A} at the United Nations in {year}.",
    "The {Ba} foreign ministry summoned the {Aa} envoy on {day}.",
    "In {year}, {A} trained {n} {Ba} officers at its military academies.",
    "{A} and {B} reopened their border crossing in {my}.",
    "The {Aa} navy made a port call in {B} in {my}.",
    "In {my}, {A} froze assets of {Ba} officials.",
    "{p} criticised {B} for its handling of the crisis in {my}.",
    "{A} donated {n} doses of vaccine to {B} in {year}.",
    "Since {year}, {A} has maintained an embassy in {cB}, and {B} has one in {cA}.",
)


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    capital: str
    adjective: str


def countries() -> list[Country]:
    """Current states with a capital and an adjective, from the gazetteer's states table."""
    with (GAZETTEER / "states.tsv").open(encoding="utf-8") as f:
        rows = [line for line in f if not line.startswith("#")]
    out = []
    for row in csv.DictReader(rows, delimiter="\t"):
        adjective = (row.get("adjectives") or "").split("|")[0]
        if row["status"] == "member" and row["capital"] and adjective:
            out.append(Country(row["name"], row["capital"], adjective))
    return out


def _fill(template: str, rng: random.Random, a: Country, b: Country) -> str:
    if rng.random() < 0.3:  # sometimes the sentence reads from the other side
        a, b = b, a
    year = rng.randint(1960, 2024)
    month = rng.choice(MONTHS)
    person = f"{a.adjective} {rng.choice(ROLES)} {rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    return template.format(
        A=a.name, B=b.name, Aa=a.adjective, Ba=b.adjective, cA=a.capital, cB=b.capital,
        year=year, my=f"{month} {year}", day=f"{rng.randint(1, 28)} {month} {year}",
        p=person[0].upper() + person[1:] if person else person, n=rng.randint(2, 900) * 10,
        money=f"${rng.randint(2, 950)} million", g=rng.choice(GOODS), f=rng.choice(FIELDS),
    )


def relations_paragraphs(words: int, rng: random.Random, a: Country, b: Country,
                         everyone: list[Country], ref: int | None = 0) -> tuple[list[str], int]:
    """Paragraphs of about ``words`` words on the pair (a, b), with citation markers numbered
    after ``ref`` (None: no markers); returns them and the last marker's number."""
    paragraphs, count = [], 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(2, 6)):
            # most sentences are about the pair; some bring in a third state
            other = rng.choice(everyone) if rng.random() < 0.25 else b
            text = _fill(rng.choice(TEMPLATES), rng, a, other if other != a else b)
            if rng.random() < 0.4 and ref is not None:
                ref += 1
                text += f"[{ref}]"
            sentences.append(text)
            count += len(text.split())
        paragraphs.append(" ".join(sentences))
    return paragraphs, ref or 0


def relations_page(words: int, seed: int = 0, pair: tuple[Country, Country] | None = None) -> str:
    """A scraped-page text of about ``words`` words on one pair of states."""
    rng = random.Random(seed)
    everyone = countries()
    a, b = pair or tuple(rng.sample(everyone, 2))
    lines = [f"{a.name}–{b.name} relations", "",
             f"{a.name}–{b.name} relations are the bilateral relations between {a.name} "
             f"and {b.name}.[1]", ""]
    count, ref = len(" ".join(lines).split()), 1
    while count < words:
        lines += [rng.choice(SECTIONS), "", "[edit]", ""]
        size = rng.randint(2, 6) * 60
        paragraphs, ref = relations_paragraphs(size, rng, a, b, everyone, ref)
        for paragraph in paragraphs:
            lines += [paragraph, ""]
        count += size
    lines += ["References", "", "[edit]", ""]
    lines += [f"{n}. ^ \"{a.name} and {b.name}: report {n}\". Relations Review. "
              f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1990, 2024)}."
              for n in range(1, ref + 1)]
    return "\n".join(lines) + "\n"


def relations_pages(count: int, words: int, seed: int = 0) -> Iterator[str]:
    """``count`` pages of about ``words`` words each, on different pairs."""
    for n in range(count):
        yield relations_page(words, seed=seed * 100_003 + n)


def news_items(count: int, words: int, seed: int = 0) -> Iterator[dict[str, str]]:
    """``count`` news stories of about ``words`` words: JSON-lines items (id, title, date, text)."""
    rng = random.Random(seed)
    everyone = countries()
    for n in range(count):
        a, b = rng.sample(everyone, 2)
        paragraphs, _ = relations_paragraphs(words, rng, a, b, everyone, ref=None)
        text = "\n\n".join(paragraphs)
        yield {"id": f"story-{seed}-{n}", "title": f"{a.name} and {b.name}: talks and trade",
               "date": f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}",
               "text": text}
