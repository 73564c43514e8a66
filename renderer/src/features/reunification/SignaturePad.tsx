// DOM. A signature drawn on screen with a finger, a pen or a mouse, kept as a PNG. Someone who
// cannot draw on the screen (or a keyboard-only worker) attaches a scanned statement instead.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';

const WIDTH = 640;
const HEIGHT = 200;

export function SignaturePad({ onDone, onCancel }: { onDone: (pngBase64: string) => void; onCancel: () => void }) {
  const { t } = useTranslation('reunification');
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, WIDTH, HEIGHT);
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#17202b';
  }, []);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) * WIDTH) / rect.width, y: ((event.clientY - rect.top) * HEIGHT) / rect.height };
  };

  const start = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const { x, y } = point(event);
    context.beginPath();
    context.moveTo(x, y);
    context.lineTo(x + 0.1, y + 0.1);
    context.stroke();
  };

  const move = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const { x, y } = point(event);
    context.lineTo(x, y);
    context.stroke();
    setDrawn(true);
  };

  const end = () => {
    drawing.current = false;
  };

  const clear = () => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, WIDTH, HEIGHT);
    setDrawn(false);
  };

  const done = () => {
    const url = canvas.current?.toDataURL('image/png') ?? '';
    const match = /^data:image\/png;base64,(.+)$/u.exec(url);
    if (match) onDone(match[1]);
  };

  return (
    <div className="signature-pad stack">
      <p className="field__description" id="signature-pad-help">
        {t('signature.help')}
      </p>
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        className="signature-pad__canvas"
        role="img"
        aria-label={t('signature.canvasLabel')}
        aria-describedby="signature-pad-help"
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onPointerLeave={end}
      />
      <div className="row">
        <Button size="sm" variant="ghost" onClick={clear} disabled={!drawn}>
          {t('signature.clear')}
        </Button>
        <span className="spacer" />
        <Button size="sm" onClick={onCancel}>
          {t('common:actions.cancel')}
        </Button>
        <Button size="sm" variant="primary" onClick={done} disabled={!drawn}>
          {t('signature.use')}
        </Button>
      </div>
    </div>
  );
}
