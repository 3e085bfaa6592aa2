/** A step of the workflow recorded on a premise's file. */
export type StepKind = 'inspection' | 'reinspection' | 'outcome';

/**
 * Whether a step issues an order to rectify (the server refuses the step without one, and with one
 * where nothing is wrong): an inspection that finds a problem — a failed checklist item or one noted
 * besides — and a failed re-inspection. An outcome never does.
 */
export function stepIssuesOrder(
  kind: StepKind,
  found: { failedItems: number; problems: number; passed: boolean },
): boolean {
  if (kind === 'inspection') return found.failedItems > 0 || found.problems > 0;
  if (kind === 'reinspection') return !found.passed;
  return false;
}
