// DOM. A signature drawn on screen with a finger, a pen or a mouse, kept as a PNG. Pointer events,
// so touch and pen work alike; the pointer is captured, so a stroke that leaves the box and comes
// back is one stroke, and a second finger does not draw. Drawing cannot be done from a keyboard:
// each form that offers it also offers a way that can (a witnessed acknowledgement, a scan).
import { useCallback, useEffect, useRef, useState, type PointerEvent } from 'react';

const INK = '#17202b';

/**
 * The drawing surface: spread `canvasProps` on a <canvas> (with its own aria-label). `empty` until
 * a first stroke ends; `png()` is the drawing as base64 (no data: prefix); `clear()` starts over.
 * `onStroke` hears the PNG after every stroke.
 */
export function useSignatureCanvas({ width, height, onStroke }: { width: number; height: number; onStroke?: (pngBase64: string) => void }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ id: number; x: number; y: number } | null>(null);
  const strokeListener = useRef(onStroke);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    strokeListener.current = onStroke;
  }, [onStroke]);

  const context = useCallback(() => canvasRef.current?.getContext('2d') ?? null, []);

  const blank = useCallback(() => {
    const ctx = context();
    if (!ctx) return;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.strokeStyle = INK;
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
  }, [context, width, height]);

  useEffect(() => blank(), [blank]);

  const png = useCallback((): string | null => {
    const url = canvasRef.current?.toDataURL('image/png') ?? '';
    return /^data:image\/png;base64,(.+)$/u.exec(url)?.[1] ?? null;
  }, []);

  const clear = useCallback(() => {
    blank();
    setEmpty(true);
  }, [blank]);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) / rect.width) * width, y: ((event.clientY - rect.top) / rect.height) * height };
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const p = point(event);
    drawing.current = { id: event.pointerId, ...p };
    const ctx = context();
    if (!ctx) return;
    ctx.beginPath();
    ctx.arc(p.x, p.y, 1.2, 0, Math.PI * 2);
    ctx.fillStyle = INK;
    ctx.fill();
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const last = drawing.current;
    if (!last || last.id !== event.pointerId) return;
    const ctx = context();
    if (!ctx) return;
    const p = point(event);
    ctx.beginPath();
    ctx.moveTo(last.x, last.y);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    drawing.current = { id: last.id, ...p };
  };

  const finish = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current || drawing.current.id !== event.pointerId) return;
    drawing.current = null;
    setEmpty(false);
    const drawn = png();
    if (drawn) strokeListener.current?.(drawn);
  };

  return {
    empty,
    clear,
    png,
    canvasProps: {
      ref: canvasRef,
      width,
      height,
      className: 'signature-pad__canvas',
      style: { aspectRatio: `${width} / ${height}` },
      role: 'img',
      onPointerDown,
      onPointerMove,
      onPointerUp: finish,
      onPointerCancel: finish,
    },
  };
}
