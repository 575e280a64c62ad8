"""Gridward against pabutools on one Pabulib file, side by side, as whole processes.

Usage: python scripts/bench_pabutools.py GRIDWARD_BINARY FILE.pb [RUNS]

Times RUNS cold runs (default 5) of each, in turn:
  (i)  Gridward's `pabulib_select FILE` (reads the file, decides it under its declared
       rule, prints the chosen ids);
  (ii) a Python process that imports pabutools, reads the same file with
       `parse_pabulib` and runs the Method of Equal Shares with cost satisfaction, per
       voter budgets from floor(budget / voters) raised by one unit while the outcome
       fits (one run of pabutools' `method_of_equal_shares_scheme` per budget, as
       Gridward and the equalshares.net tool do), exact fractions;
       for `equalshares/add1-comparison`, it then compares that outcome with greedy by
       votes (each voter counts their approved projects funded) and keeps greedy's only
       if more voters prefer it.
Prints each run's wall time, the medians and their ratio, both chosen sets, and whether
they agree. (pabutools' own iterated variant, `voter_budget_increment`, also stops
once an outcome is exhaustive, which on Wieliczka ends elsewhere than the official
outcome; the loop here is the completion the files declare.)
"""

import statistics
import subprocess
import sys
import time

PABUTOOLS_RUN = r'''
import math, sys
from pabutools.election import parse_pabulib, Cost_Sat
from pabutools.rules.mes.mes_rule import method_of_equal_shares_scheme
from pabutools.tiebreaking import TieBreakingRule
from pabutools.fractions import frac

instance, profile = parse_pabulib(sys.argv[1])
rule = instance.meta.get("rule", "")
n = profile.num_ballots()
budget = instance.budget_limit
# Ties: more votes, then lower cost, then name (as Gridward).
votes = {p: profile.approval_score(p) for p in instance}
ties = TieBreakingRule(lambda inst, prof, p: (-votes[p], p.cost, p.name))
def mes(share):
    return set(method_of_equal_shares_scheme(
        instance, profile, profile.as_sat_profile(Cost_Sat), share, [], ties,
        binary_sat=True,
    ))

if sum(p.cost for p in instance) <= budget:
    outcome = mes(frac(budget, n))
else:
    # add1: whole units from floor(budget / voters), raised while the outcome fits.
    buyable = {p for p in instance if votes[p] > 0 and p.cost > 0}
    share = math.floor(budget / n)
    outcome = mes(frac(share))
    while outcome != buyable:
        following = mes(frac(share + 1))
        if sum(p.cost for p in following) > budget:
            break
        share, outcome = share + 1, following
chosen = set(outcome)
if rule.endswith("-comparison"):
    greedy, spent = set(), 0
    for p in sorted(instance, key=lambda p: (-votes[p], p.cost, p.name)):
        if votes[p] > 0 and spent + p.cost <= budget:
            greedy.add(p)
            spent += p.cost
    prefer_mes = prefer_greedy = 0
    for ballot in profile:
        a = sum(1 for p in ballot if p in chosen)
        b = sum(1 for p in ballot if p in greedy)
        if a > b:
            prefer_mes += profile.multiplicity(ballot)
        elif b > a:
            prefer_greedy += profile.multiplicity(ballot)
    if prefer_greedy > prefer_mes:
        chosen = greedy
for p in sorted(chosen, key=lambda p: p.name):
    print(p.name)
'''


def timed(cmd):
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - start, sorted(out.split())


def main():
    binary, path = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    ours, theirs = [], []
    ours_set = theirs_set = None
    for i in range(runs):
        t, ours_set = timed([binary, path])
        ours.append(t)
        t2, theirs_set = timed([sys.executable, "-c", PABUTOOLS_RUN, path])
        theirs.append(t2)
        print(f"run {i + 1}: gridward {t * 1000:.1f} ms, pabutools {t2 * 1000:.1f} ms", flush=True)
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"file: {path}")
    print(f"gridward median: {a * 1000:.1f} ms over {runs} runs")
    print(f"pabutools median: {b * 1000:.1f} ms over {runs} runs")
    print(f"ratio: pabutools / gridward = {b / a:.0f}x")
    print(f"gridward chosen ({len(ours_set)}): {' '.join(ours_set)}")
    print(f"pabutools chosen ({len(theirs_set)}): {' '.join(theirs_set)}")
    same = ours_set == theirs_set
    print(f"same outcome: {'yes' if same else 'NO'}")
    if not same:
        print(f"  only gridward: {sorted(set(ours_set) - set(theirs_set))}")
        print(f"  only pabutools: {sorted(set(theirs_set) - set(ours_set))}")


if __name__ == "__main__":
    main()
