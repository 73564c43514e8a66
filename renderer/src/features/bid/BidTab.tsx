// DOM. Best Interests Determination: the worker records the panel (each member's view and
// recommendation), the options considered, the child's views in their own words, the decision and
// its reasons, then submits; a supervisor approves or returns it with a comment.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { bidDecisions, bidFields, bidMissing, editableBidStatuses, type Bid, type BidSummary } from '@shared/bid/contract';
import type { CaseFile } from '@shared/cases/contract';
import { call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { focusWhenPresent } from '../../ui/focus';
import { applyCoreIssues, formSchemaOptions } from '../../ui/errors';
import { FieldErrorNamespace, SelectField, TextAreaField, TextField } from '../../ui/form/fields';
import { todayUtc, useDayFormat } from '../../ui/format';
import { Alert, Badge, Card, ErrorAlert, Loading } from '../../ui/misc';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { ChildViewsText } from '../casework/ChildViewsFields';
import { ViewsAbsenceFields } from '../casework/ViewsAbsenceFields';
import { useFormDraft } from '../../ui/useDraft';
import { stageOneKey, useCanApprove } from '../assessments/kit';
import { useResumeOnUnlock } from '../../ui/useResumeOnUnlock';
import { UserText } from '../../ui/UserText';

type Values = z.input<typeof bidFields>;
const statusTone = { draft: 'neutral', submitted: 'info', approved: 'success', returned: 'warning' } as const;

function BidForm({ caseFile, bid, onClose, onSaved }: { caseFile: CaseFile; bid: Bid | null; onClose: () => void; onSaved: (id: string) => void }) {
  const { t } = useTranslation(['bid', 'common']);
  const toast = useToast();
  const invalidate = useInvalidateCase(caseFile.id);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Values, unknown, z.output<typeof bidFields>>({
    resolver: zodResolver(bidFields, formSchemaOptions),
    defaultValues: bid
      ? { date: bid.date, panel: bid.panel, optionsConsidered: bid.optionsConsidered, childViews: bid.childViews, childViewsAbsent: bid.childViewsAbsent, decision: bid.decision, decisionOther: bid.decisionOther, reasons: bid.reasons }
      : { date: todayUtc(), panel: [], optionsConsidered: [], childViews: '', childViewsAbsent: null, decision: null, decisionOther: '', reasons: '' },
  });
  const draft = useFormDraft(form, `case:${caseFile.id}:bid:${bid ? bid.id : 'new'}`);
  const panel = useFieldArray({ control: form.control, name: 'panel' });
  const options = useFieldArray({ control: form.control, name: 'optionsConsidered' });
  const decision = useWatch({ control: form.control, name: 'decision' });
  const { errors, isSubmitting } = form.formState;

  const fieldFor = (path: (string | number)[]) => {
    const p = path[0] === 'bid' ? path.slice(1) : path;
    return p[0] === 'date' || p[0] === 'childViews' || p[0] === 'decision' || p[0] === 'decisionOther' || p[0] === 'reasons' ? p[0] : null;
  };

  const run = (submitAfter: boolean) =>
    form.handleSubmit(async (fields) => {
      setFailure(null);
      if (submitAfter) {
        const missing = bidMissing(fields);
        if (missing.length > 0) {
          missing.forEach((issue, i) => {
            const field = fieldFor(issue.path);
            if (field) form.setError(field, { type: 'required', message: issue.code }, { shouldFocus: i === 0 });
          });
          if (missing.some((m) => m.path[0] === 'panel')) form.setError('panel', { type: 'required', message: 'panelEmpty' });
          return;
        }
      }
      try {
        const saved = await call('bid.save', { caseId: caseFile.id, ...(bid ? { bidId: bid.id, version: bid.version } : {}), bid: fields });
        if (submitAfter) await call('bid.submit', { caseId: caseFile.id, bidId: saved.id, version: saved.version });
        await draft.discard();
        invalidate();
        toast.show(submitAfter ? t('submitted') : t('saved'));
        onSaved(saved.id);
        onClose();
      } catch (error) {
        if (!applyCoreIssues(error, form.setError, fieldFor)) setFailure(error);
      }
    })();

  const panelError = (errors.panel as { message?: string } | undefined)?.message;
  return (
    <form className="stack" noValidate onSubmit={(e) => { e.preventDefault(); void run(true); }}>
      {draft.restored ? <Alert tone="info">{t('draftRestored')}</Alert> : null}
      {bid?.status === 'returned' && bid.reviewComment ? <Alert tone="warning" title={t('returnedComment')}>{bid.reviewComment}</Alert> : null}
      <TextField type="date" label={t('fields.date')} required max={todayUtc()} error={errors.date} {...form.register('date')} />

      <fieldset className="stack">
        <legend className="form-title">{t('panel.title')}</legend>
        <p className="muted">{t('panel.help')}</p>
        {panelError ? <Alert tone="danger">{t(`validation.${panelError}`)}</Alert> : null}
        {panel.fields.map((field, index) => {
          const e = errors.panel?.[index];
          return (
            <div key={field.id} className="card stack">
              <div className="form-grid">
                <TextField label={t('panel.name')} required error={e?.name} {...form.register(`panel.${index}.name`)} />
                <TextField label={t('panel.role')} error={e?.role} {...form.register(`panel.${index}.role`)} />
                <TextField label={t('panel.agency')} error={e?.agency} {...form.register(`panel.${index}.agency`)} />
              </div>
              <TextAreaField label={t('panel.view')} rows={2} error={e?.view} {...form.register(`panel.${index}.view`)} />
              <SelectField
                label={t('panel.recommendation')}
                error={e?.recommendation}
                {...form.register(`panel.${index}.recommendation`, { setValueAs: (v: string | null) => (v ? v : null) })}
              >
                <option value="">{t('none')}</option>
                {bidDecisions.map((d) => (
                  <option key={d} value={d}>
                    {t(`decisions.${d}`)}
                  </option>
                ))}
              </SelectField>
              <div>
                <Button size="sm" variant="ghost" onClick={() => panel.remove(index)}>
                  {t('panel.remove')}
                </Button>
              </div>
            </div>
          );
        })}
        <div>
          <Button size="sm" onClick={() => panel.append({ name: '', role: '', agency: '', view: '', recommendation: null })}>
            {t('panel.add')}
          </Button>
        </div>
      </fieldset>

      <fieldset className="stack">
        <legend className="form-title">{t('options.title')}</legend>
        {options.fields.map((field, index) => (
          <div key={field.id} className="form-grid">
            <SelectField label={t('options.option')} {...form.register(`optionsConsidered.${index}.option`)}>
              {bidDecisions.map((d) => (
                <option key={d} value={d}>
                  {t(`decisions.${d}`)}
                </option>
              ))}
            </SelectField>
            <TextAreaField label={t('options.assessment')} rows={2} {...form.register(`optionsConsidered.${index}.assessment`)} />
            <Button size="sm" variant="ghost" onClick={() => options.remove(index)}>
              {t('options.remove')}
            </Button>
          </div>
        ))}
        <div>
          <Button size="sm" onClick={() => options.append({ option: 'reintegration_with_family', assessment: '' })}>
            {t('options.add')}
          </Button>
        </div>
      </fieldset>

      <ViewsAbsenceFields
        idPrefix="bid"
        control={form.control}
        register={form.register}
        setValue={form.setValue}
        errors={errors}
        viewsField={<TextAreaField label={t('fields.childViews')} description={t('fields.childViewsHelp')} required rows={4} error={errors.childViews} {...form.register('childViews')} />}
      />
      <SelectField label={t('fields.decision')} required error={errors.decision} {...form.register('decision', { setValueAs: (v: string | null) => (v ? v : null) })}>
        <option value="">{t('none')}</option>
        {bidDecisions.map((d) => (
          <option key={d} value={d}>
            {t(`decisions.${d}`)}
          </option>
        ))}
      </SelectField>
      {decision === 'other' ? <TextField label={t('fields.decisionOther')} required error={errors.decisionOther} {...form.register('decisionOther')} /> : null}
      <TextAreaField label={t('fields.reasons')} required rows={4} error={errors.reasons} {...form.register('reasons')} />
      <ErrorAlert error={failure} />
      <div className="dialog__footer">
        {draft.savedAt ? <span className="muted" role="status">{t('draftSaved')}</span> : null}
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button busy={isSubmitting} onClick={() => void run(false)}>
          {t('saveDraft')}
        </Button>
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}

function ReviewDialog({ caseFile, bid, mode, onClose }: { caseFile: CaseFile; bid: Bid; mode: 'approve' | 'return'; onClose: () => void }) {
  const { t } = useTranslation(['bid', 'common']);
  const invalidate = useInvalidateCase(caseFile.id);
  const [comment, setComment] = useState('');
  const review = useMutation({
    mutationFn: () =>
      mode === 'approve'
        ? call('bid.approve', { caseId: caseFile.id, bidId: bid.id, version: bid.version, comment })
        : call('bid.return', { caseId: caseFile.id, bidId: bid.id, version: bid.version, comment }),
    onSuccess: () => {
      invalidate();
      onClose();
    },
  });
  const needsComment = mode === 'return';
  return (
    <Dialog open onClose={onClose} size="sm" title={t(`review.${mode}Title`)} description={t(`review.${mode}Description`)}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (!needsComment || comment.trim()) review.mutate();
        }}
      >
        <TextAreaField label={t('review.comment')} required={needsComment} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
        <ErrorAlert error={review.error} />
        <div className="dialog__footer">
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant={mode === 'approve' ? 'primary' : 'danger'} busy={review.isPending} disabled={needsComment && !comment.trim()}>
            {t(`review.${mode}`)}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function BidView({ bid }: { bid: Bid }) {
  const { t } = useTranslation('bid');
  const day = useDayFormat();
  return (
    <div className="stack">
      <p>
        <Badge tone={statusTone[bid.status]}>{t(`status.${bid.status}`)}</Badge> {day(bid.date)}
        {bid.decidedBy ? ` · ${t('decidedBy', { name: bid.decidedBy, date: day(bid.decidedAt) })}` : ''}
      </p>
      {bid.reviewComment ? <Alert tone={bid.status === 'returned' ? 'warning' : 'info'} title={t('review.comment')}>{bid.reviewComment}</Alert> : null}
      <h3 className="form-title">{t('panel.title')}</h3>
      <ul className="plain-list">
        {bid.panel.map((m, i) => (
          <li key={i}>
            <strong>
              <UserText>{m.name}</UserText>
            </strong>
            {[m.role, m.agency].filter(Boolean).length ? ` (${[m.role, m.agency].filter(Boolean).join(', ')})` : ''}
            {m.recommendation ? ` — ${t(`decisions.${m.recommendation}`)}` : ''}
            {m.view ? <p className="muted" dir="auto">{m.view}</p> : null}
          </li>
        ))}
      </ul>
      {bid.optionsConsidered.length ? (
        <>
          <h3 className="form-title">{t('options.title')}</h3>
          <ul className="plain-list">
            {bid.optionsConsidered.map((o, i) => (
              <li key={i}>
                <strong>{t(`decisions.${o.option}`)}</strong>
                {o.assessment ? <>: <span dir="auto">{o.assessment}</span></> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <dl className="record-list">
        <div className="record-list__pair">
          <dt>{t('fields.childViews')}</dt>
          <dd>
            {bid.childViewsAbsent ? <ChildViewsText views="" absence={bid.childViewsAbsent} /> : <blockquote className="child-words" dir="auto">{bid.childViews || '—'}</blockquote>}
          </dd>
        </div>
        <div className="record-list__pair">
          <dt>{t('fields.decision')}</dt>
          <dd>{bid.decision ? (bid.decision === 'other' ? bid.decisionOther : t(`decisions.${bid.decision}`)) : '—'}</dd>
        </div>
        <div className="record-list__pair">
          <dt>{t('fields.reasons')}</dt>
          <dd dir="auto">{bid.reasons || '—'}</dd>
        </div>
      </dl>
    </div>
  );
}

export default function BidTab({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('bid');
  const day = useDayFormat();
  const canApprove = useCanApprove();
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Bid | 'new' | null>(null);
  useResumeOnUnlock(`case:${caseFile.id}:bid:new`, () => setEditing('new'));
  const [reviewing, setReviewing] = useState<'approve' | 'return' | null>(null);
  const list = useQuery({ queryKey: stageOneKey(caseFile.id, 'bid'), queryFn: () => call('bid.list', { caseId: caseFile.id }) });
  const current = selected ?? list.data?.[0]?.id ?? null;
  const bid = useQuery({
    queryKey: stageOneKey(caseFile.id, 'bid', current ?? 'none'),
    queryFn: () => call('bid.get', { caseId: caseFile.id, bidId: current! }),
    enabled: current !== null,
  });
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const open = list.data.some((b) => b.status !== 'approved');
  const shown = bid.data;

  return (
    <FieldErrorNamespace ns="bid">
      <div className="stack">
        <Card
          title={t('title')}
          actions={caseFile.canWrite && !open ? <Button variant="primary" onClick={() => setEditing('new')}>{t('new')}</Button> : null}
        >
          <p className="muted">{t('description')}</p>
          {caseFile.facts.bidApproved ? (
            <Badge tone="success">{t('gateOpen', { decision: t(`decisions.${list.data.find((b) => b.status === 'approved')?.decision ?? 'reintegration_with_family'}`) })}</Badge>
          ) : null}
          <Table
            caption={t('list')}
            captionHidden
            label={t('list')}
            rows={list.data}
            rowKey={(b) => b.id}
            empty={t('empty')}
            columns={[
              { key: 'date', header: t('fields.date'), cell: (b: BidSummary) => day(b.date), rowHeader: true, className: 'cell-nowrap' },
              { key: 'status', header: t('fields.status'), cell: (b) => <Badge tone={statusTone[b.status]}>{t(`status.${b.status}`)}</Badge> },
              { key: 'decision', header: t('fields.decision'), cell: (b) => (b.decision ? t(`decisions.${b.decision}`) : '—') },
              {
                key: 'open',
                header: <span className="visually-hidden">{t('rowActions')}</span>,
                className: 'cell-actions',
                cell: (b) => (
                  <Button size="sm" variant="ghost" aria-pressed={b.id === current} onClick={() => setSelected(b.id)} aria-label={t('show', { date: day(b.date) })}>
                    {t('showShort')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
        {current && bid.isPending ? <Loading /> : null}
        <ErrorAlert error={bid.error} />
        {shown ? (
          <Card
            titleId={`bid-title-${shown.id}`}
            title={t('determination', { date: day(shown.date) })}
            actions={
              <>
                {caseFile.canWrite && editableBidStatuses.includes(shown.status) ? <Button onClick={() => setEditing(shown)}>{t('edit')}</Button> : null}
                {canApprove && shown.status === 'submitted' ? (
                  <>
                    <Button variant="primary" onClick={() => setReviewing('approve')}>
                      {t('review.approve')}
                    </Button>
                    <Button variant="danger" onClick={() => setReviewing('return')}>
                      {t('review.return')}
                    </Button>
                  </>
                ) : null}
              </>
            }
          >
            <BidView bid={shown} />
          </Card>
        ) : null}
        <Dialog open={editing !== null} onClose={() => setEditing(null)} title={t('formTitle')}>
          {editing !== null ? (
            <BidForm
              caseFile={caseFile}
              bid={editing === 'new' ? null : editing}
              onClose={() => setEditing(null)}
              onSaved={(id) => {
                setSelected(id);
                // The button that started it is gone: land on the determination just saved.
                focusWhenPresent(() => document.getElementById(`bid-title-${id}`));
              }}
            />
          ) : null}
        </Dialog>
        {reviewing && shown ? <ReviewDialog caseFile={caseFile} bid={shown} mode={reviewing} onClose={() => setReviewing(null)} /> : null}
      </div>
    </FieldErrorNamespace>
  );
}
