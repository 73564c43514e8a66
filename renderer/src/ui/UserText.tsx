// DOM. Text a person typed (a name, a note, a place) shown inside the app's own sentences and
// tables: isolated from what surrounds it and set in its own direction, so an Arabic note in the
// English interface runs right to left with its full stop at its end, and "<img src=x>" in the
// Arabic interface keeps its order. The one way the app shows user text (<bdi> inline, dir="auto"
// on a block); `userTextDir` is for elements that cannot hold markup (<option>, inputs).
import type { ReactNode } from 'react';

export const userTextDir = { dir: 'auto' } as const;

export function UserText({ children, as = 'bdi', className }: { children: ReactNode; as?: 'bdi' | 'p' | 'div' | 'span'; className?: string }) {
  if (as === 'bdi') return <bdi className={className}>{children}</bdi>;
  const Tag = as;
  return (
    <Tag dir="auto" className={className}>
      {children}
    </Tag>
  );
}
