import type { Tally } from '@domain/tally';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { useCampaignData } from '../campaign-data';
import { useMessages } from '../i18n/use-messages';
import { useMapController } from '../map/map-controller-context';
import { useStore } from '../store';
import { type RankedTownship, townshipStatsQuery, townshipsQuery } from './district-api';
import './district.css';

type Bounds = [number, number, number, number];

/** The page's title while the district view is on: the township drilled into, or the district. */
const useDistrictTitleStore = create<{ title: string | null }>()(() => ({ title: null }));

/** What the header names instead of the campaign's township on a record of several; null otherwise. */
export function useDistrictTitle(): string | null {
  return useDistrictTitleStore((s) => s.title);
}

/** The townships on `at`, or null while they load. */
function useTownships(at: string): RankedTownship[] | null {
  return useQuery(townshipsQuery(at)).data?.townships ?? null;
}

/**
 * The district view: when the record holds more than one township, their ranking on the slider
 * date (name, progress, unlicensed); a click drills into one (?township=ID), and a button goes back
 * to the district. Nothing on a record of one township.
 */
export function DistrictPanel({ at }: { at: string }) {
  const t = useMessages();
  const townships = useTownships(at);
  const township = useStore((s) => s.township);
  const setTownship = useStore((s) => s.setTownship);
  const { campaign } = useCampaignData();
  const shown = !!townships && (townships.length > 1 || township !== null);
  const current = townships?.find((x) => x.id === township);
  const title = shown ? (current?.name ?? (campaign.district || null)) : null;
  useEffect(() => useDistrictTitleStore.setState({ title }), [title]);
  if (!townships || !shown) return null;
  return (
    <section
      className="panel-section district-panel"
      aria-label={t.districtRanking}
      data-testid="district-panel"
    >
      {township !== null && (
        <div className="district-drill">
          <button
            type="button"
            className="district-back"
            data-testid="district-back"
            onClick={() => setTownship(null)}
          >
            ← {t.backToDistrict}
          </button>
          <strong data-testid="district-township">{current?.name ?? ''}</strong>
        </div>
      )}
      <h2 title={t.districtRankingHint}>{t.districtRanking}</h2>
      <ol className="ranking" data-testid="township-ranking">
        {townships.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className={`ranking-row township-row${township === r.id ? ' selected' : ''}`}
              data-testid={`township-rank-${r.id}`}
              title={t.districtRankingHint}
              onClick={() => setTownship(township === r.id ? null : r.id)}
            >
              <span className="ranking-index">{r.rank}</span>
              <span className="ranking-name">{r.name}</span>
              <span className="ranking-bar">
                <span style={{ width: `${r.progress * 100}%` }} />
              </span>
              <span className="ranking-value">{(r.progress * 100).toFixed(0)}%</span>
              <span className="ranking-count" title={t.districtUnlicensed}>
                {t.districtUnlicensedShort} {r.unlicensed}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The figures of the township drilled into, from the server: the KPIs (with the village and a
 * single category filter) and every village of it for the ranking. Null on the district.
 */
export function useTownshipFigures(at: string): { tally: Tally | null; villageTally: Tally | null } | null {
  const township = useStore((s) => s.township);
  const village = useStore((s) => s.village);
  const categories = useStore((s) => s.categories);
  const on = township !== null;
  const filtered = useQuery({
    ...townshipStatsQuery(at, township ?? 0, { village, categories }),
    enabled: on,
  });
  const villages = useQuery({
    ...townshipStatsQuery(at, township ?? 0, { village: null, categories }),
    enabled: on && village !== null,
  });
  if (!on) return null;
  const tally = filtered.data ?? null;
  return { tally, villageTally: village === null ? tally : (villages.data ?? null) };
}

/** Fits the map to the township drilled into, and back to the whole district (a child of the map). */
export function TownshipFit({ at, district }: { at: string; district: readonly number[] }) {
  const controller = useMapController();
  const township = useStore((s) => s.township);
  const townships = useTownships(at);
  const fitted = useRef<number | null | undefined>(undefined);
  useEffect(() => {
    if (!controller || fitted.current === township) return;
    if (township === null) {
      // Not on first load: the URL's view (or the district's bounds) is already shown then.
      if (fitted.current !== undefined) controller.fitBounds(district as Bounds);
      fitted.current = null;
      return;
    }
    const bbox = townships?.find((x) => x.id === township)?.bbox;
    if (!bbox) return;
    controller.fitBounds(bbox as Bounds);
    fitted.current = township;
  }, [controller, township, townships, district]);
  return null;
}
