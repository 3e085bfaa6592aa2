import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const SOURCE = join(import.meta.dirname, 'field-sw.js');
const PLACEHOLDER = '__FIELD_SW_MANIFEST__';

/** What the build wrote, as much of it as the shell needs (rolldown's output, narrowed). */
type Output = Record<
  string,
  | {
      type: 'chunk';
      fileName: string;
      isEntry: boolean;
      facadeModuleId: string | null;
      imports: string[];
      viteMetadata?: { importedCss: Set<string> };
    }
  | { type: 'asset'; fileName: string }
>;

/**
 * The files /field needs to start: the page's entry and the /field chunk, with the chunks and
 * stylesheets they import (fonts and other files are kept by the worker when first asked for).
 */
export function fieldShell(bundle: Output): string[] {
  const files = new Set<string>();
  const add = (fileName: string) => {
    const chunk = bundle[fileName];
    if (!chunk || files.has(fileName)) return;
    files.add(fileName);
    if (chunk.type !== 'chunk') return;
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const imported of chunk.imports) add(imported);
  };
  for (const chunk of Object.values(bundle)) {
    if (chunk.type !== 'chunk') continue;
    if (chunk.isEntry || chunk.facadeModuleId?.endsWith('/field/field-app.tsx')) add(chunk.fileName);
  }
  return [...files].sort().map((f) => `/${f}`);
}

/**
 * Writes /field-sw.js (the phone page's service worker) next to index.html, with this build's
 * shell files and a version made from them: a new build's worker drops the old caches.
 */
export function fieldServiceWorker(): Plugin {
  return {
    name: 'field-service-worker',
    apply: 'build',
    writeBundle(options, bundle) {
      const source = readFileSync(SOURCE, 'utf8');
      const shell = fieldShell(bundle as unknown as Output);
      if (!shell.some((f) => f.endsWith('.js'))) throw new Error('field-sw: no entry chunk in the build');
      const version = createHash('sha256')
        .update(JSON.stringify(shell))
        .update(source)
        .digest('hex')
        .slice(0, 12);
      const manifest = JSON.stringify({ version, shell }).replaceAll('\\', '\\\\').replaceAll("'", "\\'");
      writeFileSync(
        join(options.dir ?? 'dist/client', 'field-sw.js'),
        source.replace(PLACEHOLDER, () => manifest),
      );
    },
  };
}
