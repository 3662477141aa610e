"""The plain-Python baseline of issue 23 (benches/batch_speed.sh): what a
consultant's own script would do with the same rows. It loads the same
catalogue (data/*.toml, with tomllib), reads the batch CSV with the csv
module, and for each row finds the program, variant and tier for the
facility, computes the grant exactly (fractions.Fraction: business-cost cap,
rate, grant cap, per-bed cap, the program's rounding), says whether the
program is still open on the as-of date, and writes the row with the
program's and tier's names, the grant, the self-burden, the status and the
deadline. A row it cannot read gets an error cell. No conditions, no facts:
less than `subsidy batch` does.
Usage: python3 benches/batch_python.py DATA_DIR AS_OF < in.csv > out.csv"""
import csv
import datetime
import glob
import sys
import tomllib
from fractions import Fraction

CLASSES = {"hospital": "hospital", "病院": "hospital", "clinic": "clinic",
           "診療所": "clinic", "pharmacy": "pharmacy", "薬局": "pharmacy"}


def load(data_dir):
    programs = {}
    for path in glob.glob(f"{data_dir}/*.toml"):
        with open(path, "rb") as f:
            program = tomllib.load(f)
        if "tiers" in program:
            programs[program["id"]] = program
    return programs


def tier_for(program, variant, facility, beds, kenshin):
    for tier in program["tiers"]:
        if tier.get("variant") != (variant or None) and program.get("variants"):
            continue
        if facility not in tier["facilities"]:
            continue
        if beds < tier.get("beds_min", 0) or beds > tier.get("beds_max", beds):
            continue
        if "kenshin" in tier and kenshin is not None and tier["kenshin"] != kenshin:
            continue
        return tier
    return None


def grant(program, tier, cost, beds):
    (kind, rule), = tier["rule"].items()
    rate = Fraction(rule.get("rate", "1/1"))
    eligible = min(cost, rule.get("business_cost_cap", cost))
    cap = rule.get("grant_cap")
    if kind == "per_bed":
        per_bed = rule["grant_cap_per_bed"] * beds
        cap = per_bed if cap is None else min(cap, per_bed)
    exact = eligible * rate
    if cap is not None:
        exact = min(exact, cap)
    rounding = program.get("rounding", {}).get("rule", "none-stated")
    if rounding == "truncate-1000":
        return int(exact) // 1000 * 1000
    if rounding == "round-half-up-1":
        return int(exact + Fraction(1, 2))
    return int(exact)


def status(program, as_of):
    deadlines = [datetime.date.fromisoformat(str(d["date"]))
                 for d in program.get("dates", []) if d["kind"] == "deadline"]
    if not deadlines:
        return "unknown", ""
    last = max(deadlines)
    return ("open" if as_of <= last else "closed"), last.isoformat()


def main():
    programs = load(sys.argv[1])
    as_of = datetime.date.fromisoformat(sys.argv[2])
    reader = csv.DictReader(sys.stdin)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(reader.fieldnames + ["program_name", "tier", "grant", "self_burden",
                                         "status", "deadline", "error"])
    for line, row in enumerate(reader, start=2):
        try:
            program = programs[row["program"]]
            facility = CLASSES[row["facility"].strip().lower()]
            beds = int(row["beds"] or 0)
            kenshin = {"yes": True, "no": False}.get(row["kenshin"])
            cost = int(row["cost"])
            tier = tier_for(program, row["variant"], facility, beds, kenshin)
            if tier is None:
                raise ValueError("no tier for this facility")
            paid = grant(program, tier, cost, beds)
            state, deadline = status(program, as_of)
            writer.writerow(list(row.values()) + [
                program["name"]["ja"], tier["label"]["ja"], paid, cost - paid,
                state, deadline, ""])
        except (ValueError, KeyError) as e:
            writer.writerow(list(row.values()) + ["", "", "", "", "", "", f"line {line}: {e!r}"])


main()
