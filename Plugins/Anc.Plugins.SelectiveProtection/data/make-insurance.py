"""Makes insurance.csv, a synthetic table for the selective-protection walkthrough (docs/protecting-a-table.md).

Each row is a made-up policy holder: age, yearly income, a sensitive health score, and the yearly
premium an insurer charges, which depends on all three (the paper's section 3: D depends on A, B
and C, and C must stay private). Realistic in shape, not in any real population's figures.
Deterministic: python3 make-insurance.py > insurance.csv writes the same file every time.
"""

import random

rows = 10000
rng = random.Random(20161024)  # the date the paper was posted
print("policy,age,income,health_score,premium")
for policy in range(1, rows + 1):
    age = rng.randint(18, 80)
    # Income rises to middle age, with a wide spread (thousands a year).
    income = max(8.0, rng.gauss(22 + 0.9 * min(age, 55) - 0.4 * max(age - 55, 0), 12))
    # The health score (0 to 100, higher is worse), independent of age and income here, as C is of
    # A and B in the paper's data: a score that age predicted would leak through anything that
    # reveals age, whatever Alice does, and Blind Eve (who knows only C's mean) would be no yardstick.
    health = min(100.0, max(0.0, rng.gauss(40, 14)))
    # The premium: a base, more with age, more with a worse health score (about a quarter of its
    # variance, as C explains a third of D in the paper's data), a little with income.
    premium = 900 + 14 * (age - 18) + 12 * health + 4 * income + rng.gauss(0, 120)
    print(f"{policy},{age},{income:.1f},{health:.1f},{premium:.0f}")
