import { useStore } from '../store';
import { messages } from './translate';

/** The message table of the current language. */
export function useMessages() {
  return messages(useStore((s) => s.lang));
}

/** The current language. */
export function useLang() {
  return useStore((s) => s.lang);
}
