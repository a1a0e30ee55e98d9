/**
 * Builders for server tests: an in-memory database with every migration, an organiser, and a
 * session ready to vote.
 */
import { QD_96_2023, type ConfidencePreset } from '$lib/tally/presets';
import { createAccount } from '../auth/accounts';
import type { AuthenticatedUser } from '../auth/session';
import type { AppDatabase } from '../db';
import { createTestDatabase } from '../db/testing';
import { issueCards, type IssuedCard } from '../credentials';
import { addSubjects, listSubjects } from '../subjects';
import { createVoteSession, openVoteSession, recordAttendance } from '../vote-sessions';

export async function organiser(
	db: AppDatabase,
	username = 'bithu',
	role: 'organiser' | 'admin' = 'organiser'
): Promise<AuthenticatedUser> {
	const created = await createAccount(db, {
		username,
		displayName: username,
		password: 'một mật khẩu đủ dài',
		role
	});
	if (!created.ok) throw new Error(`fixture account ${username} not created`);
	const { id, displayName } = created.user;
	return { id, username, displayName, role };
}

export function draftSession(
	db: AppDatabase,
	ownerId: string,
	options: { convened?: number; preset?: ConfidencePreset; subjects?: number } = {}
): string {
	const id = createVoteSession(db, ownerId, {
		title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ',
		organisation: 'Đảng ủy xã',
		meetingDate: '2026-11-22',
		meetingTime: '08:30',
		place: 'Hội trường',
		convened: options.convened ?? 10,
		preset: options.preset ?? QD_96_2023
	});
	addSubjects(
		db,
		id,
		Array.from({ length: options.subjects ?? 3 }, (_, index) => ({
			fullName: `Người số ${index + 1}`,
			jobTitle: 'Ủy viên'
		}))
	);
	return id;
}

export interface OpenSession {
	db: AppDatabase;
	sessionId: string;
	subjectIds: string[];
	cards: IssuedCard[];
}

/** A fresh database holding one open session with its subjects and `cards` cards. */
export async function openSession(
	options: { convened?: number; present?: number; cards?: number; subjects?: number } = {}
): Promise<OpenSession> {
	const db = createTestDatabase();
	const owner = await organiser(db);
	const sessionId = draftSession(db, owner.id, options);
	recordAttendance(db, sessionId, options.present ?? options.convened ?? 10);
	const cards = issueCards(db, sessionId, options.cards ?? 5);
	const opened = openVoteSession(db, sessionId, null);
	if (!opened.ok) throw new Error(`fixture session not opened: ${opened.reason}`);
	return { db, sessionId, subjectIds: listSubjects(db, sessionId).map((s) => s.id), cards };
}
