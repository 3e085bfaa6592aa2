import type { GroupTally } from '@domain/tally';
import { AnimatedNumber } from '../animated-number';
import { displayMessages } from '../display-i18n';
import { formatKpi, kpisOf } from '../display-kpis';
import { useDisplayStore } from '../display-store';

/** The headline numbers, counting to their new values when they change. */
export function KpiBoard({ counts }: { counts: GroupTally | null }) {
  const { lang, mode } = useDisplayStore((s) => s.options);
  const t = displayMessages(lang);
  if (!counts) return <section className="dsp-panel dsp-kpis" />;
  return (
    <section className="dsp-panel dsp-kpis">
      {kpisOf(counts).map((k) => (
        <div key={k.key} className={`dsp-kpi dsp-kpi-${k.tone}`}>
          <div className="dsp-kpi-label">{t.kpi[k.key]}</div>
          <div className="dsp-kpi-value">
            <AnimatedNumber
              value={k.value}
              format={(x) => formatKpi(x, k.kind)}
              // the replay moves on every few hundred ms: a long count would trail behind it
              durationMs={mode === 'replay' ? 300 : 900}
              testId={`display-kpi-${k.key}`}
              className="dsp-kpi-number"
            />
            <span className="dsp-kpi-unit">
              {k.kind === 'fraction' ? t.percent : k.key === 'model' ? t.unitSites : t.unitHouseholds}
            </span>
          </div>
        </div>
      ))}
    </section>
  );
}
