import { ADJUSTMENT_ITEMS, type AdjustmentItem, ITEM_NAMES } from '@domain/acceptance/scorecard';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText, putAcceptanceNotes, signOffAcceptance, type VillageScorecard } from '../api';
import { fill } from '../i18n/translate';
import { useStore } from '../store';
import { acceptanceWritten } from '../writes';
import { itemName, resultName, useAcceptanceText } from './acceptance-i18n';

interface Row {
  item: AdjustmentItem;
  points: number;
  remark: string;
}

/**
 * The acceptance team's part of a scorecard: adjustments with their reasons, remarks, and the
 * sign-off. Editable by those who may sign while the year is not signed off; read-only otherwise.
 */
export function TeamNotes({
  card,
  year,
  maySign,
}: {
  card: VillageScorecard;
  year: number;
  maySign: boolean;
}) {
  const t = useAcceptanceText();
  const lang = useStore((s) => s.lang);
  const qc = useQueryClient();
  const record = card.record;
  const signed = record?.signedOffAt != null;
  const [rows, setRows] = useState<Row[]>(record?.adjustments ?? []);
  const [remarks, setRemarks] = useState(record?.remarks ?? '');
  const villageId = card.village.id;
  const write = useMutation({
    mutationFn: (action: 'notes' | 'pass' | 'fail' | 'reopen') =>
      action === 'notes'
        ? putAcceptanceNotes(year, villageId, { adjustments: rows, remarks })
        : action === 'reopen'
          ? signOffAcceptance(year, villageId, null)
          : // Signing keeps what is on the form: save it first, then sign.
            putAcceptanceNotes(year, villageId, { adjustments: rows, remarks }).then(() =>
              signOffAcceptance(year, villageId, action === 'pass'),
            ),
    onSuccess: () => acceptanceWritten(qc),
  });
  const error = write.error ? errorText(write.error, lang) : null;

  if (signed || !maySign) {
    return (
      <div className="team-notes" data-testid="team-notes">
        <h4>{t.adjustments}</h4>
        {!record?.adjustments.length && <p className="muted small">{record ? t.none : t.noRecord}</p>}
        <ul className="small team-adjustments">
          {record?.adjustments.map((a) => (
            <li key={`${a.item}-${a.remark}`}>
              {itemName(t, ITEM_NAMES, a.item, lang)} {a.points > 0 ? `+${a.points}` : a.points}：{a.remark}
            </li>
          ))}
        </ul>
        {record?.remarks && <p className="small">{record.remarks}</p>}
        {signed && (
          <p className="acceptance-signed" data-testid="signed-off">
            {fill(t.signedBy, {
              who: record?.signedOffBy ?? '',
              when: (record?.signedOffAt ?? '').slice(0, 10),
              result: resultName(t, record?.passed ? 'passed' : 'failed'),
            })}
          </p>
        )}
        {signed && maySign && (
          <button type="button" disabled={write.isPending} onClick={() => write.mutate('reopen')}>
            {t.reopen}
          </button>
        )}
        {error && <p className="error">{error}</p>}
      </div>
    );
  }

  const setRow = (i: number, patch: Partial<Row>) =>
    setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <div className="team-notes" data-testid="team-notes">
      <h4>{t.adjustments}</h4>
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; their order is their identity
        <div className="adjustment" key={i}>
          <select
            aria-label={t.item}
            value={r.item}
            onChange={(e) => setRow(i, { item: e.target.value as AdjustmentItem })}
          >
            {ADJUSTMENT_ITEMS.map((item) => (
              <option key={item} value={item}>
                {itemName(t, ITEM_NAMES, item, lang)}
              </option>
            ))}
          </select>
          <input
            type="number"
            aria-label={t.adjustmentPoints}
            value={r.points}
            onChange={(e) => setRow(i, { points: Number(e.target.value) })}
          />
          <input
            aria-label={t.adjustmentRemark}
            placeholder={t.adjustmentRemark}
            value={r.remark}
            onChange={(e) => setRow(i, { remark: e.target.value })}
          />
          <button type="button" onClick={() => setRows(rows.filter((_, k) => k !== i))}>
            {t.remove}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setRows([...rows, { item: 'other', points: -1, remark: '' }])}>
        {t.addAdjustment}
      </button>
      <label className="team-remarks">
        {t.remarks}
        <textarea
          data-testid="acceptance-remarks"
          value={remarks}
          onChange={(e) => setRemarks(e.target.value)}
        />
      </label>
      <div className="team-actions">
        <button type="button" disabled={write.isPending} onClick={() => write.mutate('notes')}>
          {t.saveNotes}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="sign-pass"
          disabled={write.isPending}
          onClick={() => write.mutate('pass')}
        >
          {t.signPass}
        </button>
        <button
          type="button"
          className="danger"
          data-testid="sign-fail"
          disabled={write.isPending}
          onClick={() => write.mutate('fail')}
        >
          {t.signFail}
        </button>
      </div>
      {write.isSuccess && write.variables === 'notes' && <p className="muted small">{t.saved}</p>}
      {error && <p className="error">{error}</p>}
    </div>
  );
}
