import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditQuery } from '../api';
import { auditQuery } from '../queries';
import { fill, useDataMessages, useErrorText } from './data-i18n';

const PAGE = 100;

/** A short text of a before/after value: the fields that changed, not a wall of JSON. */
function brief(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** The audit log, searched by who, what, which premise and when; newest first. */
export function AuditLog() {
  const t = useDataMessages();
  const errorText = useErrorText();
  const [filters, setFilters] = useState({ actor: '', action: '', premise: '', from: '', to: '' });
  const [query, setQuery] = useState<AuditQuery>({});
  // The last page stays up while a new search loads.
  const { data: page, error: searchError } = useQuery({
    ...auditQuery(query),
    placeholderData: keepPreviousData,
  });
  const error = searchError ? errorText(searchError) : null;
  const set = (key: keyof typeof filters) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setFilters((f) => ({ ...f, [key]: e.target.value }));
  const search = (e: React.FormEvent) => {
    e.preventDefault();
    const q: AuditQuery = { limit: String(PAGE) };
    for (const [k, v] of Object.entries(filters)) if (v.trim()) (q as Record<string, string>)[k] = v.trim();
    setQuery(q);
  };
  return (
    <div data-testid="audit-log">
      <h3>{t.auditTitle}</h3>
      <form className="data-form" onSubmit={search}>
        <span>{t.auditActor}</span>
        <input value={filters.actor} onChange={set('actor')} data-testid="audit-actor" />
        <span>{t.auditAction}</span>
        <input
          value={filters.action}
          onChange={set('action')}
          placeholder="create, update, unmask, export…"
        />
        <span>{t.auditPremise}</span>
        <input value={filters.premise} onChange={set('premise')} inputMode="numeric" />
        <span>{t.auditFrom}</span>
        <input type="date" value={filters.from} onChange={set('from')} />
        <span>{t.auditTo}</span>
        <input type="date" value={filters.to} onChange={set('to')} />
        <span />
        <button type="submit" className="data-button" data-testid="audit-search">
          {t.auditSearch}
        </button>
      </form>
      {error && (
        <p className="data-error" role="alert">
          {error}
        </p>
      )}
      {page && (
        <>
          <p className="data-note">{fill(t.auditTotal, { n: page.total })}</p>
          <table className="audit-table">
            <thead>
              <tr>
                <th>{t.auditAt}</th>
                <th>{t.auditActor}</th>
                <th>{t.auditAction}</th>
                <th>{t.auditEntity}</th>
                <th>{t.auditAfter}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((i) => (
                <tr key={i.id} data-testid="audit-row">
                  <td>{i.at.slice(0, 19).replace('T', ' ')}</td>
                  <td>{i.actor ?? '—'}</td>
                  <td>{i.action}</td>
                  <td>
                    {i.entity}
                    {i.entityId !== null && ` ${i.entityId}`}
                  </td>
                  <td className="audit-change" title={brief(i.before)}>
                    {brief(i.after)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
