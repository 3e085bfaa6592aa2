import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { editPremise, type PremiseFile } from '../../api';
import type { LngLat } from '../../map/pin-placement';
import { fill, useOfficeError, useOfficeText } from '../../office/office-i18n';
import { useOffice } from '../../office/office-store';
import { premiseWritten } from '../../writes';

/**
 * "在地图上移动": a red pin at the premise that a click on the map or a drag puts elsewhere; saving
 * sends the new point (the server finds its village and learns the address from it).
 */
export function PinMover({ file }: { file: PremiseFile }) {
  const t = useOfficeText();
  const errorText = useOfficeError();
  const qc = useQueryClient();
  const setPin = useOffice((s) => s.setPin);
  const [moving, setMoving] = useState(false);
  const [picked, setPicked] = useState<LngLat | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!moving) return;
    setPin({ start: file.lngLat, onPlace: setPicked });
    return () => setPin(null);
  }, [moving, file.lngLat, setPin]);
  const save = async () => {
    if (!picked) return;
    try {
      await editPremise(file.id, { baseUpdatedAt: file.updatedAt, lngLat: picked });
      await premiseWritten(qc, file.id);
      setMoving(false);
      setPicked(null);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  if (!moving)
    return (
      <button type="button" data-testid="premise-move-pin" onClick={() => setMoving(true)}>
        {t.movePin}
      </button>
    );
  return (
    <div className="pin-mover notice" data-testid="pin-mover">
      <p>
        {picked ? fill(t.pinPicked, { lng: picked[0].toFixed(5), lat: picked[1].toFixed(5) }) : t.movePinHint}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="primary" data-testid="pin-save" disabled={!picked} onClick={save}>
          {t.savePin}
        </button>
        <button
          type="button"
          onClick={() => {
            setMoving(false);
            setPicked(null);
          }}
        >
          {t.cancel}
        </button>
      </div>
    </div>
  );
}
