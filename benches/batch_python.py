"""The plain-Python baseline of issue 23 (benches/batch_speed.sh): reads the
batch CSV with the csv module and writes each row with its grant, computed
for the six kinds of row examples/gen_batch.rs writes (the same figures as
the catalogue's data/*.toml). A malformed row gets an error cell, as batch gives.
Usage: python3 benches/batch_python.py < in.csv > out.csv"""
import csv
import sys
from fractions import Fraction


def grant(row):
    """The grant for one row, from the catalogue's figures (data/*.toml)."""
    program, facility = row["program"], row["facility"]
    beds, cost = int(row["beds"]), int(row["cost"])
    if program == "ehr-sharing" and facility == "hospital":
        # 大規模病院・健診実施: 事業額上限 13,158,000円 × 1/2, 千円未満切捨て.
        return capped(cost, 13_158_000, Fraction(1, 2), 6_579_000) // 1000 * 1000
    if program == "e-prescription" and facility == "clinic":
        # 診療所 (基本): 387,000円 × 1/2, 上限 194,000円, 千円未満切捨て.
        return capped(cost, 387_000, Fraction(1, 2), 194_000) // 1000 * 1000
    if program == "online-qual-medical-aid" and facility == "clinic":
        # 診療所: 73,000円 × 3/4, 上限 54,000円, 千円未満切捨て.
        return capped(cost, 73_000, Fraction(3, 4), 54_000) // 1000 * 1000
    if program == "fukuoka-work-environment" and facility == "hospital":
        # 許可病床数 × 40,000円 まで.
        return min(cost, beds * 40_000)
    if program == "digital-ai-security" and facility == "clinic":
        # 1/2, 5万円〜150万円.
        grant = capped(cost, cost, Fraction(1, 2), 1_500_000)
        if grant < 50_000:
            raise ValueError("below the minimum grant")
        return grant
    if program == "online-qual-smartphone" and facility == "clinic":
        # 1 coupon: 14,000円 × 1/2, 上限 7,000円, 1円未満四捨五入.
        return int(min(min(cost, 14_000) * Fraction(1, 2), 7_000) + Fraction(1, 2))
    raise ValueError(f"no rule for {program} {facility}")


def capped(cost, business_cost_cap, rate, grant_cap):
    """min(cost, 事業額上限) × 補助率, at most 補助限度額, in whole yen (truncated)."""
    return int(min(min(cost, business_cost_cap) * rate, grant_cap))


def main():
    reader = csv.DictReader(sys.stdin)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(reader.fieldnames + ["grant", "error"])
    for line, row in enumerate(reader, start=2):
        try:
            writer.writerow(list(row.values()) + [grant(row), ""])
        except (ValueError, KeyError) as e:
            writer.writerow(list(row.values()) + ["", f"line {line}: {e}"])


main()
