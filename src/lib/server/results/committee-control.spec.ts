/**
 * The tally committee's confirmation as a control on the organiser: only committee accounts
 * confirm, only their confirmations count, the number needed is fixed when voting opens, and
 * their accounts are disabled once the session is published.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAccount } from '../auth/accounts';
import type { AppDatabase } from '../db';
import { auditTrail } from '../db/audit';
import { authSession, countConfirmation, user } from '../db/schema';
import { createSession, generateSessionToken } from '../auth/session';
import {
	addCommitteeMember,
	linkMemberAccount,
	listCommittee,
	removeCommitteeMember
} from '../sessions/committee';
import { closeVoteSession, openVoteSession, recordAttendance } from '../sessions/lifecycle';
import { createTestDatabase } from '../db/testing';
import { draftSession, issueTestCards, organiser } from '../testing/fixtures';
import { confirmations, confirmCount, publish, setConfirmationsRequired } from './publication';

/** An account of `role` named on the session's committee as `name`; returns its id. */
async function member(
	db: AppDatabase,
	sessionId: string,
	name: string,
	role: 'tally' | 'organiser' = 'tally'
): Promise<string> {
	addCommitteeMember(db, sessionId, { fullName: name, roleTitle: 'Thành viên' });
	const entry = listCommittee(db, sessionId).find((candidate) => candidate.fullName === name)!;
	const created = await createAccount(db, {
		username: `${name.toLowerCase()}-${sessionId.slice(0, 6)}`,
		displayName: name,
		password: 'ban kiểm phiếu 2026',
		role
	});
	if (!created.ok) throw new Error('account not created');
	linkMemberAccount(db, sessionId, entry.id, created.user.id);
	return created.user.id;
}

/** A draft with its people, attendance and cards, ready to open. */
async function draft(db = createTestDatabase(), owner?: { id: string }) {
	const ownerId = owner?.id ?? (await organiser(db)).id;
	const sessionId = draftSession(db, ownerId);
	recordAttendance(db, sessionId, 10);
	issueTestCards(db, sessionId, 3);
	return { db, ownerId, sessionId };
}

function open(db: AppDatabase, sessionId: string, ownerId: string) {
	expect(openVoteSession(db, sessionId, null, ownerId)).toMatchObject({ ok: true });
}

const actions = (db: AppDatabase, sessionId: string) =>
	auditTrail(db, sessionId).map((entry) => entry.action);

describe('confirming the count', () => {
	it('is refused to the organiser and to an administrator, changing nothing', async () => {
		const { db, ownerId, sessionId } = await draft();
		const admin = await organiser(db, 'quantri', 'admin');
		const lan = await member(db, sessionId, 'Lan');
		expect(setConfirmationsRequired(db, sessionId, 1, ownerId)).toBe('ok');
		open(db, sessionId, ownerId);
		closeVoteSession(db, sessionId, ownerId);
		const before = actions(db, sessionId);

		expect(confirmCount(db, sessionId, ownerId)).toBe('not_committee');
		expect(confirmCount(db, sessionId, admin.id)).toBe('not_committee');
		expect(db.select().from(countConfirmation).all()).toEqual([]);
		expect(actions(db, sessionId)).toEqual(before);
		expect(publish(db, sessionId, ownerId)).toEqual({
			ok: false,
			reason: 'needs_confirmations',
			have: 0,
			need: 1
		});

		expect(confirmCount(db, sessionId, lan)).toBe('ok');
		expect(confirmations(db, sessionId).map((entry) => entry.who)).toEqual(['Lan']);
		expect(publish(db, sessionId, ownerId)).toEqual({ ok: true });
	});

	it('counts only tally accounts still named on the committee', async () => {
		const { db, ownerId, sessionId } = await draft();
		// An organiser's account named on the committee is still the organiser's.
		const colleague = await member(db, sessionId, 'Bình', 'organiser');
		const lan = await member(db, sessionId, 'Lan');
		await member(db, sessionId, 'Minh');
		expect(setConfirmationsRequired(db, sessionId, 2, ownerId)).toBe('ok');
		open(db, sessionId, ownerId);
		closeVoteSession(db, sessionId, ownerId);
		expect(confirmCount(db, sessionId, colleague)).toBe('not_committee');
		expect(confirmCount(db, sessionId, lan)).toBe('ok');
		const lanEntry = listCommittee(db, sessionId).find((entry) => entry.fullName === 'Lan')!;
		removeCommitteeMember(db, sessionId, lanEntry.id);
		expect(confirmations(db, sessionId)).toEqual([]);
		expect(publish(db, sessionId, ownerId)).toMatchObject({
			reason: 'needs_confirmations',
			have: 0
		});
	});

	it('needs the confirmations asked for, once each, and writes every step to the audit trail', async () => {
		const { db, ownerId, sessionId } = await draft();
		const first = await member(db, sessionId, 'Lan');
		const second = await member(db, sessionId, 'Minh');
		expect(setConfirmationsRequired(db, sessionId, 2, ownerId)).toBe('ok');
		open(db, sessionId, ownerId);
		expect(confirmCount(db, sessionId, first)).toBe('not_closed');
		closeVoteSession(db, sessionId, ownerId);
		expect(confirmCount(db, sessionId, first)).toBe('ok');
		expect(confirmCount(db, sessionId, first)).toBe('already');
		expect(publish(db, sessionId, ownerId)).toMatchObject({ have: 1, need: 2 });
		expect(confirmCount(db, sessionId, second)).toBe('ok');
		expect(publish(db, sessionId, ownerId)).toEqual({ ok: true });
		expect(publish(db, sessionId, ownerId)).toEqual({ ok: false, reason: 'already' });
		expect(actions(db, sessionId)).toEqual([
			'cards_issued',
			'confirmations_required_changed',
			'opened',
			'closed',
			'count_confirmed',
			'count_confirmed',
			'published',
			'committee_accounts_disabled'
		]);
	});
});

