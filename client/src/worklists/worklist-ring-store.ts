import { create } from 'zustand';
import type { WorklistRing } from '../lib/worklist-ring';

/**
 * The work list shown on the map (工作清单图层), switched on from the list. Not in the URL: the
 * rings are the answer of a list the workspace asked for, and go when the workspace closes.
 */
export const useWorklistRing = create<{ ring: WorklistRing | null }>()(() => ({ ring: null }));
