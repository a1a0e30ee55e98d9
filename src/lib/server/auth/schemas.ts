import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '$lib/password-rules';
import { passwordProblem } from './password';

export const usernameSchema = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^[a-z0-9._-]{3,32}$/, { error: () => m.validation_username() });

export const displayNameSchema = z.string().trim().min(1).max(100);

/** A password the user types to log in: only bounded, never judged. */
export const enteredPasswordSchema = z.string().min(1).max(PASSWORD_MAX_LENGTH);

function passwordMessage(problem: NonNullable<ReturnType<typeof passwordProblem>>): string {
	switch (problem) {
		case 'too_short':
			return m.validation_password_too_short({ min: PASSWORD_MIN_LENGTH });
		case 'too_long':
			return m.validation_password_too_long({ max: PASSWORD_MAX_LENGTH });
		case 'common':
			return m.validation_password_common();
		case 'same_as_username':
			return m.validation_password_same_as_username();
	}
}

/**
 * Adds `password` and `passwordConfirm` to a form's fields, judged against the password rules
 * (and against the form's `username`, when it has one).
 */
export function withNewPassword<T extends z.ZodRawShape>(shape: T) {
	return z
		.object({ ...shape, password: z.string(), passwordConfirm: z.string() })
		.superRefine((value, context) => {
			const fields = value as { password: string; passwordConfirm: string; username?: unknown };
			const username = typeof fields.username === 'string' ? fields.username : '';
			const problem = passwordProblem(fields.password, username);
			if (problem) {
				context.addIssue({ code: 'custom', path: ['password'], message: passwordMessage(problem) });
			} else if (fields.password !== fields.passwordConfirm) {
				context.addIssue({
					code: 'custom',
					path: ['passwordConfirm'],
					message: m.validation_password_mismatch()
				});
			}
		});
}
