#!/usr/bin/env python3
"""Writes the FHIR test payloads under src/test/resources/fhir (synthetic data only).

The adult is written once and emitted both as a transaction Bundle (urn:uuid references) and as NDJSON
(Patient/<id> references), so the two payloads state exactly the same facts.
"""
import json, pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "src/test/resources/fhir"
LOINC, SNOMED, RXNORM, UCUM = "http://loinc.org", "http://snomed.info/sct", "http://www.nlm.nih.gov/research/umls/rxnorm", "http://unitsofmeasure.org"
HGNC = "http://www.genenames.org/geneId"
PID = "pgx-adult-1"

def uuid(n):
    return "urn:uuid:00000000-0000-4000-8000-%012d" % n

def cc(system, code, display=None, text=None):
    c = {"coding": [{"system": system, "code": code}]}
    if display: c["coding"][0]["display"] = display
    if text: c["text"] = text
    return c

def category(code):
    return [cc("http://terminology.hl7.org/CodeSystem/observation-category", code)]

def obs(id, loinc, display, when, cat, **value):
    o = {"resourceType": "Observation", "id": id, "status": "final", "category": category(cat),
         "code": cc(LOINC, loinc, display), "subject": {"reference": "PATIENT"}, "effectiveDateTime": when}
    o.update(value)
    return o

def qty(value, unit, code=None):
    return {"valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": code or unit}}

def gene_obs(id, loinc, gene, hgnc, when, value):
    gene_value = cc(HGNC, hgnc, gene) if hgnc else {"text": gene}
    o = {"resourceType": "Observation", "id": id, "status": "final", "category": category("laboratory"),
         "code": cc(LOINC, loinc, "Genotype display name" if loinc == "84413-4" else "Genetic variation's effect on drug metabolism"),
         "subject": {"reference": "PATIENT"}, "effectiveDateTime": when,
         "component": [{"code": cc(LOINC, "48018-6", "Gene studied [ID]"), "valueCodeableConcept": gene_value}]}
    o.update(value)
    return o

