import type { PremiseFile } from '../api';
import { eventName, licenceName, problemName } from '../i18n/translate';
import { useLang, useMessages } from '../i18n/use-messages';
import { displayDate } from '../lib/campaign-days';

/** A premise's supervision records as a vertical timeline, oldest first. */
export function EventTimeline({ events }: { events: PremiseFile['events'] }) {
  const t = useMessages();
  const lang = useLang();
  return (
    <ol className="event-timeline" data-testid="premise-events">
      {events.map((e) => (
        <li key={e.id} className={`event event-${e.type}`}>
          <time dateTime={e.date}>{displayDate(e.date, lang)}</time>
          <div className="event-name">{eventName(e.type, lang)}</div>
          {e.problems.length > 0 && (
            <div className="event-detail">
              {t.problemsFound}:{' '}
              {e.problems.map((p) => problemName(p, lang)).join(lang === 'en' ? ', ' : '、')}
            </div>
          )}
          {e.deadline && (
            <div className="event-detail">
              {t.deadline}: {displayDate(e.deadline, lang)}
            </div>
          )}
          {e.passed !== undefined && e.passed !== null && (
            <div className="event-detail">{e.passed ? t.passed : t.notPassed}</div>
          )}
          {e.licence && (
            <div className="event-detail">
              {licenceName(e.licence, lang)}
              {e.licenceNo ? ` ${e.licenceNo}` : ''}
              {e.validTo ? ` · ${t.validTo} ${e.validTo}` : ''}
            </div>
          )}
          {e.responsible && (
            <div className="event-detail">
              {t.responsible}: {e.responsible}
            </div>
          )}
          {e.note && <div className="event-detail muted">{e.note}</div>}
          {e.actor && (
            <div className="event-detail muted" data-testid="event-actor">
              {e.actor}
              {e.departments.length > 0 &&
                ` · ${e.departments.map((d) => (lang === 'en' ? d.nameEn : d.name)).join(lang === 'en' ? ', ' : '、')}`}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
