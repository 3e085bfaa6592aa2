import type { PremiseFile } from '../../api';
import { useCampaignData } from '../../campaign-data';
import { useOfficeText } from '../../office/office-i18n';

const show = (v: unknown) =>
  v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join(', ') : String(v);

/** Every change to the file's particulars: when, who, and each field before → after (newest first). */
export function FileHistory({ file }: { file: PremiseFile }) {
  const t = useOfficeText();
  const { villages } = useCampaignData();
  const villageName = new Map(villages.features.map((v) => [v.properties.id, v.properties.name]));
  const value = (field: string, v: unknown) =>
    show(field === 'villageId' && typeof v === 'number' ? (villageName.get(v) ?? v) : v);
  const label = (field: string) => (field in t ? t[field as keyof typeof t] : field);
  const edits = [...file.edits].reverse();
  return (
    <section data-testid="premise-history">
      <h3>{t.history}</h3>
      {edits.length === 0 && <p className="muted">{t.historyEmpty}</p>}
      <ol className="file-history">
        {edits.map((e) => (
          <li key={`${e.at}-${e.action}`} data-testid="history-entry">
            <div className="muted">
              {e.at.slice(0, 16).replace('T', ' ')} · {e.action === 'create' ? t.created : t.updated} · {t.by}{' '}
              <strong>{e.actor}</strong>
            </div>
            {e.action !== 'create' && (
              <ul>
                {e.changes.map((c) => (
                  <li key={c.field}>
                    {label(c.field)}：{value(c.field, c.before)} → {value(c.field, c.after)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
