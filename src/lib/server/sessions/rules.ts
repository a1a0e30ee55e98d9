/**
 * What a session is about and by which rules it is counted, read from and written to the
 * session's columns as one typed value.
 */
import type { Period } from '$lib/periods';
import type { AppraisalPreset } from '$lib/tally/appraisal-presets';
import type { ConfidencePreset } from '$lib/tally/presets';
import type { Criterion } from '$lib/tally/score-template';
import type { AppraisalMode, VoteSession } from '../db/schema';
import { readAppraisalPreset, readConfidencePreset, readCriteria } from './stored-presets';

export type SessionRules =
	| { kind: 'confidence'; preset: ConfidencePreset }
	| {
			kind: 'appraisal';
			preset: AppraisalPreset;
			mode: AppraisalMode;
			period: Period;
			/** The score sheet's criteria; `null` for a grade vote. */
			criteria: Criterion[] | null;
	  };

export type AppraisalRules = Extract<SessionRules, { kind: 'appraisal' }>;

/** The session columns that hold its rules. */
export type RuleColumn =
	| 'kind'
	| 'preset'
	| 'mode'
	| 'periodKind'
	| 'periodYear'
	| 'periodQuarter'
	| 'periodLabel'
	| 'criteria';

type RuleColumns = Pick<VoteSession, RuleColumn>;

function periodFromRow(row: RuleColumns): Period {
	switch (row.periodKind) {
		case 'quarter':
			return {
				kind: 'quarter',
				year: row.periodYear ?? 0,
				quarter: (row.periodQuarter ?? 1) as 1 | 2 | 3 | 4
			};
		case 'year':
			return { kind: 'year', year: row.periodYear ?? 0 };
		default:
			return { kind: 'term', label: row.periodLabel ?? '' };
	}
}

export function rulesFromRow(row: RuleColumns): SessionRules {
	if (row.kind === 'confidence')
		return { kind: 'confidence', preset: readConfidencePreset(row.preset) };
	return {
		kind: 'appraisal',
		preset: readAppraisalPreset(row.preset),
		mode: row.mode ?? 'grades',
		period: periodFromRow(row),
		criteria: row.mode === 'scores' ? readCriteria(row.criteria) : null
	};
}

export function rulesToColumns(rules: SessionRules): RuleColumns {
	if (rules.kind === 'confidence') {
		return {
			kind: 'confidence',
			preset: rules.preset,
			mode: null,
			periodKind: null,
			periodYear: null,
			periodQuarter: null,
			periodLabel: null,
			criteria: null
		};
	}
	const { period } = rules;
	return {
		kind: 'appraisal',
		preset: rules.preset,
		mode: rules.mode,
		periodKind: period.kind,
		periodYear: period.kind === 'term' ? null : period.year,
		periodQuarter: period.kind === 'quarter' ? period.quarter : null,
		periodLabel: period.kind === 'term' ? period.label : null,
		criteria: rules.mode === 'scores' ? rules.criteria : null
	};
}
