import { rankVillages } from '@domain/rank-villages';
import type { Tally } from '@domain/tally';
import { useMemo } from 'react';
import { useCampaignData } from '../campaign-data';
import { useMessages } from '../i18n/use-messages';
import { useStore } from '../store';

/** Villages with premises surveyed, ranked on the slider date as on the big screen; a click zooms to the village and filters to it. */
export function VillageRanking({ tally }: { tally: Tally }) {
  const t = useMessages();
  const { villages } = useCampaignData();
  const selected = useStore((s) => s.village);
  const setVillage = useStore((s) => s.setVillage);
  const rows = useMemo(
    () =>
      rankVillages(
        villages.features.map((f) => f.properties),
        (id) => tally.byVillage[String(id)],
        { surveyedOnly: true },
      ),
    [villages, tally],
  );
  return (
    <section className="panel-section" aria-label={t.villageRanking}>
      <h2 title={t.villageRankingHint}>{t.villageRanking}</h2>
      <ol className="ranking" data-testid="village-ranking">
        {rows.map((r, i) => (
          <li key={r.id}>
            <button
              type="button"
              className={`ranking-row${selected === r.id ? ' selected' : ''}`}
              data-testid={`village-rank-${r.id}`}
              title={t.villageRankingHint}
              onClick={() => setVillage(selected === r.id ? null : r.id)}
            >
              <span className="ranking-index">{i + 1}</span>
              <span className="ranking-name">{r.name}</span>
              <span className="ranking-bar">
                <span style={{ width: `${r.progress * 100}%` }} />
              </span>
              <span className="ranking-value">{(r.progress * 100).toFixed(0)}%</span>
              <span className="ranking-count">
                {r.surveyed}
                {t.unitHouseholds}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
