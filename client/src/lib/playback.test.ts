import { day } from '@domain/dates';
import { describe, expect, it } from 'vitest';
import { playbackDay, stepDay } from './playback';

const start = day('2008-01-01');

describe('playback', () => {
  it('advances a week per second', () => {
    expect(playbackDay(10, 1000, 'week', 1095)).toEqual({ day: 17, done: false });
    expect(playbackDay(10, 500, 'week', 1095)).toEqual({ day: 13, done: false });
  });
  it('advances about a month per second and stops at the end', () => {
    expect(playbackDay(0, 2000, 'month', 1095).day).toBe(60);
    expect(playbackDay(1090, 2000, 'month', 1095)).toEqual({ day: 1095, done: true });
  });
  it('steps by day, week and calendar month inside the campaign', () => {
    expect(stepDay(10, 'day', 1, start, 1095)).toBe(11);
    expect(stepDay(10, 'week', -1, start, 1095)).toBe(3);
    expect(stepDay(3, 'week', -1, start, 1095)).toBe(0);
    expect(stepDay(30, 'month', 1, start, 1095)).toBe(59); // 2008-01-31 → 2008-02-29
    expect(stepDay(1095, 'day', 1, start, 1095)).toBe(1095);
  });
});
