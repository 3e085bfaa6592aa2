import { CATEGORIES } from '@domain/categories';
import { useState } from 'react';
import { reportPaths } from '../api';
import { useCampaignData } from '../campaign-data';
import { useTownshipList } from '../district/district-api';
import { categoryName } from '../i18n/translate';
import { useSession } from '../session';
import { useStore } from '../store';
import { useDay } from '../use-day-state';
import { useReportText } from './report-i18n';
import { reportYearFor } from './report-year';

/**
 * 年度报表与台账: the server's printable reports (village and township PDFs, the A3 wall map on the
 * timeline's day) and the 台账 workbooks, for a chosen year, village and trade. The server scopes
 * each to the account, so a village officer's lists come back with their villages only.
 */
export function ReportLinks() {
  const t = useReportText();
  const data = useCampaignData();
  const lang = useStore((s) => s.lang);
  const chosenVillage = useStore((s) => s.village);
  const { at } = useDay(data);
  const years = data.campaign.goals.map((g) => g.year);
  const me = useSession((s) => (s.state === 'signed-in' ? s.me : null));
  // Drilled into a township of the district: its reports, ledgers and villages; else the whole record's.
  const township = useStore((s) => s.township);
  const townships = useTownshipList();
  const inTownship = (v: { id: number }) =>
    township === null || data.villageById.get(v.id)?.properties.townshipId === township;
  // A village officer's reports and ledgers are of their own villages (the server refuses others).
  const villages = (
    me?.role === 'village' ? me.villages : data.villages.features.map((f) => f.properties)
  ).filter(inTownship);
  const place =
    township !== null
      ? (townships.find((x) => x.id === township)?.name ?? '')
      : townships.length > 1
        ? t.wholeDistrict
        : t.wholeTownship;
  const [year, setYear] = useState<number | null>(() => reportYearFor(years, at));
  const [chosenId, setVillageId] = useState<number | null>(chosenVillage ?? villages[0]?.id ?? null);
  // Drilling into another township while the tab is open leaves a village of the last one behind.
  const villageId = villages.some((v) => v.id === chosenId) ? chosenId : (villages[0]?.id ?? null);
  const [trade, setTrade] = useState<string>(CATEGORIES[0].code);
  if (year === null) return null;

  return (
    <div data-testid="report-links">
      <h3>{t.title}</h3>
      <p className="data-note">{t.hint}</p>
      <div className="data-form">
        <label htmlFor="report-year">{t.year}</label>
        <select id="report-year" value={year} onChange={(e) => setYear(Number(e.currentTarget.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <label htmlFor="report-village">{t.village}</label>
        <select
          id="report-village"
          value={villageId ?? ''}
          onChange={(e) => setVillageId(Number(e.currentTarget.value))}
        >
          {villages.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        <label htmlFor="report-trade">{t.trade}</label>
        <select id="report-trade" value={trade} onChange={(e) => setTrade(e.currentTarget.value)}>
          {CATEGORIES.map((c) => (
            <option key={c.code} value={c.code}>
              {categoryName(c.code, lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="export-links">
        {villageId !== null && (
          <a
            href={reportPaths.village(villageId, year)}
            target="_blank"
            rel="noopener"
            data-testid="report-village"
          >
            {t.villageReport}
          </a>
        )}
        <a
          href={reportPaths.township(year, township)}
          target="_blank"
          rel="noopener"
          data-testid="report-township"
        >
          {t.townshipReport.replace('{place}', place)}
        </a>
        <a
          href={reportPaths.map(at, undefined, township)}
          target="_blank"
          rel="noopener"
          data-testid="report-map"
        >
          {t.wallMap.replace('{place}', place).replace('{date}', at)}
        </a>
      </div>
      <div className="export-links">
        {villageId !== null && (
          <a href={reportPaths.villageLedger(villageId, year)} download data-testid="report-village-ledger">
            {t.villageLedger}
          </a>
        )}
        <a href={reportPaths.tradeLedger(trade, year, township)} download data-testid="report-trade-ledger">
          {t.tradeLedger}
        </a>
      </div>
    </div>
  );
}
