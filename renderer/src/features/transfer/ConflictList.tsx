// DOM. A case that comes back: each field both offices changed, side by side — ours, theirs and
// the value when it left (the common base) — with a choice per field. Fields only one side
// changed, and notes and visits (merged by id), need no choice and are counted.
import { useTranslation } from 'react-i18next';
import type { OpenedTransfer } from '@shared/transfer/contract';
import { Alert } from '../../ui/misc';
import { caseFieldNameKey } from '../cases/format';

type Returning = NonNullable<Extract<OpenedTransfer, { kind: 'case' }>['returning']>;

const show = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : String(value));

export function ConflictList({ returning, take, onTake }: { returning: Returning; take: Record<string, 'ours' | 'theirs'>; onTake: (key: string, side: 'ours' | 'theirs') => void }) {
  const { t } = useTranslation(['transfer', 'cases']);
  return (
    <section aria-labelledby="conflicts-title" className="stack">
      <h3 id="conflicts-title">{t('conflicts.title', { number: returning.number })}</h3>
      <p className="muted">{t('conflicts.merged', { n: returning.merged })}</p>
      {returning.conflicts.length === 0 ? <Alert tone="success">{t('conflicts.none')}</Alert> : null}
      <table className="table">
        <caption className="visually-hidden">{t('conflicts.title', { number: returning.number })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('conflicts.field')}</th>
            <th scope="col">{t('conflicts.base')}</th>
            <th scope="col">{t('conflicts.ours')}</th>
            <th scope="col">{t('conflicts.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {returning.conflicts.map((c) => (
            <tr key={c.key}>
              <th scope="row">
                {t(`tables.${c.table}`)} · {c.table === 'cases' ? t(caseFieldNameKey(c.field), { defaultValue: c.field }) : <bdi>{c.field}</bdi>}
              </th>
              <td>
                <bdi>{c.baseKnown ? show(c.base) : t('conflicts.unknown')}</bdi>
              </td>
              {(['ours', 'theirs'] as const).map((side) => (
                <td key={side}>
                  <div className="radio">
                    <input type="radio" id={`${c.key}-${side}`} name={c.key} checked={take[c.key] === side} onChange={() => onTake(c.key, side)} />
                    <label htmlFor={`${c.key}-${side}`}>
                      <bdi>{show(c[side])}</bdi>
                      <span className="visually-hidden"> ({t(`conflicts.${side}`)})</span>
                    </label>
                  </div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
