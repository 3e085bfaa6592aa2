import type { AcceptanceResult } from '@domain/acceptance/scorecard';
import { RESULT_COLORS } from '../lib/acceptance-map';
import { resultName, useAcceptanceText } from './acceptance-i18n';

const css = (c: readonly number[]) => `rgb(${c[0]} ${c[1]} ${c[2]})`;

/** The colour a result has on the map. */
export function Swatch({ result }: { result: AcceptanceResult }) {
  return <span className="acceptance-swatch" style={{ background: css(RESULT_COLORS[result]) }} />;
}

/** A result as a coloured word. */
export function ResultBadge({ result }: { result: AcceptanceResult }) {
  const t = useAcceptanceText();
  return (
    <span className={`acceptance-result result-${result}`} data-result={result}>
      <Swatch result={result} />
      {resultName(t, result)}
    </span>
  );
}
