import { create } from 'zustand';
import type { DisplayAreas, DisplayCampaign, DisplayVillages } from './display-api';
import type { FeedStatus } from './display-feed';
import type { DisplayFrame, ReplayFrames } from './display-frame';
import { type DisplayOptions, parseDisplayOptions } from './display-url';

export interface DisplayState {
  /** From the URL, read once: the screen has no controls. */
  options: DisplayOptions;
  campaign: DisplayCampaign | null;
  villages: DisplayVillages | null;
  areas: DisplayAreas | null;
  /** Replay mode: the whole campaign, played by the replay clock. */
  replay: ReplayFrames | null;
  /** What is on the screen now; kept through any outage until a newer picture arrives. */
  frame: DisplayFrame | null;
  link: FeedStatus;
  /** The last fetch failed: the picture may be stale until the next one succeeds. */
  fetchFailed: boolean;
}

/** The big screen's own small store (the campaign map's store is not loaded here). */
export const useDisplayStore = create<DisplayState>()(() => ({
  options: parseDisplayOptions(typeof location === 'undefined' ? '' : location.search),
  campaign: null,
  villages: null,
  areas: null,
  replay: null,
  frame: null,
  link: 'connecting',
  fetchFailed: false,
}));

/** Whether the screen should say it is reconnecting. */
export function isReconnecting(s: Pick<DisplayState, 'link' | 'fetchFailed'>): boolean {
  return s.link === 'reconnecting' || s.fetchFailed;
}
