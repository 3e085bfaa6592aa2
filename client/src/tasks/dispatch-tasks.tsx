import type { Polygonal } from '@domain/areas/point-in-polygon';
import { DEPARTMENTS, type DepartmentCode } from '@domain/auth/roles';
import { formatDay, todayInChina } from '@domain/dates';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createTasks, type NewTasks, type TaskAssignee } from '../api';
import { useCampaignData } from '../campaign-data';
import { useLang } from '../i18n/use-messages';
import { fill, useOfficeError, useOfficeText } from '../office/office-i18n';
import { useCan } from '../session';
import { tasksWritten } from '../writes';

type Kind = TaskAssignee['kind'];

/**
 * "派发检查任务" from a key area (saved: by its id; drawn or being edited: by its shape): one task
 * for each premise inside on the slider date, given to a department, a village or a person.
 */
export function DispatchTasks({
  areaId,
  geometry,
  at,
}: {
  areaId: number | null;
  geometry: Polygonal;
  at: string;
}) {
  const t = useOfficeText();
  const lang = useLang();
  const errorText = useOfficeError();
  const qc = useQueryClient();
  const { villages } = useCampaignData();
  const may = useCan('task.dispatch');
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>('department');
  const [department, setDepartment] = useState<DepartmentCode>(DEPARTMENTS[0].code);
  const [village, setVillage] = useState(String(villages.features[0]?.properties.id ?? ''));
  const [username, setUsername] = useState('');
  const [due, setDue] = useState(formatDay(todayInChina() + 14));
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!may) return null;
  if (!open)
    return (
      <button type="button" data-testid="dispatch-open" onClick={() => setOpen(true)}>
        {t.dispatch}
      </button>
    );
  const assignee = (): TaskAssignee =>
    kind === 'department'
      ? { kind, code: department }
      : kind === 'village'
        ? { kind, id: Number(village) }
        : { kind, username: username.trim() };
  const submit = async () => {
    setError(null);
    setDone(null);
    const where = areaId === null ? { geometry } : { area: areaId };
    const body = { ...where, at, assignee: assignee(), due, note } as NewTasks;
    try {
      const answer = await createTasks(body);
      await tasksWritten(qc);
      setDone(fill(t.dispatched, { n: answer.count }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <form
      className="office-form dispatch"
      data-testid="dispatch-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t.dispatchTitle}</h3>
      <label>
        <span>{t.assignTo}</span>
        <select data-testid="dispatch-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="department">{t.assignDepartment}</option>
          <option value="village">{t.assignVillage}</option>
          <option value="user">{t.assignUser}</option>
        </select>
      </label>
      {kind === 'department' && (
        <select
          data-testid="dispatch-department"
          value={department}
          onChange={(e) => setDepartment(e.target.value as DepartmentCode)}
        >
          {DEPARTMENTS.map((d) => (
            <option key={d.code} value={d.code}>
              {lang === 'en' ? d.nameEn : d.name}
            </option>
          ))}
        </select>
      )}
      {kind === 'village' && (
        <select data-testid="dispatch-village" value={village} onChange={(e) => setVillage(e.target.value)}>
          {villages.features.map((v) => (
            <option key={v.properties.id} value={String(v.properties.id)}>
              {v.properties.name}
            </option>
          ))}
        </select>
      )}
      {kind === 'user' && (
        <input data-testid="dispatch-user" value={username} onChange={(e) => setUsername(e.target.value)} />
      )}
      <label>
        <span>{t.due}</span>
        <input type="date" data-testid="dispatch-due" value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <label>
        <span>{t.note}</span>
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="notice" data-testid="dispatch-done">
          {done}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="dispatch-submit">
          {t.dispatch}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
