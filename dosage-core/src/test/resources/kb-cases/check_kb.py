#!/usr/bin/env python3
"""Structural check of the dosage-service knowledge base and its test cases (plain json only).

Usage: python3 check_kb.py            (paths are resolved relative to this file)
Exit code 0 when everything passes, 1 otherwise.
"""
import glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SERVICE = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
KB = os.path.join(SERVICE, "src", "main", "resources", "kb")
PHARMCAT = os.environ.get("PHARMCAT_DIR", "/work/shared/data/pgx/pharmcat")
CASES = HERE

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PMID_RE = re.compile(r"^\d{6,9}$")
HLA_RE = re.compile(r"^HLA-[A-Z]+\*\d{2}:\d{2}$")
GENE_RE = re.compile(r"^[A-Z0-9]+$")
REVIEWED = "2026-11-25"
FAMILIES = {"PHARMACOGENOMIC", "RENAL", "AGE", "WEIGHT", "HEPATIC", "INTERACTION", "LIFESTYLE"}
ACTIONS = {"STANDARD", "CAUTION", "ADJUST_FACTOR", "ADJUST_RANGE", "CAP_MAX", "AVOID", "CONTRAINDICATED"}
STRENGTHS = {"Strong", "Moderate", "Optional", "Label", "Expert opinion"}
IFUNK = {"INSUFFICIENT_DATA", "WARN", "IGNORE"}
ROUTES = {"oral", "intravenous", "subcutaneous", "transdermal"}
UNITS = {"mg", "mg/kg", "mg/m2"}
FREQS = {"ONCE_DAILY", "BID", "TID", "QID", "Q4H", "Q6H", "Q8H", "Q12H", "WEEKLY"}
CONDITION_CATEGORIES = {"ATRIAL_FIBRILLATION", "CHRONIC_KIDNEY_DISEASE", "LIVER_DISEASE", "PRIOR_MAJOR_BLEED", "PRIOR_STROKE",
    "HEART_FAILURE", "DIABETES", "HYPERTENSION", "ACUTE_CORONARY_SYNDROME", "HYPERLIPIDAEMIA", "DEPRESSION", "HIV", "GOUT",
    "EPILEPSY", "TRANSPLANT", "CANCER", "CHRONIC_PAIN"}
ANCESTRIES = {"WHITE", "BLACK_OR_AFRICAN_AMERICAN", "ASIAN", "AMERICAN_INDIAN_OR_ALASKA_NATIVE", "NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER", "MIXED", "OTHER"}
DIET = {"HIGH_VITAMIN_K_INTAKE", "GRAPEFRUIT"}
SMOKING = {"NEVER", "FORMER", "CURRENT"}
NUMERIC_KEYS = {"atLeast", "atMost", "above", "below"}
CYP2D6_BANDS = {"Poor Metabolizer", "Intermediate Metabolizer", "Normal Metabolizer", "Ultrarapid Metabolizer", "Indeterminate"}
ACTIVITY_GENES = {"CYP2D6", "CYP2C9", "DPYD"}
STATUSES = {"STANDARD", "ADJUSTED", "AVOID", "CONTRAINDICATED", "INSUFFICIENT_DATA", "OUT_OF_SCOPE"}
CASE_FAMILIES = ["pharmacogenomic", "renal", "age-weight-hepatic", "interaction", "lifestyle"]
MISSING_RE = re.compile(r"^(crclMlMin|egfr|serumCreatinineMgDl|ageYears|weightKg|heightCm|ancestry|smoking|phenotype:[A-Z0-9]+|activityScore:[A-Z0-9]+|hla:HLA-[A-Z]+\*\d{2}:\d{2})$")

errors = []
def err(where, msg): errors.append(f"{where}: {msg}")

def load_pharmcat_phenotypes():
    table = {}
    for f in glob.glob(os.path.join(PHARMCAT, "*.json")):
        try:
            d = json.load(open(f))
        except Exception:
            continue
        s = set()
        def walk(x):
            if isinstance(x, dict):
                for k, v in x.items():
                    if k == "phenotype" and isinstance(v, str): s.add(v)
                    walk(v)
            elif isinstance(x, list):
                for v in x: walk(v)
        walk(d)
        table[d.get("gene", os.path.basename(f)[:-5])] = s
    table.setdefault("CYP2D6", set()).update(CYP2D6_BANDS)
    return table

PHENO = load_pharmcat_phenotypes()

