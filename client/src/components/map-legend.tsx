import { STATUSES } from '@domain/statuses';
import { memo } from 'react';
import { statusName } from '../i18n/translate';
import { useLang, useMessages } from '../i18n/use-messages';
import type { MessageKey } from '../i18n/zh';
import { metricRamp } from '../lib/choropleth';
import type { ChoroplethMetric, LayerId } from '../lib/url-state';
import { useStore } from '../store';

const css = (c: readonly number[]) => `rgb(${c[0]} ${c[1]} ${c[2]})`;

function formatBreak(metric: ChoroplethMetric, x: number): string {
  return metric === 'progress' ? `${Math.round(x * 100)}%` : String(Math.round(x * 10) / 10);
}

/** What the colours on the map mean, for the layers that are on. */
export const MapLegend = memo(function MapLegend({ breaks }: { breaks: readonly number[] }) {
  const t = useMessages();
  const lang = useLang();
  const layers = useStore((s) => s.layers);
  const metric = useStore((s) => s.choropleth);
  const on = (id: LayerId) => layers.includes(id);
  const ramp = metricRamp(metric);
  const edges = ['0', ...breaks.map((b) => formatBreak(metric, b))];
  return (
    <section className="panel-section legend" aria-label={t.legend} data-testid="legend">
      <h2>{t.legend}</h2>
      {on('premises') && (
        <ul className="legend-list">
          {STATUSES.map((s) => (
            <li key={s.key}>
              <span className="legend-dot" style={{ background: css(s.color) }} />
              {statusName(s.key, lang)}
            </li>
          ))}
          <li>
            <span className="legend-ring" />
            {t.legendModel}
          </li>
          <li className="legend-note">{t.legendGlyph}</li>
        </ul>
      )}
      {on('heatmap') && (
        <div className="legend-block">
          <div className="legend-heat" />
          <div className="legend-caption">{t.legendHeat}</div>
        </div>
      )}
      {on('choropleth') && (
        <div className="legend-block">
          <div className="legend-caption">{t[`choro_${metric}` as MessageKey]}</div>
          <div className="legend-ramp">
            {ramp.map((c, i) => (
              <div key={edges[i]} className="legend-class">
                <span className="legend-swatch" style={{ background: css(c), opacity: c[3] / 255 + 0.2 }} />
                <span className="legend-edge">≥{edges[i]}</span>
              </div>
            ))}
          </div>
        </div>
      )}
    </section>
  );
});
