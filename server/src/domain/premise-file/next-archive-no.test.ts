import { describe, expect, it } from 'vitest';
import { nextArchiveNo } from './next-archive-no';

describe('nextArchiveNo', () => {
  it('follows the prefix most numbers carry, one past the highest of the survey year', () => {
    expect(nextArchiveNo(['DQ2008-0001', 'DQ2008-0107', 'DQ2009-0003', 'IMP4-00012'], 2008)).toBe(
      'DQ2008-0108',
    );
    expect(nextArchiveNo(['DQ2008-0001', 'DQ2009-0003'], 2011)).toBe('DQ2011-0001');
  });

  it('starts the fallback prefix on a record with no number in that style', () => {
    expect(nextArchiveNo([], 2024)).toBe('SX2024-0001');
    expect(nextArchiveNo(['IMP3-00001', '石塘-12'], 2024)).toBe('SX2024-0001');
  });

  it('keeps counting past four digits', () => {
    expect(nextArchiveNo(['DQ2010-9999'], 2010)).toBe('DQ2010-10000');
  });
});
