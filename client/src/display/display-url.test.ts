import { describe, expect, it } from 'vitest';
import { DEFAULT_CYCLE_SECONDS, parseDisplayOptions } from './display-url';

describe('parseDisplayOptions', () => {
  it('defaults to the live township screen in Chinese', () => {
    expect(parseDisplayOptions('')).toEqual({
      mode: 'live',
      rotateSeconds: null,
      village: null,
      lang: 'zh',
      cycleSeconds: DEFAULT_CYCLE_SECONDS,
    });
  });

  it('reads every option', () => {
    expect(parseDisplayOptions('?mode=replay&rotate=20&village=3&lang=en&cycle=90')).toEqual({
      mode: 'replay',
      rotateSeconds: 20,
      village: 3,
      lang: 'en',
      cycleSeconds: 90,
    });
  });

  it('ignores what it cannot read and keeps tours from spinning', () => {
    expect(parseDisplayOptions('?mode=party&rotate=-4&village=x&lang=fr&cycle=0')).toMatchObject({
      mode: 'live',
      rotateSeconds: null,
      village: null,
      lang: 'zh',
      cycleSeconds: DEFAULT_CYCLE_SECONDS,
    });
    expect(parseDisplayOptions('?rotate=1&village=2.5').rotateSeconds).toBe(5);
    expect(parseDisplayOptions('?village=2.5').village).toBeNull();
  });
});
