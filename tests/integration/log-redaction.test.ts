// Logs live outside the encrypted store: an internal error is logged with its kind, code and code
// location, and an incident id the user also sees — never its message, which may quote case text.
import { describe, expect, it } from 'vitest';
import { errorForLog } from '../../electron/core/log/redact';
import { cleanUpAfterEach, openRawWithKey, setUpStaffedOffice, workerPassword } from '../fixtures/core';
import { expectCode } from '../fixtures/results';

const track = cleanUpAfterEach();

describe('what an internal error leaves in the log', () => {
  it('a failing case call whose error quotes case text logs no case text, only codes and ids', async () => {
    const lines: string[] = [];
    const office = track(await setUpStaffedOffice({ log: (message, error) => lines.push(`${message} ${String(error ?? '')}`) }));
    const worker = await office.login('wanjiru', workerPassword);
    const row = await worker.ok('cases.register', {
      child: { givenName: 'Nyokabi', familyName: 'Quarshie', sex: 'female', estimatedAgeYears: 8, separationReasons: ['poverty'] },
    });
    // A stored value that is no longer JSON: parsing it throws a SyntaxError quoting the text.
    const raw = openRawWithKey(office.core);
    try {
      raw.prepare(`UPDATE cases SET other_names = 'Nyokabi Quarshie, known as Kabi' WHERE id = ?`).run(row.id);
    } finally {
      raw.close();
    }
    let thrown = '';
    try {
      JSON.parse('Nyokabi Quarshie, known as Kabi');
    } catch (error) {
      thrown = (error as Error).message;
    }
    expect(thrown).toContain('Nyokabi'); // what the old log line carried

    const error = await expectCode(worker.call('cases.get', { caseId: row.id }), 'INTERNAL');
    const incident = String(error.params?.incident);
    expect(incident).toMatch(/^[0-9a-f]{8}$/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`channel cases.get failed (incident ${incident})`);
    expect(lines[0]).toMatch(/SyntaxError at /);
    for (const text of ['Nyokabi', 'Quarshie', 'Kabi', 'not valid JSON']) expect(lines[0]).not.toContain(text);
  });

  it('keeps an error code and the frames, drops the message, also from a cause', () => {
    const cause = Object.assign(new Error('UNIQUE constraint failed: value "Achieng Otieno"'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    const line = errorForLog(new TypeError('cannot read "Achieng"', { cause }));
    expect(line).toMatch(/^TypeError at .+ \(cause: Error \[SQLITE_CONSTRAINT_UNIQUE\] at /);
    expect(line).not.toContain('Achieng');
    expect(errorForLog('a thrown string with Achieng')).toBe('non-error thrown (string)');
  });
});
