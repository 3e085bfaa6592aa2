import { useState } from 'react';
import { geographyExportPath, premiseExportPath } from '../api';
import { useCampaignData } from '../campaign-data';
import { categoryName, statusName } from '../i18n/translate';
import { GEOGRAPHY_EXPORT_FORMATS, PREMISE_EXPORT_FORMATS, premiseExportQuery } from '../lib/export-query';
import { PNG_SIZES, type PngSizeKey, pictureFileName } from '../lib/png-export-layout';
import { useMapController } from '../map/map-controller-context';
import { ReportLinks } from '../report/report-links';
import { useStore } from '../store';
import { useDay } from '../use-day-state';
import { fill, useDataMessages, useErrorText } from './data-i18n';
import { mapPicture, saveBlob } from './export-png';

/** Exports: the ledger under the map's filters on the slider date, the geography, and the map as a PNG. */
export function ExportPanel() {
  const t = useDataMessages();
  const errorText = useErrorText();
  const data = useCampaignData();
  const controller = useMapController();
  const { at } = useDay(data);
  const lang = useStore((s) => s.lang);
  const village = useStore((s) => s.village);
  const categories = useStore((s) => s.categories);
  const statuses = useStore((s) => s.statuses);
  const [size, setSize] = useState<PngSizeKey>('hd');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const choice = premiseExportQuery({ at, village, categories, statuses });
  const villageText =
    village === null
      ? t.allVillagesShort
      : (data.villageById.get(village)?.properties.name ?? String(village));
  const listText = (list: readonly string[] | null, all: string, name: (c: string) => string) =>
    list === null ? all : list.map(name).join('、') || '—';
  const filterText = fill(t.exportFilters, {
    at,
    village: villageText,
    categories: listText(categories, t.allCategoriesShort, (c) => categoryName(c, lang)),
    statuses: listText(statuses, t.allStatusesShort, (s) => statusName(s, lang)),
  });

  const makePicture = async () => {
    if (!controller) return;
    const chosen = PNG_SIZES.find((s) => s.key === size) ?? PNG_SIZES[0];
    setBusy(true);
    setError(null);
    try {
      const c = data.campaign;
      const township = lang === 'en' ? c.townshipEn : c.township;
      const name = lang === 'en' ? c.nameEn : c.name;
      const blob = await mapPicture(controller, chosen.width, chosen.height, {
        title: `${township} · ${name}`,
        subtitle: [fill(t.pictureDate, { date: at }), c.sample ? t.pictureSample : '', t.pictureMaker]
          .filter(Boolean)
          .join(' · '),
        legendTitle: t.pictureLegend,
        legend: c.statuses.map((s) => ({
          label: lang === 'en' ? s.nameEn : s.name,
          color: s.color as [number, number, number],
        })),
      });
      saveBlob(blob, pictureFileName(at));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="export-panel">
      <h3>{t.exportLedger}</h3>
      <p className="data-note" data-testid="export-filters">
        {filterText}
      </p>
      {choice.widened.length > 0 && (
        <p className="data-warn">
          {fill(t.widened, {
            what: choice.widened
              .map((w) => (w === 'category' ? t.widenedCategory : t.widenedStatus))
              .join('、'),
          })}
        </p>
      )}
      {choice.empty && <p className="data-warn">{t.emptyFilter}</p>}
      <div className="export-links">
        {PREMISE_EXPORT_FORMATS.map((format) => (
          <a
            key={format}
            href={premiseExportPath(format, choice.query)}
            download
            aria-disabled={choice.empty}
            data-testid={`export-premises-${format}`}
          >
            {t[`fmt_${format}`]}
          </a>
        ))}
      </div>
      <h3>{t.exportGeography}</h3>
      {(['villages', 'areas'] as const).map((kind) => (
        <div key={kind} className="export-links">
          <span>{kind === 'villages' ? t.villagesLabel : t.areasLabel}</span>
          {GEOGRAPHY_EXPORT_FORMATS.map((format) => (
            <a
              key={format}
              href={geographyExportPath(kind, format)}
              download
              data-testid={`export-${kind}-${format}`}
            >
              {format === 'kml' ? 'KML' : 'GeoJSON'}
            </a>
          ))}
        </div>
      ))}
      <h3>{t.exportPicture}</h3>
      <div className="data-form">
        <label htmlFor="png-size">{t.pictureSize}</label>
        <select
          id="png-size"
          value={size}
          data-testid="export-png-size"
          onChange={(e) => setSize(e.currentTarget.value as PngSizeKey)}
        >
          {PNG_SIZES.map((s) => (
            <option key={s.key} value={s.key}>
              {t[`size_${s.key}`]}
            </option>
          ))}
        </select>
      </div>
      <div className="data-actions">
        <button
          type="button"
          className="data-button"
          disabled={busy || !controller}
          onClick={() => void makePicture()}
          data-testid="export-png"
        >
          {busy ? t.pictureWorking : t.picturePrepare}
        </button>
      </div>
      {error !== null && (
        <p className="data-error" role="alert">
          {errorText(error)}
        </p>
      )}
      <ReportLinks />
    </div>
  );
}
