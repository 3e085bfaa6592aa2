import { ApiRequestError, type PremiseEdit, type PremiseFile } from '../api';
import { metersBetween } from '../lib/nearest-premises';

/** A quick edit as it is sent (the file's `updatedAt` is added when it goes). */
export type QuickChange = Omit<PremiseEdit, 'baseUpdatedAt'>;

/** Decimal places a pin keeps: 1e-6° is about 0.1 m, finer than any phone's GPS. */
const PIN_DECIMALS = 6;

/**
 * The phone number and notes as typed, against the file: only the fields that changed (blank
 * around them ignored; a field emptied is removed), or null when nothing changed.
 */
export function contactChange(
  file: Pick<PremiseFile, 'phone' | 'notes'>,
  typed: { phone: string; notes: string },
): QuickChange | null {
  const phone = typed.phone.trim() || null;
  const notes = typed.notes.trim() || null;
  const change: QuickChange = {
    ...(phone === (file.phone ?? null) ? {} : { phone }),
    ...(notes === (file.notes ?? null) ? {} : { notes }),
  };
  return Object.keys(change).length > 0 ? change : null;
}

/** The pin moved to where the phone stands (WGS-84), and how far that is from where it was, in metres. */
export function pinChange(
  file: Pick<PremiseFile, 'lngLat'>,
  here: readonly [number, number],
): { change: QuickChange; meters: number } {
  const round = (v: number) => Number(v.toFixed(PIN_DECIMALS));
  const lngLat: [number, number] = [round(here[0]), round(here[1])];
  return { change: { lngLat }, meters: Math.round(metersBetween(file.lngLat, lngLat)) };
}

/**
 * What a failed edit means on the phone: someone changed the file meanwhile (with the file as it
 * stands now, when the server sent it), no network, or another refusal (its message is shown).
 */
export type EditFailure =
  | { kind: 'conflict'; current: PremiseFile | null }
  | { kind: 'offline' }
  | { kind: 'refused' };

export function editFailure(err: unknown): EditFailure {
  if (err instanceof ApiRequestError && err.status === 409)
    return {
      kind: 'conflict',
      current: (err.details as { current?: PremiseFile } | undefined)?.current ?? null,
    };
  // fetch rejects with a TypeError when nothing answered
  if (err instanceof TypeError) return { kind: 'offline' };
  return { kind: 'refused' };
}
