import { displayMessages } from '../display-i18n';
import { isReconnecting, useDisplayStore } from '../display-store';

/** A small badge while the live link or a fetch is down; the last picture stays on screen. */
export function ReconnectingBadge() {
  const show = useDisplayStore(isReconnecting);
  const lang = useDisplayStore((s) => s.options.lang);
  if (!show) return null;
  return (
    <div className="dsp-reconnecting" data-testid="display-reconnecting" role="status">
      <span className="dsp-pulse" />
      {displayMessages(lang).reconnecting}
    </div>
  );
}
