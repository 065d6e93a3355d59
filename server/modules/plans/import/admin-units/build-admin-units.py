#!/usr/bin/env python3
"""Build admin-units.json — the minimal list the importer needs to resolve a commune code.

Source: ../shared/data/vn-admin-units-2025.json (the official list of the 34 provinces and
3,321 communes, wards and special zones after the 2025 reorganisation). Run from the repository
root: python3 server/modules/plans/import/admin-units/build-admin-units.py PATH/TO/vn-admin-units-2025.json
The product reads only the generated file, never ../shared.
"""
import json, os, sys

src = sys.argv[1]
data = json.load(open(src, encoding="utf-8"))
kind = {"Xã": "x", "Phường": "p", "Đặc khu": "d"}
out = {
    "source": "vn-admin-units-2025.json (official administrative units, 2025); provinces [code, name], units [code, provinceCode, kind x=xã p=phường d=đặc khu, name]",
    "provinces": [[p["Code"], p["Name"]] for p in data],
    "units": [[w["Code"], p["Code"], kind[w["AdministrativeUnitShortName"]], w["Name"]] for p in data for w in p["Wards"]],
}
dst = os.path.join(os.path.dirname(os.path.abspath(__file__)), "admin-units.json")
with open(dst, "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
print(dst, len(out["units"]), "units")
