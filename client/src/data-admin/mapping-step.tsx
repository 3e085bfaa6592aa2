import { useMemo, useState } from 'react';
import type { StagedPremises } from '../api';
import {
  assignColumn,
  type FieldMapping,
  fieldOfColumn,
  mappingChanges,
  missingFields,
} from '../lib/import-mapping';
import { fill, useDataMessages } from './data-i18n';

const PREVIEW_ROWS = 5;

/** The mapping table: each column of the file with samples and the field it feeds, to correct. */
export function MappingStep({
  staged,
  busy,
  onCheck,
  onRestart,
}: {
  staged: StagedPremises;
  busy: boolean;
  onCheck(changes: Record<string, number | null>): void;
  onRestart(): void;
}) {
  const t = useDataMessages();
  const [mapping, setMapping] = useState<FieldMapping>(() => ({ ...staged.mapping }));
  const byColumn = useMemo(() => fieldOfColumn(mapping), [mapping]);
  const fields = staged.fields;
  const missing = missingFields(mapping, fields, {
    defaultCategory: Boolean((staged.options as { defaultCategory?: string }).defaultCategory),
  });
  return (
    <>
      <p className="data-note" data-testid="import-file-info">
        {t.fileInfo}：{staged.fileName} · {staged.rowCount} {t.rows}
        {staged.sheet ? ` · ${staged.sheet}` : ''}
        {staged.headerRow && staged.headerRow > 1
          ? ` · ${fill(t.headerRowNote, { n: staged.headerRow })}`
          : ''}
      </p>
      {staged.notes.length > 0 && (
        <ul className="data-note">
          {staged.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <table className="mapping-table">
        <thead>
          <tr>
            <th>{t.column}</th>
            <th>{t.samples}</th>
            <th>{t.field}</th>
          </tr>
        </thead>
        <tbody>
          {staged.columns.map((c) => {
            const field = byColumn.get(c.index) ?? '';
            return (
              <tr key={c.index} className={field ? '' : 'unmapped'}>
                <td>{c.header || `#${c.index + 1}`}</td>
                <td className="samples" title={c.samples.join(' / ')}>
                  {c.samples.filter(Boolean).join(' / ')}
                </td>
                <td>
                  <select
                    data-testid={`mapping-${c.index}`}
                    aria-label={`${t.field}: ${c.header}`}
                    value={field}
                    onChange={(e) =>
                      setMapping(assignColumn(mapping, c.index, e.currentTarget.value || null))
                    }
                  >
                    <option value="">{t.notImported}</option>
                    {fields.map((f) => (
                      <option key={f.key} value={f.key}>
                        {f.label}
                        {f.required ? ` *` : ''}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {missing.length > 0 && (
        <p className="data-warn" data-testid="mapping-missing">
          {t.missingFields}
          {missing.map((f) => f.label).join('、')}
        </p>
      )}
      <h3>{t.previewRows}</h3>
      <table className="preview-table">
        <thead>
          <tr>
            <th>{t.errRow}</th>
            {staged.columns.map((c) => (
              <th key={c.index}>{c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {staged.preview.slice(0, PREVIEW_ROWS).map((r) => (
            <tr key={r.rowNo}>
              <td>{r.rowNo}</td>
              {staged.columns.map((c) => (
                <td key={c.index}>{r.cells[c.index] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="data-actions">
        <button
          type="button"
          className="data-button"
          data-testid="import-validate"
          disabled={busy || missing.length > 0}
          onClick={() => onCheck(mappingChanges(staged.mapping, mapping))}
        >
          {t.dryRun}
        </button>
        <button type="button" className="data-button secondary" onClick={onRestart} disabled={busy}>
          {t.importAnother}
        </button>
      </div>
    </>
  );
}
