import { CATEGORIES } from '@domain/categories';
import { formatDay, todayInChina } from '@domain/dates';
import { STATUSES } from '@domain/statuses';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { categoryName, fill, statusName } from '../i18n/translate';
import { useLang } from '../i18n/use-messages';
import { boundsPolygon, nearestPremises, snappedBounds } from '../lib/nearest-premises';
import { premisesLayerQuery, shapePremisesQuery } from '../queries';
import { useFieldText } from './field-i18n';
import { fieldPremiseQuery } from './field-queries';
import { useFieldRoute } from './field-route';
import { usePosition } from './use-position';

/** How many premises the list shows, nearest first; the first few files are read ahead for offline. */
const SHOWN = 20;
const READ_AHEAD = 8;
/** The grid the names' rectangle snaps to (≈ 500 m), so a few steps ask the same question again. */
const NAMES_GRID_DEG = 0.005;

const distance = (meters: number, t: ReturnType<typeof useFieldText>) =>
  meters < 1000 ? fill(t.meters, { n: Math.round(meters) }) : fill(t.km, { n: (meters / 1000).toFixed(1) });

/**
 * The premises nearest to where the phone is, from the page's own premises layer (the server
 * sent only those the account keeps), with their names read for the small rectangle they lie in.
 */
export function NearbyPremises() {
  const t = useFieldText();
  const lang = useLang();
  const qc = useQueryClient();
  const go = useFieldRoute((s) => s.go);
  const layer = useQuery(premisesLayerQuery);
  const position = usePosition();
  const today = formatDay(todayInChina());
  const startDay = layer.data?.startDay ?? 0;

  const near = useMemo(
    () =>
      layer.data && position.lngLat
        ? nearestPremises(layer.data, position.lngLat, { limit: SHOWN, day: todayInChina() - startDay })
        : [],
    [layer.data, position.lngLat, startDay],
  );
  const bounds = snappedBounds(
    near.map((n) => n.lngLat),
    NAMES_GRID_DEG,
  );
  const names = useQuery({
    ...shapePremisesQuery(bounds ? boundsPolygon(bounds) : boundsPolygon([0, 0, 0, 0]), today, 1, 500),
    enabled: bounds !== null,
  });
  const byId = useMemo(() => new Map(names.data?.premises.map((p) => [p.id, p]) ?? []), [names.data]);

  useEffect(() => {
    for (const n of near.slice(0, READ_AHEAD)) void qc.prefetchQuery(fieldPremiseQuery(n.id));
  }, [near, qc]);

  return (
    <section className="field-nearby">
      <button type="button" className="field-wide" data-testid="field-locate" onClick={position.locate}>
        {position.locating ? t.locating : t.locate}
      </button>
      {position.error && (
        <p className="field-note field-error">{fill(t.locateFailed, { reason: position.error })}</p>
      )}
      {position.lngLat && layer.data && near.length === 0 && <p className="field-note">{t.noneNearby}</p>}
      <ul className="field-list" data-testid="field-nearby">
        {near.map((n) => {
          const file = byId.get(n.id);
          const status = STATUSES[n.status]?.key ?? '';
          return (
            <li key={n.id}>
              <button
                type="button"
                className="field-row"
                data-testid={`field-near-${n.id}`}
                onClick={() => go({ premise: n.id })}
              >
                <span className="field-row-title">{file?.name || `#${n.id}`}</span>
                <span className="field-row-dist">{distance(n.meters, t)}</span>
                <span className="field-row-sub">
                  {categoryName(CATEGORIES[n.category]?.code ?? '', lang)} ·{' '}
                  <span className={`field-status status-${status}`}>{statusName(status, lang)}</span>
                </span>
                {file && <span className="field-row-sub">{file.address}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
