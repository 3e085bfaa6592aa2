import { dayParts } from '../../server/src/domain/dates';
import type { Problem } from '../../server/src/domain/event-types';
import type { LicenceType } from '../../server/src/domain/licences';
import type { PremiseEvent } from '../../server/src/domain/premise-event';
import { addYears } from './calendar';
import { licenceNumber } from './licence-numbers';
import type { Rng } from './prng';

/** Collects a premise's records in the order they are written; sorting by day comes at the end. */
export class EventLog {
  readonly events: PremiseEvent[] = [];

  private push(event: PremiseEvent, note?: string): void {
    if (note) event.note = note;
    this.events.push(event);
  }

  surveyed(day: number, note?: string): void {
    this.push({ day, type: 'surveyed' }, note);
  }

  inspected(day: number, problems: Problem[], note?: string): void {
    this.push(problems.length ? { day, type: 'inspected', problems } : { day, type: 'inspected' }, note);
  }

  ordered(day: number, deadlineDay: number, note?: string): void {
    this.push({ day, type: 'ordered', deadlineDay }, note);
  }

  reinspected(day: number, passed: boolean, problems: Problem[] = [], note?: string): void {
    this.push(
      problems.length ? { day, type: 'reinspected', passed, problems } : { day, type: 'reinspected', passed },
      note,
    );
  }

  licenceObtained(
    day: number,
    licence: LicenceType,
    licenceNo: string,
    validToDay?: number,
    note?: string,
  ): void {
    const event: PremiseEvent = { day, type: 'licence_obtained', licence, licenceNo };
    if (validToDay !== undefined) event.validToDay = validToDay;
    this.push(event, note);
  }

  /** A newly issued licence: business licences mostly without term, permits for three or four years. */
  newLicence(rng: Rng, day: number, licence: LicenceType, note?: string): void {
    const validTo =
      licence === 'business'
        ? rng.chance(0.8)
          ? undefined
          : addYears(day, 10) - 1
        : addYears(day, rng.chance(0.6) ? 3 : 4) - 1;
    this.licenceObtained(day, licence, licenceNumber(rng, licence, dayParts(day).year), validTo, note);
  }

  licenceExpired(day: number, licence: LicenceType, note?: string): void {
    this.push({ day, type: 'licence_expired', licence }, note);
  }

  simple(day: number, type: 'upgraded' | 'model' | 'closed' | 'converted' | 'reopened', note?: string): void {
    this.push({ day, type }, note);
  }

  incident(day: number, problems: Problem[], note: string): void {
    this.push({ day, type: 'incident', problems }, note);
  }
}
