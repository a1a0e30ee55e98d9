/**
 * What shapes a result is in the audit trail, with who and when, never a ballot: grades
 * confirmed, changed or removed before publication, and paper ballots entered (a count only).
 */
import { describe, expect, it } from 'vitest';
import { readGradeAuditDetail } from '$lib/audit-detail';
import { auditTrail } from '../db/audit';
import { setPaperIssued, storePaperBallot } from '../ballots/paper';
import { closeVoteSession, findVoteSession } from '../sessions/lifecycle';
import { ALL_MET } from '../testing/appraisal-session';
import { castScores, openAppraisal, openSession } from '../testing/fixtures';
import { confirmCollectiveGrades, recordConditions, recordGrades } from './grades';

const entries = (db: Parameters<typeof auditTrail>[0], sessionId: string, action: string) =>
	auditTrail(db, sessionId)
		.filter((entry) => entry.action === action)
		.map(({ detail, who }) => [detail, who]);

describe('the audit trail', () => {
	it('records each final grade confirmed, changed or removed, with the name and grade', async () => {
		const { db, ownerId, sessionId, cards, subjectIds } = await openAppraisal('scores', {
			subjects: 2,
			cards: 1
		});
		const [first, second] = subjectIds as [string, string];
		// 80 and 75 points, in half points: both good, nobody near the cap.
		const sheets = { [first]: { g: 60, t: 100 }, [second]: { g: 50, t: 100 } };
		castScores(db, { kind: 'token', value: cards[0]!.token }, sheets, 'N'.repeat(22));
		closeVoteSession(db, sessionId, ownerId);
		const owner = {
			id: ownerId,
			username: 'bithu',
			displayName: 'bithu',
			role: 'organiser' as const
		};
		const session = () => findVoteSession(db, owner, sessionId)!;
		for (const id of subjectIds) recordConditions(db, session(), ownerId, id, ALL_MET);

		const grades = { selfGrade: null, proposedGrade: null, finalReason: 'Chậm hai nhiệm vụ' };
		expect(
			recordGrades(db, session(), second, { ...grades, finalGrade: 'completed' }, ownerId)
		).toBe('ok');
		// Saving the same final grade again changes nothing that shapes the result.
		expect(
			recordGrades(db, session(), second, { ...grades, finalGrade: 'completed' }, ownerId)
		).toBe('ok');
		expect(recordGrades(db, session(), second, { ...grades, finalGrade: null }, ownerId)).toBe(
			'ok'
		);
		expect(confirmCollectiveGrades(db, session(), ownerId)).toEqual({ confirmed: 2 });

		expect(entries(db, sessionId, 'grade_confirmed')).toEqual([
			['Người số 2: HTNV', 'bithu'],
			['Người số 2: —', 'bithu'],
			['Người số 1: HTTNV', 'bithu'],
			['Người số 2: HTTNV', 'bithu']
		]);
		expect(readGradeAuditDetail('Người số 2: HTNV')).toEqual({
			name: 'Người số 2',
			grade: 'completed'
		});
	});

	it('records each paper ballot entered as a count, never its marks', async () => {
		const { db, ownerId, sessionId, subjectIds } = await openSession({ cards: 2 });
		setPaperIssued(db, sessionId, 2, ownerId);
		const low = { kind: 'choices' as const, choices: new Map([[subjectIds[0]!, 'low']]) };
		expect(storePaperBallot(db, sessionId, low, ownerId)).toEqual({ ok: true, entered: 1 });
		expect(storePaperBallot(db, sessionId, { kind: 'invalid' }, ownerId)).toEqual({
			ok: true,
			entered: 2
		});
		// Refused: more than were handed out. Nothing recorded.
		expect(storePaperBallot(db, sessionId, low, ownerId)).toMatchObject({ ok: false });
		expect(entries(db, sessionId, 'paper_ballot_entered')).toEqual([
			['1', 'bithu'],
			['1', 'bithu']
		]);
	});
});

describe('a grade audit detail', () => {
	it('reads back a name holding ": " and a removed grade', () => {
		expect(readGradeAuditDetail('Tổ 1: Lê Văn A: HTXSNV')).toEqual({
			name: 'Tổ 1: Lê Văn A',
			grade: 'excellent'
		});
		expect(readGradeAuditDetail('Lê Văn A: —')).toEqual({ name: 'Lê Văn A', grade: null });
	});
});
