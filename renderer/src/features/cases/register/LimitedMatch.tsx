// DOM. A likely match in a case the worker may not read: only its number, area, worker and how
// strong the match is (the core sends nothing more). The worker asks a supervisor to compare, with
// a note that says which child is being registered; asking counts as deciding on this match.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LimitedDuplicateMatch } from '@shared/cases/contract';
import { call } from '../../../api';
import { Button } from '../../../ui/Button';
import { TextAreaField } from '../../../ui/Field';
import { Badge, ErrorAlert } from '../../../ui/misc';

interface Props {
  match: LimitedDuplicateMatch;
  index: number;
  /** What the note starts with: the child being registered, as entered. */
  enteredSummary: string;
  flagged: boolean;
  onFlagged: (caseId: string) => void;
  scoreText: string;
}

export function LimitedMatch({ match, index, enteredSummary, flagged, onFlagged, scoreText }: Props) {
  const { t } = useTranslation('cases');
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const titleId = `duplicate-${match.caseId}`;

  const send = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await call('cases.flagDuplicate', { caseId: match.caseId, score: match.score, note });
      onFlagged(match.caseId);
      setAsking(false);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="limited-match" role="group" aria-labelledby={titleId}>
      <p id={titleId} className="compare__caption">
        <span>{t('duplicates.matchTitle', { n: index + 1, number: match.number })}</span>
        <Badge tone={match.score >= 0.8 ? 'danger' : 'warning'}>{scoreText}</Badge>
        {flagged ? <Badge tone="success">{t('duplicates.flagged')}</Badge> : null}
      </p>
      <p className="muted">{t('duplicates.limitedIntro')}</p>
      <dl className="limited-match__facts">
        <dt>{t('case.number')}</dt>
        <dd>
          <span className="mono" dir="ltr">
            {match.number}
          </span>
        </dd>
        <dt>{t('child.area')}</dt>
        <dd>
          <bdi>{match.area || '—'}</bdi>
        </dd>
        <dt>{t('case.worker')}</dt>
        <dd>
          <bdi>{match.workerName ?? t('case.unassigned')}</bdi>
        </dd>
      </dl>
      {flagged ? (
        <p role="status">{t('duplicates.flaggedStatus')}</p>
      ) : asking ? (
        <div className="stack">
          <TextAreaField
            label={t('duplicates.flagNote')}
            description={t('duplicates.flagNoteHelp')}
            value={note}
            maxLength={1000}
            dir="auto"
            onChange={(event) => setNote(event.target.value)}
          />
          <ErrorAlert error={failure} />
          <div className="duplicate__actions">
            <Button onClick={() => setAsking(false)}>{t('common:actions.cancel')}</Button>
            <Button variant="primary" busy={busy} onClick={() => void send()}>
              {t('duplicates.flagSend')}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          size="sm"
          onClick={() => {
            setNote(enteredSummary);
            setAsking(true);
          }}
        >
          {t('duplicates.flagAsk')}
        </Button>
      )}
    </div>
  );
}
