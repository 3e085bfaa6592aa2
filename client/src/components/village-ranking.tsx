import { useCampaignData } from '../campaign-data';
import { useMessages } from '../i18n/use-messages';
import type { Tally } from '../lib/tally-at';
import { useStore } from '../store';

/** Villages ordered by progress on the slider date; a click zooms to the village and filters to it. */
export function VillageRanking({ tally }: { tally: Tally }) {
  const t = useMessages();
  const { villages } = useCampaignData();
  const selected = useStore((s) => s.village);
  const setVillage = useStore((s) => s.setVillage);
  const rows = villages.features
    .map((f) => ({
      id: f.properties.id,
      name: f.properties.name,
      g: tally.byVillage[String(f.properties.id)],
    }))
    .filter((r) => r.g && r.g.surveyed > 0)
    .sort((a, b) => (b.g?.progress ?? 0) - (a.g?.progress ?? 0) || a.name.localeCompare(b.name, 'zh'));
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
                <span style={{ width: `${(r.g?.progress ?? 0) * 100}%` }} />
              </span>
              <span className="ranking-value">{((r.g?.progress ?? 0) * 100).toFixed(0)}%</span>
              <span className="ranking-count">
                {r.g?.surveyed}
                {t.unitHouseholds}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
