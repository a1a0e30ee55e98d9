/**
 * An appraisal's part of the export model: the rules the grades were made by (bands, conditions,
 * the cap) and, per person, the grade's making in the order the rules take it: self-assessment,
 * the vote and its grade (the band), each unmet condition with its reason, the grade after the
 * conditions, the cap in the person's duty group, the collective result, the proposal and the
 * final grade. Worded texts follow the current language, as in the rest of the model.
 */
import { z } from 'zod';
import {
	CAP_SCOPES,
	FINDINGS,
	TASK_SHARES,
	type GradeCondition
} from '$lib/tally/appraisal-presets';
import { capBreaches } from '$lib/tally/cap';
import { factsOf } from '$lib/tally/conditions';
import { figuresHold, reconcile } from '$lib/tally/confidence';
import { GRADES, type Grade } from '$lib/tally/grades';
import { conditionCapReason, conditionRule, localized } from '$lib/wording';
import { gradesAsTheyStand, type AppraisalReport, type AppraisalRow } from '../results/count';
import { storedConditionRecord } from '../sessions/stored-presets';
import { count, exact, grade, points, truncated } from './fields';

const wholePercent = z.number().int().min(0).max(100);
/** The lowest grade a condition is needed for; it is needed for every better one too. */
const keeps = z.enum(['excellent', 'good', 'completed']);

/** A grade condition as data, with its article in words. */
const conditionRuleSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('share_at_least'),
		share: z.enum(TASK_SHARES),
		percent: wholePercent,
		keeps,
		article: z.string()
	}),
	/** Tasks completed late (completed less those on time): at most this share. */
	z.strictObject({
		kind: z.literal('late_at_most'),
		percent: wholePercent,
		keeps,
		article: z.string()
	}),
	z.strictObject({ kind: z.literal('shortcomings_fixed'), keeps, article: z.string() }),
	z.strictObject({
		kind: z.literal('no_finding'),
		finding: z.enum(FINDINGS),
		keeps,
		article: z.string()
	})
]);

/** What the organiser recorded for the person: shares of tasks in whole percent, findings. */
const conditionRecord = z.strictObject(storedConditionRecord.shape);

const appraisalSubject = z.strictObject({
	number: z.number().int().positive(),
	personId: z.string(),
	fullName: z.string(),
	jobTitle: z.string(),
	/** The group of people with similar duties the cap counts within; `""` for the one default group. */
	dutyGroup: z.string(),
	/** The person's own score (points, two decimals) and grade, recorded before the vote. */
	selfScore: points.nullable(),
	selfGrade: grade,
	votes: z
		.strictObject({
			counts: z.strictObject({
				excellent: z.number().int(),
				good: z.number().int(),
				completed: z.number().int(),
				not_completed: z.number().int()
			}),
			total: z.number().int(),
			median: grade
		})
		.nullable(),
	score: z
		.strictObject({
			sheets: z.number().int(),
			/** Points, truncated to two decimals as shown; `exact` holds the rational. */
			total: points.nullable(),
			exact: exact.nullable(),
			criteria: z.array(
				z.strictObject({
					id: z.string(),
					name: z.string(),
					maximum: z.number(),
					mean: points.nullable()
				})
			)
		})
		.nullable(),
	/** The conditions' facts as recorded, or `null` while none are. */
	conditions: conditionRecord.nullable(),
	/** The vote's grade alone: the score's band, or the grade votes' median. */
	band: grade,
	/** The rules have conditions and none are recorded: the grades below are provisional. */
	conditionsPending: z.boolean(),
	/** Each unmet condition that lowered the band, the hardest last, with its reason in words. */
	conditionCaps: z.array(z.strictObject({ rule: conditionRuleSchema, reason: z.string() })),
	afterConditions: grade,
	/** Moved down to good by the cap in the person's group (`"tie"`: a person must decide). */
	capMove: z.enum(['cap', 'tie']).nullable(),
	/** The collective result: the band once the conditions and the cap are applied. */
	collectiveResult: grade,
	/** The counted score lies 5 points or more from the self-score. */
	departsFromSelfScore: z.boolean(),
	proposedGrade: grade,
	/** As published: an amendment never changes it. */
	finalGrade: grade,
	finalReason: z.string().nullable(),
	/** The latest amendment's grade, the person's effective final grade; `null` when not amended. */
	amendedGrade: grade
});

const names = z.array(z.string());

/** The cap's count in one duty group (or over the session, when the rules count it so). */
const capGroup = z.strictObject({
	group: z.string(),
	allowed: count,
	candidates: count,
	goodBefore: count,
	/** Full names, in the order moved (lowest-ranked first). */
	moved: names,
	tie: z.strictObject({ names, slots: count }).nullable()
});

