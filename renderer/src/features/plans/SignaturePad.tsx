// DOM. The plan acknowledgement's signature: told to the form after every stroke (and cleared
// with it), its label saying whether anything is drawn yet. The hint points to the witnessed
// verbal acknowledgement for anyone who cannot draw.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { useSignatureCanvas } from '../../ui/SignaturePad';

export function SignaturePad({ onChange, invalid, errorId }: { onChange: (pngBase64: string | null) => void; invalid?: boolean; errorId?: string }) {
  const { t } = useTranslation('plans');
  const hintId = useId();
  const pad = useSignatureCanvas({ width: 600, height: 200, onStroke: onChange });

  return (
    <div className="signature-pad">
      <canvas
        {...pad.canvasProps}
        aria-label={pad.empty ? t('acknowledge.signatureEmpty') : t('acknowledge.signatureDrawn')}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
      />
      <div className="row row--between">
        <p id={hintId} className="field__description">
          {t('acknowledge.signatureHint')}
        </p>
        <Button
          size="sm"
          onClick={() => {
            pad.clear();
            onChange(null);
          }}
          disabled={pad.empty}
        >
          {t('acknowledge.clearSignature')}
        </Button>
      </div>
    </div>
  );
}
