// DOM. An optional photo of the child: an image file, scaled down in the renderer (a face needs no
// 12-megapixel file, and the record stays small) and kept as base64 until it is stored encrypted.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imageMimes } from '@shared/cases/fields';
import { Button } from '../../../ui/Button';

export interface Photo {
  mime: (typeof imageMimes)[number];
  dataBase64: string;
}

const MAX_SIDE = 1024;
const MAX_FILE_BYTES = 10 * 1024 * 1024;

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('not an image'));
    image.src = src;
  });
}

/** Reads an image file and scales it so its longer side is at most MAX_SIDE pixels. */
export async function photoFromFile(file: File): Promise<Photo> {
  if (!(imageMimes as readonly string[]).includes(file.type)) throw new Error('type');
  if (file.size > MAX_FILE_BYTES) throw new Error('size');
  const original = await readAsDataUrl(file);
  const image = await loadImage(original);
  const scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
  let dataUrl = original;
  if (scale < 1) {
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
    dataUrl = canvas.toDataURL('image/jpeg', 0.85);
  }
  const match = /^data:(image\/(?:jpeg|png|webp));base64,(.+)$/u.exec(dataUrl);
  if (!match) throw new Error('type');
  return { mime: match[1] as Photo['mime'], dataBase64: match[2] };
}

export const photoUrl = (photo: Photo): string => `data:${photo.mime};base64,${photo.dataBase64}`;

export function PhotoField({ value, onChange, label }: { value: Photo | null; onChange: (photo: Photo | null) => void; label: string }) {
  const { t } = useTranslation('cases');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<'type' | 'size' | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      onChange(await photoFromFile(file));
    } catch (error) {
      setProblem(error instanceof Error && error.message === 'size' ? 'size' : 'type');
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="field photo-field" role="group" aria-labelledby={`${id}-label`}>
      <p className="field__label" id={`${id}-label`}>
        {label}
      </p>
      <p className="field__description" id={`${id}-description`}>
        {t('photo.help')}
      </p>
      <div className="photo-field__row">
        <div className="photo-field__preview">
          {value ? <img src={photoUrl(value)} alt={t('photo.previewAlt')} /> : <span className="photo-field__empty">{t('photo.none')}</span>}
        </div>
        <div className="stack stack--tight">
          {/* The browser's own file button speaks the browser's language, not the person's: it
              stays hidden and a translated button opens it. */}
          <input
            ref={input}
            id={id}
            type="file"
            hidden
            tabIndex={-1}
            aria-hidden="true"
            accept={imageMimes.join(',')}
            onChange={(event) => void pick(event.target.files?.[0])}
          />
          <Button
            size="sm"
            busy={busy}
            aria-describedby={`${id}-description${problem ? ` ${id}-error` : ''}`}
            onClick={() => input.current?.click()}
          >
            {value ? t('photo.replace') : t('photo.choose')}
          </Button>
          {value ? (
            <Button size="sm" variant="ghost" className="btn--danger-text" onClick={() => onChange(null)}>
              {t('photo.remove')}
            </Button>
          ) : null}
        </div>
      </div>
      {problem ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          <span aria-hidden="true" className="field__error-icon">
            !
          </span>
          {t(`photo.problems.${problem}`)}
        </p>
      ) : null}
    </div>
  );
}
