import { CATEGORIES } from '@domain/categories';
import { STATUSES } from '@domain/statuses';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { errorText, type PremiseFile, unmaskPremise } from '../api';
import { useCampaignData } from '../campaign-data';
import { categoryName, statusName } from '../i18n/translate';
import { useLang, useMessages } from '../i18n/use-messages';
import type { CampaignDay } from '../lib/campaign-days';
import { intervalAt, premiseIndexOf } from '../lib/premise-lookup';
import { useOfficeText } from '../office/office-i18n';
import { premiseQuery } from '../queries';
import { useCan } from '../session';
import { useStore } from '../store';
import { EventTimeline } from './event-timeline';
import { FileEditor } from './premise-file/file-editor';
import { FileHistory } from './premise-file/file-history';
import { LicenceSection } from './premise-file/licence-section';
import { PhotoSection } from './premise-file/photo-section';
import { PinMover } from './premise-file/pin-mover';
import { StepForm } from './premise-file/step-form';

const css = (c: readonly number[]) => `rgb(${c[0]} ${c[1]} ${c[2]})`;

/** The open premise's file (一户一档): particulars, licences and its supervision records. */
export function PremiseDrawer({ day }: { day: CampaignDay }) {
  const id = useStore((s) => s.premise);
  const setPremise = useStore((s) => s.setPremise);
  const t = useMessages();
  const file = useQuery({ ...premiseQuery(id ?? 0), enabled: id !== null });
  useEffect(() => {
    if (id === null) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setPremise(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id, setPremise]);
  if (id === null) return null;
  return (
    <aside
      className="premise-drawer"
      data-testid="premise-drawer"
      data-premise={id}
      aria-label={t.premiseFile}
    >
      <div className="drawer-head">
        <h2>{file.data?.name ?? t.premiseFile}</h2>
        <button
          type="button"
          className="drawer-close"
          aria-label={t.close}
          title={t.close}
          onClick={() => setPremise(null)}
        >
          ×
        </button>
      </div>
      {file.isPending && <p className="muted">{t.loading}</p>}
      {file.isError && !file.data && (
        <p className="error">
          {t.loadFailed}: {file.error.message}{' '}
          <button type="button" className="link-button" onClick={() => void file.refetch()}>
            {t.retry}
          </button>
        </p>
      )}
      {file.data && <PremiseParticulars key={file.data.id} file={file.data} day={day} />}
    </aside>
  );
}

function PremiseParticulars({ file, day }: { file: PremiseFile; day: CampaignDay }) {
  const t = useMessages();
  const o = useOfficeText();
  const mayUnmask = useCan('premise.unmask');
  const mayWrite = useCan('premise.write');
  const [mode, setMode] = useState<'view' | 'edit' | 'step'>('view');
  const [full, setFull] = useState<{
    id: number;
    operator: string | null;
    phone: string | null;
    idNumber: string | null;
  } | null>(null);
  const [unmaskError, setUnmaskError] = useState<{ id: number; text: string } | null>(null);
  const shown = full?.id === file.id ? full : file;
  const lang = useLang();
  const { premises } = useCampaignData();
  const p = premiseIndexOf(premises, file.id);
  const k = p < 0 ? -1 : intervalAt(premises, p, day);
  const status = k < 0 ? null : STATUSES[premises.status[k]];
  const category = CATEGORIES.find((c) => c.code === file.category);
  const rows: [string, string | null][] = [
    [t.archiveNo, file.archiveNo],
    [t.operator, shown.operator],
    [t.phone, shown.phone],
    [t.idNumber, shown.idNumber],
    [t.address, file.address],
    [t.village, file.village?.name ?? '—'],
    [t.keyObject, file.keyObject ? t.yes : t.no],
  ];
  if (mode === 'edit')
    return (
      <div className="drawer-body">
        <FileEditor file={file} onDone={() => setMode('view')} />
      </div>
    );
  if (mode === 'step')
    return (
      <div className="drawer-body">
        <StepForm file={file} onDone={() => setMode('view')} />
      </div>
    );
  return (
    <div className="drawer-body">
      {mayWrite && (
        <div className="file-actions">
          <button type="button" data-testid="premise-edit" onClick={() => setMode('edit')}>
            {o.edit}
          </button>
          <PinMover file={file} />
          <button
            type="button"
            className="primary"
            data-testid="premise-record-step"
            onClick={() => setMode('step')}
          >
            {o.record}
          </button>
        </div>
      )}
      <div className="drawer-tags">
        {category && (
          <span className="tag" style={{ borderColor: css(category.color) }}>
            <span className="chip-dot small" style={{ background: css(category.color) }}>
              {category.glyph}
            </span>
            {categoryName(file.category, lang)}
          </span>
        )}
        {status && (
          <span
            className="tag"
            data-testid="premise-status"
            data-value={status.key}
            style={{ background: css(status.color), color: '#fff' }}
          >
            {t.statusOnDate}: {statusName(status.key, lang)}
          </span>
        )}
        {k >= 0 && premises.unlicensed[k] === 1 && <span className="tag tag-warn">{t.unlicensed}</span>}
      </div>
      <dl className="particulars">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
      {mayUnmask && full?.id !== file.id && (file.idNumber || file.phone) && (
        <button
          type="button"
          className="link-button"
          data-testid="premise-unmask"
          title={t.unmaskHint}
          onClick={() => {
            setUnmaskError(null);
            const id = file.id;
            unmaskPremise(id).then(setFull, (e: unknown) => setUnmaskError({ id, text: errorText(e, lang) }));
          }}
        >
          {t.unmask}
        </button>
      )}
      {unmaskError?.id === file.id && (
        <p className="error" role="alert">
          {unmaskError.text}
        </p>
      )}
      {file.notes && (
        <p>
          <strong>{t.notes}:</strong> {file.notes}
        </p>
      )}
      <LicenceSection file={file} editable={mayWrite} />
      <PhotoSection file={file} editable={mayWrite} />
      <h3>{t.events}</h3>
      <EventTimeline events={file.events} />
      <FileHistory file={file} />
    </div>
  );
}
