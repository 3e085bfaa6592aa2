import { useEffect } from 'react';
import { useMessages } from '../i18n/use-messages';
import type { MessageKey } from '../i18n/zh';
import { useDrawStore } from '../map/draw/draw-store';
import { DRAW_MODES, type DrawMode } from '../map/draw/draw-types';
import { useDrawCommands } from '../map/draw/use-draw-commands';
import { DrawIcon } from './draw-icons';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * The drawing tools on the map: polygon, rectangle, circle, freehand, select; undo and delete.
 * The buttons are part of the page; terra-draw loads when one is first used.
 */
export function DrawToolbar() {
  const t = useMessages();
  const commands = useDrawCommands();
  const mode = useDrawStore((s) => s.mode);
  const loading = useDrawStore((s) => s.loading);
  const canUndo = useDrawStore((s) => s.canUndo);
  const drawing = useDrawStore((s) => s.drawing);
  const hasShape = useDrawStore((s) => s.shape !== null) || drawing;

  // Escape belongs to the page, not to whichever element has the focus: it cancels the shape being
  // drawn, or puts the tool down.
  useEffect(() => {
    if (mode === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !isTyping(e.target)) commands.cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode, commands]);

  const choose = (m: DrawMode) => void commands.setMode(mode === m ? null : m);
  return (
    <div
      className="draw-toolbar"
      role="toolbar"
      aria-label={t.drawTools}
      data-mode={mode ?? ''}
      data-drawing={drawing}
      onPointerEnter={commands.preload}
    >
      <div className="draw-buttons">
        {DRAW_MODES.map((m) => (
          <button
            key={m}
            type="button"
            data-testid={`draw-${m}`}
            className={mode === m ? 'active' : undefined}
            aria-pressed={mode === m}
            title={t[`hint_${m}` as MessageKey]}
            onClick={() => choose(m)}
          >
            <DrawIcon name={m} />
            <span>{t[`draw_${m}` as MessageKey]}</span>
          </button>
        ))}
        <span className="draw-sep" />
        <button
          type="button"
          data-testid="draw-undo"
          disabled={!canUndo}
          onClick={commands.undo}
          title={t.drawUndo}
        >
          <DrawIcon name="undo" />
          <span>{t.drawUndo}</span>
        </button>
        <button
          type="button"
          data-testid="draw-delete"
          disabled={!hasShape}
          onClick={commands.clear}
          title={t.drawDelete}
        >
          <DrawIcon name="delete" />
          <span>{t.drawDelete}</span>
        </button>
      </div>
      {(loading || mode) && (
        <p className="draw-hint" role="status">
          {loading ? t.drawLoading : t[`hint_${mode}` as MessageKey]}
        </p>
      )}
    </div>
  );
}
