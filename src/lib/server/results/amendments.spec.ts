/**
 * Amendments of a published result: a correction in words or a person's corrected final grade,
 * always with a reason, audited, refused before publication and where a grade would break the
 * cap. The published figures never change; the effective grade is the latest amendment's.
 */
import { describe, expect, it } from 'vitest';
import { auditTrail } from '../db/audit';
import type { AppDatabase } from '../db';
import { sessionById } from '../sessions/lifecycle';
import { listSubjects } from '../sessions/subjects';
import { publishedTwoGroups } from '../testing/appraisal-session';
import { closedWithOneBallot } from '../testing/one-ballot';
import { amendedGrades, amendResult, listAmendments, type AmendmentInput } from './amendments';
import { sessionReport } from './count';
import { personHistory } from './history';
import { publish } from './publication';
import { unitYear } from './year';

const REASON = 'Quyết định số 12/QĐ-UBND ngày 05/01/2027';

/** The people of TWO_DUTY_GROUPS by first name, and amending as their organiser. */
async function twoGroups() {
	const { db, sessionId, ownerId } = await publishedTwoGroups();
	const id = (name: string) =>
		listSubjects(db, sessionId).find((person) => person.fullName.endsWith(` ${name}`))!.id;
	const amend = (input: Partial<AmendmentInput>) =>
		amendResult(db, sessionById(db, sessionId)!, ownerId, {
			reason: REASON,
			correction: '',
			grade: null,
			...input
		});
	const regrade = (name: string, after: 'excellent' | 'good' | 'completed' | 'not_completed') =>
		amend({ grade: { subjectId: id(name), after } });
	return { db, sessionId, ownerId, id, amend, regrade };
}

const finalGrades = (db: AppDatabase, sessionId: string) =>
	listSubjects(db, sessionId).map((person) => person.finalGrade);

describe('an amendment in words', () => {
	it('is recorded once published, dated, with who and why, and audited', async () => {
		const { db, sessionId, ownerId } = await closedWithOneBallot();
		const session = () => sessionById(db, sessionId)!;
		const input = {
			reason: REASON,
			correction: 'Họ tên đúng là “Người số Một”, không phải “Người số 1”.',
			grade: null
		};
		// Before publication the result itself is corrected, not amended.
		expect(amendResult(db, session(), ownerId, input)).toBe('not_published');
		expect(listAmendments(db, sessionId)).toEqual([]);
		publish(db, sessionId, ownerId);

		expect(amendResult(db, session(), ownerId, { ...input, reason: ' QĐ ' })).toBe(
			'reason_required'
		);
		expect(amendResult(db, session(), ownerId, { ...input, correction: '  ' })).toBe(
			'nothing_amended'
		);
		expect(listAmendments(db, sessionId)).toEqual([]);

		const before = Date.now();
		expect(amendResult(db, session(), ownerId, input)).toBe('ok');
		const [amendment] = listAmendments(db, sessionId);
		expect(amendment).toMatchObject({
			who: 'bithu',
			reason: REASON,
			correction: input.correction,
			grade: null
		});
		expect(amendment!.at.getTime()).toBeGreaterThanOrEqual(before);
		expect(auditTrail(db, sessionId).at(-1)).toMatchObject({
			action: 'amended',
			who: 'bithu',
			detail: `${input.correction} — ${REASON}`
		});
	});

	it('asks for a person’s grade on a confidence vote in vain', async () => {
		const { db, sessionId, ownerId } = await closedWithOneBallot();
		publish(db, sessionId, ownerId);
		const subjectId = listSubjects(db, sessionId)[0]!.id;
		const input = { reason: REASON, correction: '', grade: { subjectId, after: 'good' as const } };
		expect(amendResult(db, sessionById(db, sessionId)!, ownerId, input)).toBe('not_found');
	});
});

describe('an amended grade', () => {
	it('replaces the grade as it stands, keeps the published one, and is audited with before and after', async () => {
		const { db, sessionId, id, regrade } = await twoGroups();
		const published = finalGrades(db, sessionId);
		// Cường was never confirmed: the grade as it stands is the collective result, good.
		expect(regrade('Cường', 'good')).toBe('unchanged');
		expect(regrade('Cường', 'completed')).toBe('ok');
		expect(regrade('Cường', 'good')).toBe('ok');
		expect(listAmendments(db, sessionId).map((amendment) => amendment.grade)).toEqual([
			{
				subjectId: id('Cường'),
				number: 3,
				fullName: 'Lê Văn Cường',
				before: 'good',
				after: 'completed'
			},
			{
				subjectId: id('Cường'),
				number: 3,
				fullName: 'Lê Văn Cường',
				before: 'completed',
				after: 'good'
			}
		]);
		expect(auditTrail(db, sessionId).at(-2)).toMatchObject({
			action: 'amended',
			detail: `Lê Văn Cường: HTTNV → HTNV — ${REASON}`
		});
		// An confirmed excellent at publication: the final grade is the one before.
		expect(regrade('An', 'good')).toBe('ok');
		expect(listAmendments(db, sessionId).at(-1)?.grade).toMatchObject({
			before: 'excellent',
			after: 'good'
		});
		// The latest amendment is the effective grade; the published grades never change.
		expect(Object.fromEntries(amendedGrades(listAmendments(db, sessionId)))).toEqual({
			[id('Cường')]: 'good',
			[id('An')]: 'good'
		});
		expect(finalGrades(db, sessionId)).toEqual(published);
		const report = sessionReport(db, sessionById(db, sessionId)!);
		expect(report.kind === 'appraisal' && report.rows[0]!.subject.finalGrade).toBe('excellent');
	});

	it('is refused with each group’s numbers where it breaks the cap, counting earlier amendments', async () => {
		const { db, sessionId, regrade } = await twoGroups();
		// Chuyên viên at 30 %: An excellent, Bình, Cường, Dung, Lan and Phúc good (Em not completed).
		expect(regrade('Bình', 'excellent')).toEqual({
			refusal: 'cap',
			breaches: [{ group: 'Chuyên viên', excellent: 2, good: 4, allowed: 1 }]
		});
		expect(listAmendments(db, sessionId)).toEqual([]);
		// Once An's grade is amended down, a place is free.
		expect(regrade('An', 'good')).toBe('ok');
		expect(regrade('Bình', 'excellent')).toBe('ok');
		// Lowering a grade never breaks the cap.
		expect(regrade('Dung', 'completed')).toBe('ok');
	});

	it('is the grade a person’s quarter and the unit’s year show', async () => {
		const { db, sessionId, ownerId, id, regrade } = await twoGroups();
		expect(regrade('Phúc', 'completed')).toBe('ok');
		const viewer = {
			id: ownerId,
			username: 'bithu',
			displayName: 'bithu',
			role: 'organiser' as const
		};
		const year = unitYear(db, viewer, 'Ủy ban nhân dân xã Hòa Bình', 2026);
		const phuc = year?.rows.find((row) => row.fullName === 'Trịnh Văn Phúc');
		expect(phuc?.quarters[3]).toMatchObject({ sessionId, grade: 'completed', confirmed: true });
		const personId = listSubjects(db, sessionId).find(
			(person) => person.id === id('Phúc')
		)!.personId;
		expect(personHistory(db, viewer, personId, 2026)?.entries[0]).toMatchObject({
			final: 'completed'
		});
	});
});
