/**
 * Databases for the benchmark, made with the app's own modules: an open confidence vote with
 * ten people and as many cards as the load needs, a closed one holding 100,000 ballots, and a
 * draft whose cards are still to be issued.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { createAccount } from '../../src/lib/server/auth/accounts';
import {
	createSession,
	generateSessionToken,
	sessionCookieName
} from '../../src/lib/server/auth/session';
import { issueCards } from '../../src/lib/server/cards/ballot-cards';
import { migrateDatabase, openDatabase, type AppDatabase } from '../../src/lib/server/db';
import { addSubjects, listSubjects } from '../../src/lib/server/sessions/subjects';
import {
	closeVoteSession,
	createVoteSession,
	openVoteSession,
	recordAttendance
} from '../../src/lib/server/sessions/lifecycle';
import { QD_96_2023 } from '../../src/lib/tally/presets';

export const SUBJECTS = 10;
const MARKS = ['high', 'confidence', 'low'] as const;

export interface VotingSeed {
	sessionId: string;
	subjectIds: string[];
	tokens: string[];
}

async function confidenceVote(db: AppDatabase, convened: number) {
	const created = await createAccount(db, {
		username: 'bench',
		displayName: 'Benchmark',
		password: 'benchmark password 2026',
		role: 'organiser'
	});
	if (!created.ok) throw new Error('benchmark account not created');
	const sessionId = createVoteSession(db, created.user.id, {
		title: 'Lấy phiếu tín nhiệm (đo hiệu năng)',
		organisation: 'Phiếu Kín',
		meetingDate: '2026-11-23',
		meetingTime: null,
		place: 'localhost',
		convened,
		rules: { kind: 'confidence', preset: QD_96_2023 }
	});
	addSubjects(
		db,
		sessionId,
		Array.from({ length: SUBJECTS }, (_, index) => ({
			fullName: `Đại biểu số ${index + 1}`,
			jobTitle: 'Ủy viên'
		}))
	);
	recordAttendance(db, sessionId, convened);
	return { sessionId, ownerId: created.user.id };
}

/** An open session with `cards` unused cards, in a new database file at `path`. */
export async function seedOpenVote(path: string, cards: number): Promise<VotingSeed> {
	const db = openDatabase(path);
	migrateDatabase(db);
	const { sessionId } = await confidenceVote(db, 100_000);
	const tokens: string[] = [];
	while (tokens.length < cards) {
		const batch = issueCards(db, sessionId, Math.min(1000, cards - tokens.length));
		if (!batch.ok) throw new Error(`benchmark cards refused: ${batch.reason}`);
		tokens.push(...batch.cards.map((card) => card.token));
	}
	const opened = openVoteSession(db, sessionId, null);
	if (!opened.ok) throw new Error(`benchmark session not opened: ${opened.reason}`);
	const subjectIds = listSubjects(db, sessionId).map((subject) => subject.id);
	db.$client.close();
	return { sessionId, subjectIds, tokens };
}

/**
 * A closed session with `ballots` ballots of a mark for each person, written straight into
 * the tables (casting them one by one would take minutes).
 */
export async function seedClosedVote(
	path: string,
	ballots: number
): Promise<{ db: AppDatabase; sessionId: string }> {
	const db = openDatabase(path);
	migrateDatabase(db);
	const { sessionId } = await confidenceVote(db, ballots);
	const subjectIds = listSubjects(db, sessionId).map((subject) => subject.id);
	openVoteSession(db, sessionId, null);
	const sqlite: Database.Database = db.$client;
	const insertBallot = sqlite.prepare(
		'insert into ballot (id, session_id, blank) values (?, ?, 0)'
	);
	const insertChoice = sqlite.prepare(
		'insert into ballot_choice (ballot_id, subject_id, choice) values (?, ?, ?)'
	);
	sqlite.transaction(() => {
		for (let index = 0; index < ballots; index++) {
			const ballotId = randomBytes(16).toString('hex');
			insertBallot.run(ballotId, sessionId);
			for (const subjectId of subjectIds) {
				insertChoice.run(ballotId, subjectId, MARKS[(index + subjectId.length) % 3]);
			}
		}
	})();
	closeVoteSession(db, sessionId);
	return { db, sessionId };
}

/**
 * A draft session for `convened` people, all present, none of them with a card yet, in a new
 * database file at `path`; and a signed-in organiser's cookie to issue its cards with.
 */
export async function seedDraftVote(
	path: string,
	convened: number
): Promise<{ sessionId: string; cookie: string }> {
	const db = openDatabase(path);
	migrateDatabase(db);
	const { sessionId, ownerId } = await confidenceVote(db, convened);
	const token = generateSessionToken();
	createSession(db, token, ownerId);
	db.$client.close();
	return { sessionId, cookie: `${sessionCookieName(false)}=${token}` };
}
