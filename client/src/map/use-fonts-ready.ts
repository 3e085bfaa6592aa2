import { useEffect, useState } from 'react';

/**
 * Becomes true once the shipped font can draw `characters` (at the weight the map labels use), so
 * deck.gl builds its text atlas from it rather than from a fallback font. Loads only the subsets
 * needed; false again while new characters (a new area name) load.
 */
export function useFontsReady(fontFamily: string, characters: string): boolean {
  const [readyFor, setReadyFor] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const family = fontFamily.split(',')[0].trim();
    Promise.all([
      document.fonts.load(`700 16px ${family}`, characters),
      document.fonts.load(`400 16px ${family}`, characters),
    ])
      .catch(() => undefined)
      .then(() => live && setReadyFor(characters));
    return () => {
      live = false;
    };
  }, [fontFamily, characters]);
  return readyFor === characters;
}
