// DOM. The case file's Closure tab (G:L287-293): the worker recommends closure with the checklist
// and a reason; another supervisor (or a panel, with its agencies) approves or returns it with
// reasons; a closed case says it is read-only and a supervisor can re-open it with a reason. Every
// recommendation, decision and re-opening stays listed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { closureReasons, reopenReasons, riskRating, type ClosureReason, type ReopenReason } from '@shared/closure/rules';
import type { Closure } from '@shared/closure/contract';
import { call } from '../../api';
import { useReadySession } from '../../app/session';
import { Button } from '../../ui/Button';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { useDayFormat } from '../../ui/format';
import { Alert, Badge, Card, ErrorAlert, Loading } from '../../ui/misc';
import { useFormDraft } from '../../ui/useDraft';
import type { FeatureTabProps } from '../cases/featureTabs';
import { caseChanged } from '../cases/queries';

type Risk = { risk: string; likelihood: number; severity: number; mitigation: string };
interface RecommendDraft {
  reason: ClosureReason;
  reasonNote: string;
  observationsReviewed: boolean;
  progressReviewed: boolean;
  providersConsulted: string;
  risks: Risk[];
  childViews: string;
  familyViews: string;
}

const emptyRisk: Risk = { risk: '', likelihood: 1, severity: 1, mitigation: '' };
const emptyRecommendation: RecommendDraft = {
  reason: 'reintegrated',
  reasonNote: '',
  observationsReviewed: false,
  progressReviewed: false,
  providersConsulted: '',
  risks: [emptyRisk],
  childViews: '',
  familyViews: '',
};
const ratingTone = { high: 'danger', medium: 'warning', low: 'neutral' } as const;

