import { formatDay, todayInChina } from '@domain/dates';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { errorText } from '../api';
import { categoryName, fill } from '../i18n/translate';
import { useLang } from '../i18n/use-messages';
import { daysUntil } from '../lib/open-order';
import { myTasksQuery } from '../queries';
import { useFieldText } from './field-i18n';
import { fieldPremiseQuery } from './field-queries';
import { useFieldRoute } from './field-route';

/** Files read ahead for the round (so they open offline), the most urgent tasks first. */
const READ_AHEAD = 20;

/** The signed-in person's tasks (given to them, their department or their villages), open first by due date. */
export function MyTasks() {
  const t = useFieldText();
  const lang = useLang();
  const qc = useQueryClient();
  const go = useFieldRoute((s) => s.go);
  const tasks = useQuery(myTasksQuery);
  const today = formatDay(todayInChina());
  const ahead = useMemo(
    () =>
      (tasks.data?.items ?? [])
        .filter((task) => task.status === 'open')
        .slice(0, READ_AHEAD)
        .map((task) => task.premise.id),
    [tasks.data],
  );
  useEffect(() => {
    for (const id of ahead) void qc.prefetchQuery(fieldPremiseQuery(id));
  }, [ahead, qc]);

  if (tasks.isError && !tasks.data)
    return <p className="field-note field-error">{errorText(tasks.error, lang)}</p>;
  if (!tasks.data) return <p className="field-note">…</p>;
  if (tasks.data.items.length === 0) return <p className="field-note">{t.noTasks}</p>;
  return (
    <ul className="field-list" data-testid="field-tasks">
      {tasks.data.items.map((task) => {
        const left = daysUntil(task.due, today);
        const done = task.status !== 'open';
        return (
          <li key={task.id}>
            <button
              type="button"
              className={done ? 'field-row done' : 'field-row'}
              data-testid={`field-task-${task.id}`}
              data-status={task.status}
              onClick={() => go({ premise: task.premise.id })}
            >
              <span className="field-row-title">{task.premise.name}</span>
              <span className="field-row-sub">
                {categoryName(task.premise.category, lang)} · {task.premise.village.name}
              </span>
              <span className="field-row-sub">{task.premise.address}</span>
              <span className={!done && left < 0 ? 'field-row-due overdue' : 'field-row-due'}>
                {done
                  ? t.taskDone
                  : `${t.due} ${task.due} · ${
                      left < 0 ? fill(t.overdueDays, { n: -left }) : fill(t.daysLeft, { n: left })
                    }`}
              </span>
              {task.note && <span className="field-row-sub muted">{task.note}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
