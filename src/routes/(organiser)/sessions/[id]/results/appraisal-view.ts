/**
 * An appraisal's report as the results page shows it: each person with the making of their grade
 * (the band, each condition that capped it with its reason, the cap's move), and the cap in force.
 */
import type { AppraisalReport, AppraisalRow } from '$lib/server/results/count';
import { factsOf } from '$lib/tally/conditions';
import type { Grade } from '$lib/tally/grades';
import { conditionCapReason } from '$lib/wording';
import { factsAsked } from '../conditions/record';

/** Why each unmet condition capped the grade, worded by the one function that words them. */
function capReasons({ record, conditional }: AppraisalRow): string[] {
	if (!record || !conditional) return [];
	const facts = factsOf(record);
	return conditional.caps.map((condition) => conditionCapReason(condition, facts));
}

/** The cap in force and what the refusals and the rate form need to word it. */
function capView(report: AppraisalReport) {
	return {
		...report.cap,
		presetRatio: report.rules.preset.cap?.ratio ?? null,
		source: report.rules.preset.cap?.source ?? null
	};
}

/** `amended`: each amended person's grade after the latest amendment of the published result. */
export function appraisalView(report: AppraisalReport, amended: ReadonlyMap<string, Grade>) {
	return {
		kind: 'appraisal' as const,
		mode: report.rules.mode,
		period: report.rules.period,
		preset: report.rules.preset,
		criteria: report.criteria,
		facts: factsAsked(report.rules.preset.conditions),
		totals: report.totals,
		cap: capView(report),
		rows: report.rows.map((row) => ({
			id: row.subject.id,
			personId: row.subject.personId,
			fullName: row.subject.fullName,
			jobTitle: row.subject.jobTitle,
			dutyGroup: row.subject.dutyGroup,
			selfScore: row.subject.selfScore,
			selfGrade: row.subject.selfGrade,
			proposedGrade: row.subject.proposedGrade,
			finalGrade: row.subject.finalGrade,
			finalReason: row.subject.finalReason,
			amendedGrade: amended.get(row.subject.id) ?? null,
			record: row.record,
			votes: row.votes,
			score: row.score,
			collective: row.collective,
			afterConditions: row.conditional?.grade ?? null,
			pending: row.conditional?.pending ?? false,
			capReasons: capReasons(row),
			capped: row.capped,
			move: row.move,
			departsFromSelfScore: row.departsFromSelfScore
		}))
	};
}
