import { type CategoryCode, categoryByCode } from '../../server/src/domain/categories';
import { dayParts } from '../../server/src/domain/dates';
import type { Problem } from '../../server/src/domain/event-types';
import type { LicenceType } from '../../server/src/domain/licences';
import type { PremiseEvent } from '../../server/src/domain/premise-event';
import { addYears, CAMPAIGN_END, dayBetween, on, workday } from './calendar';
import { EventLog } from './event-log';
import type { HistoryPlan, SurveyLicence } from './history-plan';
import { licenceNumber } from './licence-numbers';
import type { Rng } from './prng';
import { type RoundOutcome, rectificationRound } from './rectification';

const INCIDENTS: Record<CategoryCode, [Problem, string]> = {
  restaurant: ['unsanitary', '顾客就餐后腹泻，3人就医'],
  food_workshop: ['counterfeit', '抽检不合格：防腐剂超标'],
  grocery: ['counterfeit', '销售过期食品被投诉'],
  market: ['unsanitary', '抽检蔬菜农药残留超标'],
  pharmacy: ['counterfeit', '销售假药被举报'],
  lpg_point: ['substandard_facilities', '液化气钢瓶泄漏起火，无人员伤亡'],
  beauty_salon: ['unsanitary', '使用不合格化妆品致顾客过敏'],
  passenger_transport: ['substandard_facilities', '车辆超载，发生轻微交通事故'],
  agri_supply: ['counterfeit', '销售假种子致农户减产'],
  audio_video: ['counterfeit', '查获盗版音像制品'],
};
const UPGRADE_NOTES = ['店招统一，设施改造', '落实进货台账', '更新消毒设备', '改造操作间', '规范店容店貌'];

export interface HistoryContext {
  category: CategoryCode;
  /** In a pilot village: the first-year schedule applies. */
  pilot: boolean;
}

function renewOnTime(rng: Rng, log: EventLog, held: SurveyLicence, validTo: number, notBefore: number): void {
  const years = held.licence === 'business' ? 5 : rng.chance(0.6) ? 3 : 4;
  const renewDay = Math.max(notBefore, validTo - rng.int(3, 30));
  const licenceNo =
    held.licence === 'business' ? held.licenceNo : licenceNumber(rng, held.licence, dayParts(renewDay).year);
  log.licenceObtained(renewDay, held.licence, licenceNo, addYears(validTo, years), '证照延续');
}

interface AfterRound extends RoundOutcome {
  /** Days on which a record says the premise is in order (passed a check, upgraded, made a model). */
  clearDays: number[];
}

/**
 * A licence that ran out while the premise was compliant: renewed late, or caught by an inspection
 * and renewed on order. Writes nothing and returns false if the gap would cover a day on which the
 * premise is recorded as in order; the caller then renews it on time instead.
 */
function lapse(rng: Rng, log: EventLog, held: SurveyLicence, validTo: number, after: AfterRound): boolean {
  const late = rng.chance(0.6);
  const check = validTo + rng.int(20, 120);
  const renewed = late ? validTo + rng.int(15, 75) : check + rng.int(10, 25);
  // Weekend shifts move a record by up to two days; keep clear of them.
  if (after.clearDays.some((d) => d >= validTo - 2 && d <= renewed + 2)) return false;
  const open = (d: number) => after.closeDay === null || d < after.closeDay;
  log.licenceExpired(validTo + 1, held.licence, '证照到期未延续');
  if (late) {
    if (open(renewed)) log.newLicence(rng, renewed, held.licence, '补办延续');
  } else if (open(check)) {
    log.inspected(check, ['unlicensed'], '证照过期');
    const deadline = check + rng.int(30, 60);
    log.ordered(check + rng.int(0, 2), deadline, '限期办理证照延续');
    log.newLicence(rng, renewed, held.licence);
    log.reinspected(Math.max(renewed + 1, deadline + rng.int(-3, 5)), true);
  }
  return true;
}

