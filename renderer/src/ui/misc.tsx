// DOM. Small presentational pieces: badges, alerts, loading and page headers.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from './errors';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

export function Alert({ tone = 'danger', title, children, live = true }: { tone?: Tone; title?: ReactNode; children: ReactNode; live?: boolean }) {
  return (
    <div className={`alert alert--${tone}`} role={live ? (tone === 'danger' ? 'alert' : 'status') : undefined}>
      {title ? <p className="alert__title">{title}</p> : null}
      <div className="alert__body">{children}</div>
    </div>
  );
}

/** Shows a failed call's translated message; nothing when there is no error. */
export function ErrorAlert({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return <Alert tone="danger">{text(error)}</Alert>;
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <span className="spinner spinner--dark" aria-hidden="true" />
      <span>{label ?? t('status.loading')}</span>
    </div>
  );
}

export function PageHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div className="page-header__text">
        <h1>{title}</h1>
        {description ? <p className="page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </header>
  );
}

export function Card({
  title,
  children,
  actions,
  className,
  titleId,
}: {
  title?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
  /** For a focus target (ui/focus): the card's heading is where a reader lands after an action. */
  titleId?: string;
}) {
  return (
    <section className={['card', className ?? ''].filter(Boolean).join(' ')}>
      {title || actions ? (
        <div className="card__header">
          {title ? (
            <h2 className="card__title" id={titleId}>
              {title}
            </h2>
          ) : null}
          {actions ? <div className="card__actions">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </section>
  );
}
