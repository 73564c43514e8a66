// DOM. One review session, gone through case by case: the review sheet (what the records hold),
// then the decision, the supervision note, whether the child and the family took part, and actions
// with an owner and a due date. The summary prints as a PDF built by the core.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Language } from '@shared/i18n/languages';
import { reviewDecisions, type ReviewDecision } from '@shared/review/rules';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { saveGeneratedFile } from '../../ui/download';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { todayUtc, useDayFormat } from '../../ui/format';
import { Badge, Card, ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';
import { ReviewSheetView } from './ReviewSheetView';

type ActionRow = { text: string; ownerId: string; dueOn: string };

interface DecisionDraft {
  decision: ReviewDecision;
  note: string;
  child: boolean;
  family: boolean;
  actions: ActionRow[];
}

function DecisionForm({ sessionId, caseId, workerId, onSaved }: { sessionId: string; caseId: string; workerId: string | null; onSaved: () => void }) {
  const { t } = useTranslation('review');
  const toast = useToast();
  const client = useQueryClient();
  const staff = useQuery({ queryKey: ['cases', 'staff'], queryFn: () => call('cases.staff', {}) });
  // A decision and its actions are kept as a draft as they are typed (the lock, a switch of case).
  const form = useForm<DecisionDraft>({ defaultValues: { decision: 'continue', note: '', child: false, family: false, actions: [] } });
  const draft = useFormDraft(form, `review:${sessionId}:${caseId}:decision`);
  const actions = useFieldArray({ control: form.control, name: 'actions' });
  const save = useMutation({
    mutationFn: (values: DecisionDraft) =>
      call('review.decide', { sessionId, caseId, decision: values.decision, note: values.note, childConsulted: values.child, familyConsulted: values.family, actions: values.actions }),
    onSuccess: async (session) => {
      await draft.discard();
      client.setQueryData(['review', 'session', sessionId], session);
      void client.invalidateQueries({ queryKey: ['review', 'sessions'] });
      toast.show(t('decision.saved'), 'success');
      onSaved();
    },
  });
  return (
    <form className="form-grid" onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      <SelectField label={t('decision.label')} {...form.register('decision')}>
        {reviewDecisions.map((d) => (
          <option key={d} value={d}>
            {t(`decision.options.${d}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t('decision.note')} {...form.register('note')} />
      <CheckboxField label={t('decision.childConsulted')} {...form.register('child')} />
      <CheckboxField label={t('decision.familyConsulted')} description={t('decision.countsHint')} {...form.register('family')} />
      <fieldset className="fieldset">
        <legend>{t('decision.actions')}</legend>
        {actions.fields.map((field, i) => (
          <div key={field.id} className="form-row">
            <TextField label={t('decision.actionText')} required {...form.register(`actions.${i}.text`)} />
            <SelectField label={t('decision.owner')} required {...form.register(`actions.${i}.ownerId`)}>
              {(staff.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName}
                </option>
              ))}
            </SelectField>
            <TextField label={t('decision.due')} type="date" required {...form.register(`actions.${i}.dueOn`)} />
            <Button type="button" variant="ghost" onClick={() => actions.remove(i)}>
              {t('decision.removeAction')}
            </Button>
          </div>
        ))}
        <Button type="button" onClick={() => actions.append({ text: '', ownerId: workerId ?? staff.data?.[0]?.id ?? '', dueOn: todayUtc() })}>
          {t('decision.addAction')}
        </Button>
      </fieldset>
      <ErrorAlert error={save.error} />
      <div>
        <Button type="submit" variant="primary" busy={save.isPending}>
          {t('decision.save')}
        </Button>
      </div>
    </form>
  );
}

export function SessionPage() {
  const { t, i18n } = useTranslation(['review', 'cases']);
  const day = useDayFormat();
  const { sessionId = '' } = useParams();
  const client = useQueryClient();
  const [index, setIndex] = useState(0);
  const session = useQuery({ queryKey: ['review', 'session', sessionId], queryFn: () => call('review.getSession', { sessionId }) });
  const items = session.data?.items ?? [];
  const item = items[Math.min(index, Math.max(0, items.length - 1))];
  const print = useMutation({
    mutationFn: () => call('review.printSummary', { sessionId, lang: i18n.language as Language }),
    onSuccess: (file) => saveGeneratedFile(file, 'application/pdf'),
  });
  const finish = useMutation({
    mutationFn: () => call('review.finishSession', { sessionId }),
    onSuccess: (s) => {
      client.setQueryData(['review', 'session', sessionId], s);
      void client.invalidateQueries({ queryKey: ['review', 'sessions'] });
    },
  });
  if (session.isPending) return <Loading />;
  if (!session.data) return <ErrorAlert error={session.error} />;
  const s = session.data;
  return (
    <>
      <PageHeader
        title={t('session.title', { date: day(s.heldOn) })}
        description={`${t(`sessions.kinds.${s.kind}`)}${s.agencies.length ? ` · ${s.agencies.join(', ')}` : ''} · ${t('sessions.cases', { decided: s.decided, count: s.cases })}`}
        actions={
          <>
            <Button onClick={() => print.mutate()} busy={print.isPending}>
              {t('session.print')}
            </Button>
            {s.status === 'open' ? (
              <Button onClick={() => finish.mutate()} busy={finish.isPending}>
                {t('session.finish')}
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorAlert error={print.error ?? finish.error} />
      {item ? (
        <div className="stack">
          <nav className="form-row" aria-label={t('session.caseOf', { n: index + 1, count: items.length })}>
            <Button onClick={() => setIndex(Math.max(0, index - 1))} disabled={index === 0}>
              {t('session.previous')}
            </Button>
            <span aria-live="polite">{t('session.caseOf', { n: index + 1, count: items.length })}</span>
            <Button onClick={() => setIndex(Math.min(items.length - 1, index + 1))} disabled={index >= items.length - 1}>
              {t('session.next')}
            </Button>
          </nav>
          <Card
            title={
              <Link to={`/cases/${item.caseId}`}>
                <bdi>{`${item.case.givenName} ${item.case.familyName}`.trim()}</bdi>{' '}
                <span className="mono" dir="ltr">
                  {item.case.number}
                </span>
              </Link>
            }
          >
            <p>
              {t('session.pickedFor')}: {item.reasons.map((r) => t(`rules.${r}`)).join(', ')}
            </p>
            {item.decision ? (
              <p>
                <Badge tone="success">{t('session.decided')}</Badge> {t(`decision.options.${item.decision}`)}
                {item.countsAsPlanReview ? ` · ${t('decision.counted')}` : ''}
              </p>
            ) : null}
          </Card>
          <ReviewSheetView sessionId={sessionId} caseId={item.caseId} />
          {s.status === 'open' ? (
            <Card title={t('decision.title')}>
              <DecisionForm key={item.caseId} sessionId={sessionId} caseId={item.caseId} workerId={item.case.workerId} onSaved={() => setIndex(Math.min(items.length - 1, index + 1))} />
            </Card>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
