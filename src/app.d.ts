import type { AuthenticatedUser, AuthSession } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: AuthenticatedUser | null;
			session: AuthSession | null;
		}
		interface Error {
			message: string;
			/** A second sentence for the voter pages: what to do now. */
			detail?: string;
		}
	}
}

export {};
