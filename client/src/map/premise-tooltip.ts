import type { PickingInfo } from '@deck.gl/core';
import { CATEGORY_CODES } from '@domain/categories';
import { STATUS_KEYS } from '@domain/statuses';
import { categoryName, messages, statusName } from '../i18n/translate';
import type { PremiseSelection } from '../lib/premise-selection';
import type { PremisesData } from '../lib/premises-binary';
import type { Lang } from '../lib/url-state';

/** The premise row under a picked point of the premises layer, or -1. */
export function pickedPremise(
  info: PickingInfo,
  points: PremiseSelection | null,
  data: PremisesData,
): number {
  if (!points || info.layer?.id !== 'premises' || info.index < 0 || info.index >= points.length) return -1;
  return data.premise[points.rows[info.index]];
}

/** Tooltip text for a picked point: category, status on the date, village (names live in the file). */
export function premiseTooltip(
  info: PickingInfo,
  points: PremiseSelection | null,
  data: PremisesData,
  villageName: (id: number) => string,
  lang: Lang,
): { text: string; className: string } | null {
  const p = pickedPremise(info, points, data);
  if (p < 0 || !points) return null;
  const k = points.rows[info.index];
  const t = messages(lang);
  const lines = [
    categoryName(CATEGORY_CODES[data.category[p]], lang),
    `${statusName(STATUS_KEYS[data.status[k]], lang)}${data.unlicensed[k] ? ` · ${t.unlicensed}` : ''}`,
    villageName(data.village[p]),
    t.tooltipHint,
  ];
  return { text: lines.join('\n'), className: 'deck-tooltip map-tooltip' };
}