function Recommend({ caseId, version, onDone }: { caseId: string; version: number; onDone: () => void }) {
  const { t } = useTranslation('closure');
  // The checklist is long and written over days: it is kept as a draft as it is typed.
  const form = useForm<RecommendDraft>({ defaultValues: emptyRecommendation });
  const draft = useFormDraft(form, `case:${caseId}:closure:recommend`);
  const risks = useFieldArray({ control: form.control, name: 'risks' });
  const [reason, rated] = form.watch(['reason', 'risks']);
  const save = useMutation({
    mutationFn: ({ reason: why, reasonNote, ...checklist }: RecommendDraft) => call('closure.recommend', { caseId, version, reason: why, reasonNote, checklist }),
    onSuccess: async () => {
      await draft.discard();
      onDone();
    },
  });
  const scale = [1, 2, 3];
  return (
    <Card title={t('recommend.title')}>
      <p className="muted">{t('recommend.intro')}</p>
      <form className="form-grid" onSubmit={form.handleSubmit((values) => save.mutate(values))}>
        <SelectField label={t('reason')} {...form.register('reason')}>
          {closureReasons.map((r) => (
            <option key={r} value={r}>
              {t(`reasons.${r}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('reasonNote')} required={reason === 'other'} {...form.register('reasonNote')} />
        <CheckboxField label={t('checklist.observationsReviewed')} {...form.register('observationsReviewed')} />
        <CheckboxField label={t('checklist.progressReviewed')} {...form.register('progressReviewed')} />
        <TextAreaField label={t('checklist.providersConsulted')} required {...form.register('providersConsulted')} />
        <fieldset className="fieldset">
          <legend>{t('checklist.risks')}</legend>
          {risks.fields.map((field, i) => {
            const rating = riskRating(Number(rated[i]?.likelihood ?? 1), Number(rated[i]?.severity ?? 1));
            return (
              <div key={field.id} className="form-row">
                <TextField label={t('risk.risk')} required {...form.register(`risks.${i}.risk`)} />
                {(['likelihood', 'severity'] as const).map((part) => (
                  <SelectField key={part} label={t(`risk.${part}`)} {...form.register(`risks.${i}.${part}`, { valueAsNumber: true })}>
                    {scale.map((n) => (
                      <option key={n} value={n}>
                        {t(`risk.scale.${n}`)}
                      </option>
                    ))}
                  </SelectField>
                ))}
                <Badge tone={ratingTone[rating]}>{t(`risk.rating.${rating}`)}</Badge>
                <TextField label={t('risk.mitigation')} {...form.register(`risks.${i}.mitigation`)} />
                {risks.fields.length > 1 ? (
                  <Button type="button" variant="ghost" onClick={() => risks.remove(i)}>
                    {t('risk.remove')}
                  </Button>
                ) : null}
              </div>
            );
          })}
          <Button type="button" onClick={() => risks.append({ ...emptyRisk })}>
            {t('risk.add')}
          </Button>
        </fieldset>
        <TextAreaField label={t('checklist.childViews')} required {...form.register('childViews')} />
        <TextAreaField label={t('checklist.familyViews')} required {...form.register('familyViews')} />
        <ErrorAlert error={save.error} />
        <div>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {t('recommend.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Decide({ caseId, closure, onDone }: { caseId: string; closure: Closure; onDone: () => void }) {
  const { t } = useTranslation('closure');
  const [note, setNote] = useState('');
  const [agencies, setAgencies] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'approved' | 'returned') =>
      call('closure.decide', { caseId, closureId: closure.id, decision, note, panelAgencies: agencies.split('\n').map((a) => a.trim()).filter(Boolean) }),
    onSuccess: onDone,
  });
  return (
    <div className="form-grid">
      <TextAreaField label={t('decide.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <TextAreaField label={t('decide.agencies')} value={agencies} onChange={(e) => setAgencies(e.target.value)} />
      <ErrorAlert error={decide.error} />
      <div className="form-row">
        <Button variant="primary" onClick={() => decide.mutate('approved')} busy={decide.isPending && decide.variables === 'approved'}>
          {t('decide.approve')}
        </Button>
        <Button onClick={() => decide.mutate('returned')} busy={decide.isPending && decide.variables === 'returned'}>
          {t('decide.return')}
        </Button>
      </div>
    </div>
  );
}

function Reopen({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation('closure');
  const [reason, setReason] = useState<ReopenReason>('re_separation');
  const [note, setNote] = useState('');
  const reopen = useMutation({ mutationFn: () => call('closure.reopen', { caseId, reason, note }), onSuccess: onDone });
  return (
    <Card title={t('reopen.title')}>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          reopen.mutate();
        }}
      >
        <SelectField label={t('reopen.reason')} value={reason} onChange={(e) => setReason(e.target.value as ReopenReason)}>
          {reopenReasons.map((r) => (
            <option key={r} value={r}>
              {t(`reopen.reasons.${r}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t('reopen.note')} value={note} onChange={(e) => setNote(e.target.value)} required />
        <ErrorAlert error={reopen.error} />
        <div>
          <Button type="submit" variant="primary" busy={reopen.isPending}>
            {t('reopen.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

export default function ClosureTab({ caseFile }: FeatureTabProps) {
  const { t } = useTranslation('closure');
  const day = useDayFormat();
  const session = useReadySession();
  const client = useQueryClient();
  const history = useQuery({ queryKey: ['closure', caseFile.id], queryFn: () => call('closure.get', { caseId: caseFile.id }) });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['closure', caseFile.id] });
    caseChanged(client, await call('cases.get', { caseId: caseFile.id }));
  };
  const canApprove = session.permissions.includes('case.approve');
  const pending = history.data?.closures.find((c) => c.status === 'recommended');
  if (history.isPending) return <Loading />;
  return (
    <div className="stack">
      <ErrorAlert error={history.error} />
      {caseFile.status === 'closed' ? (
        <Alert tone="info" title={t('closed.title')}>
          {t('closed.body')}
        </Alert>
      ) : null}
      {caseFile.status === 'closed' && canApprove ? <Reopen caseId={caseFile.id} onDone={refresh} /> : null}
      {pending ? (
        <Card title={t('pending.title')}>
          <p>
            {t(`reasons.${pending.reason}`)} · {t('pending.by', { name: pending.recommendedByName ?? '', date: day(pending.recommendedAt) })}
          </p>
          {canApprove && pending.recommendedById !== session.userId ? <Decide caseId={caseFile.id} closure={pending} onDone={refresh} /> : <p className="muted">{t('pending.waiting')}</p>}
        </Card>
      ) : null}
      {!pending && caseFile.canWrite ? <Recommend caseId={caseFile.id} version={caseFile.version} onDone={refresh} /> : null}
      <Card title={t('history.title')}>
        {(history.data?.closures.length ?? 0) + (history.data?.reopenings.length ?? 0) === 0 ? <p className="muted">{t('history.empty')}</p> : null}
        <ul className="work-list">
          {(history.data?.closures ?? []).map((c) => (
            <li key={c.id} className="work-item">
              <span>
                <Badge tone={c.status === 'approved' ? 'success' : c.status === 'recommended' ? 'warning' : 'neutral'}>{t(`status.${c.status}`)}</Badge> {t(`reasons.${c.reason}`)}
              </span>
              <span className="work-item__meta">
                {t('pending.by', { name: c.recommendedByName ?? '', date: day(c.recommendedAt) })}
                {c.decidedAt ? ` · ${t('history.decided', { name: c.decidedByName ?? '', date: day(c.decidedAt) })}` : ''}
                {c.panelAgencies.length ? ` · ${c.panelAgencies.join(', ')}` : ''}
              </span>
              {c.decisionNote ? (
                <p>
                  <bdi>{c.decisionNote}</bdi>
                </p>
              ) : null}
            </li>
          ))}
          {(history.data?.reopenings ?? []).map((r) => (
            <li key={r.id} className="work-item">
              <span>
                <Badge tone="info">{t('history.reopened')}</Badge> {t(`reopen.reasons.${r.reason}`)}
              </span>
              <span className="work-item__meta">{t('history.reopenedBy', { name: r.reopenedByName ?? '', date: day(r.reopenedAt) })}</span>
              <p>
                <bdi>{r.note}</bdi>
              </p>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
