/**
 * A closed score-sheet appraisal for the export tests, built through the real pipeline: people
 * with their duty groups and self-assessment (written straight into the draft, as the draft's
 * forms would), one score sheet per person, then the conditions, a recorded cap rate and the
 * organiser's grades after the close.
 */
import { eq } from 'drizzle-orm';
import { ND_335_2025, type AppraisalPreset } from '$lib/tally/appraisal-presets';
import type { RecordedCapRate } from '$lib/tally/cap';
import type { ConditionRecord } from '$lib/tally/conditions';
import type { Grade } from '$lib/tally/grades';
import type { AppDatabase } from '../db';
import { createTestDatabase } from '../db/testing';
import { subject } from '../db/schema';
import { addCommitteeMember } from '../sessions/committee';
import {
	closeVoteSession,
	createVoteSession,
	openVoteSession,
	recordAttendance,
	sessionById
} from '../sessions/lifecycle';
import { addSubjects, listSubjects } from '../sessions/subjects';
import { recordCapRate, recordConditions, recordGrades } from '../results/grades';
import { publish } from '../results/publication';
import { castScores, issueTestCards, organiser } from './fixtures';

export interface AppraisedPerson {
	fullName: string;
	dutyGroup?: string;
	/** The one score sheet: general criteria (of 30) and task results (of 70), in points. */
	points: [number, number];
	/** Hundredths of a point. */
	selfScore?: number;
	selfGrade?: Grade;
	/** Left out: nothing recorded, the grade is pending. */
	conditions?: ConditionRecord;
	proposedGrade?: Grade;
	finalGrade?: { grade: Grade; reason?: string };
}

/** Every condition met: all tasks done on time, 40 % beyond, no finding. */
export const ALL_MET: ConditionRecord = {
	completed: 100,
	onTime: 100,
	exceeded: 40,
	shortcomingsFixed: true,
	discipline: false,
	degradation: false,
	corruption: false
};

/**
 * Two duty groups under NĐ 335 at a recorded rate of 30 %. "Chuyên viên": An (95, self-score 90:
 * 5 points apart) and Bình (92) are excellent, Cường, Dung and Lan good, and Em (75) disciplined,
 * so not completed; 30 % keeps one excellent of the five, and Bình is moved down. Phúc (65) is
 * completed. An is confirmed excellent, Phúc good with a reason. "Lãnh đạo": Giang (88) and Hà (85) good,
 * Khánh (60) with no conditions recorded (pending), so nobody there can be confirmed yet.
 */
export const TWO_DUTY_GROUPS: AppraisedPerson[] = [
	{
		fullName: 'Nguyễn Văn An',
		dutyGroup: 'Chuyên viên',
		points: [29, 66],
		selfScore: 9000,
		selfGrade: 'excellent',
		conditions: ALL_MET,
		finalGrade: { grade: 'excellent' }
	},
	{
		fullName: 'Trần Thị Bình',
		dutyGroup: 'Chuyên viên',
		points: [28, 64],
		selfScore: 9200,
		selfGrade: 'excellent',
		conditions: ALL_MET
	},
	{ fullName: 'Lê Văn Cường', dutyGroup: 'Chuyên viên', points: [25, 55], conditions: ALL_MET },
	{ fullName: 'Phạm Thị Dung', dutyGroup: 'Chuyên viên', points: [24, 54], conditions: ALL_MET },
	{
		fullName: 'Hoàng Văn Em',
		dutyGroup: 'Chuyên viên',
		points: [23, 52],
		selfGrade: 'good',
		conditions: { ...ALL_MET, discipline: true }
	},
	{ fullName: 'Đỗ Thị Lan', dutyGroup: 'Chuyên viên', points: [22, 50], conditions: ALL_MET },
	{
		fullName: 'Trịnh Văn Phúc',
		dutyGroup: 'Chuyên viên',
		points: [20, 45],
		conditions: ALL_MET,
		proposedGrade: 'good',
		finalGrade: {
			grade: 'good',
			reason: 'Theo đề xuất của chi bộ, “hoàn thành tốt” một nhiệm vụ\nđột xuất'
		}
	},
	{ fullName: 'Vũ Thị Giang', dutyGroup: 'Lãnh đạo', points: [27, 61], conditions: ALL_MET },
	{
		fullName: 'Ngô Văn Hà',
		dutyGroup: 'Lãnh đạo',
		points: [26, 59],
		conditions: ALL_MET,
		proposedGrade: 'good'
	},
	{ fullName: 'Bùi Thị Khánh', dutyGroup: 'Lãnh đạo', points: [20, 40] }
];

