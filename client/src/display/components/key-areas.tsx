import { displayMessages } from '../display-i18n';
import { useDisplayStore } from '../display-store';
import { shownAreas } from '../shown-areas';

const MAX_ROWS = 3;

/** The plan's goals for the year of the frame (the last year once the campaign is over). */
function YearGoals() {
  const goals = useDisplayStore((s) => s.campaign?.goals);
  const at = useDisplayStore((s) => s.frame?.at);
  const lang = useDisplayStore((s) => s.options.lang);
  const t = displayMessages(lang);
  if (!goals || goals.length === 0) return null;
  const year = Number((at ?? '').slice(0, 4));
  const g = goals.find((x) => x.year === year) ?? (year < goals[0].year ? goals[0] : goals[goals.length - 1]);
  return (
    <section className="dsp-panel dsp-goals">
      <h2>
        {t.yearGoals}
        <span className="dsp-goals-year">
          {g.year}
          {lang === 'zh' ? '年' : ''} · {lang === 'en' ? g.titleEn : g.title}
        </span>
      </h2>
      <ul>
        {(lang === 'en' ? g.goalsEn : g.goals).map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The key areas shown on the frame (numbered as on the map) with their headline counts; the year's
 * goals of the plan when none is (not in force, or holding too few premises to show).
 */
export function KeyAreas() {
  const areas = useDisplayStore((s) => s.areas);
  const frame = useDisplayStore((s) => s.frame);
  const lang = useDisplayStore((s) => s.options.lang);
  const t = displayMessages(lang);
  const active = shownAreas(areas, frame);
  if (!frame || active.length === 0) return <YearGoals />;
  return (
    <section className="dsp-panel dsp-areas">
      <h2>
        {t.areas}
        {active.length > MAX_ROWS && <span className="dsp-areas-more">+{active.length - MAX_ROWS}</span>}
      </h2>
      <table>
        <thead>
          <tr>
            <th />
            <th>{t.villageSurveyed}</th>
            <th>{t.villageUnlicensed}</th>
            <th>{t.villageProgress}</th>
          </tr>
        </thead>
        <tbody>
          {active.slice(0, MAX_ROWS).map((f, i) => {
            const c = frame.areas.get(f.properties.id);
            return (
              <tr key={f.properties.id}>
                <td className="dsp-area-name">
                  <span className="dsp-area-no">{i + 1}</span>
                  {f.properties.name}
                </td>
                <td>{c?.surveyed}</td>
                <td className="dsp-bad">{c?.unlicensed}</td>
                <td className="dsp-good">{Math.round((c?.progress ?? 0) * 100)}%</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
