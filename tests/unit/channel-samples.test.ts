import { describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/contract';
import { malformedFields, sampleInput, sampleIsValid } from '../fixtures/channels';

describe('channel samples used by the generic tests', () => {
  it.each(channelNames)('%s has a sample input its schema accepts (else add one to tests/fixtures/channels.ts)', (name) => {
    expect(sampleIsValid(name), JSON.stringify(sampleInput(name))).toBe(true);
  });

  it('field mutations reach nested fields', () => {
    const labels = malformedFields('session.setupOffice').map((m) => m.label);
    expect(labels).toContain('office.name of the wrong type');
    expect(labels).toContain('admin.password 257 characters long');
    expect(labels).toContain('admin.username a megabyte long');
  });
});
