import type { Outbox } from '../outbox/outbox';
import { useFieldText } from './field-i18n';
import { useOutboxView } from './field-outbox';
import { type FieldTab, useFieldRoute } from './field-route';

const TABS: readonly FieldTab[] = ['tasks', 'nearby', 'outbox'];

/** The three lists: my tasks, premises near me, the outbox (with how many records wait). */
export function FieldTabs({ box }: { box: Outbox }) {
  const t = useFieldText();
  const tab = useFieldRoute((s) => s.tab);
  const go = useFieldRoute((s) => s.go);
  const held = useOutboxView(box).items.filter((i) => i.state !== 'synced').length;
  return (
    <div className="field-tabs" role="tablist">
      {TABS.map((key) => (
        <button
          key={key}
          type="button"
          role="tab"
          aria-selected={tab === key}
          className={tab === key ? 'active' : undefined}
          data-testid={`field-tab-${key}`}
          onClick={() => go({ tab: key, premise: null })}
        >
          {t[`tab_${key}`]}
          {key === 'outbox' && held > 0 && <span className="field-tab-badge">{held}</span>}
        </button>
      ))}
    </div>
  );
}
