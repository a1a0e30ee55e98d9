import { describe, expect, it } from 'vitest';
import { ND_335_2025, QD_366_2025, type AppraisalPreset } from '$lib/tally/appraisal-presets';
import type { ConditionRecord } from '$lib/tally/conditions';
import type { Grade } from '$lib/tally/grades';
import { floorHundredths } from '$lib/tally/rational';
import type { AuthenticatedUser } from '../auth/session';
import type { AppDatabase } from '../db';
import { createTestDatabase } from '../db/testing';
import { castChoices, castScores, issueTestCards, organiser } from '../testing/fixtures';
import {
	closeVoteSession,
	createVoteSession,
	findVoteSession,
	openVoteSession,
	recordAttendance
} from '../sessions/lifecycle';
import { addSubjects, listSubjects } from '../sessions/subjects';
import { recordConditions, recordGrades } from './grades';
import { unitYear, yearUnits } from './year';

const CRITERIA = [
	{ id: 'g', name: 'Tiêu chí chung', group: 'general' as const, maximum: 30 },
	{ id: 't', name: 'Kết quả nhiệm vụ', group: 'tasks' as const, maximum: 70 }
];

interface QuarterPlan {
	quarter: 1 | 2 | 3 | 4;
	year?: number;
	organisation?: string;
	preset?: AppraisalPreset;
	/** Score sheets: each person's total in points (one sheet each). */
	scores?: Record<string, number>;
	/** A grade vote: each person's grade (one ballot). */
	grades?: Record<string, Grade>;
	/** Left in draft, as a quarter cloned ahead. */
	draft?: boolean;
	groups?: Record<string, string>;
	records?: Record<string, ConditionRecord>;
}

const CLEAN: ConditionRecord = {
	completed: 100,
	onTime: 100,
	exceeded: 0,
	shortcomingsFixed: true,
	discipline: false,
	degradation: false,
	corruption: false
};

/** A quarterly appraisal of the plan's people, each linked to the person of the same name. */
function quarter(db: AppDatabase, owner: AuthenticatedUser, plan: QuarterPlan): string {
	const year = plan.year ?? 2026;
	const names = Object.keys(plan.scores ?? plan.grades ?? {});
	const id = createVoteSession(db, owner.id, {
		title: `Đánh giá quý ${plan.quarter} năm ${year}`,
		organisation: plan.organisation ?? 'Chi bộ Văn phòng',
		meetingDate: `${year}-0${plan.quarter * 2}-25`,
		meetingTime: null,
		place: `Phòng họp quý ${plan.quarter}`,
		convened: 3,
		rules: {
			kind: 'appraisal',
			preset: plan.preset ?? ND_335_2025,
			mode: plan.grades ? 'grades' : 'scores',
			period: { kind: 'quarter', year, quarter: plan.quarter },
			criteria: plan.grades ? null : CRITERIA
		}
	});
	addSubjects(
		db,
		id,
		names.map((fullName) => ({ fullName, jobTitle: 'Chuyên viên' }))
	);
	const subjects = new Map(listSubjects(db, id).map((s) => [s.fullName, s.id]));
	for (const name of names) {
		db.$client
			.prepare('update subject set person_id = ?, duty_group = ? where id = ?')
			.run(`person:${name}`, plan.groups?.[name] ?? '', subjects.get(name));
	}
	if (plan.draft) return id;
	recordAttendance(db, id, 3);
	const [card] = issueTestCards(db, id, 1);
	openVoteSession(db, id, null);
	const key = { kind: 'token' as const, value: card!.token };
	const nonce = `${id}`.padEnd(22, 'n').slice(0, 22);
	if (plan.grades) {
		const marks = Object.entries(plan.grades).map(([name, grade]) => [subjects.get(name)!, grade]);
		castChoices(db, key, new Map(marks as [string, string][]), nonce);
	} else {
		const sheets = Object.fromEntries(
			Object.entries(plan.scores ?? {}).map(([name, total]) => {
				const general = Math.min(30, total);
				return [subjects.get(name)!, { g: general * 2, t: (total - general) * 2 }];
			})
		);
		castScores(db, key, sheets, nonce);
	}
	closeVoteSession(db, id);
	const session = findVoteSession(db, owner, id)!;
	for (const [name, record] of Object.entries(plan.records ?? {}))
		expect(recordConditions(db, session, owner.id, subjects.get(name)!, record)).toBe('ok');
	return id;
}

async function setUp() {
	const db = createTestDatabase();
	return { db, alice: await organiser(db, 'alice'), bob: await organiser(db, 'bob') };
}

const points = (score: { numerator: number; denominator: number } | null) =>
	score && score.numerator / score.denominator;

