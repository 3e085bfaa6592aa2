import { describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';
import { worklistQueryPlans } from './worklists';

describe('work-list queries', () => {
  it('each run on the partial index written for it, not on a scan of every event', () => {
    const db = openDatabase(':memory:');
    for (const { query, index, plan } of worklistQueryPlans(db)) {
      expect(plan.join(' | '), query).toContain(index);
      expect(plan.join(' | '), query).not.toMatch(/SCAN events(?! USING)/);
    }
  });
});
