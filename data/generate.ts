/** Writes the demo township: `tsx data/generate.ts [--premises N] [--seed S] [--townships K] [--out DIR]`. */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demoSource } from './generator/generate-demo';
import type { DemoSource } from './generator/types';
import { writeDemo } from './generator/write-demo';

function wholeNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} expects a whole number, got "${text}"`);
    process.exit(2);
  }
  return value;
}

const { values } = parseArgs({
  options: {
    premises: { type: 'string' },
    seed: { type: 'string' },
    townships: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(
    'usage: tsx data/generate.ts [--premises 1200] [--seed 2008] [--townships 1] [--out data/demo]',
  );
  process.exit(0);
}

const options = {
  premises: wholeNumber('premises', values.premises, 1200),
  seed: wholeNumber('seed', values.seed, 2008),
  townships: wholeNumber('townships', values.townships, 1),
};
const out = resolve(values.out ?? resolve(import.meta.dirname, 'demo'));

const started = performance.now();
let data: DemoSource;
try {
  data = demoSource(options);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
// Premises are made township by township while they are written, so a million fit in memory.
const files = writeDemo(out, data);
const seconds = (performance.now() - started) / 1000;

console.log(
  `demo: ${options.premises} premises, ${options.townships} township(s), ${data.villages.features.length} villages, seed ${options.seed}`,
);
for (const f of files) {
  const size =
    f.bytes >= 1 << 20 ? `${(f.bytes / (1 << 20)).toFixed(1)} MB` : `${(f.bytes / 1024).toFixed(1)} KB`;
  console.log(
    `  ${relative(process.cwd(), f.path)}  ${size}${f.records === undefined ? '' : `  (${f.records} records)`}`,
  );
}
console.log(`generated and written in ${seconds.toFixed(1)} s`);
