import { describe, expect, it } from 'vitest';
import { countStates, serverStatus, taskState } from './task-state';

describe('taskState', () => {
  it('is overdue when open past its due date, else its status', () => {
    expect(taskState({ status: 'open', due: '2010-12-01' }, '2010-12-02')).toBe('overdue');
    expect(taskState({ status: 'open', due: '2010-12-02' }, '2010-12-02')).toBe('open');
    expect(taskState({ status: 'done', due: '2010-12-01' }, '2010-12-02')).toBe('done');
    expect(taskState({ status: 'cancelled', due: '2010-12-01' }, '2010-12-02')).toBe('cancelled');
  });

  it('asks the server for open tasks when showing the overdue ones', () => {
    expect(serverStatus('overdue')).toBe('open');
    expect(serverStatus('done')).toBe('done');
  });

  it('counts each state once', () => {
    const tasks = [
      { status: 'open' as const, due: '2010-12-01' },
      { status: 'open' as const, due: '2011-01-01' },
      { status: 'done' as const, due: '2010-01-01' },
    ];
    expect(countStates(tasks, '2010-12-02')).toEqual({ open: 1, overdue: 1, done: 1, cancelled: 0 });
  });
});
