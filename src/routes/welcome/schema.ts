import { z } from 'zod';
import { withNewPassword } from '$lib/server/auth/schemas';

/**
 * The member's new password, judged by the same rules as every password, against the account's
 * own username (from the link, never from the form).
 */
export const welcomeSchema = (username: string) =>
	withNewPassword({
		username: z
			.unknown()
			.optional()
			.transform(() => username)
	});
