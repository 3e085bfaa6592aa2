import { rankVillages } from '@domain/rank-villages';
import { useMemo } from 'react';
import { displayMessages } from '../display-i18n';
import { useDisplayStore } from '../display-store';

const ROW_PX = 29;

/** Villages ranked by progress; rows slide to their new place when the order changes. */
export function VillageRanking({ focus }: { focus: number | null }) {
  const villages = useDisplayStore((s) => s.villages);
  const byVillage = useDisplayStore((s) => s.frame?.byVillage);
  const { lang, mode } = useDisplayStore((s) => s.options);
  const t = displayMessages(lang);
  const ranked = useMemo(
    () =>
      rankVillages(
        (villages?.features ?? []).map((f) => f.properties),
        (id) => byVillage?.get(id),
      ),
    [villages, byVillage],
  );
  const place = new Map(ranked.map((r, i) => [r.id, i]));
  // Rows keep their DOM order (by id) and move by transform, so a reshuffle is only a transition.
  const rows = [...ranked].sort((a, b) => a.id - b.id);
  return (
    // The replay re-ranks every step: rows jump there, and glide only when live data moves them.
    <section className={`dsp-panel dsp-ranking${mode === 'live' ? ' dsp-glide' : ''}`}>
      <h2>{t.ranking}</h2>
      <ol style={{ height: ranked.length * ROW_PX }}>
        {rows.map((r) => {
          const i = place.get(r.id) ?? 0;
          return (
            <li
              key={r.id}
              className={r.id === focus ? 'dsp-focus' : undefined}
              style={{ transform: `translateY(${i * ROW_PX}px)` }}
            >
              <span className={`dsp-rank dsp-rank-${i < 3 ? 'top' : 'rest'}`}>{i + 1}</span>
              <span className="dsp-village-name">{r.name}</span>
              <span className="dsp-bar">
                <span className="dsp-bar-fill" style={{ transform: `scaleX(${r.progress})` }} />
              </span>
              <span className="dsp-pct">{(r.progress * 100).toFixed(1)}%</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
