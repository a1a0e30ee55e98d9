/**
 * The whole database schema, in one file so that anonymity can be reviewed in one place.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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

/* ─────────────────────────────── Voting sessions ─────────────────────────────── */

export const SESSION_KINDS = ['confidence', 'appraisal'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const APPRAISAL_MODES = ['grades', 'scores'] as const;
export type AppraisalMode = (typeof APPRAISAL_MODES)[number];
export const PERIOD_KINDS = ['quarter', 'year', 'term'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const GRADE_VALUES = ['excellent', 'good', 'completed', 'not_completed'] as const;
export const SESSION_STATES = ['draft', 'open', 'closed'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const voteSession = sqliteTable(
	'vote_session',
	{
		id: text().primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => user.id),
		kind: text({ enum: SESSION_KINDS }).notNull(),
		title: text().notNull(),
		organisation: text().notNull(),
		/** Calendar date of the meeting, YYYY-MM-DD. */
		meetingDate: text('meeting_date').notNull(),
		/** Local time of the meeting, HH:MM, if given. */
		meetingTime: text('meeting_time'),
		place: text().notNull(),
		convened: integer().notNull(),
		present: integer(),
		/** The session's own copy of its rule preset (JSON), so later code changes never alter it. */
		preset: text({ mode: 'json' }).notNull(),
		/** Appraisals only: a grade per person, or a score sheet per person. */
		mode: text({ enum: APPRAISAL_MODES }),
		/** Appraisals only: the period appraised (a quarter of a year, a year, or a term). */
		periodKind: text('period_kind', { enum: PERIOD_KINDS }),
		periodYear: integer('period_year'),
		periodQuarter: integer('period_quarter'),
		/** A term's label, e.g. "2025–2030". */
		periodLabel: text('period_label'),
		/** Score sheets only: the session's own copy of its criteria (JSON). */
		criteria: text({ mode: 'json' }),
		state: text({ enum: SESSION_STATES }).notNull().default('draft'),
		/** Why voting was opened although the quorum was not met. */
		quorumOverrideReason: text('quorum_override_reason'),
		/** Cards ever issued and cards voided: kept as counts so that purging the cards keeps them. */
		cardsIssued: integer('cards_issued').notNull().default(0),
		cardsVoided: integer('cards_voided').notNull().default(0),
		/** Paper ballots handed out, and returned ballots entered from paper: only these counts. */
		paperIssued: integer('paper_issued').notNull().default(0),
		paperReturned: integer('paper_returned').notNull().default(0),
		/** The read-only projector page's key (128 random bits); no login needed. */
		projectorKey: text('projector_key').notNull().default(''),
		/**
		 * Appraisals: a rate of excellent grades higher than the preset's, set by the competent
		 * level for this session (whole percent of those graded good), and the document that sets it.
		 */
		capRatePercent: integer('cap_rate_percent'),
		capRateDocument: text('cap_rate_document'),
		/** Appraisals: print each person's self-score and self-grade beside their name on the ballot. */
		selfAssessmentOnBallot: integer('self_assessment_on_ballot', { mode: 'boolean' })
			.notNull()
			.default(false),
		/** Confirmations by tally-committee accounts needed before publishing (0: the organiser alone). */
		confirmationsRequired: integer('confirmations_required').notNull().default(0),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		openedAt: integer('opened_at', { mode: 'timestamp_ms' }),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		/**
		 * When the count last changed: voting closed, or a paper ballot was entered after that.
		 * The minutes give it as the time the count ended. A session-wide time, never a ballot's.
		 */
		countEndedAt: integer('count_ended_at', { mode: 'timestamp_ms' }),
		/** Results reach the projector and receipts become public only once published. */
		publishedAt: integer('published_at', { mode: 'timestamp_ms' })
	},
	(table) => [
		index('vote_session_owner').on(table.ownerId),
		index('vote_session_projector').on(table.projectorKey),
		check('vote_session_state_known', sql`${table.state} in ('draft', 'open', 'closed')`),
		check('vote_session_convened_positive', sql`${table.convened} > 0`),
		check(
			'vote_session_present_range',
			sql`${table.present} is null or ${table.present} between 0 and ${table.convened}`
		)
	]
);

/** A person on the ballot. Not a user of the app. */
export const subject = sqliteTable(
	'subject',
	{
		id: text().primaryKey(),
		sessionId: text('session_id')
			.notNull()
			.references(() => voteSession.id, { onDelete: 'cascade' }),
		/** Order on the ballot, from 1. */
		position: integer().notNull(),
		fullName: text('full_name').notNull(),
		jobTitle: text('job_title').notNull(),
		/** The same person across sessions cloned quarter after quarter. */
		personId: text('person_id').notNull().default(''),
		/** Appraisals: the group of people with similar duties the cap counts within ('' for one group). */
		dutyGroup: text('duty_group').notNull().default(''),
		/** Appraisals: the score the person gave themself, in hundredths of a point (0–10000). */
		selfScore: integer('self_score'),
		/** Appraisals: the grade the person gave themself, and the committee's proposal. */
		selfGrade: text('self_grade', { enum: GRADE_VALUES }),
		proposedGrade: text('proposed_grade', { enum: GRADE_VALUES }),
		/** Appraisals: the grade the organiser confirms, with a reason when it differs. */
		finalGrade: text('final_grade', { enum: GRADE_VALUES }),
		finalReason: text('final_reason'),
		/**
		 * Appraisals: the facts the grade conditions read (shares of tasks, findings), recorded by
		 * the organiser before or after the vote; `null` until recorded. JSON, read by zod.
		 */
		conditions: text({ mode: 'json' })
	},
	(table) => [
		index('subject_session_position').on(table.sessionId, table.position),
		index('subject_person').on(table.personId)
	]
);

export const CREDENTIAL_STATUSES = ['unused', 'used', 'void'] as const;

/**
 * A QR ballot card. Only hashes of its token and short code are stored; nothing records who
 * received it or when it was used, and no ballot refers to it. WITHOUT ROWID (see the
 * migration): rows are ordered by hash, not by issue.
 */
export const credential = sqliteTable(
	'credential',
	{
		tokenHash: text('token_hash').primaryKey(),
		codeHash: text('code_hash').notNull().unique(),
		sessionId: text('session_id')
			.notNull()
			.references(() => voteSession.id, { onDelete: 'cascade' }),
		status: text({ enum: CREDENTIAL_STATUSES }).notNull().default('unused'),
		/**
		 * Hash of the submission nonce that used the card, so a phone retrying the same
		 * submission after a network drop is told "received" instead of "already used".
		 */
		submissionHash: text('submission_hash')
	},
	(table) => [
		index('credential_session_status').on(table.sessionId, table.status),
		check('credential_status_known', sql`${table.status} in ('unused', 'used', 'void')`)
	]
);

/**
 * What is left of a closed session's cards: one fingerprint per token and one per short code
 * (a hash of the card's hash, so no card hash survives), so that a card scanned or typed after
 * closing is told voting has ended. Every card issued is kept, used, unused or voided alike,
 * with no status and nothing pairing a token with its code: a row says only "this card was
 * issued for this session". WITHOUT ROWID (see the migration): ordered by fingerprint.
 */
export const closedCard = sqliteTable(
	'closed_card',
	{
		fingerprint: text().primaryKey(),
		sessionId: text('session_id')
			.notNull()
			.references(() => voteSession.id, { onDelete: 'cascade' })
	},
	(table) => [index('closed_card_session').on(table.sessionId)]
);

/**
 * A returned ballot. Anonymity by construction: a 128-bit random id, the session, nothing
 * else. No time, no sequence, no reference to a card, a device or an address; WITHOUT ROWID
 * (see the migration) so the table keeps no insertion order either.
 */
export const ballot = sqliteTable(
	'ballot',
	{
		id: text().primaryKey(),
		sessionId: text('session_id')
			.notNull()
			.references(() => voteSession.id, { onDelete: 'cascade' }),
		/**
		 * An invalid ballot: the voter marked nothing at all, or (paper) the tally committee ruled
		 * it invalid as a whole. Score sheets are not linked to their ballot, so validity is
		 * recorded here when the ballot is cast.
		 */
		blank: integer({ mode: 'boolean' }).notNull().default(false)
	},
	(table) => [index('ballot_session').on(table.sessionId)]
);

/**
 * One mark on a ballot; a row left blank has no mark. WITHOUT ROWID (see the migration).
 * The index by person and mark holds the count itself: the tally reads it instead of sorting
 * every mark (1,000,000 marks: 0.15 s against 1.5 s).
 */
export const ballotChoice = sqliteTable(
	'ballot_choice',
	{
		ballotId: text('ballot_id')
			.notNull()
			.references(() => ballot.id, { onDelete: 'cascade' }),
		subjectId: text('subject_id')
			.notNull()
			.references(() => subject.id, { onDelete: 'cascade' }),
		choice: text().notNull()
	},
	(table) => [
		primaryKey({ columns: [table.ballotId, table.subjectId] }),
		index('ballot_choice_subject_choice').on(table.subjectId, table.choice)
	]
);

/**
 * One voter's scores for one person. Deliberately not linked to the ballot: a voter's sheets
 * for different people cannot be put back together, so no scoring pattern identifies a voter.
 * WITHOUT ROWID (see the migration).
 */
export const scoreSheet = sqliteTable(
	'score_sheet',
	{
		id: text().primaryKey(),
		sessionId: text('session_id')
			.notNull()
			.references(() => voteSession.id, { onDelete: 'cascade' }),
		subjectId: text('subject_id')
			.notNull()
			.references(() => subject.id, { onDelete: 'cascade' })
	},
	(table) => [index('score_sheet_session').on(table.sessionId)]
);

/** A criterion's score on a sheet, in half points. WITHOUT ROWID (see the migration). */
export const scoreEntry = sqliteTable(
	'score_entry',
	{
		sheetId: text('sheet_id')
			.notNull()
			.references(() => scoreSheet.id, { onDelete: 'cascade' }),
		criterionId: text('criterion_id').notNull(),
		halfPoints: integer('half_points').notNull()
	},
	(table) => [
		primaryKey({ columns: [table.sheetId, table.criterionId] }),
		check('score_entry_not_negative', sql`${table.halfPoints} >= 0`)
	]
);

/** Score-sheet templates an organiser saved for reuse. */
export const scoreTemplate = sqliteTable(
	'score_template',
	{
		id: text().primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => user.id),
		name: text().notNull(),
		criteria: text({ mode: 'json' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [index('score_template_owner').on(table.ownerId)]
);

/**
 * A receipt code shown to a phone after its ballot is in, listed publicly after publication so
 * a voter can see their ballot was counted. Stored apart from ballots, with nothing linking the
 * two: a receipt proves inclusion, never a choice. WITHOUT ROWID (see the migration).
 */
export const receipt = sqliteTable(
	'receipt',
	{
		sessionId: text('session_id')
			.notNull()
			.references(() => voteSession.id, { onDelete: 'cascade' }),
		code: text().notNull()
	},
	(table) => [primaryKey({ columns: [table.sessionId, table.code] })]
);

/** The tally committee (ban kiểm phiếu) named for a session's minutes. */
export const committeeMember = sqliteTable(
	'committee_member',
	{
		id: text().primaryKey(),
		sessionId: text('session_id')
			.notNull()
			.references(() => voteSession.id, { onDelete: 'cascade' }),
		position: integer().notNull(),
		fullName: text('full_name').notNull(),
		/** e.g. Trưởng ban, Thành viên. */
		roleTitle: text('role_title').notNull(),
		/** The member's tally-committee account, if they were given one. */
		userId: text('user_id').references(() => user.id)
	},
	(table) => [
		index('committee_member_session').on(table.sessionId),
		index('committee_member_user').on(table.userId)
	]
);

/** A committee account's confirmation of the count. */
export const countConfirmation = sqliteTable(
	'count_confirmation',
	{
		sessionId: text('session_id')
			.notNull()
			.references(() => voteSession.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id),
		confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [primaryKey({ columns: [table.sessionId, table.userId] })]
);

export const AUDIT_ACTIONS = [
	'opened',
	'closed',
	'cards_issued',
	'cards_voided',
	'paper_issued',
	/**
	 * Ballots handed out beyond the people present, on the organiser's confirmation (detail: the
	 * reason they typed). Stated in the minutes.
	 */
	'issued_beyond_present',
	'count_confirmed',
	'published',
	/** A migration corrected the session's rules (detail: the shipped preset's id). */
	'rule_corrected',
	/** Confirmations of figures that the correction changed were withdrawn (detail: how many). */
	'confirmations_withdrawn',
	/** An appraisal's grade conditions recorded or changed for a person (detail: their name). */
	'conditions_recorded',
	/** A higher cap rate set by the competent level (detail: the rate and document), or cleared. */
	'cap_rate_recorded',
	/** The confirmations required before publishing changed, before voting opened (detail: old → new). */
	'confirmations_required_changed',
	/** A tally-committee account was created for a member (detail: their name); it sets its own password. */
	'committee_account_created',
	/** A new one-time link for a committee account not yet set up, replacing the old (detail: name). */
	'committee_link_renewed',
	/** The session's committee accounts were disabled once it was published (detail: how many). */
	'committee_accounts_disabled',
	/** Appraisals: a final grade confirmed or changed before publication (detail: name and grade). */
	'grade_confirmed',
	/** A paper ballot entered or corrected by the tally committee (detail: a count, never its marks). */
	'paper_ballot_entered',
	/** A published result corrected by an amendment (detail: what and why). */
	'amended'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Who did what to a session, and when. Never a ballot's contents, never anything about a card
 * or a voter: only the steps that make a result official.
 */
export const auditEvent = sqliteTable(
	'audit_event',
	{
		id: integer().primaryKey({ autoIncrement: true }),
		sessionId: text('session_id')
			.notNull()
			.references(() => voteSession.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => user.id),
		action: text({ enum: AUDIT_ACTIONS }).notNull(),
		/** A count or a setting, e.g. "12" cards issued; never a ballot's content. */
		detail: text().notNull().default(''),
		at: integer({ mode: 'timestamp_ms' }).notNull()
	},
	(table) => [index('audit_event_session').on(table.sessionId)]
);

/**
 * A one-time link that lets a new tally-committee account choose its own password, so that the
 * organiser never knows it. Only the token's SHA-256 is stored; the link is shown once.
 */
export const accountSetup = sqliteTable('account_setup', {
	/** SHA-256 of the link's token, hex. */
	tokenHash: text('token_hash').primaryKey(),
	userId: text('user_id')
		.notNull()
		.unique()
		.references(() => user.id, { onDelete: 'cascade' }),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
});

/**
 * A correction of a published result: the result itself never changes; an amendment states
 * what is corrected and why, and is shown beside the result everywhere it appears.
 */
export const amendment = sqliteTable(
	'amendment',
	{
		id: text().primaryKey(),
		sessionId: text('session_id')
			.notNull()
			.references(() => voteSession.id, { onDelete: 'cascade' }),
		/** Who made it. */
		userId: text('user_id').references(() => user.id),
		at: integer({ mode: 'timestamp_ms' }).notNull(),
		/** Why, e.g. the decision or complaint that led to it. */
		reason: text().notNull(),
		/** What is corrected, in the organiser's words. */
		correction: text().notNull(),
		/** Appraisals: a corrected final grade, its person and the grade before and after. */
		subjectId: text('subject_id').references(() => subject.id, { onDelete: 'cascade' }),
		gradeBefore: text('grade_before', { enum: GRADE_VALUES }),
		gradeAfter: text('grade_after', { enum: GRADE_VALUES })
	},
	(table) => [index('amendment_session').on(table.sessionId, table.at)]
);

export type VoteSession = typeof voteSession.$inferSelect;
export type Subject = typeof subject.$inferSelect;
export type Credential = typeof credential.$inferSelect;
