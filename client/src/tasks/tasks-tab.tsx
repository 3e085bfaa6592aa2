import { formatDay, todayInChina } from '@domain/dates';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type MyTask, updateTask } from '../api';
import { categoryName } from '../i18n/translate';
import { useLang } from '../i18n/use-messages';
import { countStates, TASK_STATES, type TaskState, taskState } from '../lib/task-state';
import { fill, useOfficeError, useOfficeText } from '../office/office-i18n';
import { myTasksQuery, taskListQuery } from '../queries';
import { useCan } from '../session';
import { useStore } from '../store';
import { tasksWritten } from '../writes';

/**
 * 我的任务: the tasks given to the signed-in account, its department or its villages, by state
 * (open, overdue, done, cancelled). A dispatcher may also see every task and cancel one.
 */
export default function TasksTab() {
  const t = useOfficeText();
  const lang = useLang();
  const errorText = useOfficeError();
  const qc = useQueryClient();
  const setPremise = useStore((s) => s.setPremise);
  const dispatcher = useCan('task.dispatch');
  const [whose, setWhose] = useState<'mine' | 'all'>('mine');
  const [state, setState] = useState<TaskState>('open');
  const [error, setError] = useState<string | null>(null);
  const mine = useQuery({ ...myTasksQuery, enabled: whose === 'mine' });
  const all = useQuery({ ...taskListQuery({ limit: '500', offset: '0' }), enabled: whose === 'all' });
  const data = whose === 'mine' ? mine : all;
  const today = formatDay(todayInChina());
  const tasks: MyTask[] = data.data?.items ?? [];
  const counts = countStates(tasks, today);
  const shown = tasks.filter((task) => taskState(task, today) === state);
  const close = async (id: number, status: 'done' | 'cancelled') => {
    setError(null);
    try {
      await updateTask(id, status);
      await tasksWritten(qc);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="tasks" data-testid="tasks">
      {dispatcher && (
        <div className="segmented">
          {(['mine', 'all'] as const).map((w) => (
            <button
              key={w}
              type="button"
              className={whose === w ? 'active' : undefined}
              aria-pressed={whose === w}
              data-testid={`tasks-${w}`}
              onClick={() => setWhose(w)}
            >
              {w === 'mine' ? t.myTasks : t.allTasks}
            </button>
          ))}
        </div>
      )}
      <div className="pills">
        {TASK_STATES.map((s) => (
          <button
            key={s}
            type="button"
            className={state === s ? 'pill active' : 'pill'}
            data-testid={`task-state-${s}`}
            data-count={counts[s]}
            onClick={() => setState(s)}
          >
            {t[`state_${s}`]} {counts[s]}
          </button>
        ))}
      </div>
      {data.isPending && <p className="muted">{t.loading}</p>}
      {data.isError && <p className="error">{errorText(data.error)}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {data.data && shown.length === 0 && <p className="muted">{t.noTasks}</p>}
      <ol className="work-items" data-testid="task-items">
        {shown.map((task) => (
          <li
            key={task.id}
            data-testid="task-item"
            data-premise={task.premise.id}
            data-state={taskState(task, today)}
          >
            <button type="button" className="work-item" onClick={() => setPremise(task.premise.id)}>
              <strong>{task.premise.name}</strong>
              <span className="muted">
                {' '}
                {task.premise.archiveNo} · {task.premise.village.name} ·{' '}
                {categoryName(task.premise.category, lang)}
              </span>
              <div className={taskState(task, today) === 'overdue' ? 'work-detail' : 'work-detail calm'}>
                {t.due} {task.due}
                {task.assignee &&
                  ` · ${t.assignTo} ${'name' in task.assignee ? task.assignee.name : task.assignee.username}`}
                {task.note && ` · ${task.note}`}
                {task.closedBy && ` · ${task.closedBy}`}
              </div>
            </button>
            {task.status === 'open' && (
              <div className="form-actions">
                <button type="button" data-testid="task-done" onClick={() => close(task.id, 'done')}>
                  {t.markDone}
                </button>
                {dispatcher && (
                  <button type="button" onClick={() => close(task.id, 'cancelled')}>
                    {t.cancelTask}
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
      {data.data && data.data.total > tasks.length && (
        <p className="muted">{fill(t.count, { n: data.data.total })}</p>
      )}
    </div>
  );
}