describe('the confirmations required', () => {
	it('change before voting opens, audited old → new, and are fixed from then on', async () => {
		const { db, ownerId, sessionId } = await draft();
		await member(db, sessionId, 'Lan');
		await member(db, sessionId, 'Minh');
		expect(setConfirmationsRequired(db, sessionId, 1, ownerId)).toBe('ok');
		expect(setConfirmationsRequired(db, sessionId, 2, ownerId)).toBe('ok');
		// The same number again is no change, and no audit row.
		expect(setConfirmationsRequired(db, sessionId, 2, ownerId)).toBe('ok');
		// Never more than the members named.
		expect(setConfirmationsRequired(db, sessionId, 3, ownerId)).toBe('more_than_members');
		const changes = auditTrail(db, sessionId).filter(
			(entry) => entry.action === 'confirmations_required_changed'
		);
		expect(changes.map((entry) => [entry.detail, entry.who])).toEqual([
			['0 → 1', 'bithu'],
			['1 → 2', 'bithu']
		]);

		open(db, sessionId, ownerId);
		expect(setConfirmationsRequired(db, sessionId, 0, ownerId)).toBe('not_draft');
		closeVoteSession(db, sessionId, ownerId);
		expect(setConfirmationsRequired(db, sessionId, 1, ownerId)).toBe('not_draft');
		expect(publish(db, sessionId, ownerId)).toMatchObject({
			reason: 'needs_confirmations',
			need: 2
		});
		expect(
			auditTrail(db, sessionId).filter((e) => e.action.startsWith('confirmations'))
		).toHaveLength(2);
	});
});

describe('publishing', () => {
	it('disables the committee accounts, unless one serves a session not yet published', async () => {
		const { db, ownerId, sessionId } = await draft();
		const other = await draft(db, { id: ownerId });
		const lan = await member(db, sessionId, 'Lan');
		const minh = await member(db, sessionId, 'Minh');
		// Minh also counts the other session.
		const minhOnOther = listCommittee(db, other.sessionId);
		addCommitteeMember(db, other.sessionId, { fullName: 'Minh', roleTitle: 'Thành viên' });
		const otherEntry = listCommittee(db, other.sessionId).find(
			(entry) => !minhOnOther.some((before) => before.id === entry.id)
		)!;
		linkMemberAccount(db, other.sessionId, otherEntry.id, minh);
		createSession(db, generateSessionToken(), lan);
		createSession(db, generateSessionToken(), minh);
		open(db, sessionId, ownerId);
		closeVoteSession(db, sessionId, ownerId);

		expect(publish(db, sessionId, ownerId)).toEqual({ ok: true });
		const disabled = (id: string) =>
			db.select({ disabled: user.disabled }).from(user).where(eq(user.id, id)).get()?.disabled;
		const signedIn = (id: string) =>
			db.select().from(authSession).where(eq(authSession.userId, id)).all().length;
		expect([disabled(lan), signedIn(lan)]).toEqual([true, 0]);
		expect([disabled(minh), signedIn(minh)]).toEqual([false, 1]);
		const entry = auditTrail(db, sessionId).at(-1);
		expect(entry).toMatchObject({
			action: 'committee_accounts_disabled',
			detail: '1',
			who: 'bithu'
		});
		expect(listCommittee(db, sessionId).map((row) => row.account)).toEqual(['disabled', 'active']);

		open(db, other.sessionId, ownerId);
		closeVoteSession(db, other.sessionId, ownerId);
		expect(publish(db, other.sessionId, ownerId)).toEqual({ ok: true });
		expect(disabled(minh)).toBe(true);
	});
});
