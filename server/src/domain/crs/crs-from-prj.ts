import proj4 from 'proj4';
import { CGCS2000, type Crs, crsByEpsg, gaussKrugerForZone, WGS84 } from './crs-catalog';

/** What a .prj said: a known system, a custom projection proj4 can run, or nothing usable. */
export type PrjReading = { ok: true; crs: Crs; note: string } | { ok: false; reason: string };

/** ESRI and EPSG names of the CGCS2000 Gauss-Krüger systems, e.g. CGCS2000_3_Degree_GK_CM_120E or …_Zone_40. */
function gaussKrugerByName(name: string): Crs | null {
  const n = name.replace(/[\s/_-]+/g, ' ').toLowerCase();
  if (!n.includes('2000') || !/(gk|gauss)/.test(n)) return null;
  const width = /\b6 degree\b/.test(n) ? 6 : 3;
  const cm = /\bcm (\d{2,3})\s*e?\b/.exec(n);
  if (cm) {
    const lng = Number(cm[1]);
    const code = width === 3 ? 4534 + (lng - 75) / 3 : 4502 + (lng - 75) / 6;
    return Number.isInteger(code) ? crsByEpsg(code) : null;
  }
  const zone = /\bzone (\d{2})\b/.exec(n);
  return zone ? gaussKrugerForZone(Number(zone[1])) : null;
}

/** The coordinate system a shapefile's .prj (WKT) describes. */
export function crsFromPrj(wkt: string): PrjReading {
  const text = wkt.trim();
  if (!/^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS|COMPD_CS)\s*\[/i.test(text)) {
    return {
      ok: false,
      reason: `the .prj is not a coordinate system definition (it starts with ${JSON.stringify(text.slice(0, 30))})`,
    };
  }
  const projected = /^PROJ/i.test(text);
  const name = /^\w+\s*\[\s*"([^"]*)"/.exec(text)?.[1] ?? '';
  // The outermost AUTHORITY is the last one in the text; inner ones belong to the datum or units.
  const authorities = [...text.matchAll(/(?:AUTHORITY|ID)\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const epsg = authorities.length > 0 ? Number(authorities[authorities.length - 1][1]) : null;
  const known = epsg === null ? null : crsByEpsg(epsg);
  if (known && (known.kind === 'projected') === projected)
    return { ok: true, crs: known, note: `.prj names ${known.name}` };
  if (projected) {
    const gk = gaussKrugerByName(name);
    if (gk) return { ok: true, crs: gk, note: `.prj names ${name}: ${gk.name}` };
    try {
      proj4(text, 'EPSG:4326');
    } catch {
      return {
        ok: false,
        reason: `the .prj projection ${JSON.stringify(name)} is not one proj4 can convert`,
      };
    }
    return {
      ok: true,
      crs: { code: `PRJ:${name}`, name: `${name} (from the .prj)`, kind: 'projected', proj4: text },
      note: `.prj names ${name}; converted with its own parameters`,
    };
  }
  const geographic = /2000|cgcs|china/i.test(name) ? CGCS2000 : WGS84;
  const datum = /DATUM\s*\[\s*"([^"]*)"/i.exec(text)?.[1] ?? name;
  if (!/wgs|2000|cgcs|china|grs|gda|nad.?83|etrs/i.test(datum)) {
    return {
      ok: true,
      crs: geographic,
      note: `.prj names ${name} (datum ${datum}); read as longitude/latitude without a datum shift, which may be off by up to ~100 m`,
    };
  }
  return { ok: true, crs: geographic, note: `.prj names ${name}: longitude/latitude` };
}
