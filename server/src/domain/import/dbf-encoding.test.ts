import { describe, expect, it } from 'vitest';
import { writeShapefile } from '../../../../tests/helpers/write-shapefile';
import { dbfEncoding, labelFromCpg } from './dbf-encoding';

const square = [
  [
    [120.2, 30.3],
    [120.21, 30.3],
    [120.21, 30.31],
    [120.2, 30.31],
    [120.2, 30.3],
  ],
];
const dbf = (name: string, encoding: string) =>
  writeShapefile([{ rings: square, attributes: { NAME: name } }], encoding).dbf;

describe('dbfEncoding', () => {
  it('follows a .cpg that names a code page', () => {
    expect(dbfEncoding(dbf('大唐村', 'gbk'), '936').label).toBe('gbk');
    expect(dbfEncoding(dbf('x', 'utf8'), 'ANSI 1250').label).toBe('windows-1250');
  });
  it('does not trust a .cpg that says UTF-8 over bytes that are not', () => {
    expect(dbfEncoding(dbf('大唐村', 'gbk'), 'UTF-8').label).toBe('gb18030');
  });
  it('reads a GBK .dbf without .cpg as GB18030', () => {
    expect(dbfEncoding(dbf('丁桥社区', 'gbk'))).toEqual({
      label: 'gb18030',
      reason: 'no .cpg; the text is not UTF-8 and reads as Chinese in GBK/GB18030',
    });
  });
  it('reads UTF-8 without .cpg as UTF-8', () => {
    expect(dbfEncoding(dbf('丁桥社区', 'utf8')).label).toBe('utf-8');
  });
  it('honours the code-page byte of the header', () => {
    const bytes = dbf('丁桥', 'gbk');
    bytes[29] = 0x4d;
    expect(dbfEncoding(bytes).reason).toMatch(/code page 936/);
  });
  it('knows the spellings of code pages', () => {
    expect(labelFromCpg('UTF-8')).toBe('utf-8');
    expect(labelFromCpg('GBK')).toBe('gbk');
    expect(labelFromCpg('cp936')).toBe('gbk');
    expect(labelFromCpg('<!DOCTYPE html>')).toBeNull();
  });
});
