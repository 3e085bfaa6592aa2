import { describe, expect, it } from 'vitest';
import { fieldShell } from './field-sw-plugin';

const chunk = (
  fileName: string,
  more: { isEntry?: boolean; module?: string; imports?: string[]; css?: string[] },
) => ({
  type: 'chunk' as const,
  fileName,
  isEntry: more.isEntry ?? false,
  facadeModuleId: more.module ?? null,
  imports: more.imports ?? [],
  viteMetadata: { importedCss: new Set(more.css ?? []) },
});

describe('the /field service worker’s app shell', () => {
  it('is the entry and the /field chunk with what they import, not the other pages’ chunks nor fonts', () => {
    const bundle = {
      'index.html': { type: 'asset' as const, fileName: 'index.html' },
      'assets/index-a.js': chunk('assets/index-a.js', {
        isEntry: true,
        imports: ['assets/shared-b.js'],
        css: ['assets/index-a.css'],
      }),
      'assets/shared-b.js': chunk('assets/shared-b.js', { imports: ['assets/index-a.js'] }),
      'assets/field-app-c.js': chunk('assets/field-app-c.js', {
        module: '/work/client/src/field/field-app.tsx',
        imports: ['assets/shared-b.js', 'assets/writes-d.js'],
        css: ['assets/field-app-c.css'],
      }),
      'assets/writes-d.js': chunk('assets/writes-d.js', {}),
      'assets/display-app-e.js': chunk('assets/display-app-e.js', {
        module: '/work/client/src/display/display-app.tsx',
      }),
      'assets/noto-sans-sc-0-400.woff2': {
        type: 'asset' as const,
        fileName: 'assets/noto-sans-sc-0-400.woff2',
      },
    };
    expect(fieldShell(bundle)).toEqual([
      '/assets/field-app-c.css',
      '/assets/field-app-c.js',
      '/assets/index-a.css',
      '/assets/index-a.js',
      '/assets/shared-b.js',
      '/assets/writes-d.js',
    ]);
  });
});
