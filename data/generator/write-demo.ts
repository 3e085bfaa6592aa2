import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { csvRow } from './csv';
import { EVENT_HEADERS, eventRow, PREMISE_HEADERS, premiseRow } from './demo-rows';
import type { DemoSource } from './types';

export interface WrittenFile {
  path: string;
  bytes: number;
  /** Features or data rows, where it applies. */
  records?: number;
}

const CHUNK_BYTES = 4 << 20;

/** Appends text to a file through one reused buffer, so a million rows never sit in memory at once. */
class ChunkedFile {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  bytes = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (this.used + text.length * 3 > CHUNK_BYTES) this.flush();
    if (text.length * 3 > CHUNK_BYTES) {
      this.bytes += writeSync(this.fd, text);
      return;
    }
    this.used += this.buffer.write(text, this.used);
  }

  private flush(): void {
    let done = 0;
    while (done < this.used) done += writeSync(this.fd, this.buffer, done, this.used - done);
    this.bytes += this.used;
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** One feature per line: readable diffs for the committed demo, and no giant string. */
function writeGeoJson(path: string, collection: FeatureCollection): WrittenFile {
  const file = new ChunkedFile(path);
  file.write('{"type":"FeatureCollection","features":[\n');
  collection.features.forEach((f: Feature, i) => {
    file.write(`${i ? ',\n' : ''}${JSON.stringify(f)}`);
  });
  file.write('\n]}\n');
  file.close();
  return { path, bytes: file.bytes, records: collection.features.length };
}

/**
 * Writes the demo (a DemoData, or a lazy DemoSource for big runs) into `dir`: township, villages and basemap GeoJSON, campaign.json, and the
 * survey list (premises.csv, UTF-8 with BOM for spreadsheet users) with its records (events.csv).
 */
export function writeDemo(dir: string, data: DemoSource): WrittenFile[] {
  mkdirSync(dir, { recursive: true });
  const written = [
    writeGeoJson(join(dir, 'township.geojson'), data.townships),
    writeGeoJson(join(dir, 'villages.geojson'), data.villages),
    writeGeoJson(join(dir, 'basemap.geojson'), data.basemap),
  ];

  const campaign = new ChunkedFile(join(dir, 'campaign.json'));
  campaign.write(`${JSON.stringify(data.campaign, null, 2)}\n`);
  campaign.close();
  written.push({ path: campaign.path, bytes: campaign.bytes });

  const premises = new ChunkedFile(join(dir, 'premises.csv'));
  premises.write(`\uFEFF${csvRow(PREMISE_HEADERS)}`);
  const events = new ChunkedFile(join(dir, 'events.csv'));
  events.write(csvRow(EVENT_HEADERS));
  let premiseCount = 0;
  let eventCount = 0;
  for (const p of data.premises) {
    premiseCount++;
    premises.write(csvRow(premiseRow(p)));
    for (const e of p.events) events.write(csvRow(eventRow(p.archiveNo, e)));
    eventCount += p.events.length;
  }
  premises.close();
  events.close();
  written.push({ path: premises.path, bytes: premises.bytes, records: premiseCount });
  written.push({ path: events.path, bytes: events.bytes, records: eventCount });
  return written;
}
