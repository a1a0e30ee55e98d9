/**
 * The whole database schema, in one file so that anonymity can be reviewed in one place.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const USER_ROLES = ['admin', 'organiser', 'tally'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const user = sqliteTable(
	'user',
	{
		id: text().primaryKey(),
		/** Stored lower-cased; login compares lower-cased input. */
		username: text().notNull().unique(),
		displayName: text('display_name').notNull(),
		passwordHash: text('password_hash').notNull(),
		role: text({ enum: USER_ROLES }).notNull(),
		disabled: integer({ mode: 'boolean' }).notNull().default(false),
		/** Consecutive failed logins; the account locks at a fixed limit until an admin resets it. */
		failedLoginCount: integer('failed_login_count').notNull().default(0),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [check('user_role_known', sql`${table.role} in ('admin', 'organiser', 'tally')`)]
);

export const authSession = sqliteTable(
	'auth_session',
	{
		/** SHA-256 of the session token, hex; the token itself is never stored. */
		id: text().primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		/** Sliding idle expiry, never later than createdAt + the absolute limit. */
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [index('auth_session_user').on(table.userId)]
);

export type User = typeof user.$inferSelect;
export type AuthSessionRow = typeof authSession.$inferSelect;
