/**
 * A published result is final: every write that would change what it rests on (grades,
 * conditions, the cap's rate, confirmations, paper ballots, the people, attendance, cards) is
 * refused and changes nothing. A correction is an amendment (amendments.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { createAccount } from '../auth/accounts';
import type { AppDatabase } from '../db';
import { setPaperIssued, storePaperBallot } from '../ballots/paper';
import { issueCards, voidCardByCode, voidUnusedCards } from '../cards/ballot-cards';
import { addCommitteeMember, linkMemberAccount, listCommittee } from '../sessions/committee';
import { closeVoteSession, recordAttendance, sessionById } from '../sessions/lifecycle';
import { addSubjects, listSubjects, removeSubject, updateSubject } from '../sessions/subjects';
import { ALL_MET, publishedTwoGroups } from '../testing/appraisal-session';
import { castChoices, openSession } from '../testing/fixtures';
import { confirmCollectiveGrades, recordCapRate, recordConditions, recordGrades } from './grades';
import { confirmCount, publish, setConfirmationsRequired } from './publication';

/** Every row a session's result rests on, as stored. */
function stored(db: AppDatabase, sessionId: string) {
	const rows = (table: string) =>
		db.$client.prepare(`select * from ${table} where session_id = ? order by 1`).all(sessionId);
	return {
		voteSession: db.$client.prepare('select * from vote_session where id = ?').get(sessionId),
		subjects: rows('subject'),
		ballots: rows('ballot'),
		sheets: rows('score_sheet'),
		confirmations: rows('count_confirmation'),
		committee: rows('committee_member'),
		audit: rows('audit_event'),
		amendments: rows('amendment')
	};
}

describe('a published appraisal', () => {
	it('refuses every grade, the collective confirmation, conditions and the rate, changing nothing', async () => {
		const { db, sessionId, ownerId } = await publishedTwoGroups();
		const session = sessionById(db, sessionId)!;
		const person = (name: string) =>
			listSubjects(db, sessionId).find((subject) => subject.fullName === name)!.id;
		const before = stored(db, sessionId);

		// Cường's collective result, good, which confirming would otherwise accept.
		const grades = { selfGrade: null, proposedGrade: null, finalReason: null };
		expect(
			recordGrades(db, session, person('Lê Văn Cường'), { ...grades, finalGrade: 'good' })
		).toBe('published');
		// Not even the self-assessment or the proposal beside the final grade: the minutes print them.
		const proposal = { ...grades, proposedGrade: 'good' as const, finalGrade: null };
		expect(recordGrades(db, session, person('Nguyễn Văn An'), proposal)).toBe('published');
		expect(confirmCollectiveGrades(db, session)).toEqual({ refusal: 'published' });
		expect(recordConditions(db, session, ownerId, person('Bùi Thị Khánh'), ALL_MET)).toBe(
			'published'
		);
		expect(recordCapRate(db, session, ownerId, null)).toBe('published');

		expect(stored(db, sessionId)).toEqual(before);
	});

	it('refuses a grade confirmed in a session read before publishing (the lock is read in the write)', async () => {
		const { db, sessionId } = await publishedTwoGroups();
		// The page read the session while it was unpublished; the write reads it again.
		const stale = { ...sessionById(db, sessionId)!, publishedAt: null };
		const grades = { selfGrade: null, proposedGrade: null, finalGrade: 'good' as const };
		const person = listSubjects(db, sessionId)[2]!;
		expect(recordGrades(db, stale, person.id, { ...grades, finalReason: null })).toBe('published');
		expect(confirmCollectiveGrades(db, stale)).toEqual({ refusal: 'published' });
		expect(listSubjects(db, sessionId)[2]!.finalGrade).toBeNull();
	});
});

describe('a published count', () => {
	it('takes no confirmation, no paper ballot, no change of paper handed out or confirmations required', async () => {
		const { db, sessionId, ownerId, cards, subjectIds } = await openSession({ cards: 2 });
		expect(setPaperIssued(db, sessionId, 2, ownerId)).toEqual({ ok: true });
		castChoices(
			db,
			{ kind: 'token', value: cards[0]!.token },
			new Map([[subjectIds[0]!, 'high']]),
			'P'.repeat(22)
		);
		addCommitteeMember(db, sessionId, { fullName: 'Đặng Thị Hồng', roleTitle: 'Trưởng ban' });
		const created = await createAccount(db, {
			username: 'kiemphieu',
			displayName: 'Đặng Thị Hồng',
			password: 'ban kiểm phiếu 2026',
			role: 'tally'
		});
		if (!created.ok) throw new Error('account not created');
		linkMemberAccount(db, sessionId, listCommittee(db, sessionId)[0]!.id, created.user.id);
		closeVoteSession(db, sessionId, ownerId);
		expect(publish(db, sessionId, ownerId)).toEqual({ ok: true });
		const before = stored(db, sessionId);

		expect(confirmCount(db, sessionId, created.user.id)).toBe('not_closed');
		const ballot = { kind: 'choices' as const, choices: new Map([[subjectIds[0]!, 'low']]) };
		expect(storePaperBallot(db, sessionId, ballot)).toEqual({ ok: false, reason: 'published' });
		expect(setPaperIssued(db, sessionId, 3, ownerId)).toEqual({ ok: false, reason: 'published' });
		expect(setConfirmationsRequired(db, sessionId, 1, ownerId)).toBe('not_draft');
		// What closing already froze stays frozen: people, attendance, cards.
		const person = { fullName: 'Người mới', jobTitle: 'Ủy viên' };
		expect(addSubjects(db, sessionId, [person])).toBe('not_draft');
		expect(updateSubject(db, sessionId, subjectIds[0]!, person)).toBe('not_draft');
		expect(removeSubject(db, sessionId, subjectIds[0]!)).toBe('not_draft');
		expect(recordAttendance(db, sessionId, 9)).toBe('not_draft');
		expect(issueCards(db, sessionId, 1)).toEqual({ ok: false, reason: 'closed' });
		expect(voidCardByCode(db, sessionId, cards[1]!.code, ownerId)).toBe('not_found');
		expect(voidUnusedCards(db, sessionId, ownerId)).toBe(0);

		expect(stored(db, sessionId)).toEqual(before);
	});
});
