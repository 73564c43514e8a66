// DOM. The family's screen (a second window or tab, perhaps on a projector): large type, in the
// family's language, right to left for Arabic, showing only the step in progress and what the
// facilitator chose for it. It pairs its own connection with the one-time code in its address,
// then keeps one long poll open: the core answers it the moment the facilitator changes the step
// (a push, served from memory outside the core's queue), so the change shows within 100 ms. The
// connection can reach nothing else (the core refuses).
import { useEffect, useRef, useState } from 'react';
import type { FamilyScreen } from '@shared/conference/family-view';
import { isRtl } from '@shared/i18n/languages';
import { call, claimOwnConnection, isApiError } from '../../api';
import { i18n, loadLanguage } from '../../i18n';
import { Timer } from './Timer';
import './conference.css';

/** How long one poll may wait for a change; the next one starts at once. */
const WAIT_MS = 10_000;

function pairingCode(): string | null {
  const query = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('pair');
}

type State = { kind: 'pairing' } | { kind: 'failed'; code: string } | { kind: 'ready'; screen: FamilyScreen | null };

export function FamilyViewPage() {
  const [state, setState] = useState<State>({ kind: 'pairing' });
  const [, setLoaded] = useState('');
  const revision = useRef(-1);

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    claimOwnConnection();
    const code = pairingCode();
    // The code is spent once used: take it out of the address (and of the history).
    window.history.replaceState(null, '', `${window.location.pathname}#/family-view`);
    const poll = async () => {
      try {
        const result = await call('conference.familyScreen', { knownRevision: revision.current, waitMs: WAIT_MS });
        if (result.changed) {
          revision.current = result.screen.revision;
          await loadLanguage(result.screen.language);
          setLoaded(result.screen.language);
          setState({ kind: 'ready', screen: result.screen });
        }
        if (!stopped) timer = window.setTimeout(() => void poll(), 0);
      } catch (error) {
        if (!stopped) setState({ kind: 'failed', code: isApiError(error) ? error.code : 'UNREACHABLE' });
      }
    };
    const start = async () => {
      try {
        if (!code) throw new Error('no code');
        await call('conference.pairFamilyView', { token: code });
        setState({ kind: 'ready', screen: null });
        await poll();
      } catch (error) {
        setState({ kind: 'failed', code: isApiError(error) ? error.code : 'FORBIDDEN' });
      }
    };
    void start();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, []);

  const screen = state.kind === 'ready' ? state.screen : null;
  const language = screen?.language ?? 'en';
  const t = i18n.getFixedT(language, 'conference');
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = isRtl(language) ? 'rtl' : 'ltr';
    document.title = t('family.windowTitle');
  }, [language, t]);

  if (state.kind === 'failed') {
    return (
      <main className="family-view" lang={language} dir={isRtl(language) ? 'rtl' : 'ltr'}>
        <h1>{t('family.ended')}</h1>
        <p>{t('family.endedHint')}</p>
      </main>
    );
  }
  if (!screen) {
    return (
      <main className="family-view" aria-busy="true">
        <h1>{t('family.waiting')}</h1>
      </main>
    );
  }
  const step = screen.step;
  return (
    <main className="family-view" lang={language} dir={isRtl(language) ? 'rtl' : 'ltr'} data-step={step ?? 'none'}>
      <p className="family-view__purpose">{t(`family.purposes.${screen.purpose}`)}</p>
      <ol className="family-view__steps" aria-label={t('family.steps')}>
        {screen.steps.map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={s === step ? 'family-view__step family-view__step--current' : 'family-view__step'}>
            {t(`steps.${s}`)}
          </li>
        ))}
      </ol>
      <h1 className="family-view__title">{step ? t(`family.stepTitles.${step}`) : t('family.waiting')}</h1>
      {step === 'private_time' && screen.privateEndsAt ? <Timer until={screen.privateEndsAt} label={t('family.timeLeft')} className="family-view__timer" /> : null}
      {screen.shown.length > 0 ? (
        <ul className="family-view__items">
          {screen.shown.map((item, index) => (
            <li key={index} className={`family-view__item family-view__item--${item.kind}`}>
              <span className="family-view__kind">{t(`selectionKinds.${item.kind}`)}</span>
              <bdi className="family-view__text">{item.text}</bdi>
            </li>
          ))}
        </ul>
      ) : null}
      {step === 'agreement' && screen.agreement.length > 0 ? (
        <table className="family-view__agreement">
          <caption>{t('family.agreement')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreement.who')}</th>
              <th scope="col">{t('agreement.what')}</th>
              <th scope="col">{t('agreement.byWhen')}</th>
              <th scope="col">{t('agreement.supportNeeded')}</th>
              <th scope="col">{t('agreement.familyPart')}</th>
            </tr>
          </thead>
          <tbody>
            {screen.agreement.map((row, index) => (
              <tr key={index}>
                <td><bdi>{row.who}</bdi></td>
                <td><bdi>{row.what}</bdi></td>
                <td>{new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${row.byWhen}T00:00:00Z`))}</td>
                <td><bdi>{row.supportNeeded}</bdi></td>
                <td><bdi>{row.familyPart}</bdi></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {step === 'agreement' && screen.acknowledgements.length > 0 ? (
        <section className="family-view__answers" aria-labelledby="family-answers-title">
          <h2 id="family-answers-title">{t('family.answersTitle')}</h2>
          <ul>
            {screen.acknowledgements.map((person, index) => (
              <li key={index} className={`family-view__answer family-view__answer--${person.answer}`}>
                <bdi>{person.name}</bdi>: {t(`family.answers.${person.answer}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
