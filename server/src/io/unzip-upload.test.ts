import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { unsafePath, unzipUpload } from './unzip-upload';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('unzipUpload', () => {
  it('lists the files without their folders', () => {
    const zip = zipSync({
      'export/a.shp': bytes('x'),
      'export/a.dbf': bytes('y'),
      'export/': new Uint8Array(),
    });
    expect(
      unzipUpload(zip, 'z.zip')
        .map((f) => f.name)
        .sort(),
    ).toEqual(['a.dbf', 'a.shp']);
  });
  it('refuses an entry that climbs out of the folder', () => {
    const zip = zipSync({ 'a.shp': bytes('x'), '../../etc/passwd': bytes('root:x:0:0') });
    expect(() => unzipUpload(zip, 'evil.zip')).toThrow(
      'evil.zip holds an entry with an unsafe path, "../../etc/passwd": it climbs out of the folder with ..; the zip was refused',
    );
  });
  it('refuses absolute paths', () => {
    expect(unsafePath('/etc/passwd')).toMatch(/absolute/);
    expect(unsafePath('C:\\Windows\\win.ini')).toMatch(/absolute/);
    expect(unsafePath('..\\..\\x')).toMatch(/climbs out/);
    expect(unsafePath('村界/大唐村.shp')).toBeNull();
  });
  it('decodes GBK entry names written without the UTF-8 flag', () => {
    const zip = zipSync({ [Buffer.from(iconv.encode('村界.shp', 'gbk')).toString('latin1')]: bytes('x') });
    expect(unzipUpload(zip, 'z.zip')[0].name).toBe('村界.shp');
  });
  it('refuses a damaged zip', () => {
    const zip = zipSync({ 'a.shp': new Uint8Array(1000) });
    expect(() => unzipUpload(zip.subarray(0, 50), 'cut.zip')).toThrow(/cut\.zip is not a readable zip file/);
  });
});
