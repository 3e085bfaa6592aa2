import './field.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLang } from '../i18n/use-messages';
import { loadSession } from '../session';
import { FieldHeader } from './field-header';
import { useFieldText } from './field-i18n';
import { fieldOutbox, useOutboxSync } from './field-outbox';
import { standardsQuery } from './field-queries';
import { useFieldRoute } from './field-route';
import { FieldTabs } from './field-tabs';
import { MyTasks } from './my-tasks';
import { NearbyPremises } from './nearby-premises';
import { keepFieldStartingOffline } from './offline-start';
import { OutboxList } from './outbox-list';
import { PremiseCard } from './premise-card';
import { StepForm } from './step-form';

/**
 * The phone page (/field, laid out for 360 px): my tasks, premises near me, a premise's file, and
 * an inspection or re-inspection recorded into the outbox, which sends it when the network allows.
 */
export default function FieldApp() {
  const qc = useQueryClient();
  const box = fieldOutbox(qc);
  useOutboxSync(box);
  const t = useFieldText();
  const lang = useLang();
  const route = useFieldRoute();
  // the checklists are read once while online, so a form opens offline too
  useQuery(standardsQuery);

  // when a service worker takes the page over, what the page read is read again through it, to be kept
  useEffect(
    () =>
      keepFieldStartingOffline(() => {
        void loadSession().catch(() => {});
        void qc.refetchQueries();
      }),
    [qc],
  );

  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = t.title;
  }, [lang, t]);

  let screen: React.ReactNode;
  if (route.premise !== null && route.step)
    screen = <StepForm premiseId={route.premise} kind={route.step} box={box} />;
  else if (route.premise !== null) screen = <PremiseCard premiseId={route.premise} box={box} />;
  else if (route.tab === 'nearby') screen = <NearbyPremises />;
  else if (route.tab === 'outbox') screen = <OutboxList box={box} />;
  else screen = <MyTasks />;

  return (
    <div className="field-page" data-testid="field-page">
      <FieldHeader box={box} />
      {route.premise === null && <FieldTabs box={box} />}
      <main className="field-main">{screen}</main>
    </div>
  );
}
