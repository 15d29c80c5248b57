#!/usr/bin/env python3
"""Regenerate the trimmed CPIC tables in this folder from the PharmCAT phenotype files.

Usage (from anywhere):
    python3 curate.py [SOURCE_DIR]
SOURCE_DIR defaults to /work/shared/data/pgx/pharmcat (the shared copy of
PharmCAT's src/main/resources/org/pharmgkb/pharmcat/phenotype/*.json, MPL-2.0).

For each gene only what the lookup needs is kept: gene, version, haplotypes
(allele -> function), activityValues, and diplotype -> [phenotype, activityScore].
Output is deterministic (sorted keys, one diplotype per line) so that a
regeneration that changes nothing yields no diff.
"""
import json
import os
import sys

GENES = ["ABCG2", "CYP2B6", "CYP2C19", "CYP2C9", "CYP3A4", "CYP3A5", "DPYD",
         "NUDT15", "SLCO1B1", "TPMT", "UGT1A1", "VKORC1"]
HERE = os.path.dirname(os.path.abspath(__file__))


def trim(src):
    gene = src["gene"]
    diplotypes = {}
    for entry in src["diplotypes"]:
        key = entry["diplotype"]
        if key in diplotypes:
            raise SystemExit(f"{gene}: duplicate diplotype {key}")
        diplotypes[key] = [entry["phenotype"], entry.get("activityScore")]
    return {
        "gene": gene,
        "version": src["version"],
        "source": f"PharmCAT src/main/resources/org/pharmgkb/pharmcat/phenotype/{gene}.json (MPL-2.0), trimmed",
        "haplotypes": src["haplotypes"],
        "activityValues": src.get("activityValues") or {},
        "diplotypes": diplotypes,
    }


def write(table, path):
    head = {k: v for k, v in table.items() if k != "diplotypes"}
    lines = ["{"]
    for k, v in head.items():
        lines.append(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=False)},")
    lines.append('  "diplotypes": {')
    items = list(table["diplotypes"].items())
    for i, (dip, value) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        lines.append(f"    {json.dumps(dip, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("  }")
    lines.append("}")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def main():
    source_dir = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/pgx/pharmcat"
    for gene in GENES:
        with open(os.path.join(source_dir, f"{gene}.json"), encoding="utf-8") as f:
            src = json.load(f)
        if src["gene"] != gene:
            raise SystemExit(f"{gene}.json declares gene {src['gene']}")
        table = trim(src)
        write(table, os.path.join(HERE, f"{gene}.json"))
        print(f"{gene}: {len(table['diplotypes'])} diplotypes, version {table['version']}")


if __name__ == "__main__":
    main()
