import type { AuthenticatedUser, AuthSession } from '$lib/server/auth/session';
import type { StorageFault } from '$lib/server/db/storage-fault';

declare global {
	namespace App {
		interface Locals {
			user: AuthenticatedUser | null;
			session: AuthSession | null;
			/** Set when the request met a storage fault: it is answered 503 (http/storage-faults.ts). */
			storageFault?: StorageFault;
		}
		interface Error {
			message: string;
			/** A second sentence for the voter pages: what to do now. */
			detail?: string;
			/** A storage fault, not a bug: nothing was stored, and trying again later will work. */
			storage?: true;
		}
	}
}

export {};
