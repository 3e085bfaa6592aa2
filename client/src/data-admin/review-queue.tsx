import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type Placement, placePremise, type ReviewItem } from '../api';
import { useMapController } from '../map/map-controller-context';
import { reviewsQuery } from '../queries';
import { pinPlaced } from '../writes';
import { fill, useDataMessages, useErrorText } from './data-i18n';

const ZOOM_TO_PLACE = 16;

/** The geocoder's review queue: select a premise, put its pin on the map by hand, confirm. */
export function ReviewQueue() {
  const t = useDataMessages();
  const errorText = useErrorText();
  const controller = useMapController();
  const qc = useQueryClient();
  const reviews = useQuery(reviewsQuery);
  const items = reviews.data?.items;
  const total = reviews.data?.total ?? 0;
  const [selected, setSelected] = useState<ReviewItem | null>(null);
  const [placed, setPlaced] = useState<[number, number] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<(Placement & { name: string }) | null>(null);

  // While a premise is selected, the map takes a pin for it; the pin goes when the selection does.
  useEffect(() => {
    if (!controller || !selected) return;
    controller.flyTo(selected.lngLat, ZOOM_TO_PLACE);
    return controller.startPlacing(selected.lngLat, setPlaced);
  }, [controller, selected]);

  const select = (item: ReviewItem | null) => {
    setSelected(item);
    setPlaced(null);
    setError(null);
  };

  const confirm = async () => {
    if (!selected || !placed) return;
    setBusy(true);
    setError(null);
    try {
      const result = await placePremise(selected.premiseId, placed);
      setDone({ ...result, name: selected.name });
      select(null);
      void pinPlaced(qc, selected.premiseId);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="review-queue">
      <p className="data-note">{t.reviewIntro}</p>
      {done && (
        <div className="data-ok" data-testid="review-done">
          {fill(t.placedOk, { name: done.name, village: done.villageAtPoint.name })}
          {done.conflict && <div>{t.placedConflict}</div>}
          {done.learned && <div>{fill(t.learnedPlate, { plate: done.learned.plate })}</div>}
        </div>
      )}
      {(error ?? reviews.error) !== null && (
        <p className="data-error" role="alert">
          {errorText(error ?? reviews.error)}
        </p>
      )}
      {items && items.length === 0 && <p>{t.reviewEmpty}</p>}
      {items && items.length > 0 && <p className="data-note">{fill(t.reviewTotal, { n: total })}</p>}
      <ul className="review-list">
        {items?.map((item) => {
          const isSelected = selected?.premiseId === item.premiseId;
          return (
            <li
              key={item.premiseId}
              className={isSelected ? 'selected' : ''}
              data-testid={`review-item-${item.premiseId}`}
            >
              <button type="button" className="review-pick" onClick={() => select(isSelected ? null : item)}>
                <span className="review-name">{item.name}</span>{' '}
                {item.reasons.map((r) => (
                  <span key={r} className={`review-chip ${r}`}>
                    {t[`reason_${r}`]}
                  </span>
                ))}
                <div className="review-address">{item.address}</div>
                {item.conflict && (
                  <div className="review-address">
                    {fill(t.reviewVillage, {
                      a: item.villageInAddress?.name ?? '—',
                      b: item.villageAtPoint?.name ?? '—',
                    })}
                  </div>
                )}
              </button>
              {isSelected && (
                <div className="review-place">
                  <p className="data-note">{t.placeHint}</p>
                  {placed && (
                    <p data-testid="review-placed">
                      {t.placedAt}：{placed[0].toFixed(6)}, {placed[1].toFixed(6)}
                    </p>
                  )}
                  <div className="data-actions">
                    <button
                      type="button"
                      className="data-button"
                      disabled={!placed || busy}
                      onClick={() => void confirm()}
                      data-testid="review-confirm"
                    >
                      {t.confirmPlace}
                    </button>
                    <button type="button" className="data-button secondary" onClick={() => select(null)}>
                      {t.cancel}
                    </button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
