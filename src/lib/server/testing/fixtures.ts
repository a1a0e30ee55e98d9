/**
 * Builders for server tests: an in-memory database with every migration, an organiser, and a
 * session ready to vote.
 */
import { ND_335_2025 } from '$lib/tally/appraisal-presets';
import { QD_96_2023, type ConfidencePreset } from '$lib/tally/presets';
import type { Criterion } from '$lib/tally/score-template';
import type { SessionRules } from '../sessions/rules';
import { createAccount } from '../auth/accounts';
import type { AuthenticatedUser } from '../auth/session';
import type { AppDatabase } from '../db';
import { createTestDatabase } from '../db/testing';
import { castBallot, type CardKey } from '../ballots/cast';
import { issueCards, type IssueOptions, type IssuedCard } from '../cards/ballot-cards';
import { addSubjects, listSubjects } from '../sessions/subjects';
import {
	closeVoteSession,
	createVoteSession,
	openVoteSession,
	recordAttendance
} from '../sessions/lifecycle';

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
	options: {
		convened?: number;
		preset?: ConfidencePreset;
		/** Any rules, an appraisal's too; a confidence vote under `preset` otherwise. */
		rules?: SessionRules;
		subjects?: number;
	} = {}
): string {
	const id = createVoteSession(db, ownerId, {
		title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ',
		organisation: 'Đảng ủy xã',
		meetingDate: '2026-11-22',
		meetingTime: '08:30',
		place: 'Hội trường',
		convened: options.convened ?? 10,
		rules: options.rules ?? { kind: 'confidence', preset: options.preset ?? QD_96_2023 }
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

/** A draft grade vote of Q4 2026 under NĐ 335, with nobody on its list yet. */
export function draftAppraisal(db: AppDatabase, ownerId: string): string {
	return draftSession(db, ownerId, {
		subjects: 0,
		rules: {
			kind: 'appraisal',
			preset: ND_335_2025,
			mode: 'grades',
			period: { kind: 'quarter', year: 2026, quarter: 4 },
			criteria: null
		}
	});
}

/** Issues cards in a test, failing loudly if the server refuses them. */
export function issueTestCards(
	db: AppDatabase,
	sessionId: string,
	count: number,
	options?: IssueOptions
): IssuedCard[] {
	const issued = issueCards(db, sessionId, count, options);
	if (!issued.ok) throw new Error(`fixture cards refused: ${issued.reason}`);
	return issued.cards;
}

export interface OpenSession {
	db: AppDatabase;
	ownerId: string;
	sessionId: string;
	subjectIds: string[];
	cards: IssuedCard[];
}

/**
 * A fresh database holding one open session with its subjects and `cards` cards; unless given,
 * at least 10 people convened and enough for every card, all of them present.
 */
export async function openSession(
	options: {
		convened?: number;
		present?: number;
		cards?: number;
		subjects?: number;
		preset?: ConfidencePreset;
	} = {}
): Promise<OpenSession> {
	const db = createTestDatabase();
	const owner = await organiser(db);
	const cardCount = options.cards ?? 5;
	const convened = options.convened ?? Math.max(10, cardCount);
	const sessionId = draftSession(db, owner.id, { ...options, convened });
	recordAttendance(db, sessionId, options.present ?? convened);
	const cards = issueTestCards(db, sessionId, cardCount);
	const opened = openVoteSession(db, sessionId, null);
	if (!opened.ok) throw new Error(`fixture session not opened: ${opened.reason}`);
	return {
		db,
		ownerId: owner.id,
		sessionId,
		subjectIds: listSubjects(db, sessionId).map((s) => s.id),
		cards
	};
}

/**
 * The session of issue 13 as it was stored before the ceilings: 8 cards issued and 6 ballots
 * returned, all low, for 5 people convened and 3 present. Voted through the real pipeline with 8
 * people convened, then closed, and the figures the old app let through are written back.
 */
export async function contradictoryStoredSession(preset?: ConfidencePreset): Promise<OpenSession> {
	const session = await openSession({ convened: 8, cards: 8, subjects: 1, preset });
	const { db, sessionId, cards, subjectIds } = session;
	cards
		.slice(0, 6)
		.forEach((card, index) =>
			castChoices(
				db,
				{ kind: 'token', value: card.token },
				new Map([[subjectIds[0]!, 'low']]),
				`${index}`.padStart(22, 'C')
			)
		);
	closeVoteSession(db, sessionId);
	db.$client
		.prepare('update vote_session set convened = 5, present = 3 where id = ?')
		.run(sessionId);
	return session;
}

/** Casts a ballot of choices (confidence marks or grades) by subject id. */
export function castChoices(
	db: AppDatabase,
	key: CardKey,
	choices: ReadonlyMap<string, string>,
	nonce: string
) {
	return castBallot(db, key, { kind: 'choices', choices }, nonce);
}

/**
 * A fresh database holding one open appraisal (score sheets with two criteria, or grades), with
 * at least 10 people convened and enough for every card, all of them present.
 */
export async function openAppraisal(
	mode: 'scores' | 'grades',
	options: { subjects?: number; cards?: number } = {}
): Promise<OpenSession & { criteria: Criterion[] }> {
	const cardCount = options.cards ?? 5;
	const convened = Math.max(10, cardCount);
	const db = createTestDatabase();
	const owner = await organiser(db);
	const criteria: Criterion[] = [
		{ id: 'g', name: 'Tiêu chí chung', group: 'general', maximum: 30 },
		{ id: 't', name: 'Kết quả nhiệm vụ', group: 'tasks', maximum: 70 }
	];
	const sessionId = createVoteSession(db, owner.id, {
		title: 'Đánh giá quý III năm 2026',
		organisation: 'Chi bộ',
		meetingDate: '2026-09-28',
		meetingTime: null,
		place: 'Phòng họp',
		convened,
		rules: {
			kind: 'appraisal',
			preset: ND_335_2025,
			mode,
			period: { kind: 'quarter', year: 2026, quarter: 3 },
			criteria: mode === 'scores' ? criteria : null
		}
	});
	addSubjects(
		db,
		sessionId,
		Array.from({ length: options.subjects ?? 3 }, (_, index) => ({
			fullName: `Người số ${index + 1}`,
			jobTitle: 'Chuyên viên'
		}))
	);
	recordAttendance(db, sessionId, convened);
	const cards = issueTestCards(db, sessionId, cardCount);
	openVoteSession(db, sessionId, null);
	return {
		db,
		ownerId: owner.id,
		sessionId,
		subjectIds: listSubjects(db, sessionId).map((s) => s.id),
		cards,
		criteria
	};
}

/** Casts a score-sheet ballot: by subject, the half points of each criterion. */
export function castScores(
	db: AppDatabase,
	key: CardKey,
	sheets: Record<string, Record<string, number>>,
	nonce: string
) {
	return castBallot(
		db,
		key,
		{
			kind: 'scores',
			sheets: new Map(
				Object.entries(sheets).map(([subjectId, scores]) => [
					subjectId,
					new Map(Object.entries(scores))
				])
			)
		},
		nonce
	);
}
