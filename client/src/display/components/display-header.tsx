import { useEffect, useState } from 'react';
import { displayMessages, formatDisplayDate } from '../display-i18n';
import { useDisplayStore } from '../display-store';

const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
const weekdayFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', weekday: 'short' });
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Wall-clock time in China, ticking each second (only this component re-renders). */
function Clock({ lang }: { lang: 'zh' | 'en' }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const t = displayMessages(lang);
  const weekday = t.weekdays[WEEKDAYS.indexOf(weekdayFormat.format(now))] ?? '';
  return (
    <div className="dsp-clock">
      <div className="dsp-clock-time">{clockFormat.format(now)}</div>
      <div className="dsp-clock-date">
        {formatDisplayDate(dateFormat.format(now), lang)} {weekday}
      </div>
    </div>
  );
}

/** Title (township, campaign), the date the numbers are for, and a clock. */
export function DisplayHeader({ villageName }: { villageName: string | null }) {
  const campaign = useDisplayStore((s) => s.campaign);
  const at = useDisplayStore((s) => s.frame?.at ?? null);
  const { mode, lang } = useDisplayStore((s) => s.options);
  const t = displayMessages(lang);
  if (!campaign) return null;
  return (
    <header className="dsp-header">
      <div className="dsp-title">
        <div className="dsp-title-main">
          <span className="dsp-township">{lang === 'en' ? campaign.townshipEn : campaign.township}</span>
          {villageName && <span className="dsp-title-village">{villageName}</span>}
          <span className="dsp-campaign">{lang === 'en' ? campaign.nameEn : campaign.name}</span>
        </div>
        <div className="dsp-title-sub">
          {t.screenTitle} · {t.publicNotice}
          {campaign.sample && <span className="dsp-sample">{t.sample}</span>}
        </div>
      </div>
      <div className="dsp-dateline">
        <span className={`dsp-mode dsp-mode-${mode}`}>{mode === 'live' ? t.live : t.replay}</span>
        <span className="dsp-date" data-testid="display-date" data-value={at ?? ''}>
          <span className="dsp-date-label">{t.dataDate}</span>
          {at ? formatDisplayDate(at, lang) : '—'}
        </span>
      </div>
      <Clock lang={lang} />
    </header>
  );
}
