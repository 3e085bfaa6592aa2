import { type ReactNode, useEffect, useState } from 'react';

export const STAGE_WIDTH = 1920;
export const STAGE_HEIGHT = 1080;

function fitStage() {
  const scale = Math.min(window.innerWidth / STAGE_WIDTH, window.innerHeight / STAGE_HEIGHT);
  return {
    scale,
    left: (window.innerWidth - STAGE_WIDTH * scale) / 2,
    top: (window.innerHeight - STAGE_HEIGHT * scale) / 2,
  };
}

/** The stage's scale on screen: the map renders at devicePixelRatio × scale to stay sharp at 4K. */
export function useStageScale(): number {
  const [scale, setScale] = useState(() => fitStage().scale);
  useEffect(() => {
    const onResize = () => setScale(fitStage().scale);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

/**
 * The 1920×1080 design, scaled as one piece to fill any window (letterboxed when it is not 16:9),
 * so 1080p and 4K screens show exactly the same layout.
 */
export function Stage({ children }: { children: ReactNode }) {
  const [box, setBox] = useState(fitStage);
  useEffect(() => {
    const onResize = () => setBox(fitStage());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return (
    <div className="dsp-viewport">
      <div
        className="dsp-stage"
        style={{
          width: STAGE_WIDTH,
          height: STAGE_HEIGHT,
          transform: `translate(${box.left}px, ${box.top}px) scale(${box.scale})`,
        }}
      >
        {children}
      </div>
    </div>
  );
}
