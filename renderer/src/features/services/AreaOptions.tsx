// DOM. The office's areas as <option>s, indented under their parents: every area picker of the
// services screens (the directory's filter, a service's areas, a new area's parent) lists them so.
import type { Area } from '@shared/services/contract';
import { areaLabel, areaTree } from './kit';

export function AreaOptions({ areas }: { areas: readonly Area[] | undefined }) {
  return (
    <>
      {areaTree(areas ?? []).map(({ area, depth }) => (
        <option key={area.id} value={area.id}>
          {'\u00a0\u00a0'.repeat(depth)}
          {areaLabel(area)}
        </option>
      ))}
    </>
  );
}
