import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { buildCampaignData, CampaignDataContext } from './campaign-data';
import { Dashboard } from './dashboard';
import { useMessages } from './i18n/use-messages';
import { campaignQuery, premisesLayerQuery, villagesQuery } from './queries';
import { useStore } from './store';

/** Loads the campaign, the villages and the premises layer in parallel, then shows the dashboard. */
export function App() {
  const t = useMessages();
  const lang = useStore((s) => s.lang);
  // A write (an import, an undo, a pin placed) invalidates what it changed: that loads again while
  // the answer on hand stays up, so the map stays up too (and stays if the new load fails).
  const campaign = useQuery(campaignQuery);
  const villages = useQuery(villagesQuery);
  const premises = useQuery(premisesLayerQuery);
  const data = useMemo(
    () =>
      campaign.data && villages.data && premises.data
        ? buildCampaignData(campaign.data, villages.data, premises.data)
        : null,
    [campaign.data, villages.data, premises.data],
  );

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

  const failed = data ? undefined : [campaign, villages, premises].find((q) => q.isError);
  if (failed) {
    return (
      <div className="splash" role="alert">
        <p>
          {t.loadFailed}: {failed.error?.message}
        </p>
        <button
          type="button"
          onClick={() => {
            for (const q of [campaign, villages, premises]) if (q.isError) void q.refetch();
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
