import { z } from 'zod';
import { displayNameSchema, usernameSchema, withNewPassword } from '$lib/server/auth/schemas';

export const memberSchema = z.object({
	fullName: displayNameSchema,
	roleTitle: z.string().trim().min(1).max(100)
});

export const memberIdSchema = z.object({ memberId: z.string().min(1).max(64) });

export const accountSchema = () =>
	withNewPassword({ memberId: z.string().min(1).max(64), username: usernameSchema });

export const requiredSchema = z.object({ required: z.coerce.number().int().min(0).max(15) });