def check_source(where, s):
    if not isinstance(s, dict): return err(where, "source must be an object")
    extra = set(s) - {"guideline", "pmid", "label", "url"}
    if extra: err(where, f"unknown source keys {extra}")
    ok_g = "guideline" in s and "pmid" in s
    ok_l = "label" in s
    if not (ok_g or ok_l): err(where, "source needs guideline+pmid or label")
    if "pmid" in s and not PMID_RE.match(str(s["pmid"])): err(where, f"bad pmid {s['pmid']}")
    if "url" in s and not str(s["url"]).startswith("https://"): err(where, "url must be https")
    for k in ("guideline", "label"):
        if k in s and (not isinstance(s[k], str) or not s[k]): err(where, f"{k} must be a non-empty string")
        if k in s and "not confirmed" in s[k].lower(): err(where, "unconfirmed citation")

def check_range(where, r, allow_zero_high=False):
    if not isinstance(r, dict) or set(r) != {"low", "target", "high"}:
        return err(where, "range needs exactly low/target/high")
    for k in r:
        if not isinstance(r[k], (int, float)) or r[k] < 0: err(where, f"{k} must be a number >= 0")
    if r["high"] <= 0: err(where, "high must be > 0")
    if not (r["low"] <= r["target"] <= r["high"]): err(where, "need low <= target <= high")

def check_numeric(where, n):
    if not isinstance(n, dict) or not n: return err(where, "numeric condition needs at least one bound")
    if set(n) - NUMERIC_KEYS: err(where, f"unknown numeric keys {set(n) - NUMERIC_KEYS}")
    for v in n.values():
        if not isinstance(v, (int, float)): err(where, "bounds must be numbers")

def check_condition(where, c, facts):
    if not isinstance(c, dict) or len(c) != 1:
        return err(where, f"condition must have exactly one key, got {list(c) if isinstance(c, dict) else c}")
    (k, v), = c.items()
    if k == "phenotype":
        if set(v) != {"gene", "in"}: return err(where, "phenotype needs gene and in")
        if not GENE_RE.match(v["gene"]): err(where, f"bad gene {v['gene']}")
        if not v["in"]: err(where, "phenotype.in empty")
        known = PHENO.get(v["gene"])
        if known is None: err(where, f"gene {v['gene']} has no PharmCAT phenotype table")
        else:
            for p in v["in"]:
                if p not in known: err(where, f"phenotype '{p}' not known for {v['gene']}")
        facts.add("phenotype:" + v["gene"])
    elif k == "activityScore":
        if "gene" not in v or set(v) - ({"gene"} | NUMERIC_KEYS): err(where, "activityScore needs gene and bounds only")
        if v.get("gene") not in ACTIVITY_GENES: err(where, f"no activity score for {v.get('gene')}")
        if not (set(v) & NUMERIC_KEYS): err(where, "activityScore needs a bound")
        facts.add("activityScore:" + str(v.get("gene")))
    elif k == "hla":
        if set(v) != {"allele", "carrier"}: return err(where, "hla needs allele and carrier")
        if not HLA_RE.match(v["allele"]): err(where, f"bad HLA allele {v['allele']}")
        if not isinstance(v["carrier"], bool): err(where, "carrier must be boolean")
        facts.add("hla:" + v["allele"])
    elif k in ("crclMlMin", "egfr", "serumCreatinineMgDl", "ageYears", "weightKg"):
        check_numeric(where + "." + k, v); facts.add(k)
    elif k == "conditionCategory":
        if v not in CONDITION_CATEGORIES: err(where, f"bad conditionCategory {v}")
    elif k == "activeMedication":
        if not isinstance(v, list) or not v: err(where, "activeMedication needs a non-empty list")
        for m in v:
            if not ID_RE.match(m): err(where, f"medication id not lower-case id: {m}")
    elif k == "dietFlag":
        if v not in DIET: err(where, f"bad dietFlag {v}")
    elif k == "smoking":
        if v not in SMOKING: err(where, f"bad smoking {v}")
        facts.add("smoking")
    elif k == "ancestry":
        if not v or any(a not in ANCESTRIES for a in v): err(where, f"bad ancestry {v}")
        facts.add("ancestry")
    elif k in ("allOf", "anyOf"):
        if not isinstance(v, list) or not v: return err(where, f"{k} needs a non-empty list")
        for i, sub in enumerate(v): check_condition(f"{where}.{k}[{i}]", sub, facts)
    elif k == "atLeastOf":
        if set(v) != {"count", "of"}: return err(where, "atLeastOf needs count and of")
        if not isinstance(v["count"], int) or v["count"] < 1: err(where, "count must be integer >= 1")
        if not v["of"]: err(where, "atLeastOf.of empty")
        if v["count"] > len(v["of"]): err(where, "count larger than number of parts")
        for i, sub in enumerate(v["of"]): check_condition(f"{where}.atLeastOf[{i}]", sub, facts)
    elif k == "not":
        check_condition(where + ".not", v, facts)
    else:
        err(where, f"unknown condition key {k}")

