// DOM. Right after a visit with warning signs: what happens now (urgent: the supervisor's queue; a
// risk re-assessment is due) and the case's safety plan, shown at once (G:L263) so the worker can
// go through it with the child and family before leaving.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { useDayFormat } from '../../ui/format';
import { Alert, ErrorAlert, Loading } from '../../ui/misc';
import { UserText } from '../../ui/UserText';
import type { VisitResult } from './VisitForm';

export function VisitSaved({ caseId, result, onClose }: { caseId: string; result: VisitResult; onClose: () => void }) {
  const { t } = useTranslation('followup');
  const day = useDayFormat();
  const safety = useQuery({ queryKey: ['case', caseId, 'safety'], queryFn: () => call('safety.get', { caseId }), enabled: result.showSafetyPlan });
  const plan = safety.data?.safetyPlan ?? null;
  return (
    <div className="stack">
      <p role="status">{t('saved.body')}</p>
      {result.urgent ? <Alert tone="danger">{t('saved.urgent')}</Alert> : null}
      {result.riskReassessmentDue ? (
        <Alert tone="warning">
          {t('alerts.riskDue', { date: day(result.riskReassessmentDue) })} <Link to={`/cases/${caseId}?tab=safety`}>{t('alerts.openSafety')}</Link>
        </Alert>
      ) : null}
      {result.showSafetyPlan ? (
        <section className="card stack" aria-labelledby="followup-safety-plan">
          <h3 id="followup-safety-plan" className="form-title">
            {t('saved.safetyPlan')}
          </h3>
          {safety.isPending ? <Loading /> : null}
          <ErrorAlert error={safety.error} />
          {safety.isSuccess && !plan ? <Alert tone="danger">{t('saved.noSafetyPlan')}</Alert> : null}
          {plan ? (
            <dl className="record-list">
              <div className="record-list__pair">
                <dt>{t('saved.trustedContacts')}</dt>
                <dd>
                  {plan.trustedContacts.map((c, i) => (
                    <p key={i}>
                      <UserText>{c.name}</UserText> {c.phone ? <span dir="ltr">{c.phone}</span> : null}
                    </p>
                  ))}
                </dd>
              </div>
              <div className="record-list__pair">
                <dt>{t('saved.ifHarmed')}</dt>
                <dd dir="auto">{plan.ifHarmed}</dd>
              </div>
              <div className="record-list__pair">
                <dt>{t('saved.emergencyRoute')}</dt>
                <dd dir="auto">{plan.emergencyRoute || '—'}</dd>
              </div>
            </dl>
          ) : null}
        </section>
      ) : null}
      <div className="dialog__footer">
        <Button variant="primary" onClick={onClose}>
          {t('saved.close')}
        </Button>
      </div>
    </div>
  );
}
