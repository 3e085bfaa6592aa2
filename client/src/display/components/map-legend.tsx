import { progressGradientCss } from '../display-geo';
import { displayMessages } from '../display-i18n';
import { useDisplayStore } from '../display-store';

/** What the map's colours mean. */
export function MapLegend() {
  const lang = useDisplayStore((s) => s.options.lang);
  const hasAreas = useDisplayStore((s) => (s.frame?.areas.size ?? 0) > 0);
  const t = displayMessages(lang);
  return (
    <div className="dsp-legend">
      <div className="dsp-legend-row">
        <span>{t.legendProgress}</span>
        <span className="dsp-legend-ramp" style={{ background: progressGradientCss() }} />
        <span className="dsp-legend-ends">0–100%</span>
      </div>
      <div className="dsp-legend-row">
        <span>{t.legendHeat}</span>
        <span className="dsp-legend-ramp dsp-legend-heat" />
      </div>
      {hasAreas && (
        <div className="dsp-legend-row">
          <span>{t.legendArea}</span>
          <span className="dsp-legend-area" />
        </div>
      )}
    </div>
  );
}