def check_action(where, a):
    if not isinstance(a, dict) or "type" not in a: return err(where, "action needs type")
    if set(a) - {"type", "factor", "range", "maxDaily"}: err(where, f"unknown action keys {set(a)}")
    t = a["type"]
    if t not in ACTIONS: err(where, f"bad action type {t}")
    if t == "ADJUST_FACTOR":
        f = a.get("factor")
        if not isinstance(f, (int, float)) or not (0 < f <= 2): err(where, "ADJUST_FACTOR needs 0 < factor <= 2")
    if t == "ADJUST_RANGE":
        check_range(where + ".range", a.get("range"))
    if t == "CAP_MAX":
        m = a.get("maxDaily")
        if not isinstance(m, (int, float)) or m <= 0: err(where, "CAP_MAX needs maxDaily > 0")

manifest = json.load(open(os.path.join(KB, "manifest.json")))
indications = {i["id"]: set(i["drugs"]) for i in manifest["indications"]}
all_drug_ids = {}
rule_ids = {}
dose_ind = {}
for rel in manifest["drugFiles"]:
    path = os.path.join(KB, rel)
    if not os.path.exists(path):
        err(rel, "missing drug file"); continue
    try:
        data = json.load(open(path))
    except Exception as e:
        err(rel, f"invalid JSON: {e}"); continue
    if not isinstance(data, list) or not data:
        err(rel, "file must be a non-empty JSON array"); continue
    for d in data:
        w = f"{rel}:{d.get('id')}"
        for k in ("id", "name", "doses", "rules"):
            if k not in d: err(w, f"missing {k}")
        if set(d) - {"id", "name", "aliases", "drugClass", "doses", "rules"}: err(w, f"unknown drug keys {set(d)}")
        did = d.get("id", "")
        if not ID_RE.match(did): err(w, "bad drug id")
        if did in all_drug_ids: err(w, f"drug id duplicated (also in {all_drug_ids[did]})")
        all_drug_ids[did] = rel
        if not d.get("doses"): err(w, "doses must be non-empty")
        for i, ds in enumerate(d.get("doses", [])):
            dw = f"{w}.doses[{i}]"
            req = {"indication", "route", "unit", "dailyRange", "maxDaily", "frequency", "regimen", "source", "reviewed"}
            if req - set(ds): err(dw, f"missing {req - set(ds)}")
            if set(ds) - req - {"model"}: err(dw, f"unknown keys {set(ds) - req - {'model'}}")
            ind = ds.get("indication")
            if ind not in indications: err(dw, f"indication {ind} not in manifest")
            elif did not in indications[ind]: err(dw, f"{did} is not listed under {ind} in manifest")
            dose_ind.setdefault(did, set()).add(ind)
            if ds.get("route") not in ROUTES: err(dw, "bad route")
            if ds.get("unit") not in UNITS: err(dw, "bad unit")
            if ds.get("frequency") not in FREQS: err(dw, "bad frequency")
            check_range(dw + ".dailyRange", ds.get("dailyRange"))
            md = ds.get("maxDaily")
            if not isinstance(md, (int, float)) or md <= 0: err(dw, "maxDaily must be > 0")
            elif isinstance(ds.get("dailyRange"), dict) and ds["dailyRange"].get("high", 0) > md: err(dw, "dailyRange.high exceeds maxDaily")
            if "model" in ds and not ID_RE.match(ds["model"]): err(dw, "bad model id")
            check_source(dw + ".source", ds.get("source"))
            if ds.get("reviewed") != REVIEWED: err(dw, "reviewed must be " + REVIEWED)
        for i, r in enumerate(d.get("rules", [])):
            rw = f"{w}.rules[{i}]({r.get('id')})"
            req = {"id", "family", "when", "action", "reason", "source", "reviewed"}
            if req - set(r): err(rw, f"missing {req - set(r)}")
            if set(r) - req - {"indications", "ifUnknown", "alternatives", "strength"}: err(rw, "unknown rule keys")
            rid = r.get("id", "")
            if not ID_RE.match(rid): err(rw, "bad rule id")
            if not rid.startswith(did + "-"): err(rw, "rule id must be prefixed with the drug id")
            if rid in rule_ids: err(rw, "rule id duplicated")
            rule_ids[rid] = did
            if r.get("family") not in FAMILIES: err(rw, "bad family")
            if "strength" not in r: err(rw, "strength missing")
            elif r["strength"] not in STRENGTHS: err(rw, "bad strength")
            if r.get("family") == "PHARMACOGENOMIC" and r.get("strength") == "Label" and "label" not in r.get("source", {}): err(rw, "Label strength needs a label source")
            if "ifUnknown" in r and r["ifUnknown"] not in IFUNK: err(rw, "bad ifUnknown")
            for ind in r.get("indications", []):
                if ind not in indications: err(rw, f"rule indication {ind} not in manifest")
            for alt in r.get("alternatives", []):
                if not ID_RE.match(alt): err(rw, f"alternative not a lower-case id: {alt}")
                if alt == did: err(rw, "drug listed as its own alternative")
            facts = set()
            check_condition(rw + ".when", r.get("when"), facts)
            check_action(rw + ".action", r.get("action"))
            if not isinstance(r.get("reason"), str) or len(r.get("reason", "")) < 10: err(rw, "reason too short")
            check_source(rw + ".source", r.get("source"))
            if r.get("reviewed") != REVIEWED: err(rw, "reviewed must be " + REVIEWED)

