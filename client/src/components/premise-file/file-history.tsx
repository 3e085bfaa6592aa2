import type { PremiseFile } from '../../api';
import { useCampaignData } from '../../campaign-data';
import { useOfficeText } from '../../office/office-i18n';

const show = (v: unknown) => {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'number' ? x.toFixed(6) : String(x))).join(', ');
  return String(v);
};

/** When a change was made, on China's clock (the audit log keeps UTC). */
const chinaTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).replace(/\//g, '-');

/** Every change to the file's particulars: when, who, and each field before → after (newest first). */
export function FileHistory({ file }: { file: PremiseFile }) {
  const t = useOfficeText();
  const { villages } = useCampaignData();
  const villageName = new Map(villages.features.map((v) => [v.properties.id, v.properties.name]));
  const value = (field: string, v: unknown) => {
    if (field === 'villageId' && typeof v === 'number') return villageName.get(v) ?? String(v);
    const method = `method_${v}`;
    if (field === 'geocodeMethod' && method in t) return t[method as keyof typeof t];
    return show(v);
  };
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
              {chinaTime(e.at)} · {e.action === 'create' ? t.created : t.updated} · {t.by}{' '}
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
