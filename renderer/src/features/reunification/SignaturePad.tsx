// DOM. The caregivers' signature of willingness: drawn, then used or dropped. Someone who cannot
// draw on the screen (or a keyboard-only worker) attaches a scanned statement instead.
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { useSignatureCanvas } from '../../ui/SignaturePad';

export function SignaturePad({ onDone, onCancel }: { onDone: (pngBase64: string) => void; onCancel: () => void }) {
  const { t } = useTranslation('reunification');
  const pad = useSignatureCanvas({ width: 640, height: 200 });

  const done = () => {
    const png = pad.png();
    if (png) onDone(png);
  };

  return (
    <div className="signature-pad stack">
      <p className="field__description" id="signature-pad-help">
        {t('signature.help')}
      </p>
      <canvas {...pad.canvasProps} aria-label={t('signature.canvasLabel')} aria-describedby="signature-pad-help" />
      <div className="row">
        <Button size="sm" variant="ghost" onClick={pad.clear} disabled={pad.empty}>
          {t('signature.clear')}
        </Button>
        <span className="spacer" />
        <Button size="sm" onClick={onCancel}>
          {t('common:actions.cancel')}
        </Button>
        <Button size="sm" variant="primary" onClick={done} disabled={pad.empty}>
          {t('signature.use')}
        </Button>
      </div>
    </div>
  );
}
