import { z } from 'zod';
import { enteredPasswordSchema } from '$lib/server/auth/schemas';

export const loginSchema = () =>
	z.object({
		username: z.string().trim().min(1).max(64),
		password: enteredPasswordSchema,
		next: z.string().max(2000).optional()
	});
