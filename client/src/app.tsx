import { useEffect, useMemo } from 'react';
import { fetchCampaign, fetchPremisesLayer, fetchVillages } from './api';
import { buildCampaignData, CampaignDataContext } from './campaign-data';
import { Dashboard } from './dashboard';
import { useDataVersion, useKeptResource, versionedKey } from './data-version';
import { useMessages } from './i18n/use-messages';
import { useStore } from './store';
import { useResource } from './use-resource';

/** Loads the campaign, the villages and the premises layer in parallel, then shows the dashboard. */
export function App() {
  const t = useMessages();
  const lang = useStore((s) => s.lang);
  // Imports, undos and pins placed by hand bump the versions: the layers load again, the map stays up.
  const version = useDataVersion();
  const campaign = useKeptResource(
    useResource(versionedKey('campaign', version.campaign), () => fetchCampaign()),
  );
  const villages = useKeptResource(
    useResource(versionedKey('villages', version.villages), () => fetchVillages()),
  );
  const premises = useKeptResource(
    useResource(versionedKey('premises', version.premises), () => fetchPremisesLayer()),
  );
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

  const failed = [campaign, villages, premises].find((r) => r.state === 'error');
  if (failed) {
    return (
      <div className="splash" role="alert">
        <p>
          {t.loadFailed}: {failed.error?.message}
        </p>
        <button
          type="button"
          onClick={() => {
            for (const r of [campaign, villages, premises]) if (r.state === 'error') r.retry();
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
