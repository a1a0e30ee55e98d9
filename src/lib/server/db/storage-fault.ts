/**
 * Faults of the storage itself (the disk is full, the database stays locked, the disk fails), as
 * opposed to a bug: they pass once the operator frees space or the lock clears, so a request
 * that meets one is answered "not stored, try again" (503), never with the generic error page.
 */
export type StorageFault = 'full' | 'busy' | 'io';

/** The SQLite result code of a better-sqlite3 error, or a Node error code (ENOSPC). */
function errorCode(error: unknown): string {
	if (typeof error !== 'object' || error === null || !('code' in error)) return '';
	return typeof error.code === 'string' ? error.code : '';
}

/** Which storage fault an error is, or `null` when it is anything else. */
export function storageFault(error: unknown): StorageFault | null {
	const code = errorCode(error);
	if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
	if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
	if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io';
	return null;
}
