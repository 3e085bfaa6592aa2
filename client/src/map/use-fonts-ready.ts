import { useEffect, useState } from 'react';

/**
 * Becomes true once the shipped font can draw `characters` (at the weight the map labels use), so
 * deck.gl builds its text atlas from it rather than from a fallback font. Loads only the subsets needed.
 */
export function useFontsReady(fontFamily: string, characters: string): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    const family = fontFamily.split(',')[0].trim();
    Promise.all([
      document.fonts.load(`700 16px ${family}`, characters),
      document.fonts.load(`400 16px ${family}`, characters),
    ])
      .catch(() => undefined)
      .then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [fontFamily, characters]);
  return ready;
}
