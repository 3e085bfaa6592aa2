import { useEffect, useMemo, useState } from 'react';
import { fill } from '../i18n/translate';
import type { OutboxPhoto } from '../outbox/outbox-item';
import { useFieldText } from './field-i18n';
import { shrinkPhoto } from './shrink-photo';

/** At most this many photos per record (the server takes 50; a phone's storage and Wi-Fi take fewer). */
const MAX_PHOTOS = 10;

/** Photos from the camera (or the gallery), shrunk on the phone, shown as small previews. */
export function PhotoPicker({
  photos,
  onPhotos,
}: {
  photos: readonly OutboxPhoto[];
  onPhotos: (photos: OutboxPhoto[]) => void;
}) {
  const t = useFieldText();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);
  const urls = useMemo(
    () => photos.map((p) => URL.createObjectURL(new Blob([p.bytes], { type: p.mime }))),
    [photos],
  );
  useEffect(
    () => () => {
      for (const u of urls) URL.revokeObjectURL(u);
    },
    [urls],
  );

  const add = async (files: File[]) => {
    setBusy(true);
    const added: OutboxPhoto[] = [];
    const bad: string[] = [];
    for (const file of files.slice(0, MAX_PHOTOS - photos.length)) {
      try {
        added.push(await shrinkPhoto(file));
      } catch {
        bad.push(file.name);
      }
    }
    setRefused(bad);
    setBusy(false);
    onPhotos([...photos, ...added]);
  };

  return (
    <div className="field-photos">
      <div className="field-thumbs" data-testid="field-photo-previews" data-count={photos.length}>
        {photos.map((p, n) => (
          <button
            key={urls[n]}
            type="button"
            className="field-thumb"
            aria-label={t.photoRemove}
            title={t.photoRemove}
            onClick={() => onPhotos(photos.filter((_, k) => k !== n))}
          >
            <img src={urls[n]} alt={p.name} />
          </button>
        ))}
      </div>
      {photos.length < MAX_PHOTOS && (
        <label className="field-wide field-photo-add">
          {busy ? t.photoShrinking : t.addPhoto}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            data-testid="field-photo-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length > 0) void add(files);
            }}
          />
        </label>
      )}
      {refused.map((name) => (
        <p key={name} className="field-note field-error">
          {fill(t.photoRefused, { name })}
        </p>
      ))}
    </div>
  );
}
