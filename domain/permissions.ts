/**
 * Who may do what: the one table that the API's routes, the incident workflow's validators and the
 * README's role table all come from. Three actions depend on the incident: approving a notice (the
 * plan names its approver roles), completing a task (the task names its role) and completing an
 * action item (the review names its owner's role).
 */
import { Role } from './actor';

const everyone = Role.options;
const actors = ['responder', 'manager', 'legal', 'admin'] as const;

export const Permissions = {
  'incident.read': {
    roles: everyone,
    what: 'read incidents, notices, filing packages and campaign progress; run what-if assessments',
  },
  'incident.report': { roles: actors, what: 'report an incident' },
  'facts.update': { roles: actors, what: 'change the facts of an incident' },
  'containment.confirm': { roles: ['responder', 'manager', 'admin'], what: 'confirm containment' },
  'notice.decide': {
    roles: 'plan',
    what: "approve or reject a notice: the roles the incident's plan names as approvers",
  },
  'notice.file': { roles: actors, what: 'record a portal filing or a delivery by other means' },
  'task.complete': { roles: 'task', what: "complete an investigation task: the task's own role, manager or admin" },
  'review.record': {
    roles: ['manager', 'legal', 'admin'],
    what: 'record the lessons-learned review: what happened, root causes, findings, action items',
  },
  'action-item.complete': {
    roles: 'owner',
    what: "complete a review action item with evidence: the item owner's role, manager or admin",
  },
  'action-item.accept': {
    roles: ['manager', 'admin'],
    what: 'accept a review action item as open, with a reason, so the incident can close',
  },
  'incident.close': { roles: ['manager', 'admin'], what: 'close an incident' },
  'recipients.import': { roles: actors, what: 'import the affected people' },
  'campaign.control': { roles: ['manager', 'legal', 'admin'], what: 'pause, resume or cancel a mass notification' },
  'drill.read': { roles: everyone, what: 'read drills, their schedules, runs and reports' },
  'drill.manage': { roles: ['manager', 'admin'], what: 'schedule, pause, trigger and delete drills' },
  'ledger.read': { roles: ['auditor', 'manager', 'legal', 'admin'], what: 'read and verify the accountability ledger' },
  'ledger.record': {
    roles: actors,
    what: 'record a step done outside the engine (a call to the regulator, a letter posted) in the ledger',
  },
  'record.read': {
    roles: ['auditor', 'manager', 'legal', 'admin'],
    what: "export an incident's accountability record and the breach register",
  },
  'tokens.manage': { roles: ['admin'], what: 'create, list and revoke API tokens' },
  'retention.hold': {
    roles: ['manager', 'admin'],
    what: "hold or release the deletion of an incident's personal data (litigation hold)",
  },
} as const satisfies Record<string, { roles: readonly Role[] | 'plan' | 'task' | 'owner'; what: string }>;

export type Action = keyof typeof Permissions;

export interface PermissionContext {
  /** The incident's plan's approver roles (for notice.decide). */
  approverRoles?: readonly Role[];
  /** The task's own role (for task.complete). */
  taskRole?: Role;
  /** The action item owner's role (for action-item.complete). */
  ownerRole?: Role;
}

export function rolesFor(action: Action, ctx: PermissionContext = {}): Role[] {
  const roles = Permissions[action].roles;
  if (roles === 'plan') return [...(ctx.approverRoles ?? [])];
  if (roles === 'task') return [...new Set<Role>([...(ctx.taskRole ? [ctx.taskRole] : []), 'manager', 'admin'])];
  if (roles === 'owner') return [...new Set<Role>([...(ctx.ownerRole ? [ctx.ownerRole] : []), 'manager', 'admin'])];
  return [...roles];
}

/** Whether `role` may do `action`, and if not, a sentence saying who may. */
export function check(
  action: Action,
  role: Role,
  ctx: PermissionContext = {},
): { ok: true } | { ok: false; reason: string } {
  const roles = rolesFor(action, ctx);
  if (roles.includes(role)) return { ok: true };
  return {
    ok: false,
    reason: `${Permissions[action].what.split(':')[0]} needs one of the roles ${roles.join(', ')}; you are ${role}`,
  };
}

/** The README's role table (between its permissions markers), generated from this table. */
export function permissionsMarkdown(): string {
  const rows = Object.entries(Permissions).map(([action, p]) => {
    const who =
      p.roles === 'plan'
        ? "the plan's approver roles"
        : p.roles === 'task'
          ? "the task's role, manager, admin"
          : p.roles === 'owner'
            ? "the item owner's role, manager, admin"
            : p.roles.join(', ');
    return `| \`${action}\` | ${who} | ${p.what} |`;
  });
  return ['| action | who | what |', '|---|---|---|', ...rows].join('\n');
}
