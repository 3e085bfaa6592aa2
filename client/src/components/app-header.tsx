import { useAcceptanceText } from '../acceptance/acceptance-i18n';
import { useCampaignData } from '../campaign-data';
import { useDistrictTitle } from '../district/district-panel';
import { useLang, useMessages } from '../i18n/use-messages';
import { WorkButton } from '../office/work-sheet';
import { useCan } from '../session';
import { useStore } from '../store';
import { UserMenu } from './user-menu';

/** Title (township + campaign), the sample-data badge and the language switch. */
export function AppHeader() {
  const { campaign } = useCampaignData();
  const t = useMessages();
  const lang = useLang();
  const setLang = useStore((s) => s.setLang);
  const panel = useStore((s) => s.panel);
  const setPanel = useStore((s) => s.setPanel);
  // The data workspace holds imports (the office), ledgers (who may export them) and the audit log.
  const mayExport = useCan('export.ledger');
  const mayAudit = useCan('audit.read');
  const mayAccept = useCan('acceptance.read');
  const acceptanceText = useAcceptanceText();
  const dataWork = mayExport || mayAudit;
  // Those who record inspections (village officers, inspectors, the office) also work from a phone.
  const mayRecord = useCan('premise.write');
  // A district of several townships is titled by the district, or the township drilled into.
  const districtTitle = useDistrictTitle();
  const township = districtTitle ?? (lang === 'en' ? campaign.townshipEn : campaign.township);
  const name = lang === 'en' ? campaign.nameEn : campaign.name;
  return (
    <header className="app-header">
      <h1 className="app-title">
        <span className="app-title-township">{township}</span>
        <span className="app-title-campaign">{name}</span>
        <span className="app-title-product">{t.appTitle}</span>
      </h1>
      {campaign.sample && (
        <span className="sample-badge" data-testid="sample-badge" title={t.sampleDataHint}>
          {t.sampleData}
        </span>
      )}
      <button
        type="button"
        className="lang-switch"
        data-testid="lang-switch"
        aria-label={t.language}
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      >
        {t.switchLanguage}
      </button>
      <WorkButton />
      {dataWork && (
        <button
          type="button"
          className={panel === 'data' ? 'open-data active' : 'open-data'}
          data-testid="open-data"
          aria-pressed={panel === 'data'}
          title={t.dataAdminHint}
          onClick={() => setPanel(panel === 'data' ? null : 'data')}
        >
          {t.dataAdmin}
        </button>
      )}
      {mayAccept && (
        <button
          type="button"
          className={panel === 'acceptance' ? 'open-data active' : 'open-data'}
          data-testid="open-acceptance"
          aria-pressed={panel === 'acceptance'}
          title={acceptanceText.openHint}
          onClick={() => setPanel(panel === 'acceptance' ? null : 'acceptance')}
        >
          {acceptanceText.open}
        </button>
      )}
      {mayRecord && (
        <a className="open-data open-field" href="/field" data-testid="open-field" title={t.fieldWorkHint}>
          {t.fieldWork}
        </a>
      )}
      <UserMenu />
    </header>
  );
}
