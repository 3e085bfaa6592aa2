import { memo } from 'react';
import { useMessages } from '../i18n/use-messages';
import type { MessageKey } from '../i18n/zh';
import { CHOROPLETH_METRICS, LAYER_IDS } from '../lib/url-state';
import { useStore } from '../store';

/** Layer switches and the choropleth metric. */
export const LayerPanel = memo(function LayerPanel() {
  const t = useMessages();
  const layers = useStore((s) => s.layers);
  const choropleth = useStore((s) => s.choropleth);
  const { toggleLayer, setChoropleth } = useStore.getState();
  return (
    <section className="panel-section" aria-label={t.layers}>
      <h2>{t.layers}</h2>
      <ul className="toggle-list">
        {LAYER_IDS.map((id) => (
          <li key={id}>
            <label className="toggle">
              <input
                type="checkbox"
                data-testid={`layer-${id}`}
                checked={layers.includes(id)}
                onChange={(e) => toggleLayer(id, e.target.checked)}
              />
              <span>{t[`layer_${id}` as MessageKey]}</span>
            </label>
          </li>
        ))}
      </ul>
      <label className="field">
        <span className="field-label">{t.choropleth}</span>
        <select
          data-testid="choropleth-metric"
          value={choropleth}
          onChange={(e) => {
            setChoropleth(e.target.value as (typeof CHOROPLETH_METRICS)[number]);
            toggleLayer('choropleth', true);
          }}
        >
          {CHOROPLETH_METRICS.map((m) => (
            <option key={m} value={m}>
              {t[`choro_${m}` as MessageKey]}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
});
