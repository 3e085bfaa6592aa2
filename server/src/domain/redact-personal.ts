/**
 * Text for a log with what could be a person's number blotted out: any run of seven digits or more
 * (an ID number, with its X; a mobile; the number part of a landline). Names cannot be recognised,
 * which is why logs carry error messages and stacks only, never request bodies or cells.
 */
export function redactPersonal(text: string): string {
  return text.replace(/\d{7,}[Xx]?/g, (run) => '*'.repeat(run.length));
}
