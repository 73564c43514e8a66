// DOM. "Verify against an anchor": paste (or open) a backup's manifest.json — or any anchor, the
// chain's head hash and entry count as kept outside this computer — and see whether today's log
// still holds exactly that history. A log rewritten since, even re-hashed with the key, differs.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { TextAreaField } from '../../ui/Field';
import { Alert, Card, ErrorAlert } from '../../ui/misc';

const anchorSchema = z.object({ headHash: z.string().regex(/^[0-9a-f]{64}$/u), count: z.number().int().min(0) });

/** A whole manifest (its `audit` part) or a bare anchor. */
function parseAnchor(text: string): z.infer<typeof anchorSchema> | null {
  try {
    const value = JSON.parse(text) as { audit?: unknown };
    const parsed = anchorSchema.safeParse(value && typeof value === 'object' && 'audit' in value ? value.audit : value);
    return parsed.success ? { headHash: parsed.data.headHash, count: parsed.data.count } : null;
  } catch {
    return null;
  }
}

export function AnchorCheck() {
  const { t } = useTranslation(['audit', 'common']);
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const check = useMutation({ mutationFn: (anchor: { headHash: string; count: number }) => call('audit.verifyAnchor', anchor) });
  const result = check.data;
  return (
    <Card title={t('anchor.title')}>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          const anchor = parseAnchor(text);
          setInvalid(!anchor);
          if (anchor) check.mutate(anchor);
        }}
      >
        <p>{t('anchor.body')}</p>
        <TextAreaField
          label={t('anchor.paste')}
          description={t('anchor.pasteHint')}
          name="anchor"
          rows={4}
          dir="ltr"
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <div>
          <label className="field__label" htmlFor="anchor-file">
            {t('anchor.open')}
          </label>{' '}
          <input
            id="anchor-file"
            type="file"
            accept="application/json,.json"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (file) setText(await file.text());
            }}
          />
        </div>
        {invalid ? <Alert>{t('anchor.invalid')}</Alert> : null}
        <ErrorAlert error={check.error} />
        {result ? (
          result.result === 'matches' && result.chain.intact ? (
            <Alert tone="success">{t('anchor.matches')}</Alert>
          ) : (
            <Alert title={t('anchor.mismatchTitle')}>{t(`anchor.${result.chain.intact ? result.result : 'broken'}`)}</Alert>
          )
        ) : null}
        <div className="row">
          <Button type="submit" busy={check.isPending} disabled={text.trim() === ''}>
            {t('anchor.check')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