export const HIGHER_RATE: RecordedCapRate = {
	percent: 30,
	document: 'Công văn số 125/UBND-NV ngày 10/12/2026'
};

export interface ClosedAppraisal {
	db: AppDatabase;
	ownerId: string;
	sessionId: string;
}

function check(outcome: unknown, what: string) {
	if (outcome !== 'ok') throw new Error(`fixture ${what} refused: ${JSON.stringify(outcome)}`);
}

export async function closedAppraisal(options: {
	preset: AppraisalPreset;
	people: AppraisedPerson[];
	capRate?: RecordedCapRate;
}): Promise<ClosedAppraisal> {
	const db = createTestDatabase();
	const owner = await organiser(db);
	const sessionId = createVoteSession(db, owner.id, {
		title: 'Đánh giá, xếp loại chất lượng quý IV năm 2026',
		organisation: 'Ủy ban nhân dân xã Hòa Bình',
		meetingDate: '2026-12-18',
		meetingTime: '14:00',
		place: 'Hòa Bình',
		convened: 10,
		rules: {
			kind: 'appraisal',
			preset: options.preset,
			mode: 'scores',
			period: { kind: 'quarter', year: 2026, quarter: 4 },
			criteria: [
				{ id: 'g', name: 'Tiêu chí chung', group: 'general', maximum: 30 },
				{ id: 't', name: 'Kết quả thực hiện nhiệm vụ', group: 'tasks', maximum: 70 }
			]
		}
	});
	const { people } = options;
	check(
		addSubjects(
			db,
			sessionId,
			people.map(({ fullName }) => ({ fullName, jobTitle: 'Công chức' }))
		),
		'people'
	);
	const ids = listSubjects(db, sessionId).map((row) => row.id);
	people.forEach((person, index) =>
		db
			.update(subject)
			.set({
				dutyGroup: person.dutyGroup ?? '',
				selfScore: person.selfScore ?? null,
				selfGrade: person.selfGrade ?? null,
				proposedGrade: person.proposedGrade ?? null
			})
			.where(eq(subject.id, ids[index]!))
			.run()
	);
	addCommitteeMember(db, sessionId, { fullName: 'Đặng Thị Hồng', roleTitle: 'Trưởng ban' });
	addCommitteeMember(db, sessionId, { fullName: 'Vũ Văn Ổn', roleTitle: 'Thành viên' });
	recordAttendance(db, sessionId, 10);
	// Five cards handed out, one used: every person gets one score sheet.
	const [card] = issueTestCards(db, sessionId, 5, { actorId: owner.id });
	check(openVoteSession(db, sessionId, null).ok ? 'ok' : 'not opened', 'opening');
	const sheets = Object.fromEntries(
		people.map((person, index) => [
			ids[index]!,
			{ g: person.points[0] * 2, t: person.points[1] * 2 }
		])
	);
	castScores(db, { kind: 'token', value: card!.token }, sheets, 'S'.repeat(22));
	closeVoteSession(db, sessionId, owner.id);
	const session = () => sessionById(db, sessionId)!;
	people.forEach((person, index) => {
		if (person.conditions)
			check(
				recordConditions(db, session(), owner.id, ids[index]!, person.conditions),
				'conditions'
			);
	});
	if (options.capRate) check(recordCapRate(db, session(), owner.id, options.capRate), 'cap rate');
	people.forEach((person, index) => {
		if (!person.finalGrade) return;
		const grades = {
			selfGrade: person.selfGrade ?? null,
			proposedGrade: person.proposedGrade ?? null,
			finalGrade: person.finalGrade.grade,
			finalReason: person.finalGrade.reason ?? null
		};
		check(recordGrades(db, session(), ids[index]!, grades), `grade of ${person.fullName}`);
	});
	return { db, ownerId: owner.id, sessionId };
}

/** The two duty groups of `TWO_DUTY_GROUPS` at the higher rate, closed and published. */
export async function publishedTwoGroups(): Promise<ClosedAppraisal> {
	const appraisal = await closedAppraisal({
		preset: ND_335_2025,
		people: TWO_DUTY_GROUPS,
		capRate: HIGHER_RATE
	});
	const published = publish(appraisal.db, appraisal.sessionId, appraisal.ownerId);
	if (!published.ok) throw new Error(`fixture not published: ${JSON.stringify(published)}`);
	return appraisal;
}

/**
 * Writes back figures that contradict each other, as the app let through before issue 13 (see
 * `contradictoryStoredSession`): 3 people convened and present for the 5 cards handed out.
 */
export function storeContradictoryFigures(db: AppDatabase, sessionId: string) {
	db.$client
		.prepare('update vote_session set convened = 3, present = 3 where id = ?')
		.run(sessionId);
}
