import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './display.css';
import { useEffect } from 'react';
import { CategoryProgress } from './components/category-progress';
import { DisplayHeader } from './components/display-header';
import { KeyAreas } from './components/key-areas';
import { KpiBoard } from './components/kpi-board';
import { MapLegend } from './components/map-legend';
import { OutcomeTicker } from './components/outcome-ticker';
import { ProgressChart } from './components/progress-chart';
import { ReconnectingBadge } from './components/reconnecting-badge';
import { VillageCard } from './components/village-card';
import { VillageRanking } from './components/village-ranking';
import { displayMessages } from './display-i18n';
import { DisplayMap } from './display-map';
import { useDisplayStore } from './display-store';
import { DisplaySync } from './display-sync';
import { Stage } from './stage';
import { useReplayClock } from './use-replay-clock';
import { useVillageTour } from './use-village-tour';

/**
 * /display: the public big screen. Reads /api/display/* only; runs unattended (no controls, no
 * cursor); `?mode=live|replay`, `?rotate=SECONDS`, `?village=ID`, `?lang=zh|en`, `?cycle=SECONDS`.
 */
export default function DisplayApp() {
  const options = useDisplayStore((s) => s.options);
  const campaign = useDisplayStore((s) => s.campaign);
  const frame = useDisplayStore((s) => s.frame);
  const villages = useDisplayStore((s) => s.villages);
  const focus = useVillageTour();
  const t = displayMessages(options.lang);

  useEffect(() => {
    const sync = new DisplaySync(options.mode, (partial) => useDisplayStore.setState(partial));
    sync.start();
    return () => sync.stop();
  }, [options.mode]);
  useReplayClock(options.cycleSeconds);

  useEffect(() => {
    document.documentElement.lang = options.lang === 'en' ? 'en' : 'zh-CN';
    document.documentElement.classList.add('dsp-html');
    return () => document.documentElement.classList.remove('dsp-html');
  }, [options.lang]);
  useEffect(() => {
    if (campaign)
      document.title = `${options.lang === 'en' ? campaign.townshipEn : campaign.township} · ${t.screenTitle}`;
  }, [campaign, options.lang, t]);

  const pinned = options.village;
  const villageName =
    pinned === null
      ? null
      : (villages?.features.find((f) => f.properties.id === pinned)?.properties.name ?? null);
  const kpiCounts = frame ? (pinned === null ? frame.totals : (frame.byVillage.get(pinned) ?? null)) : null;

  return (
    <Stage>
      <div className={`dsp-screen dsp-lang-${options.lang}`}>
        <DisplayHeader villageName={villageName} />
        {campaign ? (
          <main className="dsp-body">
            <div className="dsp-col dsp-left">
              <KpiBoard counts={kpiCounts} />
              <CategoryProgress />
              <KeyAreas />
            </div>
            <div className="dsp-col dsp-center">
              <section className="dsp-panel dsp-map-panel">
                <DisplayMap focus={focus} />
                <MapLegend />
                {focus !== null && <VillageCard village={focus} />}
              </section>
              <ProgressChart />
            </div>
            <div className="dsp-col dsp-right">
              <VillageRanking focus={focus} />
              <OutcomeTicker />
            </div>
          </main>
        ) : (
          <div className="dsp-splash">{t.loading}</div>
        )}
        <ReconnectingBadge />
      </div>
    </Stage>
  );
}
