import { formatDay, todayInChina } from '@domain/dates';
import { STATUSES } from '@domain/statuses';
import { useQuery } from '@tanstack/react-query';
import { errorText, photoThumbPath } from '../api';
import { categoryName, eventName, fill, problemName, statusName } from '../i18n/translate';
import { useLang } from '../i18n/use-messages';
import { daysUntil, openOrder } from '../lib/open-order';
import { intervalAt, premiseIndexOf } from '../lib/premise-lookup';
import type { Outbox } from '../outbox/outbox';
import { premisesLayerQuery } from '../queries';
import { useFieldText } from './field-i18n';
import { useOutboxView } from './field-outbox';
import { fieldPremiseQuery } from './field-queries';
import { useFieldRoute } from './field-route';
import { QuickEdit } from './quick-edit';

const RECENT = 5;
const PHOTOS = 6;

/** The premise's file as the phone shows it: who and where, its open order, what was recorded lately, and what to do. */
export function PremiseCard({ premiseId, box }: { premiseId: number; box: Outbox }) {
  const t = useFieldText();
  const lang = useLang();
  const go = useFieldRoute((s) => s.go);
  const file = useQuery(fieldPremiseQuery(premiseId));
  const layer = useQuery(premisesLayerQuery);
  const waiting = useOutboxView(box).items.filter(
    (i) => i.work.premiseId === premiseId && i.state !== 'synced',
  ).length;
  const today = formatDay(todayInChina());
  const back = (
    <button type="button" className="field-back" onClick={() => go({ premise: null })}>
      ‹ {t.back}
    </button>
  );
  if (!file.data) {
    return (
      <section>
        {back}
        {file.isError && (
          <p className="field-note field-error">
            {file.error instanceof TypeError ? t.notCached : errorText(file.error, lang)}
          </p>
        )}
      </section>
    );
  }
  const f = file.data;
  const row = layer.data ? premiseIndexOf(layer.data, f.id) : -1;
  const k = layer.data && row >= 0 ? intervalAt(layer.data, row, todayInChina() - layer.data.startDay) : -1;
  const status = layer.data && k >= 0 ? STATUSES[layer.data.status[k]]?.key : undefined;
  const order = openOrder(f.events);
  const left = order?.deadline ? daysUntil(order.deadline, today) : null;
  const recent = f.events.slice(-RECENT).reverse();
  return (
    <section className="field-premise" data-testid="field-premise" data-premise={f.id}>
      {back}
      <div className="field-card">
        <h2>{f.name}</h2>
        <p className="field-row-sub">
          {f.archiveNo} · {categoryName(f.category, lang)} · {f.village?.name}
        </p>
        {status && (
          <p>
            <span className={`field-status status-${status}`}>{statusName(status, lang)}</span>
          </p>
        )}
        <p>{f.address}</p>
        <p>
          {f.operator}
          {f.phone && (
            <>
              {' · '}
              <a href={`tel:${f.phone}`}>{f.phone}</a>
            </>
          )}
        </p>
        {f.notes && <p className="muted">{f.notes}</p>}
      </div>
      <div className={order ? 'field-card field-order' : 'field-card'} data-testid="field-open-order">
        {order ? (
          <>
            <b>{t.openOrder}</b>
            <p>
              {t.orderDeadline} {order.deadline}
              {left !== null &&
                ` · ${left < 0 ? fill(t.overdueDays, { n: -left }) : fill(t.daysLeft, { n: left })}`}
            </p>
            {order.responsible && (
              <p>
                {t.orderResponsible}: {order.responsible}
              </p>
            )}
          </>
        ) : (
          <span className="muted">{t.noOpenOrder}</span>
        )}
      </div>
      <div className="field-actions">
        <button type="button" data-testid="field-inspect" onClick={() => go({ step: 'inspection' })}>
          {t.recordInspection}
        </button>
        {order && (
          <button type="button" data-testid="field-reinspect" onClick={() => go({ step: 'reinspection' })}>
            {t.recordReinspection}
          </button>
        )}
      </div>
      {waiting > 0 && (
        <button
          type="button"
          className="field-note field-waiting"
          onClick={() => go({ tab: 'outbox', premise: null })}
        >
          {fill(t.unsentCount, { n: waiting })}
        </button>
      )}
      <div className="field-card">
        <b>{t.recentRecords}</b>
        <ul className="field-records" data-testid="field-records">
          {recent.map((e) => (
            <li key={e.id}>
              <span>{e.date}</span> <b>{eventName(e.type, lang)}</b>
              {e.problems.length > 0 && ` · ${e.problems.map((p) => problemName(p, lang)).join('、')}`}
              {e.deadline && ` · ${t.orderDeadline} ${e.deadline}`}
              {e.actor && <span className="muted"> · {e.actor}</span>}
            </li>
          ))}
        </ul>
      </div>
      {f.photos.length > 0 && (
        <div className="field-card">
          <b>{t.photos}</b>
          <div className="field-thumbs">
            {f.photos.slice(-PHOTOS).map((p) => (
              <img key={p.id} src={photoThumbPath(p.id)} alt="" loading="lazy" />
            ))}
          </div>
        </div>
      )}
      <QuickEdit key={f.id} file={f} />
    </section>
  );
}
