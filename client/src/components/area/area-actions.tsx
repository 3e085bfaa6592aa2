import { useState } from 'react';
import type { SavedArea } from '../../api';
import { useLang, useMessages } from '../../i18n/use-messages';
import { useDrawCommands } from '../../map/draw/use-draw-commands';
import { useAreaWrites } from '../../saved-areas';
import { useStore } from '../../store';

/** A saved area's shape editing on the map, and its deletion (after a confirmation). */
export function AreaActions({ area, shapeEdited }: { area: SavedArea; shapeEdited: boolean }) {
  const t = useMessages();
  const lang = useLang();
  const commands = useDrawCommands();
  const setArea = useStore((s) => s.setArea);
  const { remove: deleteArea } = useAreaWrites();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable = area.geometry.type === 'Polygon';
  const remove = async () => {
    try {
      await deleteArea(area.id);
      commands.finish();
      setArea(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="area-actions">
      {shapeEdited ? (
        <button type="button" data-testid="area-cancel-edit" onClick={commands.finish}>
          {t.cancelEdit}
        </button>
      ) : (
        <button
          type="button"
          data-testid="area-edit-shape"
          disabled={!editable}
          title={editable ? undefined : t.multiPartNoEdit}
          onClick={() => area.geometry.type === 'Polygon' && commands.edit(area.id, area.geometry)}
        >
          {t.editShape}
        </button>
      )}
      <button type="button" className="danger" data-testid="area-delete" onClick={() => setConfirming(true)}>
        {t.deleteArea}
      </button>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label={t.deleteAreaQuestion}>
          <p>
            {lang === 'en'
              ? `${t.deleteAreaQuestion} “${area.name}”? ${t.deleteCannotUndo}`
              : `${t.deleteAreaQuestion}“${area.name}”？${t.deleteCannotUndo}`}
          </p>
          <button type="button" className="danger" data-testid="area-confirm-delete" onClick={remove}>
            {t.confirmDelete}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t.cancel}
          </button>
        </div>
      )}
      {error && <p className="error">{error}</p>}
    </div>
  );
}
