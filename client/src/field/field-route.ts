import { create } from 'zustand';
import type { Lang } from '../lib/url-state';
import { useStore } from '../store';

export type FieldTab = 'tasks' | 'nearby' | 'outbox';
export type FieldStep = 'inspection' | 'reinspection';

/** Where the phone page is: a list, a premise's file, or a step's form on it. Mirrors the URL. */
export interface FieldRoute {
  tab: FieldTab;
  premise: number | null;
  step: FieldStep | null;
}

const TABS: readonly FieldTab[] = ['tasks', 'nearby', 'outbox'];

/** Reads the route from /field's query string; anything unknown falls back to the task list. */
export function parseFieldRoute(search: string): FieldRoute {
  const q = new URLSearchParams(search);
  const tab = TABS.find((t) => t === q.get('tab')) ?? 'tasks';
  const id = Number(q.get('premise'));
  const premise = Number.isInteger(id) && id > 0 ? id : null;
  const stepText = q.get('step');
  const step =
    premise !== null && (stepText === 'inspection' || stepText === 'reinspection') ? stepText : null;
  return { tab, premise, step };
}

/** The query string of a route, in the page's language. */
export function fieldSearch(route: FieldRoute, lang: Lang): string {
  const q = new URLSearchParams();
  if (lang !== 'zh') q.set('lang', lang);
  if (route.tab !== 'tasks') q.set('tab', route.tab);
  if (route.premise !== null) q.set('premise', String(route.premise));
  if (route.step) q.set('step', route.step);
  const s = q.toString();
  return s ? `?${s}` : '';
}

interface RouteStore extends FieldRoute {
  go(route: Partial<FieldRoute>): void;
}

/** The route, pushed to the history on every move, so the phone's back button goes back a screen. */
export const useFieldRoute = create<RouteStore>()((set, get) => ({
  ...parseFieldRoute(location.search),
  go(change) {
    const next = { tab: get().tab, premise: get().premise, step: get().step, ...change };
    if (next.premise === null) next.step = null;
    history.pushState(null, '', `${location.pathname}${fieldSearch(next, useStore.getState().lang)}`);
    set(next);
    document.querySelector('.field-page')?.scrollTo(0, 0);
  },
}));

window.addEventListener('popstate', () => useFieldRoute.setState(parseFieldRoute(location.search)));

/** Writes the language into the URL without a new history entry (the switch is not a screen). */
export function keepLangInUrl(lang: Lang): void {
  const { tab, premise, step } = useFieldRoute.getState();
  history.replaceState(null, '', `${location.pathname}${fieldSearch({ tab, premise, step }, lang)}`);
}
