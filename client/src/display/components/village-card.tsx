import { rankVillages } from '@domain/rank-villages';
import { displayMessages } from '../display-i18n';
import { useDisplayStore } from '../display-store';

/** The village the tour (or ?village=) is showing: its numbers, on the map. */
export function VillageCard({ village }: { village: number }) {
  const villages = useDisplayStore((s) => s.villages);
  const byVillage = useDisplayStore((s) => s.frame?.byVillage);
  const lang = useDisplayStore((s) => s.options.lang);
  const t = displayMessages(lang);
  const feature = villages?.features.find((f) => f.properties.id === village);
  const g = byVillage?.get(village);
  if (!feature || !g) return null;
  const rank =
    rankVillages(
      (villages?.features ?? []).map((f) => f.properties),
      (id) => byVillage?.get(id),
    ).findIndex((r) => r.id === village) + 1;
  return (
    <div className="dsp-village-card" data-testid="display-village-card">
      <div className="dsp-card-head">
        <span className="dsp-card-name">{feature.properties.name}</span>
        <span className="dsp-card-rank">
          {t.villageRank} {rank}/{villages?.features.length}
        </span>
      </div>
      <dl>
        <dt>{t.villageProgress}</dt>
        <dd className="dsp-good">{(g.progress * 100).toFixed(1)}%</dd>
        <dt>{t.villageSurveyed}</dt>
        <dd>{g.surveyed}</dd>
        <dt>{t.villageUnlicensed}</dt>
        <dd className="dsp-bad">{g.unlicensed}</dd>
        <dt>{t.villageModel}</dt>
        <dd>{g.byStatus.model}</dd>
      </dl>
    </div>
  );
}
