import type { PremiseRecord } from '../api';
import { eventName, fill } from '../i18n/translate';
import { useLang } from '../i18n/use-messages';
import type { Outbox } from '../outbox/outbox';
import type { OutboxItem } from '../outbox/outbox-item';
import { useFieldText } from './field-i18n';
import { useOutboxView } from './field-outbox';
import { useFieldRoute } from './field-route';

/** Every record on the phone not yet on the server (and those sent lately), with what became of each and the choices it waits for. */
export function OutboxList({ box }: { box: Outbox }) {
  const t = useFieldText();
  const { items } = useOutboxView(box);
  const shown = [...items].reverse();
  if (shown.length === 0) return <p className="field-note">{t.outboxEmpty}</p>;
  return (
    <ul className="field-list" data-testid="field-outbox">
      {shown.map((item) => (
        <OutboxRow key={item.clientId} item={item} box={box} />
      ))}
    </ul>
  );
}

const shortTime = (iso: string, lang: string) =>
  new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

function Records({ records }: { records: readonly PremiseRecord[] }) {
  const lang = useLang();
  return (
    <ul className="field-records">
      {records.map((r) => (
        <li key={r.id}>
          {r.date} <b>{eventName(r.type, lang)}</b> · {r.actor ?? ''}
        </li>
      ))}
    </ul>
  );
}

function OutboxRow({ item, box }: { item: OutboxItem; box: Outbox }) {
  const t = useFieldText();
  const lang = useLang();
  const go = useFieldRoute((s) => s.go);
  const { work } = item;
  const discard = () => {
    if (item.state === 'synced' || window.confirm(t.discardConfirm)) void box.discard(item.clientId);
  };
  const newer = item.result?.newer ?? [];
  return (
    <li
      className={`field-card field-outbox-item state-${item.state}`}
      data-testid={`outbox-item-${item.clientId}`}
      data-state={item.state}
    >
      <button type="button" className="field-link" onClick={() => go({ premise: work.premiseId })}>
        {item.premiseName}
      </button>
      <p className="field-row-sub">
        {t[`kind_${work.kind}`]} · {shortTime(item.createdAt, lang)}
        {work.photos.length > 0 && ` · ${fill(t.photoCount, { n: work.photos.length })}`}
      </p>
      <p>
        <span className={`field-state state-${item.state}`}>{t[`state_${item.state}`]}</span>
        {item.state === 'pending' && item.attempts > 0 && (
          <span className="muted"> · {fill(t.attempts, { n: item.attempts })}</span>
        )}
      </p>
      {item.state === 'conflict' && item.conflict && (
        <>
          <p>{t.conflictIntro}</p>
          <Records records={item.conflict} />
        </>
      )}
      {item.state === 'failed' && item.refusal && (
        <p className="field-error" data-testid="outbox-refusal">
          {(lang === 'zh' && item.refusal.messageZh) || item.refusal.message}
        </p>
      )}
      {item.state === 'synced' && newer.length > 0 && (
        <>
          <p>{t.syncedNewer}</p>
          <Records records={newer} />
        </>
      )}
      {(item.state === 'conflict' || item.state === 'failed') && (
        <div className="field-actions">
          <button type="button" data-testid="outbox-keep" onClick={() => void box.keep(item.clientId)}>
            {item.state === 'conflict' ? t.conflictKeep : t.refusedKeep}
          </button>
          <button type="button" className="secondary" data-testid="outbox-discard" onClick={discard}>
            {t.discard}
          </button>
        </div>
      )}
      {item.state === 'synced' && newer.length > 0 && (
        <button type="button" className="secondary" onClick={discard}>
          {t.understood}
        </button>
      )}
    </li>
  );
}
