import { useLang, useMessages } from '../i18n/use-messages';
import { displayDate } from '../lib/campaign-days';
import type { Speed, StepUnit } from '../lib/playback';

type StepKey =
  | 'stepBackMonth'
  | 'stepBackWeek'
  | 'stepBackDay'
  | 'stepForwardDay'
  | 'stepForwardWeek'
  | 'stepForwardMonth';

const STEPS: { unit: StepUnit; dir: 1 | -1; label: string; key: StepKey }[] = [
  { unit: 'month', dir: -1, label: '«', key: 'stepBackMonth' },
  { unit: 'week', dir: -1, label: '‹‹', key: 'stepBackWeek' },
  { unit: 'day', dir: -1, label: '‹', key: 'stepBackDay' },
  { unit: 'day', dir: 1, label: '›', key: 'stepForwardDay' },
  { unit: 'week', dir: 1, label: '››', key: 'stepForwardWeek' },
  { unit: 'month', dir: 1, label: '»', key: 'stepForwardMonth' },
];

interface Props {
  at: string;
  playing: boolean;
  speed: Speed;
  onTogglePlay(): void;
  onStep(unit: StepUnit, dir: 1 | -1): void;
  onSpeed(speed: Speed): void;
}

/** The date in large type, step and play buttons, and the playback speed. */
export function TimelineControls({ at, playing, speed, onTogglePlay, onStep, onSpeed }: Props) {
  const t = useMessages();
  const lang = useLang();
  const stepButton = (s: (typeof STEPS)[number]) => (
    <button
      key={s.key}
      type="button"
      data-testid={`timeline-${s.key}`}
      title={t[s.key]}
      aria-label={t[s.key]}
      onClick={() => onStep(s.unit, s.dir)}
    >
      {s.label}
    </button>
  );
  return (
    <div className="timeline-side">
      <div className="timeline-date" data-testid="timeline-date" data-value={at}>
        {displayDate(at, lang)}
      </div>
      <div className="timeline-buttons">
        {STEPS.slice(0, 3).map(stepButton)}
        <button
          type="button"
          className="play"
          data-testid="timeline-play"
          data-playing={playing ? 'true' : 'false'}
          title={`${playing ? t.pause : t.play} (${t.keyboardHint})`}
          aria-label={playing ? t.pause : t.play}
          onClick={onTogglePlay}
        >
          {playing ? '❚❚' : '▶'}
        </button>
        {STEPS.slice(3).map(stepButton)}
      </div>
      <label className="timeline-speed">
        <span>{t.speed}</span>
        <select data-testid="timeline-speed" value={speed} onChange={(e) => onSpeed(e.target.value as Speed)}>
          <option value="week">{t.speedWeek}</option>
          <option value="month">{t.speedMonth}</option>
        </select>
      </label>
    </div>
  );
}
