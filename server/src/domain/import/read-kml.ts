import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { ImportError } from './import-error';
import type { RawLayer } from './read-shapefile';

const GEOMETRY_TAGS = ['Point', 'LineString', 'LinearRing', 'Polygon'];

/** The name of the Placemark an element sits in, or its position among the placemarks. */
function placemarkOf(el: Element, placemarks: Element[]): string {
  let p: Node | null = el;
  while (p && (p as Element).localName !== 'Placemark') p = p.parentNode;
  if (!p) return 'an element';
  const index = placemarks.indexOf(p as Element);
  const name = (p as Element).getElementsByTagName('name')[0]?.textContent?.trim();
  return `placemark ${index}${name ? ` «${name}»` : ''}`;
}

/** Problems with <coordinates> text that togeojson would silently drop: tuples that are not numbers. */
function coordinateProblems(doc: Document): string[] {
  const placemarks = Array.from(doc.getElementsByTagName('Placemark'));
  const problems: string[] = [];
  for (const el of Array.from(doc.getElementsByTagName('coordinates'))) {
    const parent = el.parentNode as Element | null;
    if (!parent || !GEOMETRY_TAGS.includes(parent.localName ?? '')) continue;
    const text = (el.textContent ?? '').trim();
    // An empty <coordinates/> is a placemark without a place (an address-only placemark): nothing to refuse.
    if (text === '') continue;
    const bad = text.split(/\s+/).find((tuple) => {
      const parts = tuple.split(',');
      return parts.length < 2 || !parts.slice(0, 2).every((n) => n !== '' && Number.isFinite(Number(n)));
    });
    if (bad)
      problems.push(
        `${placemarkOf(el, placemarks)}: the coordinates ${JSON.stringify(bad)} are not longitude,latitude numbers`,
      );
    if (problems.length >= 20) break;
  }
  return problems;
}

/**
 * Reads a KML document's placemarks. Refuses text that is not well-formed XML or not KML, and
 * placemarks whose coordinates are not numbers (which togeojson would silently turn into nothing).
 */
export function readKml(text: string, fileName = 'the file'): RawLayer {
  const xmlErrors: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') xmlErrors.push(String(message).split('\n')[0]);
      },
    }).parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml') as unknown as Document;
  } catch (err) {
    // xmldom throws for fatal errors (a file cut off mid-element) instead of reporting them.
    throw new ImportError(
      `${fileName} is not well-formed XML: ${(err as Error).message.split('\n')[0]}`,
      400,
      'bad_kml',
    );
  }
  if (xmlErrors.length > 0)
    throw new ImportError(`${fileName} is not well-formed XML: ${xmlErrors[0]}`, 400, 'bad_kml');
  const root = doc.documentElement;
  if (root?.localName !== 'kml') {
    throw new ImportError(
      `${fileName} is not KML: its root element is <${root?.localName ?? 'nothing'}>, expected <kml>`,
      400,
      'bad_kml',
    );
  }
  const problems = coordinateProblems(doc);
  if (problems.length > 0)
    throw new ImportError(`${fileName} has unreadable coordinates: ${problems.join('; ')}`, 400, 'bad_kml', {
      problems,
    });
  const notes: string[] = [];
  const fc = kml(doc as unknown as Parameters<typeof kml>[0]);
  const features = fc.features.map((f, index) => {
    const props = { ...(f.properties ?? {}) } as Record<string, unknown>;
    const kind = props['@geometry-type'];
    if (kind === 'groundoverlay' || kind === 'networklink') {
      notes.push(
        `feature ${index}: a KML ${kind === 'groundoverlay' ? 'GroundOverlay' : 'NetworkLink'} is not a boundary; skipped`,
      );
      return { index, geometry: null, properties: props };
    }
    return { index, geometry: f.geometry, properties: props };
  });
  return { features, prj: null, notes };
}
