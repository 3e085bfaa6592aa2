import { useMemo } from 'react';
import { displayMessages } from '../display-i18n';
import { useDisplayStore } from '../display-store';
import { chartScales, linePath } from '../progress-chart-geometry';

const BOX = { width: 900, height: 214, left: 56, right: 24, top: 22, bottom: 34 };

/** The campaign's progress line against the plan's annual goals. */
export function ProgressChart() {
  const campaign = useDisplayStore((s) => s.campaign);
  const series = useDisplayStore((s) => s.frame?.series);
  const lang = useDisplayStore((s) => s.options.lang);
  const t = displayMessages(lang);
  const scales = useMemo(
    () => (campaign ? chartScales(BOX, campaign.start, campaign.end) : null),
    [campaign],
  );
  if (!campaign || !scales) return <section className="dsp-panel dsp-chart" />;
  const { x, y } = scales;
  const n = series ? Math.min(series.length, series.days.length) : 0;
  const line = series ? linePath(series.days, series.progress, n, x, y) : '';
  const last =
    n > 0 && series
      ? { x: x(series.days[n - 1]), y: y(series.progress[n - 1]), p: series.progress[n - 1] }
      : null;
  const bottom = BOX.height - BOX.bottom;
  const years = campaign.goals.map((g) => ({ ...g, from: `${g.year}-01-01` }));
  return (
    <section className="dsp-panel dsp-chart">
      <h2>
        {t.chart}
        <span className="dsp-chart-key">
          <i className="dsp-key-actual" /> {t.actual}
          <i className="dsp-key-goal" /> {t.goal}
        </span>
      </h2>
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        width={BOX.width}
        height={BOX.height}
        role="img"
        aria-label={t.chart}
      >
        <defs>
          <linearGradient id="dsp-area" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor="#35d0c8" stopOpacity="0.45" />
            <stop offset="100%" stopColor="#35d0c8" stopOpacity="0" />
          </linearGradient>
        </defs>
        {[0, 0.5, 1].map((p) => (
          <g key={p}>
            <line className="dsp-grid" x1={BOX.left} x2={BOX.width - BOX.right} y1={y(p)} y2={y(p)} />
            <text className="dsp-axis" x={BOX.left - 10} y={y(p) + 6} textAnchor="end">
              {p * 100}%
            </text>
          </g>
        ))}
        {years.map((g) => (
          <g key={g.year}>
            <line className="dsp-grid" x1={x(g.from)} x2={x(g.from)} y1={BOX.top} y2={bottom} />
            <text className="dsp-axis" x={(x(g.from) + x(g.due)) / 2} y={BOX.height - 8} textAnchor="middle">
              {g.year}
              {lang === 'zh' ? '年' : ''} · {lang === 'en' ? g.titleEn : g.title}
            </text>
            <line
              className="dsp-goal"
              x1={x(g.from)}
              x2={x(g.due)}
              y1={y(g.targetProgress)}
              y2={y(g.targetProgress)}
            />
            <circle className="dsp-goal-dot" cx={x(g.due)} cy={y(g.targetProgress)} r={5} />
            <text className="dsp-goal-label" x={x(g.due) - 8} y={y(g.targetProgress) - 9} textAnchor="end">
              {t.goal} {Math.round(g.targetProgress * 100)}%
            </text>
          </g>
        ))}
        {last && (
          <>
            <path
              className="dsp-area"
              d={`${line}L${last.x.toFixed(1)},${bottom}L${x(campaign.start)},${bottom}Z`}
            />
            <path className="dsp-line" d={line} />
            <circle className="dsp-now" cx={last.x} cy={last.y} r={7} />
            <text
              className="dsp-now-label"
              x={Math.min(last.x + 12, BOX.width - BOX.right - 70)}
              y={Math.max(last.y + (last.x + 12 > BOX.width - BOX.right - 70 ? 30 : 6), BOX.top + 16)}
            >
              {(last.p * 100).toFixed(1)}%
            </text>
          </>
        )}
      </svg>
    </section>
  );
}
