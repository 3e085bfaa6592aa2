import { useMessages } from '../i18n/use-messages';
import type { MessageKey } from '../i18n/zh';
import type { CampaignDay } from '../lib/campaign-days';
import { useSavedAreas } from '../saved-areas';
import { useStore } from '../store';
import { useAreaHeadlines } from './use-area-headlines';

const numberFormat = new Intl.NumberFormat('en-US');

/** The saved key areas with their headline numbers on the slider date; click one to open it. */
export function AreaList({ day, at }: { day: CampaignDay; at: string }) {
  const t = useMessages();
  const { data: areas, error, refetch } = useSavedAreas();
  const selected = useStore((s) => s.area);
  const setArea = useStore((s) => s.setArea);
  const headline = useAreaHeadlines(areas ?? [], day, at);
  return (
    <section className="panel-section" aria-label={t.keyAreas} data-testid="area-list">
      <h2>
        {t.keyAreas}
        {areas && areas.length > 0 && <span className="count"> {areas.length}</span>}
      </h2>
      {error && !areas && (
        <p className="error">
          {t.loadFailed}: {error.message}{' '}
          <button type="button" className="link-button" onClick={() => void refetch()}>
            {t.retry}
          </button>
        </p>
      )}
      {!areas && !error && <p className="muted">{t.loading}</p>}
      {areas?.length === 0 && <p className="muted small">{t.noKeyAreas}</p>}
      <ul className="area-items">
        {areas?.map((a) => {
          const h = headline(a.id);
          return (
            <li key={a.id}>
              <button
                type="button"
                data-testid={`area-item-${a.id}`}
                className={`area-item${a.id === selected ? ' selected' : ''}`}
                aria-pressed={a.id === selected}
                onClick={() => setArea(a.id === selected ? null : a.id)}
              >
                <span className="area-item-head">
                  <span className="area-item-name">{a.name}</span>
                  <span className={`area-reason reason-${a.reason}`}>
                    {t[`reason_${a.reason}` as MessageKey]}
                  </span>
                </span>
                {h && (
                  <span
                    className="area-item-figures"
                    data-surveyed={h.surveyed}
                    data-unlicensed={h.unlicensed}
                  >
                    {t.surveyedShort} {numberFormat.format(h.surveyed)} ·{' '}
                    <em>
                      {t.unlicensedShort} {h.unlicensed}
                    </em>{' '}
                    · {t.progressShort} {(h.progress * 100).toFixed(1)}%
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
