import { STATUSES, type Status } from '@domain/statuses';
import { memo, useMemo } from 'react';
import type { StatusSeries } from '../api';
import { statusName } from '../i18n/translate';
import { useLang, useMessages } from '../i18n/use-messages';
import { campaignDayOf } from '../lib/campaign-days';
import { fractionLine, stackedAreas } from '../lib/stacked-areas';

/** Done statuses at the bottom, then work in progress, so the rising done area reads as progress. */
const STACK: Status[] = ['compliant', 'model', 'closed', 'converted', 'rectifying', 'pending'];
const W = 1000;
const H = 100;

interface Props {
  series: StatusSeries | undefined;
  startDay: number;
  lastDay: number;
  goals: { due: string; targetProgress: number }[];
}

const color = (key: Status) => {
  const c = STATUSES.find((s) => s.key === key)?.color ?? [128, 128, 128];
  return `rgb(${c[0]} ${c[1]} ${c[2]})`;
};

/** Premises by status over the whole campaign (stacked), the progress line and the annual targets. */
export const TimelineChart = memo(function TimelineChart({ series, startDay, lastDay, goals }: Props) {
  const lang = useLang();
  const t = useMessages();
  const geometry = useMemo(() => {
    if (!series) return null;
    const xs = series.days.map((d) => campaignDayOf(d, startDay) ?? 0);
    const layers = STACK.map((k) => series.byStatus[k] ?? []);
    return {
      ...stackedAreas(xs, layers, lastDay, W, H),
      progress: fractionLine(xs, series.progress, lastDay, W, H),
    };
  }, [series, startDay, lastDay]);
  return (
    <svg className="timeline-chart" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true">
      {geometry?.paths.map((d, i) => (
        <path key={STACK[i]} d={d} fill={color(STACK[i])} fillOpacity={0.55}>
          <title>{statusName(STACK[i], lang)}</title>
        </path>
      ))}
      {geometry && (
        <path
          d={geometry.progress}
          fill="none"
          stroke="#1b3a5c"
          strokeWidth={1.5}
          vectorEffect="non-scaling-stroke"
        />
      )}
      {goals.map((g) => {
        const x = ((campaignDayOf(g.due, startDay) ?? 0) / lastDay) * W;
        const y = H - g.targetProgress * H;
        return (
          <g key={g.due}>
            <line x1={x} x2={x} y1={0} y2={H} className="goal-line" vectorEffect="non-scaling-stroke" />
            <line x1={x - 14} x2={x} y1={y} y2={y} className="goal-target" vectorEffect="non-scaling-stroke">
              <title>{`${t.goalTarget} ${Math.round(g.targetProgress * 100)}%`}</title>
            </line>
          </g>
        );
      })}
    </svg>
  );
});
