import { PROBLEM_KEYS, type Problem } from '../event-types';
import type { Standard } from './standard';

/** What an inspector ticked for one item. */
export interface ChecklistAnswer {
  code: string;
  passed: boolean;
  note?: string;
}

/** The checklist as kept on the record: which version was used, every item's answer (null: not checked). */
export interface ChecklistRecord {
  category: string;
  version: number;
  items: { code: string; passed: boolean | null; note?: string }[];
}

export interface ScoredChecklist {
  checklist: ChecklistRecord;
  /** The problems found: those of failed items plus any added by hand, each once, in the plan's order. */
  problems: Problem[];
  /** Codes answered that the standard does not have, and codes answered twice. */
  unknown: string[];
  repeated: string[];
}

/** Scores an inspection against the version of the trade's standard it used. */
export function scoreChecklist(
  standard: Standard,
  answers: readonly ChecklistAnswer[],
  added: readonly Problem[] = [],
): ScoredChecklist {
  const byCode = new Map<string, ChecklistAnswer>();
  const repeated: string[] = [];
  for (const a of answers) {
    if (byCode.has(a.code)) repeated.push(a.code);
    byCode.set(a.code, a);
  }
  const known = new Set(standard.items.map((i) => i.code));
  const unknown = answers.map((a) => a.code).filter((code) => !known.has(code));
  const found = new Set<Problem>(added);
  const items = standard.items.map((item) => {
    const a = byCode.get(item.code);
    if (a && !a.passed) found.add(item.problem);
    return { code: item.code, passed: a ? a.passed : null, ...(a?.note ? { note: a.note } : {}) };
  });
  return {
    checklist: { category: standard.category, version: standard.version, items },
    problems: PROBLEM_KEYS.filter((p) => found.has(p)),
    unknown,
    repeated: [...new Set(repeated)],
  };
}
