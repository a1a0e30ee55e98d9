import { z } from 'zod';
import { displayNameSchema, usernameSchema } from '$lib/server/auth/schemas';

export const memberSchema = z.object({
	fullName: displayNameSchema,
	roleTitle: z.string().trim().min(1).max(100)
});

export const memberIdSchema = z.object({ memberId: z.string().min(1).max(64) });

/** Only a username: the member chooses the password through the link (auth/account-setup.ts). */
export const accountSchema = memberIdSchema.extend({ username: usernameSchema });

export const requiredSchema = z.object({ required: z.coerce.number().int().min(0).max(15) });
