import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from './generate-demo';
import { writeDemo } from './write-demo';

const COMMITTED = resolve(import.meta.dirname, '../demo');
const fresh = mkdtempSync(join(tmpdir(), 'sx-demo-'));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

describe('data/demo', () => {
  it('is exactly what the generator writes with the default options (run `npm run gen:demo` after changing it)', () => {
    writeDemo(fresh, generateDemo());
    const files = readdirSync(COMMITTED).sort();
    expect(readdirSync(fresh).sort()).toEqual(files);
    for (const f of files) {
      expect(readFileSync(join(fresh, f)).equals(readFileSync(join(COMMITTED, f))), f).toBe(true);
    }
  });
});
