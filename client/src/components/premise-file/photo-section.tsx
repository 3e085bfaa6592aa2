import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { deletePhoto, type PremiseFile, photoThumbPath, uploadPhotos } from '../../api';
import { useOfficeError, useOfficeText } from '../../office/office-i18n';
import { useSession } from '../../session';
import { photosWritten } from '../../writes';

/** Photo types the server keeps (it checks the bytes too). */
export const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

/** The file's photos as thumbnails (each opens the full photo), an upload, and delete for its uploader or the admin. */
export function PhotoSection({ file, editable }: { file: PremiseFile; editable: boolean }) {
  const t = useOfficeText();
  const errorText = useOfficeError();
  const qc = useQueryClient();
  const me = useSession((s) => (s.state === 'signed-in' ? s.me : null));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (write: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await write();
      await photosWritten(qc, file.id);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section data-testid="photo-section">
      <h3>{t.photos}</h3>
      {file.photos.length === 0 && <p className="muted">{t.none}</p>}
      <ul className="photo-grid">
        {file.photos.map((p) => (
          <li key={p.id} data-testid="premise-photo">
            <a href={p.url} target="_blank" rel="noreferrer">
              <img
                src={photoThumbPath(p.id)}
                alt={`${p.uploadedBy} ${p.createdAt.slice(0, 10)}`}
                loading="lazy"
              />
            </a>
            {editable && me && (me.role === 'admin' || me.username === p.uploadedBy) && (
              <button type="button" className="link-button" onClick={() => run(() => deletePhoto(p.id))}>
                {t.deletePhoto}
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <label className="upload">
          <span className="upload-button">{busy ? t.saving : t.choosePhotos}</span>
          <span className="muted">{t.addPhotos}</span>
          <input
            type="file"
            className="file-input"
            accept={PHOTO_TYPES}
            multiple
            disabled={busy}
            data-testid="photo-upload"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length) void run(() => uploadPhotos(file.id, files));
            }}
          />
        </label>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
