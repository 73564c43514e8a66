// DOM. The case file's tabs (WAI-ARIA tabs pattern): a tablist with roving focus (arrow keys follow
// the reading direction, Home/End), the tab in the URL (`?tab=`; other parameters such as
// `section` are left for the tab itself to read), and one panel. Other features' tabs load lazily;
// one that is not built yet says so.
import { Component, Suspense, useEffect, useRef, type ErrorInfo, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { CaseFile } from '@shared/cases/contract';
import { caseTabs, type CaseTab } from '@shared/cases/stages';
import { Loading } from '../../../ui/misc';
import { featureTabs } from '../featureTabs';
import { OverviewTab } from './OverviewTab';
import { TimelineTab } from './TimelineTab';

export function tabFromParam(value: string | null): CaseTab {
  return value !== null && (caseTabs as readonly string[]).includes(value) ? (value as CaseTab) : 'overview';
}

class TabBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('case tab failed', error, info.componentStack);
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function NotBuiltYet({ tab }: { tab: CaseTab }) {
  const { t } = useTranslation('cases');
  return (
    <div className="empty-state">
      <h2 className="empty-state__title">{t('tabs.notAvailableTitle', { tab: t(`tabs.${tab}`) })}</h2>
      <p>{t('tabs.notAvailable')}</p>
    </div>
  );
}

function TabFailed() {
  const { t } = useTranslation('cases');
  return (
    <div className="empty-state" role="alert">
      <h2 className="empty-state__title">{t('tabs.failedTitle')}</h2>
      <p>{t('tabs.failed')}</p>
    </div>
  );
}

function TabContent({ tab, caseFile }: { tab: CaseTab; caseFile: CaseFile }) {
  if (tab === 'overview') return <OverviewTab caseFile={caseFile} />;
  if (tab === 'timeline') return <TimelineTab caseFile={caseFile} />;
  const Feature = featureTabs[tab];
  if (!Feature) return <NotBuiltYet tab={tab} />;
  return (
    <TabBoundary key={tab} fallback={<TabFailed />}>
      <Suspense fallback={<Loading />}>
        <Feature caseFile={caseFile} />
      </Suspense>
    </TabBoundary>
  );
}

export function CaseTabs({ caseFile }: { caseFile: CaseFile }) {
  const { t, i18n } = useTranslation('cases');
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const active = tabFromParam(params.get('tab'));
  const tabRefs = useRef(new Map<CaseTab, HTMLButtonElement>());
  const panel = useRef<HTMLDivElement>(null);
  const attention = new Set(caseFile.next.blocked.map((gate) => gate.tab));
  const rtl = i18n.dir(i18n.language) === 'rtl';

  // Arriving from a "what's next" link: take the reader to the panel.
  const focusPanel = (location.state as { focusPanel?: boolean } | null)?.focusPanel === true;
  useEffect(() => {
    if (!focusPanel) return;
    panel.current?.focus();
    panel.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    navigate({ search: location.search }, { replace: true, state: null });
  }, [focusPanel, location.search, navigate]);

  const select = (tab: CaseTab, focus: boolean) => {
    const next = new URLSearchParams(params);
    if (tab === 'overview') next.delete('tab');
    else next.set('tab', tab);
    next.delete('section');
    setParams(next, { replace: true });
    if (focus) tabRefs.current.get(tab)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = caseTabs.indexOf(active);
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: number | null = null;
    if (event.key === forward) next = (index + 1) % caseTabs.length;
    else if (event.key === backward) next = (index - 1 + caseTabs.length) % caseTabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = caseTabs.length - 1;
    if (next === null) return;
    event.preventDefault();
    select(caseTabs[next], true);
  };

  return (
    <div className="case-tabs">
      <div className="case-tabs__list" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown}>
        {caseTabs.map((tab) => {
          const selected = tab === active;
          const built = tab === 'overview' || tab === 'timeline' || featureTabs[tab] !== undefined;
          return (
            <button
              key={tab}
              ref={(node) => {
                if (node) tabRefs.current.set(tab, node);
                else tabRefs.current.delete(tab);
              }}
              type="button"
              role="tab"
              id={`case-tab-${tab}`}
              aria-selected={selected}
              aria-controls={selected ? 'case-tabpanel' : undefined}
              tabIndex={selected ? 0 : -1}
              className={`case-tab${selected ? ' case-tab--active' : ''}${built ? '' : ' case-tab--soon'}`}
              onClick={() => select(tab, false)}
            >
              {t(`tabs.${tab}`)}
              {attention.has(tab) ? (
                <span className="case-tab__dot" title={t('tabs.needsAttention')}>
                  <span className="visually-hidden">{t('tabs.needsAttention')}</span>
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      <div className="case-tabs__panel" role="tabpanel" id="case-tabpanel" aria-labelledby={`case-tab-${active}`} tabIndex={-1} ref={panel}>
        <TabContent tab={active} caseFile={caseFile} />
      </div>
    </div>
  );
}