/** After compliance: upgrades, model sites, demolition, an incident, a reopening, routine checks. */
function afterRound(
  rng: Rng,
  log: EventLog,
  plan: HistoryPlan,
  ctx: HistoryContext,
  round: RoundOutcome,
): AfterRound {
  let { passDay, closeDay } = round;
  const clearDays: number[] = passDay === null ? [] : [passDay];
  let lastDay = passDay ?? closeDay ?? plan.surveyDay;
  if (passDay !== null && (plan.fate === 'model' || rng.chance(ctx.pilot ? 0.6 : 0.3))) {
    const upgraded = passDay + (plan.model2008 ? rng.int(7, 25) : rng.int(15, 120));
    log.simple(upgraded, 'upgraded', rng.pick(UPGRADE_NOTES));
    clearDays.push(upgraded);
    lastDay = upgraded;
    if (plan.fate === 'model') {
      const modelDay = plan.model2008
        ? Math.min(on('2008-12-19'), Math.max(upgraded + 10, on('2008-10-15') + rng.int(0, 50)))
        : upgraded + rng.int(20, 120);
      log.simple(
        modelDay,
        'model',
        `${dayParts(modelDay).year}年度${categoryByCode(ctx.category)?.name}示范点`,
      );
      clearDays.push(modelDay);
      lastDay = modelDay;
    }
  }
  if (passDay !== null && plan.incident) {
    const at = Math.max(lastDay + 30, dayBetween(rng, '2009-03-01', '2010-10-31'));
    const [problem, note] = INCIDENTS[ctx.category];
    log.incident(at, [problem], note);
    const deadline = at + rng.int(15, 45);
    log.ordered(at + rng.int(1, 3), deadline, '事故整改，追究责任');
    if (rng.chance(0.2)) closeDay = at + rng.int(5, 20);
    if (closeDay !== null) log.simple(closeDay, 'closed', '发生质量安全事故，依法关停');
    else log.reinspected(deadline + rng.int(-2, 5), true);
    lastDay = closeDay ?? deadline + 5;
  }
  if (passDay !== null && plan.fate === 'demolished') {
    closeDay = Math.max(lastDay + 30, dayBetween(rng, '2010-03-01', '2010-11-30'));
    log.simple(closeDay, 'closed', '城中村改造征迁，停止经营');
  }
  if (closeDay !== null && plan.reopen) {
    const reopenDay = closeDay + rng.int(120, 300);
    if (reopenDay <= on('2010-11-15')) {
      for (const licence of categoryByCode(ctx.category)?.licences ?? []) {
        log.newLicence(rng, Math.max(closeDay + 1, reopenDay - rng.int(1, 10)), licence, '重新申领');
      }
      log.simple(reopenDay, 'reopened', '证照齐全，重新开业');
      passDay = reopenDay + rng.int(10, 40);
      log.inspected(passDay, [], '开业检查');
      clearDays.push(passDay);
      closeDay = null;
      lastDay = passDay;
    }
  }
  if (passDay !== null && closeDay === null && !plan.incident && rng.chance(0.35)) {
    const check = Math.max(lastDay + 30, dayBetween(rng, '2010-03-01', '2010-11-30'));
    clearDays.push(check);
    if (rng.chance(0.88)) log.inspected(check, [], '巩固检查');
    else {
      const fake = rng.chance(0.4);
      log.inspected(check, [fake ? 'counterfeit' : 'unsanitary'], fake ? '打假专项检查' : '巩固检查');
      const deadline = check + rng.int(15, 30);
      log.ordered(check + rng.int(0, 2), deadline, '限期整改');
      log.reinspected(deadline + rng.int(0, 5), true);
      clearDays.push(deadline + 5);
    }
  }
  return { passDay, closeDay, clearDays };
}

/** The premise's records from its survey on, sorted by day and cut at the campaign's end. */
export function premiseHistory(rng: Rng, plan: HistoryPlan, ctx: HistoryContext): PremiseEvent[] {
  const log = new EventLog();
  const s = plan.surveyDay;
  const r = plan.roundDay;
  log.surveyed(s, plan.opened ? '新开业户' : s > on('2008-09-30') ? '补充摸底' : undefined);
  for (const held of plan.held) {
    log.licenceObtained(s, held.licence, held.licenceNo, held.validToDay, '摸底时已持有');
  }

  const required = categoryByCode(ctx.category)?.licences ?? [];
  const missing = new Set<LicenceType>(required.filter((l) => !plan.held.some((h) => h.licence === l)));
  const later: SurveyLicence[] = [];
  for (const held of plan.held) {
    const validTo = held.validToDay;
    if (validTo === undefined || validTo > CAMPAIGN_END) continue;
    if (r !== null && validTo >= r) later.push(held);
    else if (rng.chance(0.8)) renewOnTime(rng, log, held, validTo, s);
    else {
      log.licenceExpired(validTo + 1, held.licence, '证照到期未延续');
      missing.add(held.licence);
    }
  }

  let outcome: AfterRound = { passDay: null, closeDay: null, clearDays: [] };
  if (r !== null) {
    const input = {
      category: ctx.category,
      day: r,
      missing: [...missing],
      fate: plan.fate,
      fast: plan.model2008 || ctx.pilot,
    };
    outcome = afterRound(rng, log, plan, ctx, rectificationRound(rng, input, log));
  }

  const keepPapers = plan.fate === 'model' || plan.incident;
  for (const held of plan.reopen ? [] : later) {
    const validTo = held.validToDay as number;
    if (outcome.closeDay !== null && validTo >= outcome.closeDay) continue;
    const onTime = keepPapers || outcome.passDay === null || validTo <= outcome.passDay || rng.chance(0.88);
    if (onTime || !lapse(rng, log, held, validTo, outcome)) renewOnTime(rng, log, held, validTo, s);
  }

  const events = log.events;
  for (const e of events) if (e.type !== 'licence_expired') e.day = workday(e.day);
  // Stable insertion sort: the same order as sortEvents (ties keep their recorded order), without
  // its garbage, for a handful of nearly sorted records times a million premises.
  for (let i = 1; i < events.length; i++) {
    const e = events[i];
    let j = i - 1;
    for (; j >= 0 && events[j].day > e.day; j--) events[j + 1] = events[j];
    events[j + 1] = e;
  }
  let keep = events.length;
  while (keep > 0 && events[keep - 1].day > CAMPAIGN_END) keep--;
  events.length = keep;
  return events;
}
