"""Build dyad/data/ontology/plover.tsv: the 16 PLOVER event types, with the modes and
contexts that CAMEO2PLOVER-2021 assigns to each (read back from the shipped cameo.tsv).

Descriptions are condensed from plover_reference.html (openeventdata/PLOVER, CC BY-SA 4.0);
ACCUSE merges that page's DISAPPROVE and INVESTIGATE, REQUEST its DEMAND (PLOVER 2021 names).
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "dyad" / "data" / "ontology"

DESCRIPTIONS = {
    "AGREE": "Agree to, offer, promise, or otherwise indicate willingness or commitment to "
             "cooperate; cooperative actions reported in future tense imply intentions.",
    "CONSULT": "All consultations and meetings: visiting and hosting visits, meeting at a "
               "neutral location, consultation by phone; holding talks, negotiations.",
    "SUPPORT": "Initiate, resume, improve or expand diplomatic, non-material cooperation; "
               "express support, commend, recognise states or governments, establish "
               "diplomatic ties, sign or ratify an agreement.",
    "CONCEDE": "Verbal concessions without immediate material consequences: easing "
               "restrictions, lifting curfews, declaring ceasefires or withdrawals.",
    "COOPERATE": "Initiate, resume, improve or expand mutual material cooperation: economic "
                 "exchange, joint military exercises, judicial cooperation, intelligence sharing.",
    "AID": "Material aid whose benefits accrue to the recipient: money, grants, credit, arms "
           "and personnel, humanitarian aid, asylum.",
    "RETREAT": "Concessions with immediate material consequences: releasing prisoners, "
               "returning property, admitting observers, disarming, observing a ceasefire, "
               "withdrawing from territory, resigning.",
    "REQUEST": "All requests, demands and orders (PLOVER 0.5 DEMAND): for cooperation, aid, "
               "reform, rights, release, easing of sanctions, meetings, settlement, mediation.",
    "ACCUSE": "Disapprove, object, complain, condemn, criticise; accuse of crimes, abuses, "
              "aggression or espionage; sue or find guilty; investigate (PLOVER 0.5 "
              "DISAPPROVE and INVESTIGATE).",
    "REJECT": "All rejections and refusals: of cooperation, aid, reform, demands, meetings, "
              "mediation, settlements; defy norms or laws; veto.",
    "THREATEN": "All threats, coercive or forceful warnings with serious potential "
                "repercussions, including ultimatums.",
    "PROTEST": "Civilian demonstrations and collective actions against the target: rallies, "
               "hunger strikes, strikes, boycotts, obstruction, riots.",
    "SANCTION": "Reductions in normal, routine or cooperative relations: break diplomatic "
                "ties, cut aid, halt negotiations or mediation, expel or withdraw missions.",
    "MOBILIZE": "Military or police moves short of the use of force: raise alert status, "
                "mobilise or deploy forces, demonstrate military power.",
    "COERCE": "Repression of civilians, their rights or property: confiscation, bans, "
              "curfews, martial law, arrests, deportations, embargoes and blockades.",
    "ASSAULT": "Deliberate actions that can cause substantial physical harm: abduction, "
               "assault, torture, bombing, assassination, armed combat, mass violence.",
}


def main() -> None:
    modes: dict[str, set[str]] = {t: set() for t in DESCRIPTIONS}
    contexts: dict[str, set[str]] = {t: set() for t in DESCRIPTIONS}
    lines = (ln for ln in (DATA / "cameo.tsv").open(encoding="utf-8") if not ln.startswith("#"))
    for row in csv.DictReader(lines, delimiter="\t"):
        t = row["plover_type"]
        if not t:
            continue
        if row["mode"]:
            modes[t].add(row["mode"])
        contexts[t].update(c for c in row["context"].split(";") if c)
    with (DATA / "plover.tsv").open("w", encoding="utf-8") as f:
        f.write("# The 16 PLOVER event types (PLOVER 2021 names).\n")
        f.write("# source: descriptions condensed from plover_reference.html; modes and "
                "contexts as assigned in CAMEO2PLOVER-2021.txt (openeventdata/PLOVER, "
                "CC BY-SA 4.0)\n")
        f.write("type\tdescription\tmodes\tcontexts\n")
        for t, desc in DESCRIPTIONS.items():
            f.write(f"{t}\t{desc}\t{';'.join(sorted(modes[t]))}\t"
                    f"{';'.join(sorted(contexts[t]))}\n")
    print(f"wrote {len(DESCRIPTIONS)} types")


if __name__ == "__main__":
    main()
