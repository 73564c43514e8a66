// DOM. Planning a conference from the Conferences section: a conference belongs to a case, so the
// person finds the case (by number or the child's name, among the open cases they may change) and
// is taken to its conference tab with the form open. Only for someone who may write cases.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { conferenceKinds } from '@shared/conference/schemas';
import { call } from '../../api';
import { useReadySession } from '../../app/session';
import { TextField } from '../../ui/Field';
import { isResumable } from '../../ui/draftRegistry';
import { Card } from '../../ui/misc';
import { useFormDraft } from '../../ui/useDraft';

const planDraftKey = 'conferences:register:plan';

export function PlanConference() {
  const { t } = useTranslation('conference');
  const session = useReadySession();
  const mayWrite = session.permissions.includes('case.write');
  const form = useForm<{ search: string }>({ defaultValues: { search: '' } });
  // The search comes back after a lock; otherwise it opens empty.
  const [resuming] = useState(() => isResumable(planDraftKey));
  useFormDraft(form, planDraftKey, { enabled: mayWrite, restore: resuming });
  const typed = (useWatch({ control: form.control, name: 'search' }) ?? '').trim();
  const cases = useQuery({
    queryKey: ['cases', 'list', 'conference-plan', typed],
    queryFn: () => call('cases.list', { search: typed, status: 'open', limit: 8, withTotal: false }),
    enabled: typed.length >= 2,
    placeholderData: keepPreviousData,
  });
  if (!mayWrite) return null;
  const rows = typed.length >= 2 ? (cases.data?.rows ?? []) : [];
  return (
    <Card title={t('register.planTitle')}>
      <TextField label={t('register.planCase')} description={t('register.planHint')} autoComplete="off" {...form.register('search')} />
      {typed.length >= 2 && cases.data && rows.length === 0 ? (
        <p className="muted" role="status">
          {t('register.planNone')}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ul className="plan-case-list" aria-label={t('register.planResults')}>
          {rows.map((c) => (
            <li key={c.id} className="row">
              <span>
                <bdi>{`${c.givenName} ${c.familyName}`.trim()}</bdi> <span className="muted">{c.number}</span>
              </span>
              {conferenceKinds.map((kind) => (
                <Link key={kind} to={`/cases/${c.id}?tab=conference&plan=${kind}`} className="btn btn--sm btn--secondary">
                  {t(kind === 'conference' ? 'actions.planConference' : 'actions.planMeeting')}
                  <span className="visually-hidden"> — {`${c.givenName} ${c.familyName}`.trim()}</span>
                </Link>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
