// DOM. The case plan tab: when the next review is due (prominent, a warning once overdue), the plan
// in force with progress on its objectives, the draft being worked out with the family and its
// acknowledgement, every earlier version, and the reviews. `?section=contingency` (or
// `#contingency`) takes the worker straight to the contingency plan — the contacts tab sends them
// there after a refusal.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router-dom';
import type { CaseFile } from '@shared/cases/contract';
import type { Objective, PlanOverview, PlanVersion } from '@shared/plans/contract';
import type { PlanContentInput } from '@shared/plans/schemas';
import { useReadySession } from '../../app/session';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { focusTarget, focusWhenPresent } from '../../ui/focus';
import { useDayFormat } from '../../ui/format';
import { Alert, Badge, Card, ErrorAlert, Loading } from '../../ui/misc';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { useDraftQuery } from '../../ui/useDraft';
import { AcknowledgeDialog, acknowledgeDraftKey } from './AcknowledgeDialog';
import { ApproveDialog, ProgressDialog, ReviewDialog } from './PlanDialogs';
import { editorDraftKey, emptyPlan, PlanEditor } from './PlanEditor';
import { PlanView } from './PlanView';
import { usePlan, usePlanMutation, usePlanVersion } from './queries';
import './plans.css';
import { useResumeOnUnlock } from '../../ui/useResumeOnUnlock';
import { UserText } from '../../ui/UserText';

/** A version's content as the editor's starting values (objective keys kept, so progress follows). */
function toForm(plan: PlanVersion): PlanContentInput {
  return {
    objectives: plan.objectives.map((o) => ({
      key: o.key,
      domain: o.domain,
      objective: o.objective,
      indicator: o.indicator,
      targetDate: o.targetDate,
      responsible: o.responsible,
      resources: o.resources,
      partialSupport: o.partialSupport,
      status: o.status,
      confidential: o.confidential,
    })),
    familyOwnership: plan.familyOwnership,
    childViews: plan.childViews,
    childViewsAbsent: plan.childViewsAbsent,
    contingencyPlan: plan.contingencyPlan,
    guardianship: { ...plan.guardianship },
  };
}

function ReviewDue({ overview, canWrite, onReview }: { overview: PlanOverview; canWrite: boolean; onReview: () => void }) {
  const { t } = useTranslation('plans');
  const day = useDayFormat();
  const last = overview.reviews[0]?.date ?? null;
  if (!overview.reviewDue) {
    return (
      <div className="plan-review" role="status">
        <p className="muted">{t('due.none')}</p>
      </div>
    );
  }
  return (
    <section className={`plan-review${overview.overdue ? ' plan-review--overdue' : ''}`} aria-labelledby="plan-review-due">
      <div>
        <p className="eyebrow" id="plan-review-due">
          {overview.overdue ? t('due.overdueLabel') : t('due.label')}
        </p>
        <p className="plan-review__date">
          {overview.overdue ? <span aria-hidden="true">⚠ </span> : null}
          {day(overview.reviewDue)}
        </p>
        <p className="muted">
          {last ? t('due.lastReview', { date: day(last) }) : t('due.sinceAcknowledgement', { date: day(overview.current?.acknowledgement?.date) })}
          {' · '}
          {t('due.rule')}
        </p>
      </div>
      {canWrite && overview.current ? (
        <Button variant={overview.overdue ? 'primary' : 'secondary'} onClick={onReview}>
          {t('review.action')}
        </Button>
      ) : null}
    </section>
  );
}

function VersionDialog({ caseId, version, onClose }: { caseId: string; version: number | null; onClose: () => void }) {
  const { t } = useTranslation('plans');
  const day = useDayFormat();
  const query = usePlanVersion(caseId, version);
  return (
    <Dialog open={version !== null} onClose={onClose} title={t('history.viewTitle', { version: version ?? '' })}>
      {query.isPending ? <Loading /> : null}
      <ErrorAlert error={query.error} />
      {query.data ? (
        <div className="stack">
          <p className="muted">
            {t(`versionStatus.${query.data.status}`)} · {t('history.created', { date: day(query.data.createdAt), name: query.data.createdByName ?? '—' })}
            {query.data.supersededAt ? <> · {t('history.supersededOn', { date: day(query.data.supersededAt) })}</> : null}
          </p>
          <PlanView caseId={caseId} plan={query.data} />
        </div>
      ) : null}
    </Dialog>
  );
}

function DiscardDraftDialog({ caseFile, draft, onClose }: { caseFile: CaseFile; draft: PlanVersion | null; onClose: () => void }) {
  const { t } = useTranslation(['plans', 'common']);
  const discard = usePlanMutation(caseFile.id, 'plans.discardDraft');
  const toast = useToast();
  const done = () => {
    toast.show(t('draft.discarded'));
    onClose();
  };
  return (
    <Dialog open={draft !== null} onClose={onClose} role="alertdialog" size="sm" title={t('draft.discardTitle')} description={t('draft.discardDescription')}>
      <ErrorAlert error={discard.error} />
      <div className="dialog__footer">
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button variant="danger" busy={discard.isPending} onClick={() => draft && discard.mutate({ expectedRevision: draft.revision }, { onSuccess: done })}>
          {t('draft.discard')}
        </Button>
      </div>
    </Dialog>
  );
}

