import { useMessages } from '../../i18n/use-messages';
import type { AreaTrend } from '../../lib/area-daily';
import type { CampaignDay } from '../../lib/campaign-days';
import { fractionLine } from '../../lib/stacked-areas';

const W = 300;
const H = 70;

/** Unlicensed premises (red, own scale) and progress (green, 0–100 %) inside, over the whole campaign. */
export function AreaTrendChart({
  trend,
  day,
  lastDay,
}: {
  trend: AreaTrend | null;
  day: CampaignDay;
  lastDay: number;
}) {
  const t = useMessages();
  const maxUnlicensed = Math.max(1, ...(trend?.unlicensed ?? []));
  const unlicensed = trend
    ? fractionLine(
        trend.days,
        trend.unlicensed.map((n) => n / maxUnlicensed),
        lastDay,
        W,
        H,
      )
    : '';
  const progress = trend ? fractionLine(trend.days, trend.progress, lastDay, W, H) : '';
  const x = (Math.min(Math.max(day, 0), lastDay) / lastDay) * W;
  return (
    <figure className="area-trend">
      <figcaption>
        {t.areaTrend}
        <span className="area-trend-keys">
          <span className="key-unlicensed" title={`${t.trendPeak} ${maxUnlicensed}`}>
            {t.unlicensed} ({t.trendPeak} {maxUnlicensed})
          </span>
          <span className="key-progress">{t.progressShort}</span>
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true">
        <line
          x1={0}
          x2={W}
          y1={H / 2}
          y2={H / 2}
          className="area-trend-grid"
          vectorEffect="non-scaling-stroke"
        />
        <path d={unlicensed} className="area-trend-unlicensed" vectorEffect="non-scaling-stroke" />
        <path d={progress} className="area-trend-progress" vectorEffect="non-scaling-stroke" />
        <line x1={x} x2={x} y1={0} y2={H} className="area-trend-cursor" vectorEffect="non-scaling-stroke" />
      </svg>
    </figure>
  );
}
