// DOM. A signature drawn on screen with a finger, pen or mouse (pointer events, so touch and pen
// work alike), exported as a PNG. Drawing cannot be done from a keyboard: the hint points to the
// witnessed verbal acknowledgement, which can.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';

const WIDTH = 600;
const HEIGHT = 200;

export function SignaturePad({ onChange, invalid, errorId }: { onChange: (pngBase64: string | null) => void; invalid?: boolean; errorId?: string }) {
  const { t } = useTranslation('plans');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ id: number; x: number; y: number } | null>(null);
  const [empty, setEmpty] = useState(true);
  const hintId = useId();

  const context = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return null;
    return { canvas, ctx };
  }, []);

  const blank = useCallback(() => {
    const c = context();
    if (!c) return;
    c.ctx.fillStyle = '#ffffff';
    c.ctx.fillRect(0, 0, WIDTH, HEIGHT);
    c.ctx.strokeStyle = '#17202b';
    c.ctx.lineWidth = 2.5;
    c.ctx.lineCap = 'round';
    c.ctx.lineJoin = 'round';
  }, [context]);

  useEffect(() => blank(), [blank]);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) / rect.width) * WIDTH, y: ((event.clientY - rect.top) / rect.height) * HEIGHT };
  };

  const onPointerDown = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const p = point(event);
    drawing.current = { id: event.pointerId, ...p };
    const c = context();
    if (!c) return;
    c.ctx.beginPath();
    c.ctx.arc(p.x, p.y, 1.2, 0, Math.PI * 2);
    c.ctx.fillStyle = '#17202b';
    c.ctx.fill();
  };

  const onPointerMove = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const last = drawing.current;
    if (!last || last.id !== event.pointerId) return;
    const c = context();
    if (!c) return;
    const p = point(event);
    c.ctx.beginPath();
    c.ctx.moveTo(last.x, last.y);
    c.ctx.lineTo(p.x, p.y);
    c.ctx.stroke();
    drawing.current = { id: last.id, ...p };
  };

  const finish = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current || drawing.current.id !== event.pointerId) return;
    drawing.current = null;
    const c = context();
    if (!c) return;
    setEmpty(false);
    onChange(c.canvas.toDataURL('image/png').split(',')[1] ?? null);
  };

  const clear = () => {
    blank();
    setEmpty(true);
    onChange(null);
  };

  return (
    <div className="signature-pad">
      <canvas
        ref={canvasRef}
        width={WIDTH}
        height={HEIGHT}
        className="signature-pad__canvas"
        role="img"
        aria-label={empty ? t('acknowledge.signatureEmpty') : t('acknowledge.signatureDrawn')}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={finish}
        onPointerCancel={finish}
      />
      <div className="row row--between">
        <p id={hintId} className="field__description">
          {t('acknowledge.signatureHint')}
        </p>
        <Button size="sm" onClick={clear} disabled={empty}>
          {t('acknowledge.clearSignature')}
        </Button>
      </div>
    </div>
  );
}
