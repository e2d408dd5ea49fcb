#!/usr/bin/env python3
"""Validate every vector file under a Vectors/ directory against the JSON
Schemas in this folder, plus the rules a schema cannot express:

* `numberOfVectors` equals the number of vectors;
* ids are unique across all files;
* every flag a vector uses has a note in its file, and every note is used;
* every known-failures entry names an existing vector.

Usage: python3 Vectors/schema/check.py [VECTORS_DIR]   (default: this file's parent's parent)
Exit status 0 when everything conforms, 1 otherwise, 2 when jsonschema is missing.
"""
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:  # pragma: no cover
    print("check.py: the python 'jsonschema' package is required", file=sys.stderr)
    sys.exit(2)

here = pathlib.Path(__file__).resolve().parent
root = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else here.parent
vector_schema = json.loads((here / "vectors.schema.json").read_text(encoding="utf-8"))
known_schema = json.loads((here / "known-failures.schema.json").read_text(encoding="utf-8"))
Validator = jsonschema.Draft202012Validator
Validator.check_schema(vector_schema)
Validator.check_schema(known_schema)
vectors_validator = Validator(vector_schema)
known_validator = Validator(known_schema)

problems = []
ids = {}
files = 0
count = 0
for path in sorted(root.rglob("*.json")):
    rel = path.relative_to(root)
    if rel.parts[0] == "schema":
        continue
    doc = json.loads(path.read_text(encoding="utf-8"))
    if path.name == "known-failures.json":
        for e in known_validator.iter_errors(doc):
            problems.append(f"{rel}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
        continue
    files += 1
    for e in vectors_validator.iter_errors(doc):
        problems.append(f"{rel}: {'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")
    vectors = doc.get("vectors", [])
    count += len(vectors)
    if doc.get("numberOfVectors") != len(vectors):
        problems.append(f"{rel}: numberOfVectors is {doc.get('numberOfVectors')}, the file has {len(vectors)}")
    notes = set(doc.get("notes", {}))
    used = set()
    for v in vectors:
        vid = v.get("id")
        if vid in ids:
            problems.append(f"{rel}: duplicate id {vid} (also in {ids[vid]})")
        ids[vid] = rel
        for f in v.get("flags", []):
            used.add(f)
            if f not in notes:
                problems.append(f"{rel}: {vid}: flag {f} has no note")
    for n in sorted(notes - used):
        problems.append(f"{rel}: note {n} is not used by any vector")

known = root / "known-failures.json"
if known.exists():
    for e in json.loads(known.read_text(encoding="utf-8")).get("entries", []):
        if e.get("id") not in ids:
            problems.append(f"known-failures.json: {e.get('id')} names no vector")

for p in problems:
    print(p)
print(f"check.py: {files} vector file(s), {count} vectors, {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
