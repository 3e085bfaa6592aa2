import { day, formatDay, parseDay } from '@domain/dates';
import type { Problem } from '@domain/event-types';
import { scoreChecklist } from '@domain/inspection/score-checklist';
import type { Standard } from '@domain/inspection/standard';
import type { StepWork } from '../outbox/outbox-item';

/** What the phone's form holds for an inspection or a re-inspection. */
export interface StepForm {
  kind: StepWork['kind'];
  date: string;
  /** Per checklist item code: passed (true) or failed (false); absent: not yet checked. */
  answers: Readonly<Record<string, boolean>>;
  /** Problems found beyond the failed items. */
  extraProblems: readonly Problem[];
  note: string;
  /** The order to rectify issued when problems are found. */
  deadline: string;
  responsible: string;
}

/** What the form still lacks before it can be kept. */
export type StepGap = 'unchecked' | 'deadline' | 'responsible';

export type StepCheck =
  | { ok: true; work: StepWork; problems: Problem[] }
  | { ok: false; gaps: StepGap[]; problems: Problem[] };

/** Days an order to rectify gives by default (the officer may change it). */
export const DEFAULT_ORDER_DAYS = 15;

/** The default deadline of an order issued on `date`. */
export function defaultDeadline(date: string, days = DEFAULT_ORDER_DAYS): string {
  return formatDay(day(date) + days);
}

/**
 * The step the form describes, scored against the trade's standard as the server scores it: every
 * item checked; the problems of failed items and those added; with problems, an order to rectify
 * (a deadline on or after the date, and who answers for it). A re-inspection passes when nothing
 * was found.
 */
export function checkStep(form: StepForm, standard: Standard): StepCheck {
  const items = standard.items
    .filter((i) => form.answers[i.code] !== undefined)
    .map((i) => ({ code: i.code, passed: form.answers[i.code] }));
  const { problems } = scoreChecklist(standard, items, form.extraProblems);
  const gaps: StepGap[] = [];
  if (items.length < standard.items.length) gaps.push('unchecked');
  const order =
    problems.length > 0 ? { deadline: form.deadline, responsible: form.responsible.trim() } : undefined;
  const deadlineDay = parseDay(form.deadline);
  if (order && (deadlineDay === null || deadlineDay < day(form.date))) gaps.push('deadline');
  if (order && order.responsible === '') gaps.push('responsible');
  if (gaps.length > 0) return { ok: false, gaps, problems };
  const note = form.note.trim() || undefined;
  const common = {
    date: form.date,
    standardVersion: standard.version,
    items,
    problems: [...form.extraProblems],
    ...(note ? { note } : {}),
    ...(order ? { order } : {}),
  };
  const work: StepWork =
    form.kind === 'inspection'
      ? { kind: 'inspection', body: common }
      : { kind: 'reinspection', body: { ...common, passed: problems.length === 0 } };
  return { ok: true, work, problems };
}
