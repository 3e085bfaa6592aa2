import { useEffect, useState } from 'react';

const BASE_FONT_PX = 14;

function currentScale(): number {
  const px = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(px) && px > 0 ? px / BASE_FONT_PX : 1;
}

/** The page's type scale relative to 14 px (styles.css raises the root size on large screens). */
export function usePixelScale(): number {
  const [scale, setScale] = useState(currentScale);
  useEffect(() => {
    const onResize = () => setScale(currentScale());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}
