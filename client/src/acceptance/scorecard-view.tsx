import { ITEM_NAMES, type ScoreItem } from '@domain/acceptance/scorecard';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText, type VillageScorecard } from '../api';
import { fill } from '../i18n/translate';
import { scorecardQuery } from '../queries';
import { useCan } from '../session';
import { useStore } from '../store';
import { itemName, resultName, useAcceptanceText } from './acceptance-i18n';
import { ResultBadge } from './result-badge';
import { TeamNotes } from './team-notes';

const SHARES: readonly ScoreItem[] = ['filedShare', 'progress', 'unlicensedShare'];
const AT_MOST: readonly ScoreItem[] = ['unlicensedShare', 'overdueOrders'];
/** Evidence rows shown per line before "n more". */
const SHOWN = 8;

const figure = (item: ScoreItem, x: number) =>
  SHARES.includes(item) ? `${Math.round(x * 1000) / 10}%` : String(x);

/** One village's scorecard for a year: each target against the record, the premises behind it, the team's part. */
export function ScorecardView({
  year,
  villageId,
  onBack,
}: {
  year: number;
  villageId: number;
  onBack(): void;
}) {
  const t = useAcceptanceText();
  const lang = useStore((s) => s.lang);
  const card = useQuery(scorecardQuery(year, villageId));
  const maySign = useCan('acceptance.sign');
  if (card.isPending) return <p className="muted">{t.loading}</p>;
  if (card.isError) return <p className="error">{errorText(card.error, lang)}</p>;
  const c = card.data;
  return (
    <section className="scorecard" data-testid="scorecard" data-village={c.village.id} data-result={c.result}>
      <h3>
        <button type="button" className="link-button" onClick={onBack} aria-label="←">
          ←
        </button>{' '}
        {c.village.name} <ResultBadge result={c.result} />
      </h3>
      <p className="small">
        {fill(t.computed, { n: Math.round(c.scorecard.computed * 10) / 10 })} ·{' '}
        <strong>{fill(t.adjusted, { n: Math.round(c.scorecard.adjusted * 10) / 10 })}</strong>
        {c.record?.passed == null && (
          <span className="muted">
            {' · '}
            {fill(t.proposes, { result: resultName(t, c.reachesPassMark ? 'passed' : 'failed') })}
          </span>
        )}
      </p>
      <table className="scorecard-lines">
        <thead>
          <tr>
            <th>{t.item}</th>
            <th>{t.target}</th>
            <th>{t.actual}</th>
            <th>{t.points}</th>
          </tr>
        </thead>
        <tbody>
          {c.scorecard.lines.map((l) => (
            <ScoreRow key={l.item} line={l} card={c} name={itemName(t, ITEM_NAMES, l.item, lang)} />
          ))}
        </tbody>
      </table>
      <TeamNotes key={`${c.village.id}-${c.record?.updatedAt}`} card={c} year={year} maySign={maySign} />
    </section>
  );
}

function ScoreRow({
  line,
  card,
  name,
}: {
  line: VillageScorecard['scorecard']['lines'][number];
  card: VillageScorecard;
  name: string;
}) {
  const t = useAcceptanceText();
  const setPremise = useStore((s) => s.setPremise);
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState(false);
  const shown = all ? line.premises : line.premises.slice(0, SHOWN);
  const files = new Map(card.premises.map((p) => [p.id, p]));
  const bound = AT_MOST.includes(line.item) ? t.atMost : t.atLeast;
  return (
    <>
      <tr className={line.met ? 'met' : 'not-met'} data-item={line.item}>
        <td>
          {line.premises.length > 0 ? (
            <button
              type="button"
              className="link-button"
              aria-expanded={open}
              data-testid="evidence-toggle"
              onClick={() => setOpen(!open)}
            >
              {open ? '▾' : '▸'} {name}
            </button>
          ) : (
            name
          )}
        </td>
        <td className="num">
          {bound} {figure(line.item, line.target)}
        </td>
        <td className="num" title={line.met ? t.met : t.notMet}>
          {figure(line.item, line.actual)} {line.met ? '✓' : '✗'}
        </td>
        <td className="num">
          {Math.round(line.points * 10) / 10}/{line.weight}
        </td>
      </tr>
      {open && (
        <tr className="evidence">
          <td colSpan={4}>
            <span className="muted small">{fill(t.evidence, { n: line.premises.length })}</span>
            <ul>
              {shown.map((id) => (
                <li key={id}>
                  <button
                    type="button"
                    className="link-button"
                    data-testid="evidence-premise"
                    onClick={() => setPremise(id)}
                  >
                    {files.get(id)?.archiveNo} {files.get(id)?.name}
                  </button>
                </li>
              ))}
              {shown.length < line.premises.length && (
                <li>
                  <button type="button" className="link-button muted" onClick={() => setAll(true)}>
                    {fill(t.evidenceMore, { n: line.premises.length - shown.length })}
                  </button>
                </li>
              )}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
}