for ind, drugs in indications.items():
    for dr in drugs:
        if dr not in all_drug_ids: err("manifest", f"drug {dr} of {ind} missing from KB")
        elif ind not in dose_ind.get(dr, set()): err("manifest", f"drug {dr} has no dose for {ind}")

# optional full JSON Schema validation when jsonschema happens to be installed
try:
    import jsonschema  # noqa
    schema = json.load(open(os.path.join(KB, "drug.schema.json")))
    for rel in manifest["drugFiles"]:
        p = os.path.join(KB, rel)
        if os.path.exists(p):
            for e in jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(p))):
                err(rel, "schema: " + e.message)
    schema_note = "jsonschema validation: done"
except ImportError:
    schema_note = "jsonschema not installed: structural checks only"

# ---- test cases
case_count = 0
names = set()
for fam in CASE_FAMILIES:
    p = os.path.join(CASES, fam + ".json")
    if not os.path.exists(p):
        err(fam, "missing case file"); continue
    try:
        cases = json.load(open(p))
    except Exception as e:
        err(fam, f"invalid JSON: {e}"); continue
    if not isinstance(cases, list) or not cases: err(fam, "case file must be a non-empty array"); continue
    for i, c in enumerate(cases):
        cw = f"{fam}[{i}]({c.get('name', '?')[:50]})"
        case_count += 1
        for k in ("name", "source", "patient", "drug", "indication", "expect"):
            if k not in c: err(cw, f"missing {k}")
        if c.get("name") in names: err(cw, "duplicate case name")
        names.add(c.get("name"))
        drug, ind = c.get("drug"), c.get("indication")
        if drug not in all_drug_ids: err(cw, f"unknown drug {drug}")
        elif ind not in dose_ind.get(drug, set()): err(cw, f"{drug} has no dose for {ind}")
        pt = c.get("patient", {})
        for g, v in pt.get("phenotypes", {}).items():
            if g not in PHENO or v not in PHENO[g]: err(cw, f"patient phenotype {g}={v} unknown")
        for g in pt.get("activityScores", {}):
            if g not in ACTIVITY_GENES: err(cw, f"activity score for {g} not available")
        for a in pt.get("hla", {}):
            if not HLA_RE.match(a): err(cw, f"bad HLA {a}")
        for m in pt.get("activeMedications", []):
            if not ID_RE.match(m): err(cw, f"medication not an id: {m}")
        for cc in pt.get("conditions", []):
            if cc not in CONDITION_CATEGORIES: err(cw, f"bad condition {cc}")
        for df in pt.get("dietFlags", []):
            if df not in DIET: err(cw, f"bad diet flag {df}")
        if "ancestry" in pt and pt["ancestry"] not in ANCESTRIES: err(cw, "bad ancestry")
        if "smoking" in pt and pt["smoking"] not in SMOKING: err(cw, "bad smoking")
        e = c.get("expect", {})
        if e.get("status") not in STATUSES: err(cw, f"bad status {e.get('status')}")
        for rid in e.get("firedRules", []):
            if rid not in rule_ids: err(cw, f"fired rule {rid} does not exist")
            elif rule_ids[rid] != drug: err(cw, f"fired rule {rid} belongs to {rule_ids[rid]}, not {drug}")
        for alt in e.get("alternatives", []):
            if not ID_RE.match(alt): err(cw, f"alternative not an id: {alt}")
        if "dailyRange" in e: check_range(cw + ".dailyRange", e["dailyRange"])
        for m in e.get("missing", []):
            if not MISSING_RE.match(m): err(cw, f"bad missing fact name {m}")
        if e.get("status") == "INSUFFICIENT_DATA" and not e.get("missing"): err(cw, "INSUFFICIENT_DATA case must list missing facts")

n_drugs = len(all_drug_ids)
n_rules = len(rule_ids)
print(f"KB: {n_drugs} drugs, {n_rules} rules in {len(manifest['drugFiles'])} files; cases: {case_count}; {schema_note}")
if errors:
    print(f"FAILED with {len(errors)} problem(s):")
    for e in errors: print("  -", e)
    sys.exit(1)
print("OK")