export default function PlanTab({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('plans');
  const day = useDayFormat();
  const session = useReadySession();
  const canApprove = session.permissions.includes('case.approve') && caseFile.status !== 'closed';
  const plan = usePlan(caseFile.id);
  const editorDraft = useDraftQuery(editorDraftKey(caseFile.id));
  const [params] = useSearchParams();
  const location = useLocation();
  const wantsContingency = params.get('section') === 'contingency' || location.hash === '#contingency';
  const contingencyRef = useRef<HTMLElement>(null);
  const emptyRef = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  useResumeOnUnlock(editorDraftKey(caseFile.id), () => setEditing(true));
  const [acknowledging, setAcknowledging] = useState(false);
  useResumeOnUnlock(acknowledgeDraftKey(caseFile.id), () => setAcknowledging(true));
  const [reviewing, setReviewing] = useState(false);
  useResumeOnUnlock(`case:${caseFile.id}:plans:review`, () => setReviewing(true));
  const [progressOn, setProgressOn] = useState<Objective | null>(null);
  const [approving, setApproving] = useState<PlanVersion | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [discarding, setDiscarding] = useState<PlanVersion | null>(null);

  const startEditing = () => {
    setEditing(true);
    focusWhenPresent(() => document.getElementById('plan-editor-title'));
  };

  // Arriving for the contingency plan: take the worker (and the keyboard) there once the plan is shown.
  const loaded = Boolean(plan.data);
  useEffect(() => {
    if (!wantsContingency || !loaded || editing) return;
    const target = contingencyRef.current ?? emptyRef.current;
    target?.focus();
    target?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [wantsContingency, loaded, editing]);

  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorAlert error={plan.error} />;
  const overview = plan.data;
  const { current, draft } = overview;
  const canWrite = caseFile.canWrite;
  const hasTyping = Boolean(editorDraft.data) && !editing;

  if (editing) {
    const start = draft ? toForm(draft) : current ? toForm(current) : emptyPlan();
    return (
      <Card>
        <PlanEditor
          caseFile={caseFile}
          start={start}
          expectedRevision={draft?.revision ?? null}
          basedOn={draft?.basedOn ?? current?.version ?? null}
          onClose={() => {
            setEditing(false);
            void editorDraft.refetch();
            // Back to the button that edits the plan (it may now say "Edit the draft").
            focusTarget('plan-edit');
          }}
        />
      </Card>
    );
  }

  const main = current ?? draft;
  const editLabel = draft ? t('draft.edit') : current ? t('current.revise') : t('empty.start');

  return (
    <div className="stack">
      <ReviewDue overview={overview} canWrite={canWrite} onReview={() => setReviewing(true)} />
      {wantsContingency ? (
        <Alert tone="info" title={t('contingencyArrival.title')}>
          {t('contingencyArrival.body')}
        </Alert>
      ) : null}
      {hasTyping && canWrite ? (
        <Alert tone="info" live={false}>
          <div className="row row--between">
            <span>{t('editor.unsavedTyping', { date: day(editorDraft.data?.savedAt) })}</span>
            <Button size="sm" variant="primary" onClick={startEditing}>
              {t('editor.continue')}
            </Button>
          </div>
        </Alert>
      ) : null}

      {!main ? (
        <div className="empty-state">
          <h2 className="empty-state__title" ref={emptyRef} tabIndex={-1}>
            {t('empty.title')}
          </h2>
          <p>{t('empty.body')}</p>
          {canWrite ? (
            <Button variant="primary" data-focus-target="plan-edit" onClick={startEditing}>
              {editLabel}
            </Button>
          ) : null}
        </div>
      ) : null}

      {draft ? (
        <Card
          title={t('draft.title', { version: draft.version })}
          actions={
            <div className="row">
              {canWrite ? (
                <Button data-focus-target="plan-edit" onClick={startEditing}>
                  {t('draft.edit')}
                </Button>
              ) : null}
              {canWrite ? (
                <Button variant="primary" onClick={() => setAcknowledging(true)}>
                  {t('acknowledge.action')}
                </Button>
              ) : null}
              {canApprove && !draft.approval ? <Button onClick={() => setApproving(draft)}>{t('approve.action')}</Button> : null}
              {canWrite ? (
                <Button variant="ghost" className="btn--danger-text" onClick={() => setDiscarding(draft)}>
                  {t('draft.discard')}
                </Button>
              ) : null}
            </div>
          }
        >
          <p className="muted">
            {draft.basedOn ? t('draft.basedOn', { version: draft.basedOn }) : t('draft.first')} · {t('draft.updated', { date: day(draft.updatedAt) })}
            {draft.approval ? <> · <Badge tone="success">{t('view.approved')}</Badge></> : null}
          </p>
          {current ? (
            <details>
              <summary>{t('draft.show')}</summary>
              <PlanView caseId={caseFile.id} plan={draft} />
            </details>
          ) : (
            <PlanView caseId={caseFile.id} plan={draft} contingencyRef={contingencyRef} />
          )}
        </Card>
      ) : null}

      {current ? (
        <Card
          title={t('current.title', { version: current.version })}
          actions={
            <div className="row">
              {canWrite && !draft ? (
                <Button data-focus-target="plan-edit" onClick={startEditing}>
                  {t('current.revise')}
                </Button>
              ) : null}
              {canApprove && !current.approval ? <Button onClick={() => setApproving(current)}>{t('approve.action')}</Button> : null}
            </div>
          }
        >
          <p className="muted">
            {t('current.acknowledged', {
              date: day(current.acknowledgement?.date),
              method: current.acknowledgement ? t(`methods.${current.acknowledgement.method}`) : '—',
            })}
            {current.approval ? <> · <Badge tone="success">{t('view.approved')}</Badge></> : <> · <Badge tone="neutral">{t('view.notApprovedShort')}</Badge></>}
          </p>
          <PlanView caseId={caseFile.id} plan={current} contingencyRef={contingencyRef} onProgress={canWrite ? setProgressOn : undefined} />
        </Card>
      ) : null}

      {overview.versions.length > 0 ? (
        <Card title={t('history.title')}>
          <Table
            caption={t('history.title')}
            captionHidden
            label={t('history.title')}
            rows={overview.versions}
            rowKey={(v) => v.version}
            columns={[
              { key: 'version', header: t('history.version'), cell: (v) => t('history.versionNumber', { version: v.version }), rowHeader: true, className: 'cell-nowrap' },
              {
                key: 'status',
                header: t('history.status'),
                cell: (v) => <Badge tone={v.status === 'current' ? 'success' : v.status === 'draft' ? 'info' : 'neutral'}>{t(`versionStatus.${v.status}`)}</Badge>,
              },
              { key: 'ack', header: t('history.acknowledged'), cell: (v) => (v.acknowledgedOn ? `${day(v.acknowledgedOn)} · ${v.method ? t(`methods.${v.method}`) : ''}` : '—') },
              { key: 'approved', header: t('history.approved'), cell: (v) => (v.approved ? t('view.yes') : t('view.no')) },
              { key: 'superseded', header: t('history.superseded'), cell: (v) => (v.supersededAt ? day(v.supersededAt) : '—') },
              {
                key: 'actions',
                header: <span className="visually-hidden">{t('history.actions')}</span>,
                className: 'cell-actions',
                cell: (v) => (
                  <Button size="sm" variant="ghost" onClick={() => setViewing(v.version)} aria-label={t('history.viewVersion', { version: v.version })}>
                    {t('history.view')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      ) : null}

      {overview.reviews.length > 0 ? (
        <Card title={t('reviews.title')}>
          <Table
            caption={t('reviews.title')}
            captionHidden
            label={t('reviews.title')}
            rows={overview.reviews}
            rowKey={(r) => r.id}
            columns={[
              { key: 'date', header: t('review.date'), cell: (r) => day(r.date), rowHeader: true, className: 'cell-nowrap' },
              { key: 'notes', header: t('review.notes'), cell: (r) => <UserText as="span" className="plan-text">{r.notes}</UserText> },
              {
                key: 'who',
                header: t('review.participants'),
                cell: (r) => (
                  <span>
                    {r.participants.map((p) => t(`tasks:roles.${p.role}`)).join(', ') || '—'}
                    {r.deskReview ? <> <Badge tone="warning">{t('review.deskReview')}</Badge></> : null}
                  </span>
                ),
              },
              { key: 'version', header: t('history.version'), cell: (r) => t('history.versionNumber', { version: r.version }) },
              { key: 'next', header: t('reviews.nextDue'), cell: (r) => day(r.nextDue), className: 'cell-nowrap' },
              { key: 'by', header: t('view.recordedBy'), cell: (r) => r.recordedByName ?? '—' },
            ]}
          />
        </Card>
      ) : null}

      {draft ? <AcknowledgeDialog caseFile={caseFile} draft={draft} open={acknowledging} onClose={() => setAcknowledging(false)} /> : null}
      {current ? (
        <ReviewDialog
          caseFile={caseFile}
          current={current}
          lastReviewOn={overview.reviews[0]?.date ?? null}
          open={reviewing}
          onClose={() => setReviewing(false)}
        />
      ) : null}
      <ProgressDialog caseFile={caseFile} objective={progressOn} onClose={() => setProgressOn(null)} />
      <ApproveDialog caseFile={caseFile} version={approving} onClose={() => setApproving(null)} />
      <VersionDialog caseId={caseFile.id} version={viewing} onClose={() => setViewing(null)} />
      <DiscardDraftDialog
        caseFile={caseFile}
        draft={discarding}
        onClose={() => setDiscarding(null)}
      />
    </div>
  );
}
