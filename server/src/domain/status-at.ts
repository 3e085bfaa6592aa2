import { type Category, categoryByCode } from './categories';
import type { LicenceType } from './licences';
import type { PremiseEvent } from './premise-event';
import { NOT_OPERATING, type Status } from './statuses';

export interface HeldLicence {
  licence: LicenceType;
  licenceNo?: string;
  fromDay: number;
  /** Last valid day, inclusive; Infinity when it does not expire. */
  toDay: number;
}

/** A premise's state after folding its events up to some day. */
export interface PremiseState {
  /** null before the survey: the premise is not on the map yet. */
  status: Status | null;
  licences: Map<LicenceType, HeldLicence>;
  incidents: number;
  /** The pending rectification deadline, if ordered and not yet passed. */
  deadlineDay: number | null;
}

export function initialState(): PremiseState {
  return { status: null, licences: new Map(), incidents: 0, deadlineDay: null };
}

/** Applies one event to a state (mutating it): the single rule book for how records change a premise. */
export function applyEvent(state: PremiseState, event: PremiseEvent): PremiseState {
  const s = state.status;
  switch (event.type) {
    case 'surveyed':
      if (s === null) state.status = 'pending';
      break;
    case 'inspected':
      if (s === null) state.status = 'pending';
      else if (event.problems?.length) {
        if (s === 'compliant' || s === 'model') state.status = 'rectifying';
      } else if (s === 'pending' || s === 'rectifying') state.status = 'compliant';
      break;
    case 'ordered':
      if (s !== 'closed' && s !== 'converted') state.status = 'rectifying';
      state.deadlineDay = event.deadlineDay ?? null;
      break;
    case 'reinspected':
      if (event.passed && (s === 'pending' || s === 'rectifying')) {
        state.status = 'compliant';
        state.deadlineDay = null;
      } else if (!event.passed && s !== 'closed' && s !== 'converted') {
        state.status = 'rectifying';
      }
      break;
    case 'licence_obtained':
      if (event.licence) {
        state.licences.set(event.licence, {
          licence: event.licence,
          licenceNo: event.licenceNo,
          fromDay: event.day,
          toDay: event.validToDay ?? Number.POSITIVE_INFINITY,
        });
      }
      if (s === null) state.status = 'pending';
      break;
    case 'licence_expired':
      if (event.licence) {
        const held = state.licences.get(event.licence);
        if (held) held.toDay = Math.min(held.toDay, event.day - 1);
      }
      break;
    case 'upgraded':
      if (s !== 'closed' && s !== 'converted' && s !== 'model') state.status = 'compliant';
      state.deadlineDay = null;
      break;
    case 'model':
      state.status = 'model';
      state.deadlineDay = null;
      break;
    case 'closed':
      state.status = 'closed';
      state.deadlineDay = null;
      break;
    case 'converted':
      state.status = 'converted';
      state.deadlineDay = null;
      break;
    case 'reopened':
      state.status = 'pending';
      break;
    case 'incident':
      state.incidents += 1;
      if (s === 'compliant' || s === 'model') state.status = 'rectifying';
      break;
  }
  return state;
}

/** Folds events (sorted by day) up to and including `day`. */
export function stateAt(events: readonly PremiseEvent[], day: number): PremiseState {
  const state = initialState();
  for (const e of events) {
    if (e.day > day) break;
    applyEvent(state, e);
  }
  return state;
}

/** Whether every licence the category requires is held and valid on `day`. */
export function hasRequiredLicences(state: PremiseState, category: Category, day: number): boolean {
  return category.licences.every((code) => {
    const held = state.licences.get(code);
    return held !== undefined && held.fromDay <= day && day <= held.toDay;
  });
}

/** Unlicensed = surveyed, still operating, and missing a required licence valid on that day. */
export function isUnlicensed(state: PremiseState, category: Category, day: number): boolean {
  if (state.status === null || NOT_OPERATING.includes(state.status)) return false;
  return !hasRequiredLicences(state, category, day);
}

/** Status and licence state of a premise of `categoryCode` on `day`. */
export function statusAt(
  categoryCode: string,
  events: readonly PremiseEvent[],
  day: number,
): { status: Status | null; unlicensed: boolean } {
  const category = categoryByCode(categoryCode);
  if (!category) throw new Error(`unknown category: ${categoryCode}`);
  const state = stateAt(events, day);
  return { status: state.status, unlicensed: isUnlicensed(state, category, day) };
}