describe('unitYear', () => {
	it('means four quarters, or three, and grades the year by the latest quarter’s rules', async () => {
		const { db, alice } = await setUp();
		quarter(db, alice, { quarter: 1, scores: { An: 92, Bình: 80, Cường: 60 } });
		quarter(db, alice, { quarter: 2, scores: { An: 95, Bình: 75, Cường: 45, Dung: 88 } });
		quarter(db, alice, { quarter: 3, scores: { An: 91, Bình: 85, Dung: 71 } });
		quarter(db, alice, { quarter: 4, scores: { An: 96, Bình: 81.5, Dung: 72.5 } });

		const year = unitYear(db, alice, 'Chi bộ Văn phòng', 2026)!;
		expect(year.rules).toMatchObject({ quarter: 4, preset: { id: ND_335_2025.id } });
		expect(year.sessions.map((s) => s.quarter)).toEqual([1, 2, 3, 4]);
		// Ballot order of the latest quarter, then whoever left earlier.
		expect(year.rows.map((row) => row.fullName)).toEqual(['An', 'Bình', 'Dung', 'Cường']);
		const row = (name: string) => year.rows.find((r) => r.fullName === name)!;

		expect(points(row('An').score)).toBe(93.5);
		expect(row('An').scoredQuarters).toBe(4);
		expect(points(row('Bình').score)).toBe(80.375);
		// Dung: three quarters, (88 + 71 + 72,5) / 3 = 77,1666…, shown as 77,16; Cường: two, one
		// of them not completed.
		expect(floorHundredths(row('Dung').score!)).toBe(7716);
		expect(row('Dung').scoredQuarters).toBe(3);
		expect(row('Dung').quarters[0]).toBeNull();
		expect(row('Cường')).toMatchObject({ scoredQuarters: 2, notCompletedQuarters: [2] });
		expect(points(row('Cường').score)).toBe(52.5);
		expect(row('Cường').quarters.map((q) => q?.grade ?? null)).toEqual([
			'completed',
			'not_completed',
			null,
			null
		]);
		// NĐ 335 has conditions and none are recorded: the grades stand provisionally.
		expect(row('Bình').conditional).toMatchObject({ band: 'good', pending: true });
		expect(row('Cường').grade).toBe('completed');
		// One excellent beside two good at year level: ⌊3/6⌋ = 0 may stay, An goes down.
		expect(row('An')).toMatchObject({ grade: 'good', move: { id: 'person:An', tied: false } });
		expect(year.cap).toEqual([
			expect.objectContaining({ group: '', allowed: 0, candidates: 1, goodBefore: 2 })
		]);
	});

	it('uses the quarters with a score when one quarter is a grade vote', async () => {
		const { db, alice } = await setUp();
		quarter(db, alice, { quarter: 1, scores: { An: 70, Bình: 90 } });
		const second = quarter(db, alice, {
			quarter: 2,
			grades: { An: 'not_completed', Bình: 'good' }
		});
		db.$client.prepare('update vote_session set published_at = 1 where id = ?').run(second);
		quarter(db, alice, { quarter: 3, scores: { An: 75, Bình: 80 } });

		const year = unitYear(db, alice, 'Chi bộ Văn phòng', 2026)!;
		const an = year.rows.find((row) => row.fullName === 'An')!;
		expect(an.quarters[1]).toMatchObject({ score: null, grade: 'not_completed' });
		expect(an).toMatchObject({ scoredQuarters: 2, notCompletedQuarters: [2] });
		expect(points(an.score)).toBe(72.5);
		expect(an.grade).toBe('good');
		expect(year.sessions[1]).toMatchObject({ quarter: 2, mode: 'grades', published: true });
		expect(year.unpublishedQuarters).toEqual([1, 3]);
	});

	it('takes the final grade where confirmed, and caps the year by recorded conditions', async () => {
		const { db, alice } = await setUp();
		const first = quarter(db, alice, {
			quarter: 1,
			scores: { An: 95, Bình: 80 },
			records: { An: CLEAN, Bình: CLEAN }
		});
		quarter(db, alice, {
			quarter: 2,
			scores: { An: 93, Bình: 82, Cường: 75 },
			records: { An: CLEAN, Bình: { ...CLEAN, discipline: true }, Cường: CLEAN }
		});
		const session = findVoteSession(db, alice, first)!;
		const bình = listSubjects(db, first).find((s) => s.fullName === 'Bình')!;
		const change = recordGrades(db, session, bình.id, {
			selfGrade: null,
			proposedGrade: null,
			finalGrade: 'completed',
			finalReason: 'Cấp có thẩm quyền quyết định'
		});
		expect(change).toBe('ok');

		const year = unitYear(db, alice, 'Chi bộ Văn phòng', 2026)!;
		const row = year.rows.find((r) => r.fullName === 'Bình')!;
		expect(row.quarters[0]).toMatchObject({ grade: 'completed', confirmed: true });
		expect(row.quarters[1]).toMatchObject({ grade: 'not_completed', confirmed: false });
		// A discipline in any quarter stands for the year: not completed whatever the 81 points.
		expect(row.conditional).toMatchObject({ band: 'good', grade: 'not_completed', pending: false });
		expect(row.conditional?.caps.map((c) => c.kind === 'no_finding' && c.finding)).toEqual([
			'discipline'
		]);
		expect(row.facts).toMatchObject({ periods: 2, discipline: true });
		// Recorded in the one quarter they were appraised in: the year is not pending.
		const cường = year.rows.find((r) => r.fullName === 'Cường')!;
		expect(cường.conditional).toMatchObject({ band: 'good', grade: 'good', pending: false });
		expect(cường.facts).toMatchObject({ periods: 1 });
	});

	it('keeps units apart and shows only the viewer’s own sessions', async () => {
		const { db, alice, bob } = await setUp();
		quarter(db, alice, { quarter: 1, scores: { An: 80 } });
		quarter(db, alice, { quarter: 1, organisation: 'Chi bộ Kế toán', scores: { Giang: 70 } });
		// Bob's session of a unit with the same name, and of the same person id: not Alice's.
		quarter(db, bob, { quarter: 2, scores: { An: 50 } });
		quarter(db, alice, { quarter: 1, year: 2027, draft: true, scores: { An: 0 } });

		expect(yearUnits(db, alice, 2026)).toEqual({
			years: [2026],
			units: ['Chi bộ Kế toán', 'Chi bộ Văn phòng']
		});
		const office = unitYear(db, alice, 'Chi bộ Văn phòng', 2026)!;
		expect(office.sessions).toHaveLength(1);
		expect(office.rows.map((row) => [row.fullName, points(row.score)])).toEqual([['An', 80]]);
		expect(unitYear(db, alice, 'Chi bộ Kế toán', 2026)?.rows.map((r) => r.fullName)).toEqual([
			'Giang'
		]);
		expect(unitYear(db, alice, 'Chi bộ Văn phòng', 2027)).toMatchObject({
			rules: null,
			rows: []
		});
		expect(unitYear(db, alice, 'Chi bộ Văn phòng', 2025)).toBeNull();
		expect(yearUnits(db, bob, 2026)).toEqual({ years: [2026], units: ['Chi bộ Văn phòng'] });
		expect(unitYear(db, bob, 'Chi bộ Văn phòng', 2026)?.rows).toEqual([
			expect.objectContaining({ fullName: 'An', scoredQuarters: 1 })
		]);
	});

	it('runs the cap per duty group with the latest quarter’s rate and rules', async () => {
		const { db, alice } = await setUp();
		const office = Object.fromEntries(
			['An', 'Bình', 'Cường', 'Dung', 'Em', 'Giang', 'Hà'].map((name) => [name, 'Văn phòng'])
		);
		quarter(db, alice, {
			quarter: 1,
			preset: QD_366_2025,
			scores: { An: 95, Bình: 92, Cường: 80, Dung: 80, Em: 80, Giang: 80, Hà: 80, Lan: 95 },
			groups: { ...office, Lan: 'Lãnh đạo' }
		});
		const latest = quarter(db, alice, {
			quarter: 2,
			scores: { An: 95, Bình: 92, Cường: 80, Dung: 80, Em: 80, Giang: 80, Hà: 80, Lan: 95 },
			groups: { ...office, Lan: 'Lãnh đạo' }
		});
		db.$client
			.prepare('update vote_session set cap_rate_percent = 40, cap_rate_document = ? where id = ?')
			.run('Văn bản 12/UBND', latest);

		const year = unitYear(db, alice, 'Chi bộ Văn phòng', 2026)!;
		expect(year.rules).toMatchObject({
			preset: { id: ND_335_2025.id },
			ratio: { numerator: 40, denominator: 100 },
			recordedRate: { percent: 40, document: 'Văn bản 12/UBND' }
		});
		// Văn phòng: two excellent beside five good, at 40 % ⌊0.4 × 7 / 1.4⌋ = 2 stay; Lãnh đạo:
		// alone with no one good, Lan goes down.
		const grade = (name: string) => year.rows.find((row) => row.fullName === name)?.grade;
		expect([grade('An'), grade('Bình'), grade('Lan')]).toEqual(['excellent', 'excellent', 'good']);
		expect(year.cap.map((group) => [group.group, group.allowed])).toEqual([
			['Văn phòng', 2],
			['Lãnh đạo', 0]
		]);
		expect(year.sessions.map((s) => s.presetName.vi)).toEqual([
			QD_366_2025.name.vi,
			ND_335_2025.name.vi
		]);
	});
});
