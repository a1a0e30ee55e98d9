/**
 * The audit trail of the steps that make a result official: who, what, when. It never holds a
 * ballot's content, a card or anything about a voter.
 */
import { asc, eq } from 'drizzle-orm';
import type { AppDatabase } from '.';
import { auditEvent, user, type AuditAction } from './schema';

type Writer = Pick<AppDatabase, 'insert'>;

export function recordAudit(
	db: Writer,
	sessionId: string,
	userId: string | null,
	action: AuditAction,
	detail = ''
): void {
	db.insert(auditEvent).values({ sessionId, userId, action, detail, at: new Date() }).run();
}

export interface AuditEntry {
	action: AuditAction;
	detail: string;
	at: Date;
	who: string | null;
}

export function auditTrail(db: AppDatabase, sessionId: string): AuditEntry[] {
	return db
		.select({
			action: auditEvent.action,
			detail: auditEvent.detail,
			at: auditEvent.at,
			who: user.displayName
		})
		.from(auditEvent)
		.leftJoin(user, eq(auditEvent.userId, user.id))
		.where(eq(auditEvent.sessionId, sessionId))
		.orderBy(asc(auditEvent.id))
		.all();
}
