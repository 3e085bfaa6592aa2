/** How a task stands for the office's list: open, overdue (open past its due date), done or cancelled. */
export type TaskState = 'open' | 'overdue' | 'done' | 'cancelled';

export const TASK_STATES: readonly TaskState[] = ['open', 'overdue', 'done', 'cancelled'];

/** A task is overdue on `today` when it is still open and its due date has passed (dates YYYY-MM-DD). */
export function taskState(
  task: { status: 'open' | 'done' | 'cancelled'; due: string },
  today: string,
): TaskState {
  if (task.status === 'open' && task.due < today) return 'overdue';
  return task.status;
}

/** The server's status filter for a state (overdue is open, then filtered here). */
export function serverStatus(state: TaskState): 'open' | 'done' | 'cancelled' {
  return state === 'overdue' ? 'open' : state;
}

/** Counts per state, for the tabs of the list. */
export function countStates(
  tasks: readonly { status: 'open' | 'done' | 'cancelled'; due: string }[],
  today: string,
): Record<TaskState, number> {
  const out: Record<TaskState, number> = { open: 0, overdue: 0, done: 0, cancelled: 0 };
  for (const t of tasks) out[taskState(t, today)]++;
  return out;
}
