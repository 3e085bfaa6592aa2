import { type Map as MapLibreMap, type MapMouseEvent, Marker } from 'maplibre-gl';

export type LngLat = [number, number];

/**
 * A pin a person puts down by clicking on the map or dragging it: shown at `start` (if any), moved
 * by every click, and reported through `onPlace`. Returns the function that takes it away.
 */
export function startPinPlacement(
  map: MapLibreMap,
  start: LngLat | null,
  onPlace: (lngLat: LngLat) => void,
): () => void {
  const marker = new Marker({ draggable: true, color: '#c0392b' });
  marker.getElement().dataset.testid = 'placing-pin';
  if (start) marker.setLngLat(start).addTo(map);
  const container = map.getCanvasContainer();
  container.classList.add('placing-pin');
  const onClick = (e: MapMouseEvent) => {
    marker.setLngLat(e.lngLat).addTo(map);
    onPlace([e.lngLat.lng, e.lngLat.lat]);
  };
  const onDragEnd = () => {
    const p = marker.getLngLat();
    onPlace([p.lng, p.lat]);
  };
  map.on('click', onClick);
  marker.on('dragend', onDragEnd);
  return () => {
    map.off('click', onClick);
    marker.off('dragend', onDragEnd);
    marker.remove();
    container.classList.remove('placing-pin');
  };
}
