import { PROBLEMS, type Problem } from '@domain/event-types';
import type { StandardItem } from '@domain/inspection/standard';
import { problemName } from '../i18n/translate';
import { useLang } from '../i18n/use-messages';
import { useFieldText } from './field-i18n';

interface ChecklistProps {
  items: readonly StandardItem[];
  answers: Readonly<Record<string, boolean>>;
  onAnswers: (answers: Record<string, boolean>) => void;
  extra: readonly Problem[];
  onExtra: (extra: Problem[]) => void;
}

/** The trade's checklist, each item passed or failed with one tap, and the problems found beyond it. */
export function Checklist({ items, answers, onAnswers, extra, onExtra }: ChecklistProps) {
  const t = useFieldText();
  const lang = useLang();
  const answer = (code: string, passed: boolean) => onAnswers({ ...answers, [code]: passed });
  return (
    <>
      <ol className="field-checklist">
        {items.map((item) => (
          <li key={item.code} data-testid={`check-${item.code}`}>
            <span>{lang === 'en' ? item.textEn : item.text}</span>
            <span className="field-passfail">
              <button
                type="button"
                className={answers[item.code] === true ? 'pass on' : 'pass'}
                aria-pressed={answers[item.code] === true}
                data-testid={`check-${item.code}-pass`}
                onClick={() => answer(item.code, true)}
              >
                {t.pass}
              </button>
              <button
                type="button"
                className={answers[item.code] === false ? 'fail on' : 'fail'}
                aria-pressed={answers[item.code] === false}
                data-testid={`check-${item.code}-fail`}
                onClick={() => answer(item.code, false)}
              >
                {t.fail}
              </button>
            </span>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="field-wide secondary"
        data-testid="check-all-pass"
        onClick={() => onAnswers(Object.fromEntries(items.map((i) => [i.code, answers[i.code] ?? true])))}
      >
        {t.allPass}
      </button>
      <fieldset className="field-problems">
        <legend>{t.extraProblems}</legend>
        {PROBLEMS.map((p) => (
          <label key={p.key}>
            <input
              type="checkbox"
              checked={extra.includes(p.key)}
              onChange={(e) =>
                onExtra(e.target.checked ? [...extra, p.key] : extra.filter((x) => x !== p.key))
              }
            />
            {problemName(p.key, lang)}
          </label>
        ))}
      </fieldset>
    </>
  );
}
