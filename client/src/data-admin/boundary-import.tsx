import { useQuery, useQueryClient } from '@tanstack/react-query';
import { bbox } from '@turf/turf';
import { useEffect, useState } from 'react';
import {
  addTownship,
  type BoundaryCommitResult,
  type BoundaryPreview,
  commitBoundaries,
  uploadBoundaries,
} from '../api';
import { useTownshipList } from '../district/district-api';
import type { PreviewCollection } from '../map/layers/preview-layer';
import { useMapController } from '../map/map-controller-context';
import { setupQuery } from '../queries';
import { useCan } from '../session';
import { useStore } from '../store';
import { importWritten, townshipAdded } from '../writes';
import { fill, useDataMessages, useErrorText } from './data-i18n';

type Choice = 'match' | 'new' | 'skip';

const CRS_CHOICES = ['', 'WGS84', 'CGCS2000', 'GCJ02', 'BD09', 'EPSG:4549', 'EPSG:4528'] as const;

/** Boundary import: upload, preview on the map with the village each feature matched (or new), commit. */
export function BoundaryImport() {
  const t = useDataMessages();
  const errorText = useErrorText();
  const controller = useMapController();
  const qc = useQueryClient();
  const [level, setLevel] = useState<'village' | 'township'>('village');
  const [crs, setCrs] = useState('');
  // A district of several townships: the villages are of one of them (the one drilled into, at
  // first) — or of one just added, waiting for its boundaries.
  const ranked = useTownshipList();
  const waiting = useQuery(setupQuery).data?.waiting ?? [];
  // (Just after its villages came in, a township may still be listed as waiting for a moment.)
  const townships = [
    ...ranked,
    ...waiting.filter((w) => !ranked.some((r) => r.code === w.code)).map((w) => ({ ...w, id: -1 })),
  ];
  const drilledInto = useStore((s) => s.township);
  const [township, setTownship] = useState('');
  const several = level === 'village' && townships.length > 1;
  const chosenTownship = township || (townships.find((x) => x.id === drilledInto)?.code ?? '');
  const [preview, setPreview] = useState<BoundaryPreview | null>(null);
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [result, setResult] = useState<BoundaryCommitResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const canSetUp = useCan('setup');

  const choiceOf = (f: BoundaryPreview['features'][number]): Choice =>
    choices[f.index] ?? (f.match === 'new' ? 'new' : 'match');

  // The features on the map while they are previewed; gone when the preview is.
  useEffect(() => {
    if (!controller || !preview) return;
    const collection: PreviewCollection = {
      type: 'FeatureCollection',
      features: preview.features.map((f) => {
        const choice = choices[f.index] ?? (f.match === 'new' ? 'new' : 'match');
        return {
          type: 'Feature',
          properties: { kind: choice === 'match' ? 'matched' : choice, name: f.name ?? '' },
          geometry: f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon,
        };
      }),
    };
    controller.setPreviewGeoJSON(collection);
    return () => controller.setPreviewGeoJSON(null);
  }, [controller, preview, choices]);

  const upload = async (files: File[]) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const p = await uploadBoundaries(files, { level, crs, township: several ? chosenTownship : undefined });
      setChoices({});
      setPreview(p);
      if (p.features.length > 0) {
        controller?.fitBounds(
          bbox({
            type: 'FeatureCollection',
            features: p.features.map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry })),
          } as GeoJSON.FeatureCollection) as [number, number, number, number],
        );
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const decisions: Record<string, number | 'new' | 'skip'> = {};
      for (const f of preview.features) {
        const c = choiceOf(f);
        decisions[String(f.index)] =
          c === 'match' && f.match !== 'new' ? f.match.id : c === 'match' ? 'new' : c;
      }
      setResult(await commitBoundaries(preview.importId, decisions));
      setPreview(null);
      void importWritten(qc, 'boundaries');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="boundary-import">
      <p className="data-note">{t.boundaryIntro}</p>
      {canSetUp && level === 'village' && (
        <NewTownshipForm
          onAdded={(code) => {
            setTownship(code);
            void townshipAdded(qc);
          }}
        />
      )}
      <div className="data-form">
        <label htmlFor="boundary-level">{t.boundaryLevel}</label>
        <select
          id="boundary-level"
          value={level}
          onChange={(e) => setLevel(e.currentTarget.value as 'village' | 'township')}
        >
          <option value="village">{t.level_village}</option>
          <option value="township">{t.level_township}</option>
        </select>
        {several && (
          <>
            <label htmlFor="boundary-township">{t.boundaryTownship}</label>
            <select
              id="boundary-township"
              data-testid="boundary-township"
              value={chosenTownship}
              onChange={(e) => setTownship(e.currentTarget.value)}
            >
              <option value="">{t.chooseTownship}</option>
              {townships.map((x) => (
                <option key={x.code} value={x.code}>
                  {x.id < 0 ? fill(t.townshipWaiting, { name: x.name }) : x.name}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor="boundary-crs">{t.boundaryCrs}</label>
        <select id="boundary-crs" value={crs} onChange={(e) => setCrs(e.currentTarget.value)}>
          {CRS_CHOICES.map((c) => (
            <option key={c} value={c}>
              {c || t.crsAuto}
            </option>
          ))}
        </select>
      </div>
      <label className="data-file">
        {t.boundaryFiles}
        <input
          type="file"
          multiple
          accept=".geojson,.json,.kml,.zip,.shp,.shx,.dbf,.prj,.cpg"
          data-testid="boundary-file"
          disabled={busy || (several && !chosenTownship)}
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (files.length > 0) void upload(files);
          }}
        />
      </label>
      {busy && <p className="data-note">{t.working}</p>}
      {result && (
        <p className="data-ok" data-testid="boundary-result">
          {fill(t.boundaryResult, {
            r: result.replaced,
            c: result.created,
            s: result.skipped,
            o: result.premisesOutsideTheirVillage,
          })}
        </p>
      )}
      {preview && (
        <>
          <p className="data-note">
            {preview.fileName} ·{' '}
            {fill(t.crsAssumed, { crs: String((preview.crs as { note?: string }).note ?? '') })}
          </p>
          {[...preview.notes, ...preview.warnings].map((w) => (
            <p key={w} className="data-warn">
              {w}
            </p>
          ))}
          <table data-testid="boundary-features">
            <thead>
              <tr>
                <th>{t.featureName}</th>
                <th>{t.featureArea}</th>
                <th>{t.featureMatch}</th>
              </tr>
            </thead>
            <tbody>
              {preview.features.map((f) => (
                <tr key={f.index}>
                  <td>
                    {f.name ?? '—'}
                    <div className="data-note">{f.code}</div>
                  </td>
                  <td>{f.areaKm2}</td>
                  <td>
                    <select
                      value={choiceOf(f)}
                      onChange={(e) => setChoices({ ...choices, [f.index]: e.currentTarget.value as Choice })}
                    >
                      {f.match !== 'new' && (
                        <option value="match">
                          {t.decision_replace}：{f.match.name}（
                          {f.match.by === 'code' ? t.matchBy_code : t.matchBy_name}）
                        </option>
                      )}
                      <option value="new">{t.matchNew}</option>
                      <option value="skip">{t.decision_skip}</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="data-actions">
            <button
              type="button"
              className="data-button"
              disabled={busy}
              onClick={() => void commit()}
              data-testid="boundary-commit"
            >
              {t.boundaryCommit}
            </button>
            <button type="button" className="data-button secondary" onClick={() => setPreview(null)}>
              {t.clearPreview}
            </button>
          </div>
        </>
      )}
      {error !== null && (
        <p className="data-error" role="alert">
          {errorText(error)}
        </p>
      )}
    </div>
  );
}

/**
 * 新增乡镇（街道）: a township added to the district by its name and 12-digit code (the set-up's
 * `setup --add`); chosen at once as the township the next village boundaries are of.
 */
function NewTownshipForm({ onAdded }: { onAdded(code: string): void }) {
  const t = useDataMessages();
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      className="data-form new-township"
      data-testid="new-township"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          const township = await addTownship(name, code);
          setAdded(township.name);
          setName('');
          setCode('');
          onAdded(township.code);
        } catch (err) {
          setError(err);
        }
      }}
    >
      <label htmlFor="new-township-name">{t.newTownship}</label>
      <span className="row-actions">
        <input
          id="new-township-name"
          data-testid="new-township-name"
          value={name}
          placeholder={t.newTownshipName}
          onChange={(e) => setName(e.currentTarget.value)}
          required
        />
        <input
          data-testid="new-township-code"
          value={code}
          placeholder={t.newTownshipCode}
          inputMode="numeric"
          onChange={(e) => setCode(e.currentTarget.value)}
          required
        />
        <button type="submit" className="data-button secondary" data-testid="new-township-add">
          {t.newTownshipAdd}
        </button>
      </span>
      {added && (
        <p className="data-ok" data-testid="new-township-added">
          {fill(t.newTownshipAdded, { name: added })}
        </p>
      )}
      {error !== null && (
        <p className="data-error" role="alert">
          {errorText(error)}
        </p>
      )}
    </form>
  );
}
