import { z } from 'zod';
import { enteredPasswordSchema, withNewPassword } from '$lib/server/auth/schemas';

export const changePasswordSchema = () =>
	withNewPassword({ currentPassword: enteredPasswordSchema, username: z.string() });