export const appraisalExportSchema = z.strictObject({
	/** `"figures"`: the count's figures contradict each other, so no grade rests on them. */
	gradesWithheld: z.enum(['figures']).nullable(),
	/** The score bands (minimum points, best first) and the article that sets them. */
	bands: z.array(z.strictObject({ grade: z.enum(GRADES), minimum: z.number() })),
	bandsArticle: z.string(),
	/** The rules' conditions, each as data and as the rule words it with its article. */
	conditions: z.array(z.strictObject({ rule: conditionRuleSchema, text: z.string() })),
	cap: z
		.strictObject({
			/** The rate in force: the rules' own, or one recorded for the session (higher, or where they set none). */
			ratio: exact,
			scope: z.enum(CAP_SCOPES),
			/** A rate set by the competent level, with the document that sets it. */
			recordedRate: z.strictObject({ percent: wholePercent, document: z.string() }).nullable(),
			groups: z.array(capGroup),
			/** Groups whose grades as they stand (final, else the collective result) break the cap. */
			breaches: z.array(
				z.strictObject({ group: z.string(), excellent: count, good: count, allowed: count })
			)
		})
		.nullable(),
	subjects: z.array(appraisalSubject)
});

type AppraisalExport = z.output<typeof appraisalExportSchema>;

function ruleOf(condition: GradeCondition): z.output<typeof conditionRuleSchema> {
	return { ...condition, article: localized(condition.article) };
}

/**
 * No grade rests on figures that contradict each other, as no confidence band does: the vote's
 * grade, the conditions, the cap and the collective result are withheld; the counts, the
 * organiser's records and the final grades stay as they are, and the cap is checked on those.
 */
function withGradesWithheld(report: AppraisalReport): AppraisalReport {
	const rows = report.rows.map((row): AppraisalRow => ({
		...row,
		collective: null,
		conditional: null,
		capped: null,
		move: null
	}));
	const { ratio, perGroup } = report.cap;
	return {
		...report,
		rows,
		cap: {
			...report.cap,
			groups: [],
			moves: [],
			tiedIds: [],
			breaches: capBreaches(gradesAsTheyStand({ rows }), ratio, perGroup)
		}
	};
}

function subjectOf(
	report: AppraisalReport,
	amended: ReadonlyMap<string, Grade>,
	row: AppraisalRow,
	index: number
) {
	const { subject, conditional, record } = row;
	const facts = record && factsOf(record);
	return {
		number: index + 1,
		personId: subject.personId,
		fullName: subject.fullName,
		jobTitle: subject.jobTitle,
		dutyGroup: subject.dutyGroup,
		selfScore: subject.selfScore,
		selfGrade: subject.selfGrade,
		votes: row.votes
			? { counts: row.votes.counts, total: row.votes.votes, median: row.votes.median }
			: null,
		score: row.score
			? {
					sheets: row.score.sheets,
					total: truncated(row.score.total),
					exact: row.score.total,
					criteria: report.criteria.map((criterion) => ({
						id: criterion.id,
						name: criterion.name,
						maximum: criterion.maximum,
						mean: truncated(row.score?.means[criterion.id])
					}))
				}
			: null,
		conditions: record,
		band: row.collective,
		conditionsPending: conditional?.pending ?? false,
		conditionCaps: facts
			? (conditional?.caps ?? []).map((condition) => ({
					rule: ruleOf(condition),
					reason: conditionCapReason(condition, facts)
				}))
			: [],
		afterConditions: conditional?.grade ?? null,
		capMove: row.move ? (row.move.tied ? ('tie' as const) : ('cap' as const)) : null,
		collectiveResult: row.capped,
		departsFromSelfScore: row.departsFromSelfScore,
		proposedGrade: subject.proposedGrade,
		finalGrade: subject.finalGrade,
		finalReason: subject.finalReason,
		amendedGrade: amended.get(subject.id) ?? null
	};
}

/** The cap at the rate in force: the rules' own, or the one recorded where they set none. */
function capOf(report: AppraisalReport): AppraisalExport['cap'] {
	const { cap } = report;
	if (!cap.ratio) return null;
	const nameOf = (id: string) =>
		report.rows.find((row) => row.subject.id === id)?.subject.fullName ?? '';
	return {
		ratio: cap.ratio,
		scope: cap.perGroup ? 'duty_group' : 'unit',
		recordedRate: cap.recordedRate,
		groups: cap.groups.map((group) => ({
			group: group.group,
			allowed: group.allowed,
			candidates: group.candidates,
			goodBefore: group.goodBefore,
			moved: group.moves.filter((move) => !move.tied).map((move) => nameOf(move.id)),
			tie: group.tie ? { names: group.tie.ids.map(nameOf), slots: group.tie.slots } : null
		})),
		breaches: cap.breaches
	};
}

export function appraisalPart(
	counted: AppraisalReport,
	amended: ReadonlyMap<string, Grade>
): AppraisalExport {
	const holds = figuresHold(reconcile(counted.totals));
	const report = holds ? counted : withGradesWithheld(counted);
	const { preset } = report.rules;
	return {
		gradesWithheld: holds ? null : 'figures',
		bands: preset.bands.map(({ grade, minimum }) => ({ grade, minimum })),
		bandsArticle: localized(preset.bandsArticle),
		conditions: preset.conditions.map((condition) => ({
			rule: ruleOf(condition),
			text: conditionRule(condition)
		})),
		cap: capOf(report),
		subjects: report.rows.map((row, index) => subjectOf(report, amended, row, index))
	};
}
