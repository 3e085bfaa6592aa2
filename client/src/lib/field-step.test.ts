import type { Standard } from '@domain/inspection/standard';
import { describe, expect, it } from 'vitest';
import { checkStep, defaultDeadline, type StepForm } from './field-step';

const standard: Standard = {
  category: 'restaurant',
  version: 3,
  items: [
    { code: 'hygiene.clean', text: '整洁', textEn: 'Clean', problem: 'unsanitary' },
    { code: 'goods.genuine', text: '无假冒', textEn: 'Genuine', problem: 'counterfeit' },
  ],
  note: '',
  createdBy: null,
  createdAt: '2026-01-01T00:00:00Z',
};

const form = (change: Partial<StepForm> = {}): StepForm => ({
  kind: 'inspection',
  date: '2026-12-01',
  answers: { 'hygiene.clean': true, 'goods.genuine': true },
  extraProblems: [],
  note: '',
  deadline: '2026-12-16',
  responsible: '王老板',
  ...change,
});

describe('checkStep', () => {
  it('keeps a clean inspection without an order, against the standard version used', () => {
    const step = checkStep(form({ note: '  ' }), standard);
    expect(step).toEqual({
      ok: true,
      problems: [],
      work: {
        kind: 'inspection',
        body: {
          date: '2026-12-01',
          standardVersion: 3,
          items: [
            { code: 'hygiene.clean', passed: true },
            { code: 'goods.genuine', passed: true },
          ],
          problems: [],
        },
      },
    });
  });

  it('issues an order when an item fails or a problem is added, with the note', () => {
    const failed = checkStep(
      form({ answers: { 'hygiene.clean': false, 'goods.genuine': true }, note: ' 后厨油污 ' }),
      standard,
    );
    expect(failed.problems).toEqual(['unsanitary']);
    expect(failed.ok && failed.work.body).toMatchObject({
      note: '后厨油污',
      order: { deadline: '2026-12-16', responsible: '王老板' },
    });
    const added = checkStep(form({ extraProblems: ['unlicensed'] }), standard);
    expect(added.ok && added.work.body.order).toBeTruthy();
  });

  it('names what is missing: unchecked items, a deadline before the date, nobody responsible', () => {
    expect(checkStep(form({ answers: { 'hygiene.clean': true } }), standard)).toMatchObject({
      ok: false,
      gaps: ['unchecked'],
    });
    const bad = form({
      answers: { 'hygiene.clean': false, 'goods.genuine': true },
      deadline: '2026-11-30',
      responsible: ' ',
    });
    expect(checkStep(bad, standard)).toMatchObject({ ok: false, gaps: ['deadline', 'responsible'] });
    expect(checkStep({ ...bad, deadline: '', responsible: 'x' }, standard)).toMatchObject({
      gaps: ['deadline'],
    });
    // nothing wrong found: deadline and responsible are not asked for
    expect(checkStep(form({ deadline: '', responsible: '' }), standard).ok).toBe(true);
  });

  it('passes a re-inspection that finds nothing, fails one that finds a problem', () => {
    const passed = checkStep(form({ kind: 'reinspection' }), standard);
    expect(passed.ok && passed.work).toMatchObject({ kind: 'reinspection', body: { passed: true } });
    const failed = checkStep(
      form({ kind: 'reinspection', answers: { 'hygiene.clean': true, 'goods.genuine': false } }),
      standard,
    );
    expect(failed.ok && failed.work).toMatchObject({
      kind: 'reinspection',
      body: { passed: false, order: { deadline: '2026-12-16' } },
    });
  });
});

describe('defaultDeadline', () => {
  it('gives 15 days, across a month end', () => {
    expect(defaultDeadline('2026-12-20')).toBe('2027-01-04');
  });
});
