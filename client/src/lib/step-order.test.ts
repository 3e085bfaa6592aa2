import { describe, expect, it } from 'vitest';
import { stepIssuesOrder } from './step-order';

const clean = { failedItems: 0, problems: 0, passed: true };

describe('stepIssuesOrder', () => {
  it('an inspection orders rectification when an item fails or a problem is noted, not otherwise', () => {
    expect(stepIssuesOrder('inspection', clean)).toBe(false);
    expect(stepIssuesOrder('inspection', { ...clean, failedItems: 1 })).toBe(true);
    expect(stepIssuesOrder('inspection', { ...clean, problems: 2 })).toBe(true);
  });

  it('a re-inspection orders again only when it fails; an outcome never orders', () => {
    expect(stepIssuesOrder('reinspection', clean)).toBe(false);
    expect(stepIssuesOrder('reinspection', { ...clean, passed: false })).toBe(true);
    expect(stepIssuesOrder('outcome', { failedItems: 3, problems: 1, passed: false })).toBe(false);
  });
});
