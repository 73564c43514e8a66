// DOM. What went wrong with a change to a case, in the case's words: which gates block a move
// (each linked to its tab), someone else's change (reload), a halted or closed case.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { gates, type GateId } from '@shared/cases/stages';
import { isApiError } from '../../../api';
import { Button } from '../../../ui/Button';
import { Alert, ErrorAlert } from '../../../ui/misc';
import { caseKeys } from '../queries';

/** Each gate's reason with a link to the tab where it is fixed (in this case file, or `caseId`'s). */
export function GateList({ ids, caseId }: { ids: string[]; caseId?: string }) {
  const { t } = useTranslation('cases');
  return (
    <ul className="gate-list">
      {ids.map((id) => {
        const gate = gates[id as GateId];
        return (
          <li key={id} className="gate-list__item">
            <span>{t(`gates.${id}`)}</span>
            {gate ? (
              <Link
                to={{ ...(caseId ? { pathname: `/cases/${caseId}` } : {}), search: `?tab=${gate.tab}` }}
                state={{ focusPanel: true }}
                className="gate-list__link"
              >
                {t('next.goTo', { tab: t(`tabs.${gate.tab}`) })}
              </Link>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function CaseActionError({ error, caseId, onReload }: { error: unknown; caseId: string; onReload?: () => void }) {
  const { t } = useTranslation('cases');
  const queryClient = useQueryClient();
  if (!error) return null;
  if (isApiError(error, 'GATE_BLOCKED')) {
    const ids = String(error.params.gates ?? '')
      .split(',')
      .filter(Boolean);
    return (
      <Alert tone="danger" title={t('errors.gateBlocked')}>
        <GateList ids={ids} />
      </Alert>
    );
  }
  if (isApiError(error, 'CONFLICT')) {
    const reason = String(error.params.reason ?? '');
    if (reason === 'version') {
      return (
        <Alert tone="warning" title={t('errors.versionTitle')}>
          <p>{t('errors.version')}</p>
          <Button
            size="sm"
            onClick={() => {
              void queryClient.invalidateQueries({ queryKey: caseKeys.file(caseId) });
              onReload?.();
            }}
          >
            {t('errors.reload')}
          </Button>
        </Alert>
      );
    }
    if (reason === 'halted' || reason === 'closed' || reason === 'invalidMove' || reason === 'open') {
      return <Alert tone="danger">{t(`errors.conflict.${reason}`)}</Alert>;
    }
  }
  return <ErrorAlert error={error} />;
}
