import { fill } from '../i18n/translate';
import { useLang } from '../i18n/use-messages';
import type { Outbox } from '../outbox/outbox';
import { useStore } from '../store';
import { useFieldText } from './field-i18n';
import { useOnline, useOutboxView } from './field-outbox';
import { keepLangInUrl, useFieldRoute } from './field-route';

/** The page's title bar: back to the map, the unsent count (tap: the outbox), the language; and the offline notice. */
export function FieldHeader({ box }: { box: Outbox }) {
  const t = useFieldText();
  const lang = useLang();
  const online = useOnline();
  const view = useOutboxView(box);
  const go = useFieldRoute((s) => s.go);
  const unsent = view.items.filter((i) => i.state !== 'synced').length;
  const waiting = view.items.some((i) => i.state === 'pending');
  const offline = !online || (view.offline && waiting);
  return (
    <>
      <header className="field-header">
        <a className="field-back-map" href="/" data-testid="field-map-link">
          {t.backToMap}
        </a>
        <h1>{t.title}</h1>
        <button
          type="button"
          className={unsent > 0 ? 'field-count has-unsent' : 'field-count'}
          data-testid="outbox-count"
          data-value={unsent}
          onClick={() => go({ tab: 'outbox', premise: null })}
        >
          {view.sending ? t.sending : unsent > 0 ? fill(t.unsentCount, { n: unsent }) : t.allSent}
        </button>
        <button
          type="button"
          className="field-lang"
          data-testid="field-lang"
          onClick={() => {
            const next = lang === 'zh' ? 'en' : 'zh';
            useStore.getState().setLang(next);
            keepLangInUrl(next);
          }}
        >
          {lang === 'zh' ? 'EN' : '中'}
        </button>
      </header>
      {offline && (
        <div className="field-offline" role="status" data-testid="offline-banner">
          {t.offline}
        </div>
      )}
    </>
  );
}
