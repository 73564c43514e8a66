// DOM. Supervision (supervisors): the one approvals queue (oldest first, with its age), the
// caseload per worker, and review sessions — the list and the form that starts one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { selectionRules, type SelectionRule } from '@shared/review/rules';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { todayUtc, useDayFormat } from '../../ui/format';
import { Badge, Card, ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { stages } from '@shared/cases/stages';

function Queue() {
  const { t } = useTranslation(['review', 'cases']);
  const day = useDayFormat();
  const queue = useQuery({ queryKey: ['approvals', 'queue'], queryFn: () => call('approvals.pending', {}) });
  return (
    <Card title={t('queue.title')}>
      {queue.isPending ? <Loading /> : null}
      <ErrorAlert error={queue.error} />
      {queue.data && queue.data.items.length === 0 ? <p className="muted">{t('queue.empty')}</p> : null}
      {queue.data && queue.data.items.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('queue.kind')}</th>
              <th scope="col">{t('queue.case')}</th>
              <th scope="col">{t('queue.by')}</th>
              <th scope="col">{t('queue.since')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.items.map((item) => (
              <tr key={`${item.kind}:${item.itemId}`}>
                <td>
                  {t(`cases:work.approvalKinds.${item.kind}`)}
                  {item.canDecide ? null : (
                    <>
                      {' '}
                      <Badge tone="warning">{t('queue.yours')}</Badge>
                    </>
                  )}
                </td>
                <td>
                  <Link to={`/cases/${item.caseId}?tab=${item.kind === 'bid' ? 'bid' : item.kind === 'plan' ? 'plan' : 'overview'}`}>
                    <bdi>{`${item.case.givenName} ${item.case.familyName}`.trim()}</bdi>{' '}
                    <span className="mono" dir="ltr">
                      {item.case.number}
                    </span>
                  </Link>
                </td>
                <td>
                  <bdi>{item.requestedByName ?? ''}</bdi>
                </td>
                <td>
                  {day(item.since)} ({t('queue.age', { count: item.ageDays })})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Card>
  );
}

function Caseload() {
  const { t } = useTranslation(['review', 'cases']);
  const load = useQuery({ queryKey: ['review', 'caseload'], queryFn: () => call('review.caseload', {}) });
  return (
    <Card title={t('caseload.title')}>
      {load.isPending ? <Loading /> : null}
      <ErrorAlert error={load.error} />
      {load.data ? (
        <>
          <p className="muted">{t('caseload.warnNote', { size: load.data.warnSize })}</p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('caseload.title')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('caseload.worker')}</th>
                  <th scope="col">{t('caseload.open')}</th>
                  <th scope="col">{t('caseload.stages')}</th>
                  <th scope="col">{t('caseload.high')}</th>
                  <th scope="col">{t('caseload.overdue')}</th>
                  <th scope="col">{t('caseload.overdueVisits')}</th>
                  <th scope="col">{t('caseload.waiting')}</th>
                  <th scope="col">{t('caseload.halted')}</th>
                  <th scope="col">{t('caseload.longInCare')}</th>
                  <th scope="col">{t('caseload.avgDays')}</th>
                  <th scope="col">{t('caseload.warningSigns')}</th>
                  <th scope="col">{t('caseload.spontaneous')}</th>
                  <th scope="col">{t('caseload.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {load.data.rows.map((row) => (
                  <tr key={row.workerId}>
                    <th scope="row">
                      <Link to={`/cases?worker=${row.workerId}&status=open`}>
                        <bdi>{row.workerName}</bdi>
                      </Link>
                    </th>
                    <td>
                      {row.open}{' '}
                      {row.overCaseload ? <Badge tone="warning">{t('caseload.over', { size: load.data.warnSize })}</Badge> : null}
                    </td>
                    <td>{stages.map((s) => `${t(`cases:stages.${s}`)}: ${row.byStage[s] ?? 0}`).join(' · ')}</td>
                    <td>{row.byRisk.high}</td>
                    <td>{row.overdueReviews}</td>
                    <td>{row.overdueVisits}</td>
                    <td>{row.awaitingApproval}</td>
                    <td>{row.halted}</td>
                    <td>{row.longInCare}</td>
                    <td>{row.averageDaysInCare}</td>
                    <td>{row.warningSigns}</td>
                    <td>{row.spontaneous}</td>
                    <td>{row.openActions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Card>
  );
}

function StartSession() {
  const { t } = useTranslation('review');
  const navigate = useNavigate();
  const client = useQueryClient();
  const [heldOn, setHeldOn] = useState(todayUtc());
  const [kind, setKind] = useState<'supervisor' | 'panel'>('supervisor');
  const [agencies, setAgencies] = useState('');
  const [participants, setParticipants] = useState('');
  const [rules, setRules] = useState<SelectionRule[]>(['high_risk', 'overdue', 'closure_requested']);
  const [sampleSize, setSampleSize] = useState(2);
  const start = useMutation({
    mutationFn: () =>
      call('review.startSession', {
        heldOn,
        kind,
        agencies: agencies.split('\n').map((a) => a.trim()).filter(Boolean),
        participants,
        rules,
        sampleSize,
      }),
    onSuccess: async (session) => {
      await client.invalidateQueries({ queryKey: ['review'] });
      navigate(`/reviews/${session.id}`);
    },
  });
  return (
    <Card title={t('sessions.start')}>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate();
        }}
      >
        <TextField label={t('sessions.heldOn')} type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} required />
        <SelectField label={t('sessions.kind')} value={kind} onChange={(e) => setKind(e.target.value as 'supervisor' | 'panel')}>
          <option value="supervisor">{t('sessions.kinds.supervisor')}</option>
          <option value="panel">{t('sessions.kinds.panel')}</option>
        </SelectField>
        {kind === 'panel' ? <TextAreaField label={t('sessions.agencies')} value={agencies} onChange={(e) => setAgencies(e.target.value)} required /> : null}
        <TextField label={t('sessions.participants')} value={participants} onChange={(e) => setParticipants(e.target.value)} />
        <fieldset className="fieldset">
          <legend>{t('sessions.rules')}</legend>
          {selectionRules.map((rule) => (
            <CheckboxField
              key={rule}
              label={t(`rules.${rule}`)}
              checked={rules.includes(rule)}
              onChange={(e) => setRules(e.target.checked ? [...rules, rule] : rules.filter((r) => r !== rule))}
            />
          ))}
        </fieldset>
        <TextField label={t('sessions.sample')} type="number" min={0} max={50} value={sampleSize} onChange={(e) => setSampleSize(Number(e.target.value))} />
        <ErrorAlert error={start.error} />
        <div>
          <Button type="submit" variant="primary" busy={start.isPending}>
            {t('sessions.start')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Sessions() {
  const { t } = useTranslation('review');
  const day = useDayFormat();
  const list = useQuery({ queryKey: ['review', 'sessions'], queryFn: () => call('review.listSessions', {}) });
  return (
    <Card title={t('sessions.title')}>
      {list.isPending ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {list.data && list.data.length === 0 ? <p className="muted">{t('sessions.empty')}</p> : null}
      <ul className="work-list">
        {(list.data ?? []).map((s) => (
          <li key={s.id} className="work-item">
            <Link to={`/reviews/${s.id}`}>
              {day(s.heldOn)} · {t(`sessions.kinds.${s.kind}`)}
            </Link>
            <span className="work-item__meta">
              <span>{t('sessions.cases', { decided: s.decided, count: s.cases })}</span>
              <Badge tone={s.status === 'open' ? 'info' : 'neutral'}>{t(`sessions.status.${s.status}`)}</Badge>
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function SupervisionPage() {
  const { t } = useTranslation('review');
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <div className="stack">
        <Queue />
        <Caseload />
        <StartSession />
        <Sessions />
      </div>
    </>
  );
}
