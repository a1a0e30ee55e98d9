import { displayNameSchema, usernameSchema, withNewPassword } from '$lib/server/auth/schemas';

export const setupSchema = () =>
	withNewPassword({ username: usernameSchema, displayName: displayNameSchema });
