import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useCampaignData } from '../campaign-data';
import { townshipSeriesQuery } from '../district/district-api';
import { useLang, useMessages } from '../i18n/use-messages';
import {
  type CampaignDay,
  campaignDayOf,
  clampDay,
  dateOfCampaignDay,
  displayDate,
  yearStarts,
} from '../lib/campaign-days';
import { type Speed, type StepUnit, stepDay } from '../lib/playback';
import { seriesQuery } from '../queries';
import { useStore } from '../store';
import { TimelineChart } from './timeline-chart';
import { TimelineControls } from './timeline-controls';
import { usePlayback } from './use-playback';
import { useTimelineKeys } from './use-timeline-keys';

/** The campaign's three years: date, play controls, slider, status chart and annual goals. */
export function Timeline({ at, day }: { at: string; day: CampaignDay }) {
  const { campaign, startDay, lastDay } = useCampaignData();
  const t = useMessages();
  const lang = useLang();
  const setAt = useStore((s) => s.setAt);
  const village = useStore((s) => s.village);
  const categories = useStore((s) => s.categories);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>('week');
  // The slider follows the pointer at once; the rest of the page follows once per frame.
  const [sliderDay, setSliderDay] = useState(clampDay(day, lastDay));
  useEffect(() => setSliderDay(clampDay(day, lastDay)), [day, lastDay]);
  const pending = useRef<{ day: CampaignDay; frame: number } | null>(null);
  const setDay = (d: CampaignDay) => setAt(dateOfCampaignDay(d, startDay));
  const setDaySoon = (d: CampaignDay) => {
    setSliderDay(d);
    if (pending.current) pending.current.day = d;
    else {
      const p = { day: d, frame: 0 };
      p.frame = requestAnimationFrame(() => {
        pending.current = null;
        setDay(p.day);
      });
      pending.current = p;
    }
  };
  useEffect(() => () => cancelAnimationFrame(pending.current?.frame ?? 0), []);
  usePlayback(playing, speed, day, lastDay, setDay, () => setPlaying(false));
  const step = (unit: StepUnit, dir: 1 | -1) => {
    setPlaying(false);
    setDay(stepDay(day, unit, dir, startDay, lastDay));
  };
  useTimelineKeys({
    step: (dir, big) => step(big ? 'week' : 'day', dir),
    togglePlay: () => setPlaying((p) => !p),
  });

  const township = useStore((s) => s.township);
  // Keep drawing the previous series while the next one loads.
  const district = useQuery({
    ...seriesQuery({ village, categories }),
    placeholderData: keepPreviousData,
    enabled: township === null,
  });
  // Drilled into a township of the district: its own series.
  const own = useQuery({
    ...townshipSeriesQuery(township ?? 0, { village, categories }),
    placeholderData: keepPreviousData,
    enabled: township !== null,
  });
  const series = township === null ? district : own;
  const pct = (d: number) => `${(d / lastDay) * 100}%`;

  return (
    <section className="timeline" aria-label={t.timeline}>
      <TimelineControls
        at={at}
        playing={playing}
        speed={speed}
        onTogglePlay={() => setPlaying((p) => !p)}
        onStep={step}
        onSpeed={setSpeed}
      />
      <div className="timeline-track">
        <div className="timeline-goals">
          {campaign.goals.map((g) => (
            <span
              key={g.due}
              className="timeline-goal"
              style={{
                right: `calc(100% - ${pct(clampDay(campaignDayOf(g.due, startDay) ?? lastDay, lastDay))})`,
              }}
              title={(lang === 'en' ? g.goalsEn : g.goals).join('; ')}
            >
              {g.year}
              {t.yearSuffix} {lang === 'en' ? g.titleEn : g.title} · {Math.round(g.targetProgress * 100)}%
            </span>
          ))}
        </div>
        <div className="timeline-plot">
          <TimelineChart series={series.data} startDay={startDay} lastDay={lastDay} goals={campaign.goals} />
          <div className="timeline-cursor" style={{ left: pct(sliderDay) }} />
        </div>
        <input
          type="range"
          className="timeline-slider"
          data-testid="timeline-slider"
          min={0}
          max={lastDay}
          step={1}
          value={sliderDay}
          aria-valuetext={displayDate(dateOfCampaignDay(sliderDay, startDay), lang)}
          onChange={(e) => {
            setPlaying(false);
            setDaySoon(Number(e.target.value));
          }}
        />
        <div className="timeline-years">
          {yearStarts(startDay, lastDay).map((y) => (
            <span key={y.year} className="timeline-year" style={{ left: pct(y.day) }}>
              {y.year}
              {t.yearSuffix}
            </span>
          ))}
        </div>
      </div>
    </section>
  );
}
