import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { buildCampaignData, CampaignDataContext } from './campaign-data';
import { Dashboard } from './dashboard';
import { useMessages } from './i18n/use-messages';
import { campaignQuery, premisesLayerInfoQuery, premisesLayerQuery, villagesQuery } from './queries';
import { useStore } from './store';
import { useServerTally } from './use-day-state';

/**
 * Loads the campaign, the villages and the premises layer in parallel, and shows the dashboard as
 * soon as the campaign and the villages are in: its first numbers come from the server while the
 * premises layer is still on its way (numbers first, map after).
 */
export function App() {
  const t = useMessages();
  const lang = useStore((s) => s.lang);
  // A write (an import, an undo, a pin placed) invalidates what it changed: that loads again while
  // the answer on hand stays up, so the map stays up too (and stays if the new load fails).
  const campaign = useQuery(campaignQuery);
  const villages = useQuery(villagesQuery);
  // A record over the server's limit is never taken whole: cells and boxes of points instead.
  const info = useQuery(premisesLayerInfoQuery);
  const whole = info.data?.whole;
  // Numbers first: the layer is asked for once the server's first counts are in (the dashboard
  // reads them from the same query), so its download and decoding do not hold them up.
  const [layerWanted, setLayerWanted] = useState(false);
  const premises = useQuery({ ...premisesLayerQuery, enabled: whole === true && layerWanted });
  const data = useMemo(
    () =>
      campaign.data && villages.data && whole !== undefined
        ? buildCampaignData(
            campaign.data,
            villages.data,
            premises.data ?? null,
            whole,
            info.data?.ceilings ?? null,
          )
        : null,
    [campaign.data, villages.data, premises.data, whole, info.data?.ceilings],
  );
  const firstNumbers = useServerTally(data);
  useEffect(() => {
    if (firstNumbers.settled) setLayerWanted(true);
  }, [firstNumbers.settled]);

  // A record nobody has set up (or without villages yet) opens on the set-up, once.
  const needsSetup = data !== null && (!data.campaign.configured || data.villages.features.length === 0);
  useEffect(() => {
    if (needsSetup && useStore.getState().panel === null) useStore.getState().setPanel('setup');
  }, [needsSetup]);

  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = data
      ? `${lang === 'en' ? data.campaign.townshipEn : data.campaign.township} · ${t.appTitle}`
      : t.appTitle;
  }, [lang, data, t]);

  const failed = data?.premisesReady
    ? undefined
    : [campaign, villages, info, premises].find((q) => q.isError);
  if (failed) {
    return (
      <div className="splash" role="alert">
        <p>
          {t.loadFailed}: {failed.error?.message}
        </p>
        <button
          type="button"
          onClick={() => {
            for (const q of [campaign, villages, info, premises]) if (q.isError) void q.refetch();
          }}
        >
          {t.retry}
        </button>
      </div>
    );
  }
  if (!data) return <div className="splash">{t.loading}</div>;
  return (
    <CampaignDataContext.Provider value={data}>
      <Dashboard />
    </CampaignDataContext.Provider>
  );
}
