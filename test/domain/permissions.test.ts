import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, Permissions, rolesFor } from '../../domain/permissions';
import { withPermissionsTable } from '../../domain/permissions-doc';

describe('the permission table', () => {
  it('is what the README shows (npm run -s docs regenerates it)', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(withPermissionsTable(readme)).toBe(readme);
  });

  it("approving a notice is for the plan's approver roles only, so the API and the workflow give the same answer", () => {
    const ctx = { approverRoles: ['manager', 'legal'] as const };
    expect(rolesFor('notice.decide', ctx)).toEqual(['manager', 'legal']);
    expect(check('notice.decide', 'legal', ctx)).toEqual({ ok: true });
    expect(check('notice.decide', 'admin', ctx)).toEqual({
      ok: false,
      reason: 'approve or reject a notice needs one of the roles manager, legal; you are admin',
    });
  });

  it("completing a task is for the task's own role, and managers and admins", () => {
    expect(rolesFor('task.complete', { taskRole: 'responder' })).toEqual(['responder', 'manager', 'admin']);
    expect(check('task.complete', 'legal', { taskRole: 'responder' }).ok).toBe(false);
  });

  it('auditors read and verify but change nothing', () => {
    const writes = Object.keys(Permissions).filter((a) => !a.endsWith('.read')) as (keyof typeof Permissions)[];
    expect(writes).toEqual(expect.arrayContaining(['drill.manage', 'incident.close']));
    for (const action of writes)
      expect(check(action, 'auditor', { approverRoles: ['manager'], taskRole: 'responder' }).ok).toBe(false);
    expect(check('ledger.read', 'auditor').ok).toBe(true);
    expect(check('drill.read', 'auditor').ok).toBe(true);
  });
});
