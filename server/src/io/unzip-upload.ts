import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { ImportError } from '../domain/import/import-error';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Most bytes a zip may unpack to (a zip bomb is refused before it is inflated). */
export const MAX_UNZIPPED_BYTES = 500 * 1024 * 1024;

/** fflate reads names without the UTF-8 flag as Latin-1; Chinese Windows zips hold GBK there. */
function entryName(raw: string): string {
  if (!/[\u0080-\u00ff]/.test(raw)) return raw;
  const bytes = Buffer.from(raw, 'latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

/** Why an entry's path is unsafe to honour (it climbs out of the folder, or is absolute), or null. */
export function unsafePath(path: string): string | null {
  const p = path.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[a-z]:/i.test(p)) return 'it is an absolute path';
  if (p.split('/').includes('..')) return 'it climbs out of the folder with ..';
  if (p.includes('\u0000')) return 'it contains a NUL character';
  return null;
}

/**
 * The files in a zip, by their names without folders. Refuses a damaged zip, any entry whose path
 * is unsafe (`../../etc/passwd`, `/etc/passwd`, `C:\…`) and a zip that would unpack too large.
 * Nothing is ever written to disk.
 */
export function unzipUpload(zip: Uint8Array, zipName: string): UploadedFile[] {
  let total = 0;
  let unsafe: string | null = null;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, {
      filter: (file) => {
        const why = unsafePath(file.name);
        if (why && !unsafe) unsafe = `${JSON.stringify(entryName(file.name))}: ${why}`;
        total += file.originalSize;
        return (
          !why && !file.name.endsWith('/') && !file.name.includes('__MACOSX') && total <= MAX_UNZIPPED_BYTES
        );
      },
    });
  } catch (err) {
    throw new ImportError(
      {
        en: `${zipName} is not a readable zip file (${(err as Error).message}); it may be damaged or cut off`,
        zh: `${zipName} 不是可读取的 zip 压缩包（${(err as Error).message}），可能已损坏或不完整`,
      },
      400,
      'bad_zip',
    );
  }
  if (unsafe)
    throw new ImportError(
      {
        en: `${zipName} holds an entry with an unsafe path, ${unsafe}; the zip was refused`,
        zh: `${zipName} 里有路径不安全的文件（${unsafe}），已拒收该压缩包`,
      },
      400,
      'unsafe_zip',
    );
  if (total > MAX_UNZIPPED_BYTES) {
    throw new ImportError(
      {
        en: `${zipName} would unpack to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB; refused`,
        zh: `${zipName} 解压后将超过 ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB，已拒收`,
      },
      413,
      'too_large',
    );
  }
  return Object.entries(entries).map(([path, bytes]) => ({
    name: entryName(path).split('/').pop() as string,
    bytes,
  }));
}
