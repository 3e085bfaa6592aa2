import { useEffect } from 'react';
import { useMapController } from '../map/map-controller-context';
import { useOffice } from './office-store';

/** Inside the map: places the pin the page asked for (click or drag), until the request goes. */
export function PinPlacementSlot() {
  const controller = useMapController();
  const pin = useOffice((s) => s.pin);
  useEffect(() => {
    if (!controller || !pin) return;
    return controller.startPlacing(pin.start, pin.onPlace);
  }, [controller, pin]);
  return null;
}
