import { useCampaignData } from '../../campaign-data';
import { useLang, useMessages } from '../../i18n/use-messages';
import { type CampaignDay, displayDate } from '../../lib/campaign-days';
import { useDrawCommands } from '../../map/draw/use-draw-commands';
import { useStore } from '../../store';
import { DispatchTasks } from '../../tasks/dispatch-tasks';
import { AreaActions } from './area-actions';
import { AreaBreakdown, AreaHeadline } from './area-figures';
import { AreaForm } from './area-form';
import { AreaPremiseList } from './area-premise-list';
import { AreaTrendChart } from './area-trend-chart';
import { useAreaFigures } from './use-area-figures';
import { type AreaSubject, useAreaSubject } from './use-area-subject';

type Shown = Extract<AreaSubject, { kind: 'adhoc' | 'saved' }>;

/** The panel of a drawn shape or a saved key area: what it holds on the slider date, and keeping it. */
export default function AreaPanel({ at, day }: { at: string; day: CampaignDay }) {
  const t = useMessages();
  const subject = useAreaSubject();
  const setArea = useStore((s) => s.setArea);
  if (!subject) return null;
  if (subject.kind === 'loading' || subject.kind === 'missing') {
    return (
      <aside className="area-panel" data-testid="area-panel" data-state={subject.kind}>
        <div className="drawer-head">
          <h2>{t.keyAreas}</h2>
          <CloseButton onClose={() => setArea(null)} />
        </div>
        <p className="drawer-body muted">{subject.kind === 'loading' ? t.loading : t.areaNotFound}</p>
      </aside>
    );
  }
  const key = subject.kind === 'saved' ? `area-${subject.area.id}` : 'adhoc';
  return <AreaPanelBody key={key} subject={subject} at={at} day={day} />;
}

function AreaPanelBody({ subject, at, day }: { subject: Shown; at: string; day: CampaignDay }) {
  const t = useMessages();
  const lang = useLang();
  const { lastDay } = useCampaignData();
  const commands = useDrawCommands();
  const setArea = useStore((s) => s.setArea);
  const figures = useAreaFigures(subject.geometry, at, day);
  const area = subject.kind === 'saved' ? subject.area : null;
  const title = area?.name ?? t.adHocArea;
  const close = () => {
    commands.finish();
    if (area) setArea(null);
  };
  return (
    <aside
      className="area-panel"
      data-testid="area-panel"
      data-state={figures.state}
      data-source={figures.source}
      data-area={area?.id ?? ''}
      data-at={at}
      aria-label={title}
    >
      <div className="drawer-head">
        <h2 title={title}>{title}</h2>
        <CloseButton onClose={close} />
      </div>
      <div className="drawer-body">
        <p className="area-date">
          {t.insideOnDate} {displayDate(at, lang)}
          {figures.state === 'checking' && <span className="muted"> · {t.checking}</span>}
        </p>
        {figures.error && (
          <p className="error" role="alert">
            {figures.error}
          </p>
        )}
        {figures.source === 'server' && <p className="muted small">{t.serverCounted}</p>}
        {subject.kind === 'saved' && subject.shapeEdited && <p className="notice">{t.shapeEdited}</p>}
        <AreaHeadline figures={figures} />
        <AreaTrendChart trend={figures.trend} day={day} lastDay={lastDay} />
        <AreaBreakdown counts={figures.counts} />
        {area && <AreaActions area={area} shapeEdited={subject.kind === 'saved' && subject.shapeEdited} />}
        <AreaForm
          area={area}
          geometry={subject.geometry}
          shapeEdited={subject.kind === 'saved' && subject.shapeEdited}
        />
        <DispatchTasks
          areaId={area && !(subject.kind === 'saved' && subject.shapeEdited) ? area.id : null}
          geometry={subject.geometry}
          at={at}
        />
        <AreaPremiseList geometry={subject.geometry} at={at} title={title} />
      </div>
    </aside>
  );
}

function CloseButton({ onClose }: { onClose(): void }) {
  const t = useMessages();
  return (
    <button type="button" className="drawer-close" aria-label={t.close} title={t.close} onClick={onClose}>
      ×
    </button>
  );
}
