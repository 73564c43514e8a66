// DOM. What the frame tells the person about their session: the auto-lock warning (announced, with
// one key or one button to stay) and, after unlocking, the drafts that were open when it locked.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { forgetResumableDrafts, onResumableChange, resumableDrafts } from '../ui/draftRegistry';

/**
 * Shown for the last seconds before the auto-lock. A modal dialog makes the rest of the page inert
 * and hides it behind its backdrop, so the warning goes inside the open dialog when there is one.
 */
export function IdleWarning({ secondsLeft, onStay }: { secondsLeft: number | null; onStay: () => void }) {
  const { t } = useTranslation();
  const [host, setHost] = useState<HTMLElement | null>(null);
  const showing = secondsLeft !== null;
  useEffect(() => {
    if (!showing) return;
    const dialogs = document.querySelectorAll<HTMLDialogElement>('dialog[open]');
    setHost(dialogs.length > 0 ? dialogs[dialogs.length - 1]! : document.body);
  }, [showing]);
  if (secondsLeft === null || !host) return null;
  return createPortal(
    <div className="idle-warning" role="alert" aria-atomic="true">
      {/* Announced once; the visible countdown is not read out every second. */}
      <p className="visually-hidden">{t('idle.announce')}</p>
      <p className="idle-warning__text" aria-hidden="true">
        {t('idle.countdown', { count: secondsLeft })}
      </p>
      <button type="button" className="btn btn--primary btn--sm" onClick={onStay}>
        {t('idle.stay')}
      </button>
    </div>,
    host,
  );
}

const subscribe = (listener: () => void) => onResumableChange(listener);

/** "You have an unsaved draft — continue": forms open with typing when the session locked. */
export function DraftResumeBanner() {
  const { t } = useTranslation();
  const drafts = useSyncExternalStore(subscribe, resumableDrafts);
  const navigate = useNavigate();
  const location = useLocation();
  if (drafts.length === 0) return null;
  const target = drafts[0]!.path;
  const here = `${location.pathname}${location.search}` === target;
  return (
    <div className="draft-resume" role="status">
      <p className="draft-resume__text">{t('drafts.resume', { count: drafts.length })}</p>
      <div className="row">
        <button
          type="button"
          className="btn btn--primary btn--sm"
          onClick={() => {
            // The opener of each form reopens it when it mounts there (useResumeOnUnlock).
            if (here) forgetResumableDrafts();
            else navigate(target);
          }}
        >
          {here ? t('drafts.ok') : t('drafts.continue')}
        </button>
        {here ? null : (
          <button type="button" className="btn btn--ghost btn--sm" onClick={forgetResumableDrafts}>
            {t('drafts.later')}
          </button>
        )}
      </div>
    </div>
  );
}
