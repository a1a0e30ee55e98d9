import { z } from 'zod';
import { displayNameSchema, usernameSchema, withNewPassword } from '$lib/server/auth/schemas';

/** Tally-committee accounts are created from a session's committee list, not here. */
export const ASSIGNABLE_ROLES = ['organiser', 'admin'] as const;

export const createUserSchema = () =>
	withNewPassword({
		username: usernameSchema,
		displayName: displayNameSchema,
		role: z.enum(ASSIGNABLE_ROLES)
	});

export const userIdSchema = z.object({ userId: z.string().min(1).max(64) });

export const resetPasswordSchema = () =>
	withNewPassword({ userId: z.string().min(1).max(64), username: z.string() });