patient = {
    "resourceType": "Patient", "id": PID,
    "extension": [
        {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race", "extension": [
            {"url": "ombCategory", "valueCoding": {"system": "urn:oid:2.16.840.1.113883.6.238", "code": "2106-3", "display": "White"}},
            {"url": "text", "valueString": "White"}]},
        {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", "valueCode": "M"}],
    "identifier": [
        {"type": cc("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical Record Number"),
         "system": "urn:oid:1.2.36.146.595.217.0.1", "value": "MRN-1001"},
        {"type": cc("http://terminology.hl7.org/CodeSystem/v2-0203", "SS", "Social Security Number"),
         "system": "http://hl7.org/fhir/sid/us-ssn", "value": "999-00-1234"},
        {"type": cc("http://terminology.hl7.org/CodeSystem/v2-0203", "DL", "Driver's license number"),
         "system": "urn:oid:2.16.840.1.113883.4.3.25", "value": "S99901234"}],
    "name": [{"family": "Testperson", "given": ["Adam"]}],
    "telecom": [{"system": "phone", "value": "555-0100"}],
    "address": [{"line": ["1 Example Street"], "city": "Boston", "state": "MA"}],
    "gender": "male", "birthDate": "1958-03-14"}

medication_atorvastatin = {"resourceType": "Medication", "id": "med-atorvastatin",
                           "code": cc(RXNORM, "617310", "atorvastatin 20 MG Oral Tablet")}

T = "2024-05-02T09:30:00Z"
resources = [
    patient,
    obs("obs-weight-old", "29463-7", "Body weight", "2023-01-10T08:00:00Z", "vital-signs", **qty(176.0, "lb", "[lb_av]")),
    obs("obs-weight", "29463-7", "Body weight", T, "vital-signs", **qty(82.5, "kg")),
    obs("obs-height", "8302-2", "Body height", T, "vital-signs", **qty(178, "cm")),
    obs("obs-creatinine", "2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "2024-04-28T07:15:00Z", "laboratory", **qty(1.2, "mg/dL")),
    obs("obs-egfr", "98979-8", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)", "2024-04-28T07:15:00Z", "laboratory", **qty(62, "mL/min/{1.73_m2}")),
    obs("obs-inr", "6301-6", "INR in Platelet poor plasma by Coagulation assay", "2024-04-28T07:15:00Z", "laboratory", **qty(2.4, "INR", "{INR}")),
    obs("obs-alt", "1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "2024-04-28T07:15:00Z", "laboratory", **qty(32, "U/L")),
    obs("obs-ast", "1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "2024-04-28T07:15:00Z", "laboratory", **qty(28, "U/L")),
    obs("obs-potassium", "2823-3", "Potassium [Moles/volume] in Serum or Plasma", "2024-04-28T07:15:00Z", "laboratory", **qty(4.3, "mmol/L")),
    obs("obs-platelets", "777-3", "Platelets [#/volume] in Blood by Automated count", "2024-04-28T07:15:00Z", "laboratory", **qty(250, "10*3/uL")),
    gene_obs("obs-cyp2c19", "84413-4", "CYP2C19", "HGNC:2621", "2023-11-20", {"valueCodeableConcept": {"text": "*2/*1"}}),
    gene_obs("obs-cyp2c19-pheno", "53040-2", "CYP2C19", "HGNC:2621", "2023-11-20", {"valueCodeableConcept": {"text": "Intermediate metabolizer"}}),
    gene_obs("obs-cyp2c9", "84413-4", "CYP2C9", "HGNC:2623", "2023-11-20", {"valueCodeableConcept": {"coding": [{"display": "*1/*3"}]}}),
    gene_obs("obs-vkorc1", "84413-4", "VKORC1", "HGNC:23663", "2023-11-20", {"valueString": "rs9923231 C/T"}),
    gene_obs("obs-slco1b1", "84413-4", "SLCO1B1", None, "2023-11-20", {"valueCodeableConcept": {"text": "*1/*5"}}),
    gene_obs("obs-cyp2d6", "84413-4", "cyp2d6", None, "2023-11-20", {"valueCodeableConcept": {"text": "*1/*4"}}),
    gene_obs("obs-hla-b", "84413-4", "HLA-B", "HGNC:4932", "2023-11-20", {"valueCodeableConcept": {"text": "HLA-B*57:01 negative"}}),
    obs("obs-smoking", "72166-2", "Tobacco smoking status", T, "social-history",
        valueCodeableConcept=cc(SNOMED, "8517006", "Ex-smoker")),
    obs("obs-alcohol", "74013-4", "Alcoholic drinks per day", "2024-04-15T10:00:00Z", "social-history",
        valueQuantity={"value": 2, "unit": "drinks/day", "system": UCUM, "code": "{drinks}/d"}),
    {"resourceType": "Condition", "id": "cond-af",
     "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
     "verificationStatus": cc("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
     "code": cc(SNOMED, "49436004", "Atrial fibrillation"), "subject": {"reference": "PATIENT"},
     "onsetDateTime": "2019-06-01"},
    {"resourceType": "Condition", "id": "cond-ckd3",
     "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
     "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "N18.30", "display": "Chronic kidney disease, stage 3 unspecified"},
                         {"system": SNOMED, "code": "433144002", "display": "Chronic kidney disease stage 3"}]},
     "subject": {"reference": "PATIENT"}, "onsetDateTime": "2021-02-10T14:00:00-05:00"},
    medication_atorvastatin,
    {"resourceType": "MedicationRequest", "id": "medreq-warfarin", "status": "active", "intent": "order",
     "medicationCodeableConcept": cc(RXNORM, "855332", "Warfarin Sodium 5 MG Oral Tablet"),
     "subject": {"reference": "PATIENT"}, "authoredOn": "2019-06-15"},
    {"resourceType": "MedicationRequest", "id": "medreq-atorvastatin", "status": "active", "intent": "order",
     "medicationReference": {"reference": "MEDICATION"},
     "subject": {"reference": "PATIENT"}, "authoredOn": "2020-01-20T11:00:00Z"},
    {"resourceType": "MedicationStatement", "id": "medstmt-omeprazole", "status": "completed",
     "contained": [{"resourceType": "Medication", "id": "omeprazole", "code": cc(RXNORM, "7646", "omeprazole")}],
     "medicationReference": {"reference": "#omeprazole"}, "subject": {"reference": "PATIENT"},
     "effectivePeriod": {"start": "2022-03-01", "end": "2022-06-01"}},
    {"resourceType": "AllergyIntolerance", "id": "allergy-penicillin",
     "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active"),
     "verificationStatus": cc("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed"),
     "code": cc(RXNORM, "7980", "penicillin G"), "patient": {"reference": "PATIENT"}},
    {"resourceType": "Immunization", "id": "imm-flu", "status": "completed",
     "vaccineCode": cc("http://hl7.org/fhir/sid/cvx", "140", "Influenza, seasonal, injectable, preservative free"),
     "patient": {"reference": "PATIENT"}, "occurrenceDateTime": "2023-10-01"},
]

def with_refs(resource, patient_ref, medication_ref):
    return json.loads(json.dumps(resource).replace('"PATIENT"', json.dumps(patient_ref))
                      .replace('"MEDICATION"', json.dumps(medication_ref)))

def bundle(kind, rs, method="POST"):
    entries = []
    for n, (full_url, r) in enumerate(rs):
        e = {"fullUrl": full_url, "resource": r}
        e["request"] = {"method": method, "url": r["resourceType"]}
        entries.append(e)
    return {"resourceType": "Bundle", "type": kind, "entry": entries}

urls = {r["id"]: uuid(i + 1) for i, r in enumerate(resources)}
tx = [(urls[r["id"]], with_refs(r, urls[PID], urls["med-atorvastatin"])) for r in resources]
(OUT / "adult-pgx-bundle.json").write_text(json.dumps(bundle("transaction", tx), indent=2) + "\n")
(OUT / "adult-pgx.ndjson").write_text("".join(
    json.dumps(with_refs(r, "Patient/" + PID, "Medication/med-atorvastatin")) + "\n" for r in resources))

# Two patients: A is fine; B has an unconvertible weight unit and a Condition without code.
def simple_patient(id, birth, gender):
    return {"resourceType": "Patient", "id": id, "gender": gender, "birthDate": birth}

two = [
    simple_patient("pat-a", "1980-07-01", "female"),
    simple_patient("pat-b", "1975-02-02", "male"),
    obs("obs-a-weight", "29463-7", "Body weight", "2024-03-01T10:00:00Z", "vital-signs", **qty(64.2, "kg")),
    obs("obs-b-weight", "29463-7", "Body weight", "2024-03-01T10:00:00Z", "vital-signs",
        valueQuantity={"value": 12, "unit": "stone"}),
    {"resourceType": "Condition", "id": "cond-b-nocode",
     "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
     "subject": {"reference": "PATIENT"}},
]
ids = {r["id"]: uuid(100 + i) for i, r in enumerate(two)}
owner = {"obs-a-weight": "pat-a", "obs-b-weight": "pat-b", "cond-b-nocode": "pat-b"}
entries = [(ids[r["id"]], with_refs(r, ids[owner.get(r["id"], r["id"])], None)) for r in two]
(OUT / "two-patients-one-invalid.json").write_text(json.dumps(bundle("batch", entries), indent=2) + "\n")
