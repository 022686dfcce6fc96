import { z } from 'zod';

export const Role = z.enum(['responder', 'manager', 'legal', 'auditor', 'admin']);
export type Role = z.infer<typeof Role>;

/** A person acting on an incident, as authenticated by the API. */
export const Actor = z.object({ id: z.string().min(1).max(200), role: Role });
export type Actor = z.infer<typeof Actor>;

export const SYSTEM_ACTOR = 'system';
