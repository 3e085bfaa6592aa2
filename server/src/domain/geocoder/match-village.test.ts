import { describe, expect, it } from 'vitest';
import { DEFAULT_ALIASES } from './default-aliases';
import { editDistance } from './edit-distance';
import { buildVillageLookup, matchVillage, placeStem } from './match-village';
import { adminPrefixes } from './strip-prefixes';
import { squareVillage } from './test-gazetteer.fixture';

function lookup(names: string[], aliases = [...DEFAULT_ALIASES]) {
  const villages = names.map((n, i) => squareVillage(i + 1, n, 120 + i * 0.01, 30));
  return buildVillageLookup(villages, aliases, adminPrefixes(aliases));
}

const NAMES = ['大唐村', '长睦村', '白马庄村', '明月桥村', '丁桥社区', '三义村'];
const match = (name: string, l = lookup(NAMES)) => {
  const m = matchVillage(name, l);
  return m ? [m.village.name, m.how] : null;
};

describe('matchVillage', () => {
  it('matches the exact name', () => {
    expect(match('大唐村')).toEqual(['大唐村', 'exact']);
  });

  it('matches without or with a different ending', () => {
    expect(match('大唐')).toEqual(['大唐村', 'stem']);
    expect(match('丁桥')).toEqual(['丁桥社区', 'stem']);
    expect(match('大唐村委会')).toEqual(['大唐村', 'stem']);
  });

  it('matches a former name through the alias table', () => {
    const l = lookup(NAMES, [...DEFAULT_ALIASES, { from: '丁桥村', to: '丁桥社区' }]);
    expect(match('丁桥村', l)).toEqual(['丁桥社区', 'alias']);
  });

  it('matches after an administrative prefix the stripper did not take', () => {
    expect(match('丁桥大唐村')).toEqual(['大唐村', 'prefixed']);
  });

  it('forgives one wrong, missing or swapped character in names of three or more', () => {
    expect(match('大堂村')).toEqual(['大唐村', 'fuzzy']);
    expect(match('白马村')).toEqual(['白马庄村', 'fuzzy']);
    expect(match('明桥月村')).toEqual(['明月桥村', 'fuzzy']);
    expect(match('白马装')).toEqual(['白马庄村', 'fuzzy']);
  });

  it('does not guess at two-character names', () => {
    expect(match('大堂')).toBeNull();
  });

  it('does not take a township for a village', () => {
    expect(match('大唐镇')).toBeNull();
  });

  it('takes a former 村 for the 社区 of the same stem (村改居), but a typo only within one ending', () => {
    expect(match('丁桥村')).toEqual(['丁桥社区', 'stem']);
    expect(match('丁乔社区')).toEqual(['丁桥社区', 'fuzzy']);
    expect(match('丁乔村')).toBeNull();
  });

  it('does not choose between two equally close villages', () => {
    expect(match('大X村', lookup(['大唐村', '大桥村']))).toBeNull();
  });

  it('tells 丁桥村 from 丁桥社区 by the ending when both exist', () => {
    const l = lookup(['丁桥村', '丁桥社区']);
    expect(match('丁桥村', l)).toEqual(['丁桥村', 'exact']);
    expect(match('丁桥居委会', l)).toEqual(['丁桥社区', 'stem']);
    expect(match('丁桥', l)).toBeNull();
  });
});

describe('placeStem', () => {
  it('drops the 村/社区 ending', () => {
    expect(placeStem('白马庄村')).toBe('白马庄');
    expect(placeStem('兰家湾社区')).toBe('兰家湾');
  });
});

describe('editDistance', () => {
  it('counts edits in characters, a swap as one', () => {
    expect(editDistance('大唐村', '大唐村')).toBe(0);
    expect(editDistance('大堂村', '大唐村')).toBe(1);
    expect(editDistance('白马村', '白马庄村')).toBe(1);
    expect(editDistance('唐大村', '大唐村')).toBe(1);
    expect(editDistance('', '大唐')).toBe(2);
  });
});
